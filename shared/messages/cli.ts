export const cli = {
  usage: `妇女发展监测填报 命令行工具

用法：wdp <命令> [选项]

命令：
  plans                      列出已装载的规划
  plan show <规划编号>        显示一个规划的指标框架
  report --region <代码> --year <年份> [--kind annual|midterm|final] [-o 文件.html]
                             年度监测报告（默认）、中期评估报告或终期评估报告（单个网页文件，
                             图表与字体内嵌，可直接打印）；评估报告的 --year 可省略（默认规划中期或末年）
  template --plan <规划编号> --region <代码> --year <年份> -o 文件.xlsx
                             空白 Excel 模板（供不用本程序的单位在 Excel/WPS 中填写）
  export --region <代码> --year <年份> [--plan <规划编号>] -o 文件.xlsx
                             把报表导出为 Excel 统计报表（含校验结果页）
  validate <文件> [--json]    校验 .xlsx/.xls/.csv 报表文件（退出码 0 通过，1 有问题，2 无法读取）
  import <文件> [--yes] [--json]
                             导入报表文件；有错误不导入，有警告时须加 --yes 确认
  merge --region <县或市代码> --year <年份> 文件或文件夹… [-o 汇总表.xlsx] [--json]
                             汇总下级报表：逐个文件给出结果，列出报送情况，写出本级汇总报表
                             （退出码 0 全部接收，3 有文件被拒收，2 参数有误）
  overdue --year <年份> [--region <县或市代码>] [--deadline YYYY-MM-DD] [-o 催报名单.xlsx] [--json]
                             催报：尚未报送的单位（未报送、仅有草稿、已退回待重报）及联系人、电话；
                             --deadline 只用于本次（默认为界面中设置的截止日期），-o 写出 Excel 名单

通用选项：
  --db <文件>                 数据库文件（默认：环境变量 WDP_DB 或程序的用户数据目录）
  --json                     以 JSON 输出
  -h, --help                 显示帮助`,
  unknownCommand: (name: string) => `未知命令：${name}。运行 wdp --help 查看可用命令。`,
  missingArgument: (name: string) => `缺少参数：${name}`,
  planShowUsage: 'plan show <规划编号>',
  reportUsage: 'report --region <12位区划代码> --year <年份> [--kind annual|midterm|final] [-o 文件.html]',
  badReportKind: (kind: string) => `--kind 只能是 annual（年度监测报告）、midterm（中期评估报告）或 final（终期评估报告），不能是“${kind}”`,
  planTitle: (name: string, version: number, region: string) => `${name}（第 ${version} 版）　${region}`,
  planName: (name: string, draft: boolean) => `${name}${draft ? '（征求意见稿）' : ''}`,
  planHeader: '编号\t版本\t目标数\t名称\t地区\t期限',
  failed: (message: string) => `错误：${message}`,
};
