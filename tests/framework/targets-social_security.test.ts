// 妇女与社会保障: the targets with a number, and the trend targets, of each plan, written from the plans' own sentences.
// Reads the plan area files and the catalogue directly (the bundled loader only assembles once all eight areas exist).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CatalogueAreaSchema, PlanAreaSchema, type Indicator, type Target } from '../../shared/framework/schema.ts';
import { FRAMEWORKS_DIR } from '../helpers/paths.ts';

const AREA = 'social_security';
const LETTER = 'S';

/** [target id, indicator code, rule kind, value(s), strict, indicator unit] */
type NumericRow = [string, string, 'at_least' | 'at_most' | 'about' | 'range' | 'balanced' | 'relative' | 'external', number[], boolean | boolean[] | null, string];
/** [target id, indicator code, trend direction]: 逐步提高 / 缩小 … without a number, judged against the previous year */
type TrendRow = [string, string, 'increase' | 'decrease' | 'stable' | 'slowing_increase'];

// 主要目标 and 策略措施 of 妇女与社会保障: only the 参保率 objectives (and 金口河's 养老服务设施 measure) carry numbers.
const NUMERIC: Record<string, NumericRow[]> = {
  // 妇女基本医疗保险参保率不低于95%；妇女基本养老保险参保率达到95%
  taobei: [
    ['taobei-S-G03-1', 'S09', 'at_least', [95], false, '%'],
    ['taobei-S-G04-1', 'S13', 'at_least', [95], false, '%'],
  ],
  // 参保率稳定在98%以上；参保率提高到95%；乡(镇)至少建有1个社区养老服务综合体，全区至少建有1个智慧养老院或智慧养老社区、1所区级特困人员供养服务设施
  jinkouhe: [
    ['jinkouhe-S-G03-3', 'S09', 'at_least', [98], false, '%'],
    ['jinkouhe-S-G04-3', 'S13', 'at_least', [95], false, '%'],
    ['jinkouhe-S-M09-1', 'S25', 'at_least', [1], false, '个'],
    ['jinkouhe-S-M09-2', 'S26', 'at_least', [1], false, '个'],
    ['jinkouhe-S-M09-3', 'S27', 'at_least', [1], false, '所'],
  ],
  // 妇女基本医疗保险参保率稳定在95%以上；妇女基本养老保险参保率提高到95%
  jiutai: [
    ['jiutai-S-G03-2', 'S09', 'at_least', [95], false, '%'],
    ['jiutai-S-G04-2', 'S13', 'at_least', [95], false, '%'],
  ],
  // 嘉禾 states no number in this area (基本医疗保险实现全覆盖, 基本养老保险实现应保尽保 are encoded as qualitative)
  jiahe: [],
  // 妇女基本医疗保险参保率稳定在95%以上；妇女基本养老保险参保率达到95%以上
  kelan: [
    ['kelan-S-G03-2', 'S09', 'at_least', [95], false, '%'],
    ['kelan-S-G04-2', 'S13', 'at_least', [95], false, '%'],
  ],
};

const TREND: Record<string, TrendRow[]> = {
  taobei: [
    ['taobei-S-G02-2', 'S05', 'increase'],   // 提高生育保险参保率
    ['taobei-S-G05-1', 'S16', 'increase'],   // 妇女失业保险和工伤保险参保人数进一步增加
    ['taobei-S-G05-2', 'S17', 'increase'],
  ],
  jinkouhe: [
    ['jinkouhe-S-G02-2', 'S05', 'increase'],
    ['jinkouhe-S-G05-2', 'S16', 'increase'],
    ['jinkouhe-S-G05-3', 'S17', 'increase'],
    ['jinkouhe-S-G08-3', 'S24', 'increase'], // 不断提高以社区为单位的养老服务覆盖率
  ],
  jiutai: [
    ['jiutai-S-G02-2', 'S05', 'increase'],
    ['jiutai-S-G05-2', 'S16', 'increase'],
    ['jiutai-S-G05-3', 'S17', 'increase'],
  ],
  jiahe: [
    ['jiahe-S-G02-2', 'S05', 'increase'],    // 生育保险参保率及享有率提高
    ['jiahe-S-G02-3', 'S06', 'increase'],
    ['jiahe-S-G05-1', 'S16', 'increase'],    // 妇女参与失业保险的人数逐步增长
    ['jiahe-S-G06-1', 'S17', 'increase'],    // 妇女工伤保险的覆盖面进一步拓宽
  ],
  kelan: [
    ['kelan-S-G02-2', 'S05', 'increase'],
    ['kelan-S-G05-2', 'S16', 'increase'],
    ['kelan-S-G05-3', 'S17', 'increase'],
  ],
};

