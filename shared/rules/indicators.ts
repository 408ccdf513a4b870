// Indicator values of one return: ratios recomputed from numerator and denominator (never averaged),
// values read from their cell. A merged return's ratio takes its pooled pair (summed over the units that have
// both cells) instead of the summed cells, which may come from different units. Also says why a value is missing and whether it is only for reference.
// Pure.
import type { Level } from '../framework/schema.ts';
import type { PooledRatio } from '../returns/schema.ts';
import type { IndicatorValue } from './result.ts';
import type { CompiledFramework, CompiledIndicator } from './compile.ts';
import { formatRaw, roundTo } from './format.ts';
import { INVALID, NO_DATA, VALUE, type CompiledReturn } from './input-validity.ts';
import { DATA_MSG, POOL_MSG } from './messages.ts';

/** Why an indicator has no value. */
const HAS_VALUE = 0;
export const MISSING_CELL = 1;
export const ZERO_DENOMINATOR = 2;
export const COUNTY_ONLY = 3;
export const QUALITATIVE = 4;

/** Why a value is only for reference. */
export const JUDGED = 0;
const REF_JUDGE_LEVEL = 1;
const REF_SMALL_DENOMINATOR = 2;

export interface IndicatorState {
  /** exact value */
  value: number | null;
  /** the value rounded to the indicator's decimals: what is shown and judged */
  judged: number | null;
  numerator: number | null;
  denominator: number | null;
  missing: number;
  /** the cell that is blank, 无数据 or invalid when missing = MISSING_CELL */
  missingSlot: number;
  reference: number;
  /** the merged return's pooled pair the ratio was computed from, else null */
  pooled: PooledRatio | null;
}

function cellProblem(view: CompiledReturn, slot: number): boolean {
  return view.state[slot] !== VALUE;
}

function computeIndicator(ind: CompiledIndicator, view: CompiledReturn, level: Level): IndicatorState {
  const out: IndicatorState = {
    value: null,
    judged: null,
    numerator: null,
    denominator: null,
    missing: HAS_VALUE,
    missingSlot: -1,
    reference: JUDGED,
    pooled: null,
  };
  const kind = ind.indicator.kind;
  if (kind === 'qualitative') {
    out.missing = QUALITATIVE;
    if (ind.judgeLevel === 'county' && level === 'township') out.reference = REF_JUDGE_LEVEL;
    return out;
  }
  if (ind.countyData && level === 'township') {
    out.missing = COUNTY_ONLY;
    return out;
  }
  if (ind.judgeLevel === 'county' && level === 'township') out.reference = REF_JUDGE_LEVEL;
  const { values } = view;
  if (kind === 'value') {
    if (cellProblem(view, ind.srcSlot)) {
      out.missing = MISSING_CELL;
      out.missingSlot = ind.srcSlot;
      return out;
    }
    out.value = values[ind.srcSlot];
    out.judged = roundTo(out.value, ind.decimals);
    return out;
  }
  const pooled = view.pooled?.get(ind.index);
  if (pooled) {
    out.pooled = pooled;
    if (pooled.numerator === null || pooled.denominator === null) {
      out.missing = MISSING_CELL;
      out.missingSlot = ind.numSlot;
      return out;
    }
    return ratioOf(ind, out, pooled.numerator, pooled.denominator);
  }
  const numOk = !cellProblem(view, ind.numSlot);
  const denOk = !cellProblem(view, ind.denSlot);
  if (numOk) out.numerator = values[ind.numSlot];
  if (denOk) out.denominator = values[ind.denSlot];
  if (!numOk || !denOk) {
    out.missing = MISSING_CELL;
    out.missingSlot = numOk ? ind.denSlot : ind.numSlot;
    return out;
  }
  return ratioOf(ind, out, out.numerator!, out.denominator!);
}

function ratioOf(ind: CompiledIndicator, out: IndicatorState, n: number, d: number): IndicatorState {
  out.numerator = n;
  out.denominator = d;
  if (d === 0) {
    out.missing = ZERO_DENOMINATOR;
    out.missingSlot = ind.denSlot;
    return out;
  }
  out.value = (n / d) * ind.factor;
  out.judged = roundTo(out.value, ind.decimals);
  if (out.reference === JUDGED && ind.minDenominator > 0 && d < ind.minDenominator)
    out.reference = REF_SMALL_DENOMINATOR;
  return out;
}

export function computeIndicators(compiled: CompiledFramework, view: CompiledReturn, level: Level): IndicatorState[] {
  const out = new Array<IndicatorState>(compiled.indicators.length);
  for (const ind of compiled.indicators) out[ind.index] = computeIndicator(ind, view, level);
  return out;
}

export function toIndicatorValue(ind: CompiledIndicator, st: IndicatorState): IndicatorValue {
  return {
    code: ind.indicator.code,
    value: st.value,
    numerator: st.numerator,
    denominator: st.denominator,
    referenceOnly: st.reference !== JUDGED,
    coverage: st.pooled && st.pooled.units < st.pooled.of ? coverageOf(st.pooled) : null,
  };
}

/** How many units a pooled ratio comes from, of how many, and which are missing (by name). */
const coverageOf = (p: PooledRatio) => ({
  units: p.units,
  of: p.of,
  unitLevel: p.unitLevel,
  missing: p.missingIn.map((m) => m.name),
});

function slotLabel(compiled: CompiledFramework, slot: number): string {
  return compiled.items[Math.floor(slot / 3)].labels[slot % 3];
}

/** Chinese: why the indicator has no value (blank, 无数据, invalid cell, zero denominator, county only). */
export function missingMessage(compiled: CompiledFramework, view: CompiledReturn, st: IndicatorState): string {
  if (st.missing === COUNTY_ONLY) return DATA_MSG.countyOnly;
  if (st.missing === ZERO_DENOMINATOR) return DATA_MSG.zeroDenominator(slotLabel(compiled, st.missingSlot));
  if (st.pooled && st.pooled.numerator === null)
    return POOL_MSG.notPooled(
      st.pooled.unitLevel,
      st.pooled.missingIn.map((m) => m.name),
    );
  const label = slotLabel(compiled, st.missingSlot);
  const s = view.state[st.missingSlot];
  if (s === NO_DATA) return DATA_MSG.noData(label, view.cells[st.missingSlot]?.noData?.reason ?? '');
  if (s === INVALID) return DATA_MSG.invalid(label);
  return DATA_MSG.blank(label);
}

/** Chinese: why the value is only for reference. */
export function referenceReason(compiled: CompiledFramework, ind: CompiledIndicator, st: IndicatorState): string {
  if (st.reference === REF_SMALL_DENOMINATOR) {
    return DATA_MSG.smallDenominator(
      slotLabel(compiled, ind.denSlot),
      formatRaw(st.denominator ?? 0),
      ind.minDenominator,
    );
  }
  return DATA_MSG.judgeLevelCounty;
}
