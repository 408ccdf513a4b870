// 妇女与教育: every numeric target of the five plans, written down from the plan texts.
// Each row: [target id, indicator code, rule kind, value(s), strict, indicator unit].
// at_most/at_least → [value] with strict; balanced → [low, high] with strict null.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CatalogueAreaSchema, PlanAreaSchema, type Indicator, type Target } from '../../shared/framework/schema.ts';
import { FRAMEWORKS_DIR } from '../helpers/paths.ts';

type Row = [id: string, indicator: string, kind: 'at_most' | 'at_least' | 'about' | 'range' | 'balanced', values: number[], strict: boolean | null, unit: string];

const AREA = 'education';
const NUMERIC_KINDS = new Set(['at_most', 'at_least', 'about', 'range', 'balanced']);
/** Targets whose number is implied by the wording (消除女童辍学现象 → none left) rather than printed as such. */
const IMPLIED_NUMBER = new Set(['jiahe-E-G05-1']);

const TABLE: Record<string, Row[]> = {
  taobei: [
    ['taobei-E-G03-1', 'E01', 'balanced', [45, 55], null, '%'],           // 义务教育学校在校生中男女比例保持均衡
    ['taobei-E-G04-1', 'E07', 'at_least', [95], false, '%'],              // 高中阶段毛入学率达到95%
    ['taobei-E-G06-1', 'E10', 'balanced', [45, 55], null, '%'],           // 高等学校在校生中男女比例保持均衡
    ['taobei-E-G06-2', 'E11', 'balanced', [45, 55], null, '%'],           // 高等教育学科专业的性别结构趋于平衡
  ],
  jinkouhe: [
    ['jinkouhe-E-G04-1', 'E03', 'at_least', [96], false, '%'],            // 九年义务教育巩固率达到 96%以上
    ['jinkouhe-E-G05-1', 'E07', 'at_least', [95], false, '%'],            // 高中阶段毛入学率达到并保持在 95%以上
  ],
  jiutai: [
    ['jiutai-E-G03-1', 'E03', 'at_least', [99], false, '%'],              // 义务教育巩固率提高到99%以上
    ['jiutai-E-G04-1', 'E07', 'at_least', [100], false, '%'],             // 高中阶段教育毛入学率达到100%
    ['jiutai-E-G06-1', 'E10', 'balanced', [45, 55], null, '%'],           // 高校在校生中男女比例保持均衡
    ['jiutai-E-G06-2', 'E11', 'balanced', [45, 55], null, '%'],           // 性别结构逐步趋于平衡
  ],
  jiahe: [
    ['jiahe-E-G04-1', 'E02', 'balanced', [45, 55], null, '%'],            // 在园男童女童比例保持均衡
    ['jiahe-E-G05-1', 'E06', 'at_most', [0], false, '人'],                // 消除女童辍学现象
    ['jiahe-E-G05-2', 'E03', 'at_least', [98.5], false, '%'],             // 九年义务教育巩固率稳定在98.5%
    ['jiahe-E-G06-1', 'E07', 'at_least', [93.5], false, '%'],             // 高中阶段教育毛入学率达到93.5％
    ['jiahe-E-G07-1', 'E09', 'at_least', [50], false, '%'],               // 高等教育毛入学率达到50％
    ['jiahe-E-G09-3', 'E14', 'at_least', [15], false, '%'],               // 女性具备科学素质的比例达到15%
  ],
  kelan: [
    ['kelan-E-G04-1', 'E04', 'at_least', [99.95], false, '%'],            // 小学、初中阶段净入学率均保持在 99.95%以上
    ['kelan-E-G04-2', 'E05', 'at_least', [99.95], false, '%'],
    ['kelan-E-G05-1', 'E07', 'at_least', [95], false, '%'],               // 高中阶段毛入学率达到 95%以上
    ['kelan-E-G06-1', 'E11', 'balanced', [45, 55], null, '%'],            // 高等教育学科专业的性别结构逐步趋于平衡
    ['kelan-E-G07-2', 'E18', 'at_least', [80], false, '%'],               // 从业女性职业技能培训参与率达到 80%
    ['kelan-E-G10-2', 'E17', 'at_least', [11.6], false, '年'],            // 劳动年龄女性平均受教育年限达到 11.6 年
  ],
};

const squash = (text: string) => text.replace(/\s+/g, '');
const catalogue = CatalogueAreaSchema.parse(JSON.parse(readFileSync(join(FRAMEWORKS_DIR, 'catalogue', `${AREA}.json`), 'utf8')));
const indicators = new Map<string, Indicator>(catalogue.indicators.map((i) => [i.code, i]));

function ruleValues(target: Target): { values: number[]; strict: boolean | null } {
  const r = target.rule;
  switch (r.kind) {
    case 'at_most': case 'at_least': return { values: [r.value], strict: r.strict };
    case 'about': return { values: [r.value, r.tolerance], strict: null };
    case 'range': return { values: [r.min, r.max], strict: r.minStrict || r.maxStrict };
    case 'balanced': return { values: [r.low, r.high], strict: null };
    default: return { values: [], strict: null };
  }
}

describe.each(Object.keys(TABLE))(`${AREA} targets of plan %s`, (planId) => {
  const area = PlanAreaSchema.parse(JSON.parse(readFileSync(join(FRAMEWORKS_DIR, 'plans', planId, `${AREA}.json`), 'utf8')));
  const byId = new Map(area.targets.map((t) => [t.id, t]));

  it.each(TABLE[planId])('%s → %s %s %j', (id, code, kind, values, strict, unit) => {
    const target = byId.get(id);
    expect(target, `${id} 缺失`).toBeDefined();
    if (!target) return;
    expect(target.indicator).toBe(code);
    expect(target.rule.kind).toBe(kind);
    expect(ruleValues(target)).toEqual({ values, strict });
    const indicator = indicators.get(code);
    expect(indicator, `${code} 不在目录中`).toBeDefined();
    expect(indicator && 'unit' in indicator ? indicator.unit : undefined).toBe(unit);
    const [, sec, item] = /^[a-z]+-E-(G|M)(\d{2})-\d$/.exec(id) ?? [];
    expect(target.source.section).toBe(sec === 'G' ? '主要目标' : '策略措施');
    expect(target.source.item).toBe(Number(item));
    const quote = squash(target.source.quote);
    expect(quote.includes(squash(target.text)), `${id} 的目标表述应出自引文`).toBe(true);
    if (!IMPLIED_NUMBER.has(id) && (kind === 'at_most' || kind === 'at_least')) {
      expect(quote.includes(String(values[0])), `${id} 的数值 ${values[0]} 应出现在引文中`).toBe(true);
    }
  });

  it('has no numeric target beyond the table', () => {
    const numeric = area.targets.filter((t) => NUMERIC_KINDS.has(t.rule.kind)).map((t) => t.id).sort();
    expect(numeric).toEqual(TABLE[planId].map((r) => r[0]).sort());
  });

  it('uses catalogue indicators of this area, qualitative rules only with qualitative indicators', () => {
    for (const t of area.targets) {
      const indicator = indicators.get(t.indicator);
      expect(indicator, `${t.id} → ${t.indicator}`).toBeDefined();
      expect(t.rule.kind === 'qualitative', t.id).toBe(indicator?.kind === 'qualitative');
    }
  });
});
