// Layer 3: judging each target of the plan against the return's indicator values. Pure.
//
// Verdicts as the national monitoring reports give them: 已实现 (met), 基本实现 (short by no more than the
// stated margin), 与目标仍有差距 (not_met); 预警 is a flag beside the verdict (预计完成困难, 波动较大), never
// instead of it. Inclusive bounds (以上、以下、不低于) are judged on the value as shown (rounded to the
// indicator's decimals), so a value exactly at the bound meets it; strict bounds (超过、低于、高于) compare the
// unrounded value, so 90.04 % exceeds 90 %.
import { AREA_CODES, type TargetRule } from '../framework/schema.ts';
import type { Progress, TargetResult, TargetStatus } from './result.ts';
import { slowingYears, type CompiledIndicator, type CompiledTarget } from './compile.ts';
import { differenceUnit, formatBound, formatDifference, formatInUnit, formatSigned, roundTo } from './format.ts';
import {
  COUNTY_ONLY,
  JUDGED,
  MISSING_CELL,
  QUALITATIVE,
  ZERO_DENOMINATOR,
  missingMessage,
  referenceReason,
  type IndicatorState,
} from './indicators.ts';
import { DATA_MSG, PROGRESS_MSG, QUALITATIVE_LABELS, QUALITATIVE_MSG, TARGET_MSG, TREND_MSG } from './messages.ts';
import { basicMargin } from './options.ts';
import { judgeProgress } from './progress.ts';
import type { TargetContext } from './target-context.ts';
import { volatility, volatilityNote } from './volatility.ts';

/** 尚未评估 for a mechanism target with no answer yet. */
const unansweredMechanism = (): string => {
  const m = QUALITATIVE_LABELS.mechanism;
  return QUALITATIVE_MSG.unanswered(m.done, m.in_progress, m.not_done);
};

export type { TargetContext } from './target-context.ts';

interface Verdict {
  status: TargetStatus;
  message: string;
  /** distance short of the target (in the indicator's unit), for not met and basically met bounds */
  gap?: number | null;
  /** the bound a 序时进度 is measured toward, with its direction (bound targets only) */
  bound?: { value: number; op: 'at_least' | 'at_most'; strict: boolean };
}

const eps = (b: number) => 1e-9 * Math.max(1, Math.abs(b));

/** The value a bound is compared with: shown (rounded) for an inclusive bound, exact for a strict one. */
const compared = (st: IndicatorState, strict: boolean) => (strict ? st.value! : st.judged!);

/**
 * x against a bound: met, 基本实现 (short by at most `margin`), or not met. A value equal to a strict bound
 * is short by nothing but does not meet it: 基本实现 when a margin exists.
 */
function judgeBound(
  ct: CompiledTarget,
  st: IndicatorState,
  bound: number,
  op: 'at_least' | 'at_most',
  strict: boolean,
  margin: number,
): Verdict {
  const ind = ct.indicator;
  const text = ct.text;
  const x = compared(st, strict);
  const X = formatInUnit(st.judged!, ind.decimals, ind.unit);
  const short = op === 'at_most' ? x - bound : bound - x; // > 0: short of the target
  const e = eps(bound);
  const boundInfo = { value: bound, op, strict };
  const met = strict ? short < -e : short <= e;
  if (met) return { status: 'met', message: TARGET_MSG.met(X, text), gap: null, bound: boundInfo };
  const gap = Math.max(0, roundTo(short, ind.decimals + 2));
  const G = formatDifference(gap, ind.decimals, ind.unit);
  if (gap <= margin + e && margin > 0) {
    const M = formatDifference(margin, Math.max(ind.decimals, 1), ind.unit);
    if (Math.abs(short) <= e) {
      return {
        status: 'basically_met',
        message:
          op === 'at_most'
            ? TARGET_MSG.equalsStrictMaxBasically(X, text, M)
            : TARGET_MSG.equalsStrictMinBasically(X, text, M),
        gap,
        bound: boundInfo,
      };
    }
    return { status: 'basically_met', message: TARGET_MSG.basicallyMet(X, text, G, M), gap, bound: boundInfo };
  }
  if (Math.abs(short) <= e) {
    return {
      status: 'not_met',
      message: op === 'at_most' ? TARGET_MSG.equalsStrictMax(X, text) : TARGET_MSG.equalsStrictMin(X, text),
      gap,
      bound: boundInfo,
    };
  }
  return {
    status: 'not_met',
    message: op === 'at_most' ? TARGET_MSG.aboveMax(X, text, G) : TARGET_MSG.belowMin(X, text, G),
    gap,
    bound: boundInfo,
  };
}

