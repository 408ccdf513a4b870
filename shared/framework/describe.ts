// Chinese wording of units and target rules, for the framework browser, the CLI and printed returns.
import { RULE_TEXT as R } from '../messages/rule-text.ts';
import type { Indicator, PlanMeta, TargetRule } from './schema.ts';

export function indicatorUnit(indicator: Indicator): string {
  return indicator.kind === 'qualitative' ? '—' : indicator.unit;
}

/** 12/10万, 30%, 2‰, 78.5岁: a number in an indicator's unit. */
export function formatInUnit(value: number, unit: string, decimals?: number): string {
  const text = decimals === undefined ? String(value) : value.toFixed(decimals);
  if (unit === R.per100kUnit) return `${text}${R.per100kSuffix}`;
  return `${text}${unit}`;
}

export function describeRule(rule: TargetRule, indicator: Indicator): string {
  const unit = indicatorUnit(indicator);
  const v = (n: number) => formatInUnit(n, unit === '—' ? '' : unit);
  const below = (strict: boolean | undefined, x: string) => (strict ? R.below(x) : R.atMost(x));
  const above = (strict: boolean | undefined, x: string) => (strict ? R.above(x) : R.atLeast(x));
  switch (rule.kind) {
    case 'at_most':
      return below(rule.strict, v(rule.value));
    case 'at_least':
      return above(rule.strict, v(rule.value));
    case 'about': {
      const t = `±${formatInUnit(rule.tolerance, unit === '—' ? '' : unit)}`;
      if (rule.sides === 'at_least')
        return R.aboutAtLeast(v(rule.value), v(Number((rule.value - rule.tolerance).toFixed(6))), t);
      if (rule.sides === 'at_most')
        return R.aboutAtMost(v(rule.value), v(Number((rule.value + rule.tolerance).toFixed(6))), t);
      return R.about(v(rule.value), t);
    }
    case 'range':
      return R.range(above(rule.minStrict, v(rule.min)), below(rule.maxStrict, v(rule.max)));
    case 'trend': {
      const basis = rule.basis === 'baseline' ? R.basisBaseline : R.basisPrevious;
      if (rule.direction === 'stable' && rule.stableTolerance !== undefined)
        return R.stableWithin(R.trend.stable, basis, v(rule.stableTolerance));
      return rule.direction === 'slowing_increase'
        ? R.slowing(R.trend[rule.direction], rule.years)
        : R.trendOn(R.trend[rule.direction], basis);
    }
    case 'balanced':
      return rule.toward ? R.balancedToward(rule.low, rule.high) : R.balanced(rule.low, rule.high);
    case 'relative':
      return R.relative(rule.op === 'at_least' ? above(rule.strict, '') : below(rule.strict, ''), rule.indicator);
    case 'external':
      return R.external(rule.op === 'at_least' ? R.atLeast('') : R.atMost(''), rule.label);
    case 'qualitative':
      return indicator.kind === 'qualitative' && indicator.choices === 'mechanism'
        ? R.mechanismChoices
        : R.achievementChoices;
  }
}

/**
 * The years a return can be made for under a plan: the base year (基期, for 序时进度) and every year of the
 * plan's period, up to `upTo` when given (the entry screens stop at the current year).
 */
export function planYears(plan: Pick<PlanMeta, 'baselineYear' | 'period'>, upTo?: number): number[] {
  const years: number[] = [];
  const last = upTo === undefined ? plan.period.end : Math.min(plan.period.end, upTo);
  for (let y = Math.min(plan.baselineYear, plan.period.start); y <= last; y++) years.push(y);
  return years;
}

/** Which targets a county may adjust locally, and what: a value, the tolerance, the balanced band. */
export function adjustableParts(rule: TargetRule): { value: boolean; tolerance: boolean; band: boolean } | null {
  switch (rule.kind) {
    case 'at_least':
    case 'at_most':
      return { value: true, tolerance: false, band: false };
    case 'about':
      return { value: true, tolerance: true, band: false };
    case 'balanced':
      return { value: false, tolerance: false, band: true };
    case 'trend':
      return rule.direction === 'stable' ? { value: false, tolerance: true, band: false } : null;
    default:
      return null;
  }
}

/** The rule rests on a margin the plan does not give (左右's tolerance, the balanced band, 保持稳定 without one). */
export function reliesOnConvention(rule: TargetRule): boolean {
  return rule.kind === 'about' || rule.kind === 'balanced' || (rule.kind === 'trend' && rule.direction === 'stable');
}
