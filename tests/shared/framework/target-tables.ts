// The one harness behind tests/framework/targets-<area>.test.ts: each of those files writes down, from the five
// plans' own sentences, the targets of one area that carry a number (and, where its author did so, the trend,
// relative and external targets and the objective counts), and calls describeAreaTargets once. This module reads
// the catalogue and the plan area files directly (the bundled loader only assembles once all eight areas exist),
// turns each target's rule into a row of the same shape and compares, and checks what every area must satisfy
// whatever its tables: catalogue indicators of the area with a matching kind, the plan's source file, every
// objective covered, target ids numbered in plan order, trend targets judged against the previous year.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AREA_LETTER,
  CatalogueAreaSchema,
  PlanAreaSchema,
  PlanMetaSchema,
  type AreaCode,
  type Indicator,
  type Target,
} from '../../../shared/framework/schema.ts';
import { FRAMEWORKS_DIR } from '../../helpers/paths.ts';

export const PLAN_IDS = ['taobei', 'jinkouhe', 'jiutai', 'jiahe', 'kelan'] as const;
export type PlanId = (typeof PLAN_IDS)[number];
/** One list of rows per plan, each list in plan order (the order of the target ids). */
export type PerPlan<Row> = Record<PlanId, readonly Row[]>;

/**
 * A target whose rule carries a number of its own: [target id, indicator code, rule kind, value(s), strict, indicator unit].
 * at_most/at_least → [value] with strict (以上/以下/不低于 → false; 超过/低于 → true);
 * about (左右) → [value, tolerance] with strict null; balanced (保持均衡) → [low, high] with strict null;
 * range → [min, max] with [minStrict, maxStrict].
 */
export type NumericRow =
  | [
      id: string,
      indicator: string,
      kind: 'at_least' | 'at_most',
      values: [value: number],
      strict: boolean,
      unit: string,
    ]
  | [
      id: string,
      indicator: string,
      kind: 'about',
      values: [value: number, tolerance: number],
      strict: null,
      unit: string,
    ]
  | [id: string, indicator: string, kind: 'balanced', values: [low: number, high: number], strict: null, unit: string]
  | [
      id: string,
      indicator: string,
      kind: 'range',
      values: [min: number, max: number],
      strict: [min: boolean, max: boolean],
      unit: string,
    ];
/** 逐步提高 / 缩小 … without a number: [target id, indicator code, trend direction]. */
export type TrendRow = [
  id: string,
  indicator: string,
  direction: 'increase' | 'decrease' | 'stable' | 'slowing_increase',
];
/** Set against another indicator of the same return: [target id, indicator code, compared indicator, op, strict]. */
export type RelativeRow = [
  id: string,
  indicator: string,
  compared: string,
  op: 'at_least' | 'at_most',
  strict: boolean,
];
/** The threshold is set outside the plan (国家下达, 上级要求, 基本普及): [target id, indicator code, op, strict]. */
export type ExternalRow = [id: string, indicator: string, op: 'at_least' | 'at_most', strict: boolean];

/** The tables of an area that has no target of a kind in any plan. */
export const NONE: PerPlan<never> = Object.freeze({ taobei: [], jinkouhe: [], jiutai: [], jiahe: [], kelan: [] });

export interface AreaTables {
  /** Every target whose rule carries a number (at_least, at_most, about, balanced, range); no other may exist. */
  numeric: PerPlan<NumericRow>;
  /** Every trend target. Omitted: trend targets are not compared with a table (their basis is still checked). */
  trend?: PerPlan<TrendRow>;
  /** Every relative target. Omitted: not compared with a table. */
  relative?: PerPlan<RelativeRow>;
  /** Every external target. Omitted: not compared with a table. */
  external?: PerPlan<ExternalRow>;
  /** How many numbered 主要目标 items each plan has in this area. Omitted: the count is not checked (coverage still is). */
  objectives?: Record<PlanId, number>;
  /**
   * Numeric targets whose number the wording implies (每个…至少有1… → 100%, 一半以上 → 50, 消除 → 0) rather than prints:
   * their number is not looked for in the quote, and must indeed be absent from it.
   */
  impliedNumbers?: ReadonlySet<string>;
  /**
   * Numeric targets whose text is put together from the quote rather than being one run of it (all others must
   * appear verbatim in their quote, white space aside); each must indeed not appear verbatim.
   */
  abridgedText?: ReadonlySet<string>;
}