function judgeNumeric(ctx: TargetContext, ct: CompiledTarget, st: IndicatorState, rule: TargetRule): Verdict {
  const ind = ct.indicator;
  const text = ct.text;
  const x = st.judged!;
  const X = formatInUnit(x, ind.decimals, ind.unit);
  const unit = ind.unit;
  switch (rule.kind) {
    case 'at_most':
    case 'at_least':
      return judgeBound(ct, st, rule.value, rule.kind, rule.strict, basicMargin(ctx.options, rule.value, unit));
    case 'about': {
      const lo = roundTo(rule.value - rule.tolerance, 6);
      const hi = roundTo(rule.value + rule.tolerance, 6);
      const L = formatBound(lo, unit);
      const H = formatBound(hi, unit);
      const above = x > hi + eps(hi);
      const below = x < lo - eps(lo);
      if (rule.sides === 'at_least') {
        return below
          ? {
              status: 'not_met',
              message: TARGET_MSG.aboutBelow(X, text, L),
              gap: roundTo(lo - x, ind.decimals + 2),
              bound: { value: lo, op: 'at_least', strict: false },
            }
          : {
              status: 'met',
              message: TARGET_MSG.aboutMetFrom(X, text, L),
              gap: null,
              bound: { value: lo, op: 'at_least', strict: false },
            };
      }
      if (rule.sides === 'at_most') {
        return above
          ? {
              status: 'not_met',
              message: TARGET_MSG.aboutAbove(X, text, H),
              gap: roundTo(x - hi, ind.decimals + 2),
              bound: { value: hi, op: 'at_most', strict: false },
            }
          : {
              status: 'met',
              message: TARGET_MSG.aboutMetUpTo(X, text, H),
              gap: null,
              bound: { value: hi, op: 'at_most', strict: false },
            };
      }
      if (above || below)
        return {
          status: 'not_met',
          message: TARGET_MSG.aboutNotMet(X, text, L, H),
          gap: roundTo(above ? x - hi : lo - x, ind.decimals + 2),
        };
      return { status: 'met', message: TARGET_MSG.aboutMet(X, text, L, H), gap: null };
    }
    case 'range':
    case 'balanced': {
      const min = rule.kind === 'range' ? rule.min : rule.low;
      const max = rule.kind === 'range' ? rule.max : rule.high;
      const minStrict = rule.kind === 'range' ? rule.minStrict : false;
      const maxStrict = rule.kind === 'range' ? rule.maxStrict : false;
      const lx = compared(st, minStrict);
      const hx = compared(st, maxStrict);
      const L = formatBound(min, unit);
      const H = formatBound(max, unit);
      const balanced = rule.kind === 'balanced';
      const belowMin = lx < min - eps(min) || (minStrict && Math.abs(lx - min) <= eps(min));
      const aboveMax = hx > max + eps(max) || (maxStrict && Math.abs(hx - max) <= eps(max));
      if (!belowMin && !aboveMax)
        return {
          status: 'met',
          message: balanced ? TARGET_MSG.balancedMet(X, text, L, H) : TARGET_MSG.met(X, text),
          gap: null,
        };
      if (balanced && rule.toward) {
        // 趋于平衡: a movement toward the band counts, judged against the year before
        const p = ctx.yearStates(ctx.data.year - 1)?.[ind.index]?.judged ?? null;
        const distance = (v: number) => (v < min ? min - v : v > max ? v - max : 0);
        if (p !== null && distance(x) < distance(p) - eps(distance(p))) {
          const basis = TREND_MSG.previousLabel(ctx.data.year - 1);
          return {
            status: 'met',
            message: TARGET_MSG.balancedToward(X, basis, formatInUnit(p, ind.decimals, unit), text),
            gap: null,
          };
        }
      }
      if (belowMin && Math.abs(lx - min) <= eps(min))
        return { status: 'not_met', message: TARGET_MSG.rangeAtStrictBound(X, text, true), gap: 0 };
      if (aboveMax && Math.abs(hx - max) <= eps(max))
        return { status: 'not_met', message: TARGET_MSG.rangeAtStrictBound(X, text, false), gap: 0 };
      if (belowMin)
        return {
          status: 'not_met',
          message: balanced ? TARGET_MSG.balancedBelow(X, text, L, H) : TARGET_MSG.rangeBelow(X, text, L),
          gap: roundTo(min - x, ind.decimals + 2),
        };
      return {
        status: 'not_met',
        message: balanced ? TARGET_MSG.balancedAbove(X, text, L, H) : TARGET_MSG.rangeAbove(X, text, H),
        gap: roundTo(x - max, ind.decimals + 2),
      };
    }
    case 'relative': {
      const other = ct.other!;
      const y = ctx.states[other.index].judged;
      const name = other.indicator.name;
      if (y === null) return { status: 'no_data', message: TARGET_MSG.relativeNoData(name) };
      const Y = formatInUnit(y, other.decimals, other.unit);
      const short = rule.op === 'at_most' ? x - y : y - x;
      const e = eps(y);
      if (rule.strict ? short < -e : short <= e)
        return { status: 'met', message: TARGET_MSG.relativeMet(X, text, name, Y), gap: null };
      if (Math.abs(short) <= e)
        return { status: 'not_met', message: TARGET_MSG.relativeEqualStrict(X, text, name, Y), gap: 0 };
      return {
        status: 'not_met',
        message: TARGET_MSG.relativeNotMet(X, text, name, Y, rule.op === 'at_least'),
        gap: roundTo(short, ind.decimals + 2),
      };
    }
    case 'external': {
      const t = ctx.data.externalThresholds?.[ct.target.id];
      if (t === undefined || t === null || !Number.isFinite(t))
        return { status: 'no_data', message: TARGET_MSG.externalMissing(rule.label) };
      const T = formatBound(t, unit);
      const v = judgeBound(ct, st, t, rule.op, rule.strict, basicMargin(ctx.options, t, unit));
      const below = rule.op === 'at_least';
      if (v.status === 'met') return { ...v, message: TARGET_MSG.externalMet(X, text, rule.label, T) };
      if (v.status === 'not_met') {
        return {
          ...v,
          message:
            v.gap === 0
              ? TARGET_MSG.externalEqualStrict(X, text, rule.label, T)
              : TARGET_MSG.externalNotMet(X, text, rule.label, T, below),
        };
      }
      return v;
    }
    case 'trend':
      return rule.direction === 'slowing_increase'
        ? judgeSlowing(ctx, ct, x, rule.years)
        : judgeTrend(ctx, ct, x, rule);
    case 'qualitative':
      return { status: 'no_data', message: unansweredMechanism() };
  }
}

