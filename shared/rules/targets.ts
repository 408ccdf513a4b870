// Layer 3: judging each target of the plan against the return's indicator values. Pure.
//
// Values are judged as shown: rounded to the indicator's decimals (12.04/10万 with one decimal is 12.0).
// met / not_met / at_risk (预警) / no_data / not_applicable / reference (仅供参考).
import { AREA_CODES, type Level, type TargetRule } from '../framework/schema.ts';
import type { QualitativeAnswer, ReturnData } from '../returns/schema.ts';
import type { TargetResult, TargetStatus } from './result.ts';
import { slowingYears, type CompiledFramework, type CompiledIndicator, type CompiledTarget } from './compile.ts';
import { differenceUnit, formatBound, formatDifference, formatInUnit, formatSigned, roundTo } from './format.ts';
import {
  COUNTY_ONLY, JUDGED, MISSING_CELL, QUALITATIVE, ZERO_DENOMINATOR,
  missingMessage, referenceReason, type IndicatorState,
} from './indicators.ts';
import type { ReturnView } from './input-validity.ts';
import { DATA_MSG, QUALITATIVE_LABELS, QUALITATIVE_MSG, TARGET_MSG, TREND_MSG } from './messages.ts';
import type { RuleOptions } from './options.ts';
import { volatility, volatilityNote } from './volatility.ts';

export interface TargetContext {
  compiled: CompiledFramework;
  options: RuleOptions;
  data: ReturnData;
  view: ReturnView;
  level: Level;
  states: IndicatorState[];
  /** indicator states of the same region in another year, null when there is no return for it */
  yearStates: (year: number) => IndicatorState[] | null;
  qualitative: Map<string, QualitativeAnswer>;
}

interface Verdict {
  status: TargetStatus;
  message: string;
}

const eps = (b: number) => 1e-9 * Math.max(1, Math.abs(b));

type BoundOutcome = 'met' | 'near' | 'beyond' | 'equal_strict';

/** x against one bound: beyond it, equal to a strict bound, within the 预警 margin of it, or met. */
function judgeBound(x: number, bound: number, op: 'at_most' | 'at_least', strict: boolean, margin: number): BoundOutcome {
  const e = eps(bound);
  const gap = op === 'at_most' ? bound - x : x - bound; // room left before the bound
  if (gap < -e) return 'beyond';
  if (strict && Math.abs(gap) <= e) return 'equal_strict';
  if (margin > 0 && gap <= margin + e) return 'near';
  return 'met';
}

