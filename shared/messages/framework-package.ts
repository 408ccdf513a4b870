export const frameworkPackage = {
  fileName: (region: string, version: number) => `${region}-指标框架-第${version}版.wdpframework.json`,
  tooLarge: (file: string) => `文件“${file}”超过 5 MB，不是指标框架包。`,
  notJson: (file: string) => `文件“${file}”不是指标框架包（无法按 JSON 读取）。请确认选择的是县级导出的 .wdpframework.json 文件。`,
  notPackage: (file: string) => `文件“${file}”不是本程序导出的指标框架包。`,
  checksum: (file: string) => `指标框架包“${file}”的校验码不符，文件可能在传递中损坏或被改动，请向县级重新索取。`,
  invalid: (file: string) => `指标框架包“${file}”的内容有误，未导入。`,
  otherPlan: (file: string, plan: string) => `指标框架包“${file}”属于《${plan}》，与本机所用规划不同，未导入。`,
  notNewer: (file: string, version: number, current: number) => `指标框架包“${file}”是第 ${version} 版，本机已有第 ${current} 版，只能导入更新的版本。`,
  imported: (version: number) => `已导入第 ${version} 版指标框架。已填报的数据保持不变。`,
  exportButton: '导出指标框架包',
  importButton: '导入指标框架包…',
};
