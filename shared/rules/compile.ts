// Per-framework precomputation for the rule engine, cached per framework object.
// Every cell of a return maps to a slot: item index × 3 + sex column (total 0, female 1, male 2).
// Pure: no I/O.
import {
  AREA_CODES,
  AREA_LETTER,
  INDICATOR_FACTORS,
  sexColumnsOf,
  type DataItem,
  type Framework,
  type Indicator,
  type Level,
  type SexColumn,
  type Target,
  type TargetRule,
} from '../framework/schema.ts';
import { describeRule } from '../framework/describe.ts';
import { SEX_LABEL, TARGET_TEXT } from './messages.ts';
import { countNoun } from '../messages/numbers.ts';

export const SEX_INDEX: Record<SexColumn, number> = { total: 0, female: 1, male: 2 };

const LETTER_AREA = new Map<string, number>(AREA_CODES.map((a, i) => [AREA_LETTER[a], i]));

/** Area index (position in AREA_CODES) from an indicator or data item code; -1 when unknown. */
export function areaIndexOfCode(code: string): number {
  return LETTER_AREA.get(code.charAt(0)) ?? -1;
}

export interface CompiledItem {
  item: DataItem;
  index: number;
  area: number;
  /** which of total/female/male this item collects */
  columns: readonly [boolean, boolean, boolean];
  /** female + male = total and female ≤ total hold (counts, and summed amounts) */
  additive: boolean;
  /** a value item in %, which must lie in 0–100 */
  percent: boolean;
  /** 人数, 例数 … for messages */
  noun: string;
  /** per column: 活产数（合计）, or just 活产数 for a single-value item */
  labels: readonly [string, string, string];
}

export interface CompiledIndicator {
  indicator: Indicator;
  index: number;
  area: number;
  /** % ‰ 1/10万 for ratios, the unit for values, '' for qualitative */
  unit: string;
  decimals: number;
  factor: number;
  numSlot: number;
  denSlot: number;
  srcSlot: number;
  /** reads an item only the county collects: not applicable to a township return */
  countyData: boolean;
  judgeLevel: Level;
  minDenominator: number;
  /** the desirable direction its targets agree on (higher: should rise; lower: should fall), null when none or mixed */
  direction: Direction | null;
}

export type Direction = 'higher' | 'lower';

/** The direction a rule wants the value to move: 达到…以上 higher, 控制在…以下 lower, bands and 保持 none. */
function ruleDirection(rule: TargetRule): Direction | null {
  switch (rule.kind) {
    case 'at_least':
      return 'higher';
    case 'at_most':
      return 'lower';
    case 'about':
      return rule.sides === 'at_least' ? 'higher' : rule.sides === 'at_most' ? 'lower' : null;
    case 'trend':
      return rule.direction === 'increase' ? 'higher' : rule.direction === 'stable' ? null : 'lower';
    case 'relative':
    case 'external':
      return rule.op === 'at_least' ? 'higher' : 'lower';
    default:
      return null;
  }
}

export interface CompiledTarget {
  target: Target;
  /** the target as verdicts quote it: the plan's words, and the local adjustment when the county changed it */
  text: string;
  area: number;
  indicator: CompiledIndicator;
  /** the compared indicator of a relative rule */
  other: CompiledIndicator | null;
}

export interface RatioCheck {
  numSlot: number;
  denSlot: number;
  indicator: CompiledIndicator;
}

export interface CompiledFramework {
  framework: Framework;
  items: CompiledItem[];
  itemIndex: Map<string, number>;
  indicators: CompiledIndicator[];
  indicatorIndex: Map<string, number>;
  targets: CompiledTarget[];
  /** numerator ≤ denominator checks, one per distinct (numerator, denominator) cell pair */
  ratioChecks: RatioCheck[];
  /** slots a return of this level collects (township returns skip county-only items) */
  slotsByLevel: Record<Level, Int32Array>;
  slotCount: number;
}

const cache = new WeakMap<Framework, CompiledFramework>();

/** Compiles (once per framework object) the maps and slot tables the engine runs on. */
export function compileFramework(framework: Framework): CompiledFramework {
  const hit = cache.get(framework);
  if (hit) return hit;
  const compiled = build(framework);
  cache.set(framework, compiled);
  return compiled;
}

function columnsOf(item: DataItem): [boolean, boolean, boolean] {
  const has = sexColumnsOf(item);
  return [has.includes('total'), has.includes('female'), has.includes('male')];
}

