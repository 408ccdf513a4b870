// 序时进度 and the projection to the target year, for a bound target judged before its year. Pure.
//
// The expected value of an intermediate year is the base year's value moved linearly toward the target
// (the plans' 监测评估: 「预测发展趋势」, the national reports' 序时进度). Without a base-year value there is no
// expected value: the result says so and nothing is invented. The projection is the least-squares line
// through the years entered (the base year included), at the target year, drawn from three years on.
import type { Progress } from './result.ts';
import type { CompiledTarget } from './compile.ts';
import { roundTo } from './format.ts';
import type { TargetContext } from './target-context.ts';

/** Fewer years than this give no projection: two points are a line through noise. */
const MIN_PROJECTION_YEARS = 3;

const eps = (b: number) => 1e-9 * Math.max(1, Math.abs(b));

export function judgeProgress(
  ctx: TargetContext,
  ct: CompiledTarget,
  x: number,
  bound: { value: number; op: 'at_least' | 'at_most'; strict: boolean },
  met: boolean,
  targetYear: number,
): Progress {
  const ind = ct.indicator;
  const year = ctx.data.year;
  const baseYear = ctx.compiled.framework.plan.baselineYear;
  const baseValue = year > baseYear ? (ctx.yearStates(baseYear)?.[ind.index]?.judged ?? null) : null;
  const higher = bound.op === 'at_least';
  const meets = (v: number) =>
    higher
      ? bound.strict
        ? v > bound.value + eps(bound.value)
        : v >= bound.value - eps(bound.value)
      : bound.strict
        ? v < bound.value - eps(bound.value)
        : v <= bound.value + eps(bound.value);

  const points: { year: number; value: number }[] = [];
  for (let y = baseYear; y < year; y++) {
    const v = ctx.yearStates(y)?.[ind.index]?.judged ?? null;
    if (v !== null) points.push({ year: y, value: v });
  }
  points.push({ year, value: x });
  const projected = points.length >= MIN_PROJECTION_YEARS ? roundTo(linearAt(points, targetYear), ind.decimals) : null;
  const projection = {
    projected,
    projectedMeets: projected === null ? null : meets(projected),
    projectedFrom: projected === null ? null : points[0].year,
  };

  const targetValue = bound.value;
  if (met) return { baseYear, baseValue, targetYear, targetValue, expected: null, state: 'ahead', ...projection };
  if (baseValue === null)
    return { baseYear, baseValue, targetYear, targetValue, expected: null, state: 'no_base', ...projection };
  // a base already on the right side of the target: the target itself is what every year must keep
  const expected = meets(baseValue)
    ? bound.value
    : roundTo(baseValue + ((bound.value - baseValue) * (year - baseYear)) / (targetYear - baseYear), ind.decimals);
  const onTrack = higher ? x >= expected - eps(expected) : x <= expected + eps(expected);
  return {
    baseYear,
    baseValue,
    targetYear,
    targetValue,
    expected,
    state: onTrack ? 'on_track' : 'behind',
    ...projection,
  };
}

/** The least-squares line through the points, evaluated at `at`. */
function linearAt(points: readonly { year: number; value: number }[], at: number): number {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.year, 0) / n;
  const my = points.reduce((s, p) => s + p.value, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    sxy += (p.year - mx) * (p.value - my);
    sxx += (p.year - mx) ** 2;
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  return my + slope * (at - mx);
}
