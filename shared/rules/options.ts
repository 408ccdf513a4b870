// Tunable thresholds of the rule engine. Pure.

export interface RuleOptions {
  /**
   * 预警 margin for bound targets, as a fraction of the bound value (relative): with 0.05 a value that meets
   * “at most 12” but lies within 0.6 of 12 (11.4 … 12) is at_risk. 0 switches the margin off.
   */
  riskMargin: number;
  /** 波动较大: |change against the previous year| above this percentage (relative) marks a target volatile. */
  volatilityPercent: number;
  /**
   * 保持稳定 when the rule gives no stableTolerance: |change against the basis| at most this percentage
   * (relative) counts as stable.
   */
  stablePercent: number;
}

export const DEFAULT_RULE_OPTIONS: Readonly<RuleOptions> = Object.freeze({
  riskMargin: 0.05,
  volatilityPercent: 20,
  stablePercent: 5,
});

export function resolveOptions(options?: Partial<RuleOptions>): RuleOptions {
  if (!options) return DEFAULT_RULE_OPTIONS;
  return {
    riskMargin: options.riskMargin ?? DEFAULT_RULE_OPTIONS.riskMargin,
    volatilityPercent: options.volatilityPercent ?? DEFAULT_RULE_OPTIONS.volatilityPercent,
    stablePercent: options.stablePercent ?? DEFAULT_RULE_OPTIONS.stablePercent,
  };
}