/** The plans' texts are PDF extractions that break lines mid-sentence: compare without white space. */
const squash = (text: string) => text.replace(/\s+/g, '');
const readJson = (...path: string[]): unknown => JSON.parse(readFileSync(join(FRAMEWORKS_DIR, ...path), 'utf8'));

/** The row a target's rule gives, or null when the rule carries no number of its own. */
function numericRow(t: Target, unit: string): NumericRow | null {
  const r = t.rule;
  switch (r.kind) {
    case 'at_least':
    case 'at_most':
      return [t.id, t.indicator, r.kind, [r.value], r.strict, unit];
    case 'about':
      return [t.id, t.indicator, r.kind, [r.value, r.tolerance], null, unit];
    case 'balanced':
      return [t.id, t.indicator, r.kind, [r.low, r.high], null, unit];
    case 'range':
      return [t.id, t.indicator, r.kind, [r.min, r.max], [r.minStrict, r.maxStrict], unit];
    default:
      return null;
  }
}

const trendRow = (t: Target): TrendRow | null =>
  t.rule.kind === 'trend' ? [t.id, t.indicator, t.rule.direction] : null;
const relativeRow = (t: Target): RelativeRow | null =>
  t.rule.kind === 'relative' ? [t.id, t.indicator, t.rule.indicator, t.rule.op, t.rule.strict] : null;
const externalRow = (t: Target): ExternalRow | null =>
  t.rule.kind === 'external' ? [t.id, t.indicator, t.rule.op, t.rule.strict] : null;

const rowsOf = <Row>(targets: Target[], toRow: (t: Target) => Row | null): Row[] =>
  targets.flatMap((t) => {
    const row = toRow(t);
    return row === null ? [] : [row];
  });