function judgeNumeric(ctx: TargetContext, ct: CompiledTarget, x: number, rule: TargetRule): Verdict {
  const ind = ct.indicator;
  const text = ct.target.text;
  const X = formatInUnit(x, ind.decimals, ind.unit);
  const unit = ind.unit;
  const rm = ctx.options.riskMargin;
  switch (rule.kind) {
    case 'at_most':
    case 'at_least': {
      const o = judgeBound(x, rule.value, rule.kind, rule.strict, rm * Math.abs(rule.value));
      const max = rule.kind === 'at_most';
      if (o === 'beyond') return { status: 'not_met', message: max ? TARGET_MSG.aboveMax(X, text) : TARGET_MSG.belowMin(X, text) };
      if (o === 'equal_strict') return { status: 'not_met', message: max ? TARGET_MSG.equalsStrictMax(X, text) : TARGET_MSG.equalsStrictMin(X, text) };
      const B = formatBound(rule.value, unit);
      if (o === 'near') return { status: 'at_risk', message: max ? TARGET_MSG.nearMax(X, text, B) : TARGET_MSG.nearMin(X, text, B) };
      return { status: 'met', message: TARGET_MSG.met(X, text) };
    }
    case 'about': {
      const lo = rule.value - rule.tolerance;
      const hi = rule.value + rule.tolerance;
      const L = formatBound(roundTo(lo, 6), unit);
      const H = formatBound(roundTo(hi, 6), unit);
      const inside = x >= lo - eps(lo) && x <= hi + eps(hi);
      return inside ? { status: 'met', message: TARGET_MSG.aboutMet(X, text, L, H) } : { status: 'not_met', message: TARGET_MSG.aboutNotMet(X, text, L, H) };
    }
    case 'range':
    case 'balanced': {
      const min = rule.kind === 'range' ? rule.min : rule.low;
      const max = rule.kind === 'range' ? rule.max : rule.high;
      const minStrict = rule.kind === 'range' ? rule.minStrict : false;
      const maxStrict = rule.kind === 'range' ? rule.maxStrict : false;
      const quarter = Math.max(0, (max - min) / 4);
      const lowO = judgeBound(x, min, 'at_least', minStrict, Math.min(rm * Math.abs(min), quarter));
      const highO = judgeBound(x, max, 'at_most', maxStrict, Math.min(rm * Math.abs(max), quarter));
      const L = formatBound(min, unit);
      const H = formatBound(max, unit);
      const balanced = rule.kind === 'balanced';
      if (lowO === 'beyond') return { status: 'not_met', message: balanced ? TARGET_MSG.balancedBelow(X, text, L, H) : TARGET_MSG.rangeBelow(X, text, L) };
      if (highO === 'beyond') return { status: 'not_met', message: balanced ? TARGET_MSG.balancedAbove(X, text, L, H) : TARGET_MSG.rangeAbove(X, text, H) };
      if (lowO === 'equal_strict') return { status: 'not_met', message: TARGET_MSG.rangeAtStrictBound(X, text, true) };
      if (highO === 'equal_strict') return { status: 'not_met', message: TARGET_MSG.rangeAtStrictBound(X, text, false) };
      if (lowO === 'near') return { status: 'at_risk', message: TARGET_MSG.nearMin(X, text, L) };
      if (highO === 'near') return { status: 'at_risk', message: TARGET_MSG.nearMax(X, text, H) };
      return { status: 'met', message: TARGET_MSG.met(X, text) };
    }
    case 'relative': {
      const other = ct.other!;
      const y = ctx.states[other.index].judged;
      const name = other.indicator.name;
      if (y === null) return { status: 'no_data', message: TARGET_MSG.relativeNoData(name) };
      const Y = formatInUnit(y, other.decimals, other.unit);
      const o = judgeBound(x, y, rule.op, rule.strict, rm * Math.abs(y));
      if (o === 'beyond') return { status: 'not_met', message: TARGET_MSG.relativeNotMet(X, text, name, Y, rule.op === 'at_least') };
      if (o === 'equal_strict') return { status: 'not_met', message: TARGET_MSG.relativeEqualStrict(X, text, name, Y) };
      if (o === 'near') return { status: 'at_risk', message: TARGET_MSG.relativeNear(X, text, name, Y) };
      return { status: 'met', message: TARGET_MSG.relativeMet(X, text, name, Y) };
    }
    case 'external': {
      const t = ctx.data.externalThresholds?.[ct.target.id];
      if (t === undefined || t === null || !Number.isFinite(t)) return { status: 'no_data', message: TARGET_MSG.externalMissing(rule.label) };
      const T = formatBound(t, unit);
      const o = judgeBound(x, t, rule.op, rule.strict, rm * Math.abs(t));
      if (o === 'beyond') return { status: 'not_met', message: TARGET_MSG.externalNotMet(X, text, rule.label, T, rule.op === 'at_least') };
      if (o === 'equal_strict') return { status: 'not_met', message: TARGET_MSG.externalEqualStrict(X, text, rule.label, T) };
      if (o === 'near') return { status: 'at_risk', message: TARGET_MSG.externalNear(X, text, rule.label, T) };
      return { status: 'met', message: TARGET_MSG.externalMet(X, text, rule.label, T) };
    }
    case 'trend':
      return rule.direction === 'slowing_increase' ? judgeSlowing(ctx, ct, x, rule.years) : judgeTrend(ctx, ct, x, rule);
    case 'qualitative':
      return { status: 'no_data', message: QUALITATIVE_MSG.unanswered('已建立', '推进中', '未建立') };
  }
}

function judgeTrend(ctx: TargetContext, ct: CompiledTarget, x: number, rule: Extract<TargetRule, { kind: 'trend' }>): Verdict {
  const ind = ct.indicator;
  const text = ct.target.text;
  const year = ctx.data.year;
  let basisYear: number;
  let basis: string;
  if (rule.basis === 'baseline') {
    basisYear = ctx.compiled.framework.plan.baselineYear;
    if (year <= basisYear) return { status: 'not_applicable', message: TREND_MSG.baselineYearItself(basisYear) };
    basis = TREND_MSG.baselineLabel(basisYear);
  } else {
    basisYear = year - 1;
    basis = TREND_MSG.previousLabel(basisYear);
  }
  const p = ctx.yearStates(basisYear)?.[ind.index]?.judged ?? null;
  if (p === null) return { status: 'no_data', message: TREND_MSG.missingBasis(basis, text) };
  const X = formatInUnit(x, ind.decimals, ind.unit);
  const P = formatInUnit(p, ind.decimals, ind.unit);
  const d = roundTo(x - p, ind.decimals);
  const D = d === 0 ? '' : formatDifference(d, ind.decimals, ind.unit);
  if (rule.direction === 'increase') {
    return d > 0 ? { status: 'met', message: TREND_MSG.increaseMet(X, basis, P, D, text) } : { status: 'at_risk', message: TREND_MSG.increaseWrong(X, basis, P, D, text) };
  }
  if (rule.direction === 'decrease') {
    return d < 0 ? { status: 'met', message: TREND_MSG.decreaseMet(X, basis, P, D, text) } : { status: 'at_risk', message: TREND_MSG.decreaseWrong(X, basis, P, D, text) };
  }
  // stable
  const tolerance = rule.stableTolerance ?? (ctx.options.stablePercent / 100) * Math.abs(p);
  const limit = rule.stableTolerance !== undefined ? formatBound(rule.stableTolerance, differenceUnit(ind.unit)) : `${ctx.options.stablePercent}%`;
  return Math.abs(d) <= tolerance + eps(tolerance)
    ? { status: 'met', message: TREND_MSG.stableMet(X, basis, P, text) }
    : { status: 'at_risk', message: TREND_MSG.stableWrong(X, basis, P, limit, text) };
}