function judgeTrend(
  ctx: TargetContext,
  ct: CompiledTarget,
  x: number,
  rule: Extract<TargetRule, { kind: 'trend' }>,
): Verdict {
  const ind = ct.indicator;
  const text = ct.text;
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
    return d > 0
      ? { status: 'met', message: TREND_MSG.increaseMet(X, basis, P, D, text) }
      : { status: 'not_met', message: TREND_MSG.increaseWrong(X, basis, P, D, text) };
  }
  if (rule.direction === 'decrease') {
    return d < 0
      ? { status: 'met', message: TREND_MSG.decreaseMet(X, basis, P, D, text) }
      : { status: 'not_met', message: TREND_MSG.decreaseWrong(X, basis, P, D, text) };
  }
  // stable
  const tolerance = rule.stableTolerance ?? (ctx.options.stablePercent / 100) * Math.abs(p);
  const limit =
    rule.stableTolerance !== undefined
      ? formatBound(rule.stableTolerance, differenceUnit(ind.unit))
      : `${ctx.options.stablePercent}%`;
  return Math.abs(d) <= tolerance + eps(tolerance)
    ? { status: 'met', message: TREND_MSG.stableMet(X, basis, P, text) }
    : { status: 'not_met', message: TREND_MSG.stableWrong(X, basis, P, limit, text) };
}

/** 上升趋势减缓: over n = max(2, years) consecutive yearly changes each change is below the one before (or not a rise). */
function judgeSlowing(ctx: TargetContext, ct: CompiledTarget, x: number, years: number): Verdict {
  const ind = ct.indicator;
  const text = ct.text;
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
  if (missing.length > 0)
    return { status: 'no_data', message: TREND_MSG.missingYears(missing, from, year, n + 1, text) };
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
    : { status: 'not_met', message: TREND_MSG.slowingWrong(from, year, rises, text) };
}

function judgeQualitative(ctx: TargetContext, ct: CompiledTarget): Verdict {
  const ind = ct.indicator.indicator;
  const text = ct.text;
  const labels = QUALITATIVE_LABELS[ind.kind === 'qualitative' ? ind.choices : 'mechanism'];
  const choice = ctx.qualitative.get(ind.code)?.choice ?? null;
  const referenceOnly = ind.judgeLevel === 'county' && ctx.level === 'township';
  if (choice === null) {
    if (referenceOnly) return { status: 'not_applicable', message: DATA_MSG.qualitativeReferenceNoAnswer };
    return { status: 'no_data', message: QUALITATIVE_MSG.unanswered(labels.done, labels.in_progress, labels.not_done) };
  }
  const label = labels[choice];
  const verdict: Verdict =
    choice === 'done'
      ? { status: 'met', message: QUALITATIVE_MSG.met(label, text) }
      : choice === 'in_progress'
        ? { status: 'in_progress', message: QUALITATIVE_MSG.inProgress(label, text) }
        : { status: 'not_met', message: QUALITATIVE_MSG.notMet(label, text) };
  return referenceOnly
    ? { status: 'reference', message: DATA_MSG.reference(verdict.message, DATA_MSG.judgeLevelCounty) }
    : verdict;
}