function build(framework: Framework): CompiledFramework {
  const itemIndex = new Map<string, number>();
  const items: CompiledItem[] = framework.dataItems.map((item, index) => {
    itemIndex.set(item.code, index);
    const columns = columnsOf(item);
    const single = item.sex === 'single';
    return {
      item,
      index,
      area: areaIndexOfCode(item.code),
      columns,
      additive: item.valueType === 'count' || (item.valueType === 'amount' && item.aggregation === 'sum'),
      percent: item.valueType === 'value' && item.unit === '%',
      noun: countNoun(item.unit, item.valueType),
      labels: [
        single ? item.name : `${item.name}（${SEX_LABEL.total}）`,
        `${item.name}（${SEX_LABEL.female}）`,
        `${item.name}（${SEX_LABEL.male}）`,
      ],
    };
  });

  const slotOf = (ref: { item: string; sex: SexColumn }, owner: string): number => {
    const i = itemIndex.get(ref.item);
    if (i === undefined) throw new Error(`指标 ${owner} 引用了不存在的数据项 ${ref.item}`);
    return i * 3 + SEX_INDEX[ref.sex];
  };

  // an indicator's direction: the one all its targets agree on
  const directions = new Map<string, Direction | null>();
  for (const area of framework.areas) {
    for (const target of area.targets) {
      const d = ruleDirection(target.rule);
      if (d === null) continue;
      const seen = directions.get(target.indicator);
      directions.set(target.indicator, seen === undefined || seen === d ? d : null);
    }
  }

  const indicatorIndex = new Map<string, number>();
  const indicators: CompiledIndicator[] = framework.indicators.map((indicator, index) => {
    indicatorIndex.set(indicator.code, index);
    const base = {
      indicator,
      index,
      area: areaIndexOfCode(indicator.code),
      factor: 1,
      numSlot: -1,
      denSlot: -1,
      srcSlot: -1,
      countyData: false,
      judgeLevel: indicator.judgeLevel,
      minDenominator: 0,
      direction: directions.get(indicator.code) ?? null,
    };
    if (indicator.kind === 'ratio') {
      const numSlot = slotOf(indicator.numerator, indicator.code);
      const denSlot = slotOf(indicator.denominator, indicator.code);
      return {
        ...base,
        unit: indicator.unit,
        decimals: indicator.decimals,
        factor: INDICATOR_FACTORS[indicator.unit] ?? 1,
        numSlot,
        denSlot,
        minDenominator: indicator.minDenominator ?? 0,
        countyData:
          items[Math.floor(numSlot / 3)].item.level === 'county' ||
          items[Math.floor(denSlot / 3)].item.level === 'county',
      };
    }
    if (indicator.kind === 'value') {
      const srcSlot = slotOf(indicator.source, indicator.code);
      return {
        ...base,
        unit: indicator.unit,
        decimals: indicator.decimals,
        srcSlot,
        countyData: items[Math.floor(srcSlot / 3)].item.level === 'county',
      };
    }
    return { ...base, unit: '', decimals: 0 };
  });

  const targets: CompiledTarget[] = [];
  for (const area of framework.areas) {
    const areaIndex = AREA_CODES.indexOf(area.area);
    for (const target of area.targets) {
      const i = indicatorIndex.get(target.indicator);
      if (i === undefined) throw new Error(`目标 ${target.id} 引用了不存在的指标 ${target.indicator}`);
      let other: CompiledIndicator | null = null;
      if (target.rule.kind === 'relative') {
        const j = indicatorIndex.get(target.rule.indicator);
        if (j === undefined) throw new Error(`目标 ${target.id} 比较的指标 ${target.rule.indicator} 不存在`);
        other = indicators[j];
      }
      const text = target.adjustment
        ? TARGET_TEXT.adjusted(target.text, describeRule(target.rule, indicators[i].indicator))
        : target.text;
      targets.push({ target, text, area: areaIndex, indicator: indicators[i], other });
    }
  }

  const ratioChecks: RatioCheck[] = [];
  const seenPairs = new Set<number>();
  const slotCount = items.length * 3;
  for (const ind of indicators) {
    if (ind.indicator.kind !== 'ratio') continue;
    const { numerator, denominator } = ind.indicator;
    // A ratio of two sibling sex columns (出生人口性别比: 男/女) is not a part of a whole.
    const siblings = numerator.item === denominator.item && numerator.sex !== 'total' && denominator.sex !== 'total';
    // 女/合计 of one additive item is already checked as 女 ≤ 合计.
    const sameItemShare =
      numerator.item === denominator.item && denominator.sex === 'total' && items[Math.floor(ind.numSlot / 3)].additive;
    if (siblings || sameItemShare || ind.numSlot === ind.denSlot) continue;
    const key = ind.numSlot * slotCount + ind.denSlot;
    if (seenPairs.has(key)) continue;
    seenPairs.add(key);
    ratioChecks.push({ numSlot: ind.numSlot, denSlot: ind.denSlot, indicator: ind });
  }

  const slots = (level: Level) => {
    const out: number[] = [];
    for (const ci of items) {
      if (level === 'township' && ci.item.level === 'county') continue;
      for (let s = 0; s < 3; s++) if (ci.columns[s]) out.push(ci.index * 3 + s);
    }
    return Int32Array.from(out);
  };

  return {
    framework,
    items,
    itemIndex,
    indicators,
    indicatorIndex,
    targets,
    ratioChecks,
    slotsByLevel: { township: slots('township'), county: slots('county') },
    slotCount,
  };
}

/**
 * 上升趋势减缓 over `years` consecutive yearly changes needs years+1 values; a single change cannot show a
 * slowing, so at least two changes (three values) are compared.
 */
export function slowingYears(years: number): number {
  return Math.max(2, years);
}
