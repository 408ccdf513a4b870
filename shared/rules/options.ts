// Tunable conventions of the rule engine: the margins the plans do not give, stated wherever a verdict uses them. Pure.

export interface RuleOptions {
  /**
   * 基本实现: a value short of its target by no more than this fraction of the target value (relative) …
   */
  basicRelative: number;
  /** … and, for a percentage, by no more than this many 个百分点 (whichever is smaller). */
  basicPoints: number;
  /** 波动较大: |change against the previous year| above this percentage (relative) marks a target volatile. */
  volatilityPercent: number;
  /**
   * 保持稳定 when the rule gives no stableTolerance: |change against the basis| at most this percentage
   * (relative) counts as stable.
   */
  stablePercent: number;
}

export const DEFAULT_RULE_OPTIONS: Readonly<RuleOptions> = Object.freeze({
  basicRelative: 0.05,
  basicPoints: 1,
  volatilityPercent: 20,
  stablePercent: 5,
});

/** 达标率 is stated only when at least this share of the measured targets can be monitored (have data). */
export const MIN_MONITORED_SHARE = 0.5;

export function resolveOptions(options?: Partial<RuleOptions>): RuleOptions {
  if (!options) return DEFAULT_RULE_OPTIONS;
  return { ...DEFAULT_RULE_OPTIONS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) };
}

/** The 基本实现 margin for a target value in a unit: 5 % of it, for a percentage at most 1 个百分点. */
export function basicMargin(options: RuleOptions, bound: number, unit: string): number {
  const relative = options.basicRelative * Math.abs(bound);
  return unit === '%' ? Math.min(options.basicPoints, relative) : relative;
}
