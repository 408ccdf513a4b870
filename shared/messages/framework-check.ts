// The problems of a malformed framework (a plan's targets, the catalogue, a code that is not well formed), found when
// a framework is assembled, checked or compiled. Imports nothing, so the framework and the rule engine can use it.
export const frameworkCheck = {
  indicatorCode: '指标代码应为领域字母加两位数字，如 H01',
  itemCode: '数据项代码应为领域字母加 D 加两位数字，如 HD01',
  missingArea: (plan: string, area: string) => `规划 ${plan} 缺少领域 ${area}`,
  invalid: (plan: string, problems: string[]) => `规划 ${plan} 的指标框架有误：\n${problems.join('\n')}`,
  /** what is duplicated, as `duplicate` names it */
  what: { indicator: '指标', item: '数据项', target: '目标' },
  duplicate: (what: string, code: string) => `${what}代码重复：${code}`,
  wrongArea: (code: string, area: string, catalogue: string) =>
    `指标 ${code} 的领域 ${area} 与所在目录 ${catalogue} 不符`,
  missingItem: (indicator: string, item: string) => `指标 ${indicator} 引用了不存在的数据项 ${item}`,
  noMaleColumn: (indicator: string, item: string) => `指标 ${indicator} 引用 ${item} 的男性栏，但该数据项不分男`,
  noFemaleColumn: (indicator: string, item: string) => `指标 ${indicator} 引用 ${item} 的女性栏，但该数据项不分性别`,
  missingIndicator: (target: string, indicator: string) => `目标 ${target} 引用了不存在的指标 ${indicator}`,
  indicatorOutsideArea: (target: string, indicator: string, area: string) =>
    `目标 ${target} 的指标 ${indicator} 不属于领域 ${area}`,
  ruleKindMismatch: (target: string) => `目标 ${target}：定性规则只能配定性指标，数值规则只能配数值指标`,
  missingCompared: (target: string, indicator: string) => `目标 ${target} 比较的指标 ${indicator} 不存在`,
  missingObjective: (target: string, item: number) => `目标 ${target} 指向不存在的主要目标第 ${item} 条`,
  objectiveWithoutTarget: (area: string, item: number) => `${area} 主要目标第 ${item} 条没有对应的监测目标`,
} as const;
