// 导出诊断信息 and the error shown when something unexpected happens in the main process.
export const diagnostics = {
  export: '导出诊断信息',
  exportHint:
    '程序出现问题时，可导出诊断信息（一个 zip 文件，含程序和系统版本、数据库检查结果、最近的运行日志和导入结论，不含填报数据和姓名），通过邮件或 U 盘发给技术支持。',
  saved: (path: string) => `诊断信息已保存：${path}`,
  cancelled: '未保存诊断信息',
  fileName: (stamp: string) => `妇女发展监测填报-诊断信息-${stamp}.zip`,
  readme: [
    '妇女发展监测填报 诊断信息',
    '',
    'diagnostics.json  程序和系统版本、数据库版本和完整性检查（quick_check）结果、备份情况',
    'recent.log        最近的运行日志（只记录操作类别、代码和数量，不含单元格数值和姓名）',
    'imports.json      最近的汇总导入结论（接收 / 有提示 / 拒收及问题数量，不含文件名和数值）',
    '',
    '请把本文件通过邮件或 U 盘发给技术支持。',
  ].join('\n'),
  crashTitle: '程序出现意外错误',
  crash: (what: string) =>
    `程序出现意外错误：${what}\n\n已保存的数据不受影响。可以继续使用；如果问题反复出现，请点击“导出诊断信息”，把生成的文件发给技术支持。`,
  crashButtons: ['导出诊断信息', '关闭'] as const,
};
