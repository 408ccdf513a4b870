// 妇女与家庭建设: the targets with a number, and the trend targets, of each plan, written from the plans' own sentences.
// Reads the plan area files and the catalogue directly (the bundled loader only assembles once all eight areas exist).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CatalogueAreaSchema, PlanAreaSchema, type Indicator, type Target } from '../../shared/framework/schema.ts';
import { FRAMEWORKS_DIR } from '../helpers/paths.ts';

const AREA = 'family';
const LETTER = 'F';

/** [target id, indicator code, rule kind, value(s), strict, indicator unit] */
type NumericRow = [string, string, 'at_least' | 'at_most' | 'about' | 'range' | 'balanced' | 'relative' | 'external', number[], boolean | boolean[] | null, string];
/** [target id, indicator code, trend direction]: 逐步提高 / 缩小 … without a number, judged against the previous year */
type TrendRow = [string, string, 'increase' | 'decrease' | 'stable' | 'slowing_increase'];

// 主要目标 and 策略措施 of 妇女与家庭建设: the objectives are aims; only 金口河 and 九台 set a quantified measure
// (城市社区综合服务设施实现全覆盖 → 100%).
const NUMERIC: Record<string, NumericRow[]> = {
  taobei: [],
  jinkouhe: [
    ['jinkouhe-F-M03-1', 'F05', 'at_least', [100], false, '%'],
  ],
  jiutai: [
    ['jiutai-F-M04-1', 'F05', 'at_least', [100], false, '%'],
  ],
  jiahe: [],
  kelan: [],
};

const TREND: Record<string, TrendRow[]> = {
  taobei: [['taobei-F-G07-2', 'F14', 'decrease']],       // 缩小两性家务劳动时间
  jinkouhe: [
    ['jinkouhe-F-G06-2', 'F12', 'decrease'],              // 预防和减少婚姻家庭矛盾纠纷
    ['jinkouhe-F-G07-2', 'F14', 'decrease'],              // 缩小两性家务劳动时间差距
  ],
  jiutai: [['jiutai-F-G07-2', 'F14', 'decrease']],
  jiahe: [['jiahe-F-G07-2', 'F14', 'decrease']],
  kelan: [['kelan-F-G08-2', 'F14', 'decrease']],           // 男女两性家务劳动时间差距缩小
};

const OBJECTIVES: Record<string, number> = { taobei: 9, jinkouhe: 9, jiutai: 9, jiahe: 9, kelan: 9 };

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