const OBJECTIVES: Record<string, number> = { taobei: 9, jinkouhe: 10, jiutai: 9, jiahe: 10, kelan: 9 };

const catalogue = CatalogueAreaSchema.parse(JSON.parse(readFileSync(join(FRAMEWORKS_DIR, 'catalogue', `${AREA}.json`), 'utf8')));
const indicators = new Map<string, Indicator>(catalogue.indicators.map((i) => [i.code, i]));
const unitOf = (code: string): string => {
  const indicator = indicators.get(code);
  return indicator && indicator.kind !== 'qualitative' ? indicator.unit : '';
};

/** Every rule that carries a number of its own (or compares against another threshold) becomes a row. */
function numericRow(t: Target): NumericRow | null {
  const r = t.rule;
  switch (r.kind) {
    case 'at_least': case 'at_most': return [t.id, t.indicator, r.kind, [r.value], r.strict, unitOf(t.indicator)];
    case 'about': return [t.id, t.indicator, r.kind, [r.value, r.tolerance], null, unitOf(t.indicator)];
    case 'range': return [t.id, t.indicator, r.kind, [r.min, r.max], [r.minStrict, r.maxStrict], unitOf(t.indicator)];
    case 'balanced': return [t.id, t.indicator, r.kind, [r.low, r.high], null, unitOf(t.indicator)];
    case 'relative': case 'external': return [t.id, t.indicator, r.kind, [], r.strict, unitOf(t.indicator)];
    default: return null;
  }
}

describe.each(Object.keys(NUMERIC))(`${AREA} targets of plan %s`, (planId) => {
  const plan = JSON.parse(readFileSync(join(FRAMEWORKS_DIR, 'plans', planId, 'plan.json'), 'utf8'));
  const area = PlanAreaSchema.parse(JSON.parse(readFileSync(join(FRAMEWORKS_DIR, 'plans', planId, `${AREA}.json`), 'utf8')));

  it('has exactly the numeric targets of the plan text', () => {
    const rows = area.targets.map(numericRow).filter((r): r is NumericRow => r !== null);
    expect(rows).toEqual(NUMERIC[planId]);
  });

  it('has exactly the trend targets of the plan text, each against the previous year', () => {
    const trends = area.targets.filter((t) => t.rule.kind === 'trend');
    expect(trends.map((t) => [t.id, t.indicator, t.rule.kind === 'trend' ? t.rule.direction : ''])).toEqual(TREND[planId]);
    for (const t of trends) expect(t.rule).toMatchObject({ basis: 'previous_year', years: 1 });
  });

  it('pairs every target with an indicator of this area and a matching kind', () => {
    for (const target of area.targets) {
      const indicator = indicators.get(target.indicator);
      expect(indicator, `${target.id} → ${target.indicator}`).toBeDefined();
      expect(indicator!.area).toBe(AREA);
      expect(target.rule.kind === 'qualitative', target.id).toBe(indicator!.kind === 'qualitative');
      expect(target.source.file).toBe(plan.plan.sourceFile);
    }
  });

  it('gives every objective a target and numbers targets within each item', () => {
    expect(area.objectives.length).toBe(OBJECTIVES[planId]);
    for (const objective of area.objectives) {
      expect(area.targets.some((t) => t.source.section === '主要目标' && t.source.item === objective.item), `主要目标 ${objective.item}`).toBe(true);
    }
    const seen = new Map<string, number>();
    for (const target of area.targets) {
      const key = `${target.source.section === '主要目标' ? 'G' : 'M'}${String(target.source.item).padStart(2, '0')}`;
      const k = (seen.get(key) ?? 0) + 1;
      seen.set(key, k);
      expect(target.id).toBe(`${planId}-${LETTER}-${key}-${k}`);
    }
  });
});

describe(`${AREA} catalogue`, () => {
  it('uses only codes of this area and items that exist', () => {
    const items = new Set(catalogue.dataItems.map((d) => d.code));
    for (const d of catalogue.dataItems) expect(d.code.startsWith(`${LETTER}D`), d.code).toBe(true);
    for (const i of catalogue.indicators) {
      expect(i.code.startsWith(LETTER), i.code).toBe(true);
      const refs = i.kind === 'ratio' ? [i.numerator.item, i.denominator.item] : i.kind === 'value' ? [i.source.item] : [];
      for (const ref of refs) expect(items.has(ref), `${i.code} → ${ref}`).toBe(true);
    }
  });
});