/**
 * A result without a value: written out key by key, in the order the spreads of a base and NO_FLAGS gave (a merge
 * judges ~90 targets a file, and object spreads are slow while a worker's code is still cold).
 */
const unvalued = (
  ct: CompiledTarget,
  status: TargetStatus,
  message: string,
  previous: number | null,
): TargetResult => ({
  targetId: ct.target.id,
  indicator: ct.target.indicator,
  area: AREA_CODES[ct.area],
  value: null,
  changePercent: null,
  volatile: false,
  hardToMeet: false,
  progress: null,
  gap: null,
  status,
  message,
  previous,
});

export function evaluateTarget(ctx: TargetContext, ct: CompiledTarget): TargetResult {
  const ind: CompiledIndicator = ct.indicator;
  const rule = ct.target.rule;
  if (rule.kind === 'qualitative') {
    const v = judgeQualitative(ctx, ct);
    return unvalued(ct, v.status, v.message, null);
  }
  const st = ctx.states[ind.index];
  const prev = ctx.yearStates(ctx.data.year - 1)?.[ind.index] ?? null;
  const previous = prev?.judged ?? null;
  if (st.missing === COUNTY_ONLY || st.missing === ZERO_DENOMINATOR) {
    return unvalued(ct, 'not_applicable', missingMessage(ctx.compiled, ctx.view, st), previous);
  }
  if (st.missing === MISSING_CELL || st.missing === QUALITATIVE || st.judged === null) {
    const message = st.missing === MISSING_CELL ? missingMessage(ctx.compiled, ctx.view, st) : unansweredMechanism();
    return unvalued(ct, 'no_data', message, previous);
  }
  const x = st.judged;
  const verdict = judgeNumeric(ctx, ct, st, rule);
  let { status, message } = verdict;
  const clauses: string[] = [];
  let progress: Progress | null = null;
  let hardToMeet = false;
  const targetYear = ct.target.year ?? ctx.compiled.framework.plan.period.end;
  if (
    verdict.bound &&
    ctx.data.year < targetYear &&
    (status === 'met' || status === 'basically_met' || status === 'not_met')
  ) {
    progress = judgeProgress(ctx, ct, x, verdict.bound, status === 'met', targetYear);
    if (status === 'met') clauses.push(PROGRESS_MSG.ahead(targetYear));
    else {
      const E = progress.expected === null ? '' : formatInUnit(progress.expected, ind.decimals, ind.unit);
      if (progress.state === 'no_base') clauses.push(PROGRESS_MSG.noBase(progress.baseYear));
      else
        clauses.push(
          progress.state === 'behind' ? PROGRESS_MSG.behind(ctx.data.year, E) : PROGRESS_MSG.onTrack(ctx.data.year, E),
        );
      if (progress.projectedMeets === false) {
        clauses.push(
          PROGRESS_MSG.projectedMiss(
            progress.projectedFrom!,
            ctx.data.year,
            targetYear,
            formatInUnit(progress.projected!, ind.decimals, ind.unit),
          ),
        );
      }
      hardToMeet = progress.state === 'behind' || progress.projectedMeets === false;
    }
  }
  if (clauses.length > 0) message += `；${clauses.join('；')}`;
  if (hardToMeet) message += PROGRESS_MSG.hardToMeet;
  if (st.reference !== JUDGED) {
    status = 'reference';
    hardToMeet = false;
    message = DATA_MSG.reference(message, referenceReason(ctx.compiled, ind, st));
  }
  const vol = volatility(st.value, prev?.value ?? null, ctx.options.volatilityPercent);
  message += volatilityNote(vol, st.value!, prev?.value ?? 0, ind.decimals, ind.unit, ind.direction === 'higher');
  return {
    targetId: ct.target.id,
    indicator: ct.target.indicator,
    area: AREA_CODES[ct.area],
    status,
    message,
    value: x,
    previous,
    changePercent: vol.changePercent,
    volatile: vol.volatile,
    hardToMeet,
    progress,
    gap: status === 'met' ? null : (verdict.gap ?? null),
  };
}
