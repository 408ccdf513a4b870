// The Chinese wording of a target rule and of a number in an indicator's unit (shared/framework/describe.ts puts
// them together), for the framework browser, the CLI, the engine's messages and printed returns.

export const RULE_TEXT = {
  /** the unit 1/10万 is written after the number as /10万 */
  per100kUnit: '1/10万',
  per100kSuffix: '/10万',
  trend: { increase: '逐年提高', decrease: '逐年下降', stable: '保持稳定', slowing_increase: '上升趋势减缓' } as Record<
    string,
    string
  >,
  below: (v: string) => `低于${v}`,
  atMost: (v: string) => `不高于${v}`,
  above: (v: string) => `高于${v}`,
  atLeast: (v: string) => `不低于${v}`,
  aboutAtLeast: (v: string, bound: string, tolerance: string) =>
    `${v}左右（不低于${bound}即为实现，按${tolerance}掌握）`,
  aboutAtMost: (v: string, bound: string, tolerance: string) =>
    `${v}左右（不高于${bound}即为实现，按${tolerance}掌握）`,
  about: (v: string, tolerance: string) => `${v}左右（${tolerance}）`,
  range: (low: string, high: string) => `${low}且${high}`,
  basisBaseline: '与基期相比',
  basisPrevious: '与上年相比',
  stableWithin: (trend: string, basis: string, v: string) => `${trend}（${basis}，变化不超过${v}）`,
  slowing: (trend: string, years: number) => `${trend}（连续${years}年增幅收窄）`,
  trendOn: (trend: string, basis: string) => `${trend}（${basis}）`,
  balancedToward: (low: number, high: number) => `女性占比向${low}%～${high}%的均衡范围靠拢（本程序约定的均衡范围）`,
  balanced: (low: number, high: number) => `女性占比在${low}%～${high}%之间（本程序约定的均衡范围）`,
  relative: (comparison: string, indicator: string) => `${comparison}指标${indicator}`,
  external: (comparison: string, label: string) => `${comparison}${label}（由填报单位填写）`,
  mechanismChoices: '已建立 / 推进中 / 未建立',
  achievementChoices: '已实现 / 推进中 / 未实现',
} as const;