/** 上升趋势减缓: over n = max(2, years) consecutive yearly changes each change is below the one before (or not a rise). */
function judgeSlowing(ctx: TargetContext, ct: CompiledTarget, x: number, years: number): Verdict {
  const ind = ct.indicator;
  const text = ct.target.text;
  const year = ctx.data.year;
  const n = slowingYears(years);
  const from = year - n;
  const values: number[] = [];
  const missing: number[] = [];
  for (let y = from; y < year; y++) {
    const v = ctx.yearStates(y)?.[ind.index]?.judged ?? null;
    if (v === null) missing.push(y);
    else values.push(v);
  }
  if (missing.length > 0) return { status: 'no_data', message: TREND_MSG.missingYears(missing, from, year, n + 1, text) };
  values.push(x);
  const changes: number[] = [];
  for (let i = 1; i < values.length; i++) changes.push(roundTo(values[i] - values[i - 1], ind.decimals));
  let slowing = true;
  for (let i = 1; i < changes.length; i++) {
    if (changes[i] > 0 && changes[i] >= changes[i - 1] - eps(changes[i - 1])) slowing = false;
  }
  const rises = `${changes.map((c) => formatSigned(c, ind.decimals)).join('、')}${differenceUnit(ind.unit)}`;
  return slowing
    ? { status: 'met', message: TREND_MSG.slowingMet(from, year, rises, text) }
    : { status: 'at_risk', message: TREND_MSG.slowingWrong(from, year, rises, text) };
}

function judgeQualitative(ctx: TargetContext, ct: CompiledTarget): Verdict {
  const ind = ct.indicator.indicator;
  const text = ct.target.text;
  const labels = QUALITATIVE_LABELS[ind.kind === 'qualitative' ? ind.choices : 'mechanism'];
  const choice = ctx.qualitative.get(ind.code)?.choice ?? null;
  const referenceOnly = ind.judgeLevel === 'county' && ctx.level === 'township';
  if (choice === null) {
    if (referenceOnly) return { status: 'not_applicable', message: DATA_MSG.qualitativeReferenceNoAnswer };
    return { status: 'no_data', message: QUALITATIVE_MSG.unanswered(labels.done, labels.in_progress, labels.not_done) };
  }
  const label = labels[choice];
  const verdict: Verdict = choice === 'done'
    ? { status: 'met', message: QUALITATIVE_MSG.met(label, text) }
    : choice === 'in_progress'
      ? { status: 'at_risk', message: QUALITATIVE_MSG.inProgress(label, text) }
      : { status: 'not_met', message: QUALITATIVE_MSG.notMet(label, text) };
  return referenceOnly ? { status: 'reference', message: DATA_MSG.reference(verdict.message, DATA_MSG.judgeLevelCounty) } : verdict;
}

export function evaluateTarget(ctx: TargetContext, ct: CompiledTarget): TargetResult {
  const ind: CompiledIndicator = ct.indicator;
  const rule = ct.target.rule;
  const base = { targetId: ct.target.id, indicator: ct.target.indicator, area: AREA_CODES[ct.area] };
  if (rule.kind === 'qualitative') {
    const v = judgeQualitative(ctx, ct);
    return { ...base, status: v.status, message: v.message, value: null, previous: null, changePercent: null, volatile: false };
  }
  const st = ctx.states[ind.index];
  const prev = ctx.yearStates(ctx.data.year - 1)?.[ind.index] ?? null;
  const previous = prev?.judged ?? null;
  if (st.missing === COUNTY_ONLY || st.missing === ZERO_DENOMINATOR) {
    return { ...base, status: 'not_applicable', message: missingMessage(ctx.compiled, ctx.view, st), value: null, previous, changePercent: null, volatile: false };
  }
  if (st.missing === MISSING_CELL || st.missing === QUALITATIVE || st.judged === null) {
    const message = st.missing === MISSING_CELL ? missingMessage(ctx.compiled, ctx.view, st) : QUALITATIVE_MSG.unanswered('已建立', '推进中', '未建立');
    return { ...base, status: 'no_data', message, value: null, previous, changePercent: null, volatile: false };
  }
  const x = st.judged;
  let { status, message } = judgeNumeric(ctx, ct, x, rule);
  if (st.reference !== JUDGED) {
    status = 'reference';
    message = DATA_MSG.reference(message, referenceReason(ctx.compiled, ind, st));
  }
  const vol = volatility(st.value, prev?.value ?? null, ctx.options.volatilityPercent);
  message += volatilityNote(vol, x, ind.decimals, ind.unit);
  return { ...base, status, message, value: x, previous, changePercent: vol.changePercent, volatile: vol.volatile };
}