/** Defines the tests of one area: its tables against the plan area files, and the checks every area shares. */
export function describeAreaTargets(areaCode: AreaCode, tables: AreaTables): void {
  const letter = AREA_LETTER[areaCode];
  const implied = tables.impliedNumbers ?? new Set<string>();
  const abridged = tables.abridgedText ?? new Set<string>();
  const catalogue = CatalogueAreaSchema.parse(readJson('catalogue', `${areaCode}.json`));
  const indicators = new Map<string, Indicator>(catalogue.indicators.map((i) => [i.code, i]));
  const unitOf = (code: string): string => {
    const indicator = indicators.get(code);
    return indicator && indicator.kind !== 'qualitative' ? indicator.unit : '';
  };

  describe(`${areaCode} tables`, () => {
    it('cover every bundled plan', () => {
      const bundled = readdirSync(join(FRAMEWORKS_DIR, 'plans'), { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name);
      expect(Object.keys(tables.numeric).sort()).toEqual(bundled.sort());
    });

    it('list implied numbers and abridged texts only for numeric rows', () => {
      const numericIds = new Set(PLAN_IDS.flatMap((p) => tables.numeric[p].map((row) => row[0])));
      for (const id of [...implied, ...abridged]) expect(numericIds.has(id), id).toBe(true);
    });
  });

  describe.each(PLAN_IDS)(`${areaCode} targets of plan %s`, (planId) => {
    const plan = PlanMetaSchema.parse((readJson('plans', planId, 'plan.json') as { plan: unknown }).plan);
    const area = PlanAreaSchema.parse(readJson('plans', planId, `${areaCode}.json`));
    const byId = new Map(area.targets.map((t) => [t.id, t]));

    it.each(tables.numeric[planId])('%s → %s %s %j', (id, code, kind, values, strict, unit) => {
      const target = byId.get(id);
      expect(target, `${id} 缺失`).toBeDefined();
      if (!target) return;
      expect(target.indicator).toBe(code);
      expect(target.rule.kind).toBe(kind);
      const row = numericRow(target, unitOf(target.indicator));
      expect({ values: row?.[3], strict: row?.[4] }).toEqual({ values, strict });
      const indicator = indicators.get(code);
      expect(indicator, `${code} 不在目录中`).toBeDefined();
      expect(indicator?.kind, `${code} 不应为定性指标`).not.toBe('qualitative');
      expect(indicator && indicator.kind !== 'qualitative' ? indicator.unit : undefined).toBe(unit);
      const [, sec, item] = new RegExp(`^${planId}-${letter}-(G|M)(\\d{2})-\\d$`).exec(id) ?? [];
      expect(target.source.section).toBe(sec === 'G' ? '主要目标' : sec === 'M' ? '策略措施' : undefined);
      expect(target.source.item).toBe(Number(item));
      const quote = squash(target.source.quote);
      const verbatim = quote.includes(squash(target.text));
      expect(verbatim, abridged.has(id) ? `${id} 列为拼合表述，却逐字出自引文` : `${id} 的目标表述应出自引文`).toBe(
        !abridged.has(id),
      );
      if (kind === 'at_least' || kind === 'at_most' || kind === 'about') {
        const printed = quote.includes(String(values[0]));
        expect(
          printed,
          implied.has(id) ? `${id} 列为隐含数值，引文却写有 ${values[0]}` : `${id} 的数值 ${values[0]} 应出现在引文中`,
        ).toBe(!implied.has(id));
      }
    });

    it('has exactly the numeric targets of the table, in plan order', () => {
      expect(rowsOf(area.targets, (t) => numericRow(t, unitOf(t.indicator)))).toEqual(tables.numeric[planId]);
    });

    const { trend, relative, external } = tables;
    if (trend) {
      it('has exactly the trend targets of the table, in plan order', () => {
        expect(rowsOf(area.targets, trendRow)).toEqual(trend[planId]);
      });
    }
    if (relative) {
      it('has exactly the relative targets of the table, in plan order', () => {
        expect(rowsOf(area.targets, relativeRow)).toEqual(relative[planId]);
      });
    }
    if (external) {
      it('has exactly the external targets of the table, in plan order', () => {
        expect(rowsOf(area.targets, externalRow)).toEqual(external[planId]);
      });
    }

    it('judges every trend target against the previous year (one year; a slowing rise over several)', () => {
      for (const t of area.targets) {
        if (t.rule.kind !== 'trend') continue;
        expect(t.rule.basis, t.id).toBe('previous_year');
        if (t.rule.direction === 'slowing_increase') expect(t.rule.years, t.id).toBeGreaterThan(1);
        else expect(t.rule.years, t.id).toBe(1);
      }
    });

    it('pairs every target with a catalogue indicator of this area and a matching kind, quoting the plan file', () => {
      for (const target of area.targets) {
        const indicator = indicators.get(target.indicator);
        expect(indicator, `${target.id} → ${target.indicator}`).toBeDefined();
        expect(indicator?.area, target.id).toBe(areaCode);
        expect(target.rule.kind === 'qualitative', target.id).toBe(indicator?.kind === 'qualitative');
        if (target.rule.kind === 'relative') {
          const compared = indicators.get(target.rule.indicator);
          expect(compared, `${target.id} ↔ ${target.rule.indicator}`).toBeDefined();
          expect(compared?.kind, `${target.id} ↔ ${target.rule.indicator}`).not.toBe('qualitative');
        }
        expect(target.source.file, target.id).toBe(plan.sourceFile);
      }
    });

    it('gives every objective a target and numbers targets within each item, in plan order', () => {
      if (tables.objectives) expect(area.objectives.length).toBe(tables.objectives[planId]);
      for (const objective of area.objectives) {
        expect(
          area.targets.some((t) => t.source.section === '主要目标' && t.source.item === objective.item),
          `主要目标 ${objective.item}`,
        ).toBe(true);
      }
      const seen = new Map<string, number>();
      for (const target of area.targets) {
        const key = `${target.source.section === '主要目标' ? 'G' : 'M'}${String(target.source.item).padStart(2, '0')}`;
        const k = (seen.get(key) ?? 0) + 1;
        seen.set(key, k);
        expect(target.id).toBe(`${planId}-${letter}-${key}-${k}`);
      }
      const ids = area.targets.map((t) => t.id);
      expect(ids, '主要目标 before 策略措施, items and targets ascending').toEqual([...ids].sort());
    });
  });

  describe(`${areaCode} catalogue`, () => {
    it('uses only codes of this area and items that exist', () => {
      const items = new Set(catalogue.dataItems.map((d) => d.code));
      for (const d of catalogue.dataItems) expect(d.code.startsWith(`${letter}D`), d.code).toBe(true);
      for (const i of catalogue.indicators) {
        expect(i.code.startsWith(letter), i.code).toBe(true);
        expect(i.area, i.code).toBe(areaCode);
        const refs =
          i.kind === 'ratio' ? [i.numerator.item, i.denominator.item] : i.kind === 'value' ? [i.source.item] : [];
        for (const ref of refs) expect(items.has(ref), `${i.code} → ${ref}`).toBe(true);
      }
    });
  });
}
