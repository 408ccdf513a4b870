// 妇女与健康: every numeric target of the five plans, written down from the plan texts.
// Each row: [target id, indicator code, rule kind, value(s), strict, indicator unit].
// at_most/at_least → [value] with strict; balanced → [low, high] with strict null.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CatalogueAreaSchema, PlanAreaSchema, type Indicator, type Target } from '../../shared/framework/schema.ts';
import { FRAMEWORKS_DIR } from '../helpers/paths.ts';

type Row = [id: string, indicator: string, kind: 'at_most' | 'at_least' | 'about' | 'range' | 'balanced', values: number[], strict: boolean | null, unit: string];

const AREA = 'health';
const NUMERIC_KINDS = new Set(['at_most', 'at_least', 'about', 'range', 'balanced']);
/** Targets whose number is implied by the wording (每个…至少有1…, 至少保证有1人) rather than printed as such. */
const IMPLIED_NUMBER = new Set(['jiahe-H-M02-1', 'kelan-H-M11-1', 'kelan-H-M11-2']);

const TABLE: Record<string, Row[]> = {
  taobei: [
    ['taobei-H-G02-1', 'H03', 'at_most', [12], false, '1/10万'],        // 孕产妇死亡率控制在12/10万以下
    ['taobei-H-G03-2', 'H06', 'at_least', [70], false, '%'],            // 适龄妇女宫颈癌人群筛查率达到70%以上
    ['taobei-H-G05-2', 'H18', 'at_most', [2], false, '%'],              // 艾滋病母婴传播率下降到2%以下
    ['taobei-H-M04-1', 'H04', 'at_least', [90], false, '%'],            // 孕产妇系统管理率达到90%以上
    ['taobei-H-M05-1', 'H12', 'at_least', [90], false, '%'],            // 宫颈癌和乳腺癌防治知识知晓率达到90%以上
    ['taobei-H-M05-2', 'H11', 'at_least', [90], false, '%'],            // 宫颈癌患者治疗率达到90%以上
    ['taobei-H-M07-1', 'H13', 'at_least', [98], false, '%'],            // 孕产妇艾滋病、梅毒和乙肝检测率达到98%以上
    ['taobei-H-M07-2', 'H14', 'at_least', [98], false, '%'],
    ['taobei-H-M07-3', 'H15', 'at_least', [98], false, '%'],
    ['taobei-H-M07-4', 'H16', 'at_least', [95], false, '%'],            // 艾滋病、梅毒孕产妇感染者治疗率达到95%以上
    ['taobei-H-M07-5', 'H17', 'at_least', [95], false, '%'],
  ],
  jinkouhe: [
    ['jinkouhe-H-G02-1', 'H03', 'at_most', [12], false, '1/10万'],      // 孕产妇死亡率下降到 12/10 万以下
    ['jinkouhe-H-G03-2', 'H06', 'at_least', [70], false, '%'],
    ['jinkouhe-H-G05-2', 'H18', 'at_most', [2], false, '%'],
    ['jinkouhe-H-M04-1', 'H04', 'at_least', [90], false, '%'],
    ['jinkouhe-H-M05-1', 'H12', 'at_least', [90], false, '%'],
    ['jinkouhe-H-M05-2', 'H10', 'at_least', [70], false, '%'],          // 促进70%的妇女在35—45岁接受高效宫颈癌筛查
    ['jinkouhe-H-M05-3', 'H11', 'at_least', [90], false, '%'],
    ['jinkouhe-H-M07-1', 'H13', 'at_least', [98], false, '%'],
    ['jinkouhe-H-M07-2', 'H14', 'at_least', [98], false, '%'],
    ['jinkouhe-H-M07-3', 'H15', 'at_least', [98], false, '%'],
    ['jinkouhe-H-M07-4', 'H16', 'at_least', [95], false, '%'],
    ['jinkouhe-H-M07-5', 'H17', 'at_least', [95], false, '%'],
  ],
  jiutai: [
    ['jiutai-H-G02-1', 'H03', 'at_most', [12], false, '1/10万'],
    ['jiutai-H-G03-2', 'H06', 'at_least', [70], false, '%'],
    ['jiutai-H-G03-4', 'H11', 'at_least', [90], false, '%'],            // 宫颈癌患者治疗率达90%以上 (in 主要目标 here)
    ['jiutai-H-G05-2', 'H18', 'at_most', [2], false, '%'],
    ['jiutai-H-G05-3', 'H13', 'at_least', [98], false, '%'],
    ['jiutai-H-G05-4', 'H14', 'at_least', [98], false, '%'],
    ['jiutai-H-G05-5', 'H15', 'at_least', [98], false, '%'],
    ['jiutai-H-G05-6', 'H16', 'at_least', [95], false, '%'],
    ['jiutai-H-G05-7', 'H17', 'at_least', [95], false, '%'],
    ['jiutai-H-M04-1', 'H04', 'at_least', [90], false, '%'],
    ['jiutai-H-M05-1', 'H12', 'at_least', [90], false, '%'],
    ['jiutai-H-M05-2', 'H08', 'at_least', [70], false, '%'],            // 农村适龄妇女宫颈癌和乳腺癌筛查覆盖率分别达到70%以上
    ['jiutai-H-M05-3', 'H09', 'at_least', [70], false, '%'],
  ],
  jiahe: [
    ['jiahe-H-G03-1', 'H03', 'at_most', [12], false, '1/10万'],
    ['jiahe-H-G04-2', 'H06', 'at_least', [70], false, '%'],             // 达70%以上
    ['jiahe-H-G05-2', 'H18', 'at_most', [3], false, '%'],               // 艾滋病母婴传播率下降至3%以下
    ['jiahe-H-M02-1', 'H28', 'at_least', [100], false, '%'],            // 村级至少保证有1人承担妇幼健康服务工作
    ['jiahe-H-M04-1', 'H27', 'at_least', [1], false, '个'],             // 县城至少设置1个危重孕产妇救治中心
    ['jiahe-H-M04-2', 'H04', 'at_least', [90], false, '%'],
    ['jiahe-H-M05-1', 'H12', 'at_least', [90], false, '%'],
    ['jiahe-H-M05-2', 'H10', 'at_least', [70], false, '%'],             // 促进70%的妇女在35岁至45岁接受高效宫颈癌筛查
    ['jiahe-H-M05-3', 'H11', 'at_least', [90], true, '%'],              // 得到治疗的比例超过90%
    ['jiahe-H-M06-1', 'H13', 'at_least', [95], false, '%'],             // 检测率达到95%以上 (not 98)
    ['jiahe-H-M06-2', 'H14', 'at_least', [95], false, '%'],
    ['jiahe-H-M06-3', 'H15', 'at_least', [95], false, '%'],
    ['jiahe-H-M06-4', 'H16', 'at_least', [95], false, '%'],
    ['jiahe-H-M06-5', 'H17', 'at_least', [95], false, '%'],
    ['jiahe-H-M06-6', 'H19', 'at_most', [15], false, '1/10万'],         // 先天梅毒报告发病率控制在15/10万以下
  ],
  kelan: [
    ['kelan-H-G01-2', 'H01', 'at_least', [78.1], false, '岁'],          // 妇女人均预期寿命达到 78.1 岁
    ['kelan-H-G02-1', 'H03', 'at_most', [12.5], false, '1/10万'],       // 下降到 12.5/10 万以内
    ['kelan-H-G05-3', 'H18', 'at_most', [2.5], false, '%'],             // 下降到 2.5%以下
    ['kelan-H-G10-2', 'H24', 'at_least', [50], false, '%'],             // 体育人口占比达到 50%以上
    ['kelan-H-G10-3', 'H26', 'at_least', [90], false, '%'],             // 妇女体质测定标准合格率以上的比例达到 90%
    ['kelan-H-M11-1', 'H30', 'at_least', [100], false, '%'],            // 每个乡镇办好一所标准化建设的乡镇卫生院
    ['kelan-H-M11-2', 'H29', 'at_least', [100], false, '%'],            // 每个行政村至少有1所…村卫生室
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
    const [, sec, item] = /^[a-z]+-H-(G|M)(\d{2})-\d$/.exec(id) ?? [];
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
