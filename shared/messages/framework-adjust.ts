export const frameworkAdjust = {
  countyOnly: '只有县（区）或市的妇儿工委办可以调整本级规划的目标值；乡镇请导入县级下发的指标框架包',
  noTarget: (id: string) => `没有目标 ${id}`,
  notNumeric: '只能调整带数值的目标（不低于、不高于、左右）',
  button: '调整',
  value: '新的目标值',
  note: '调整依据（如会议纪要、文件号）',
  save: '保存为新版本',
  cancel: '取消',
  saved: (version: number) => `已保存为第 ${version} 版指标框架。已填报的报表仍按原版本校验；请导出指标框架包下发各乡镇。`,
  adjusted: (previous: string, note: string) => `本地调整（规划原值：${previous}）：${note}`,
};
