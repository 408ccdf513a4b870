// 妇女与环境: every target with a threshold, written from the five plans' own sentences.
// Reads the plan area files and the catalogue directly (the bundled loader only assembles once all eight areas exist).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CatalogueAreaSchema, PlanAreaSchema, type Indicator, type Target } from '../../shared/framework/schema.ts';
import { FRAMEWORKS_DIR } from '../helpers/paths.ts';

const AREA = 'environment';

/** [target id, indicator code, rule kind, value(s), strict, indicator unit] */
type NumericRow = [string, string, 'at_least' | 'at_most' | 'about' | 'range' | 'balanced', number[], boolean | boolean[] | null, string];
/** [target id, indicator code, rule kind, direction or op]: quantitative targets without a number of the plan's own */
type OtherRow = [string, string, 'trend' | 'external' | 'relative', string];

const NUMERIC: Record<string, NumericRow[]> = {
  taobei: [
    ['taobei-V-G06-1', 'V12', 'at_least', [95], false, '%'],        // 农村自来水普及率达到95%
  ],
  jinkouhe: [
    ['jinkouhe-V-G06-2', 'V12', 'at_least', [90], false, '%'],      // 农村自来水普及率达到90%
  ],
  jiutai: [
    ['jiutai-V-G07-1', 'V12', 'at_least', [95], false, '%'],        // 农村自来水普及率达到95%
  ],
  jiahe: [
    ['jiahe-V-G03-1', 'V12', 'at_least', [96], false, '%'],         // 农村自来水普及率达到96%
    ['jiahe-V-G05-2', 'V19', 'at_least', [100], false, '%'],        // 农村生活垃圾进行处理的行政村比例达到100%
  ],
  kelan: [
    ['kelan-V-G07-1', 'V12', 'at_least', [92], false, '%'],         // 农村自来水普及率稳定在92%以上
    ['kelan-V-G08-2', 'V15', 'about', [85, 4.3], null, '%'],        // 2025年达到85%左右 (± 5%)
  ],
};

const OTHER: Record<string, OtherRow[]> = {
  taobei: [
    ['taobei-V-G06-2', 'V13', 'trend', 'increase'],                  // 城市集中式饮用水水源水质不断改善
    ['taobei-V-G07-1', 'V15', 'trend', 'increase'],                  // 农村卫生厕所普及率稳步提高
  ],
  jinkouhe: [
    ['jinkouhe-V-G06-3', 'V13', 'trend', 'increase'],                // 提升城乡集中式饮用水水源水质
    ['jinkouhe-V-G07-1', 'V15', 'trend', 'increase'],                // 稳步提高农村卫生厕所普及率
  ],
  jiutai: [
    ['jiutai-V-G07-2', 'V13', 'trend', 'increase'],
    ['jiutai-V-G08-1', 'V15', 'trend', 'increase'],
  ],
  jiahe: [
    ['jiahe-V-G03-2', 'V13', 'trend', 'increase'],
    ['jiahe-V-G04-1', 'V15', 'external', 'at_least'],                // 农村卫生厕所基本普及 (no number in the plan)
  ],
  kelan: [
    ['kelan-V-G06-2', 'V11', 'external', 'at_least'],                // 确保完成国家下达的空气质量优良天数比例指标
    ['kelan-V-G07-2', 'V13', 'trend', 'increase'],
    ['kelan-V-G08-1', 'V15', 'trend', 'increase'],                   // 提高农村卫生厕所普及率
  ],
};

const catalogue = CatalogueAreaSchema.parse(JSON.parse(readFileSync(join(FRAMEWORKS_DIR, 'catalogue', `${AREA}.json`), 'utf8')));
const indicators = new Map<string, Indicator>(catalogue.indicators.map((i) => [i.code, i]));
const unitOf = (code: string): string => {
  const indicator = indicators.get(code);
  return indicator && indicator.kind !== 'qualitative' ? indicator.unit : '';
};

function numericRow(t: Target): NumericRow | null {
  const r = t.rule;
  switch (r.kind) {
    case 'at_least': case 'at_most': return [t.id, t.indicator, r.kind, [r.value], r.strict, unitOf(t.indicator)];
    case 'about': return [t.id, t.indicator, r.kind, [r.value, r.tolerance], null, unitOf(t.indicator)];
    case 'range': return [t.id, t.indicator, r.kind, [r.min, r.max], [r.minStrict, r.maxStrict], unitOf(t.indicator)];
    case 'balanced': return [t.id, t.indicator, r.kind, [r.low, r.high], null, unitOf(t.indicator)];
    default: return null;
  }
}

function otherRow(t: Target): OtherRow | null {
  const r = t.rule;
  if (r.kind === 'trend') return [t.id, t.indicator, r.kind, r.direction];
  if (r.kind === 'external' || r.kind === 'relative') return [t.id, t.indicator, r.kind, r.op];
  return null;
}

describe.each(Object.keys(NUMERIC))(`${AREA} targets of plan %s`, (planId) => {
  const area = PlanAreaSchema.parse(JSON.parse(readFileSync(join(FRAMEWORKS_DIR, 'plans', planId, `${AREA}.json`), 'utf8')));

  it('has exactly the numeric targets of the plan text', () => {
    const rows = area.targets.map(numericRow).filter((r): r is NumericRow => r !== null);
    expect(rows).toEqual(NUMERIC[planId]);
  });

  it('has exactly the trend and external targets of the plan text', () => {
    const rows = area.targets.map(otherRow).filter((r): r is OtherRow => r !== null);
    expect(rows).toEqual(OTHER[planId]);
  });

  it('pairs every target with an indicator of this area and a matching kind', () => {
    for (const target of area.targets) {
      const indicator = indicators.get(target.indicator);
      expect(indicator, `${target.id} → ${target.indicator}`).toBeDefined();
      expect(indicator!.area).toBe(AREA);
      expect(target.rule.kind === 'qualitative', target.id).toBe(indicator!.kind === 'qualitative');
    }
  });

  it('gives every objective a target and numbers targets within each item', () => {
    for (const objective of area.objectives) {
      expect(area.targets.some((t) => t.source.section === '主要目标' && t.source.item === objective.item), `主要目标 ${objective.item}`).toBe(true);
    }
    const seen = new Map<string, number>();
    for (const target of area.targets) {
      const key = `${target.source.section === '主要目标' ? 'G' : 'M'}${String(target.source.item).padStart(2, '0')}`;
      const k = (seen.get(key) ?? 0) + 1;
      seen.set(key, k);
      expect(target.id).toBe(`${planId}-V-${key}-${k}`);
    }
  });
});
