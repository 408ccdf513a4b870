export const cli = {
  usage: `妇女发展监测填报 命令行工具

用法：wdp <命令> [选项]

命令：
  plans                      列出已装载的规划
  plan show <规划编号>        显示一个规划的指标框架
  plan new --id <编号> --region <县或市代码> --copy <规划编号> --name <规划名称> --period 2021-2030 --base-year 2020
                             编制本单位的规划：复制一个随程序提供的规划，改为本地区、名称、规划期和基期
  plan edit <编号> [--target <目标编号>] [--indicator <指标代码>] [--kind at_least|at_most|about|range|trend|balanced|qualitative]
            [--value N] [--strict] [--tolerance N] [--sides both|at_least|at_most] [--min N --max N] [--low N --high N]
            [--direction increase|decrease|stable] [--year 目标年份] [--text 目标原文] [--quote 规划原句]
            [--section 主要目标|策略措施] [--item 条目号] [--sample 试算数值] | --remove <目标编号>
                             新增或修改一个目标（给 --target 时未填的项沿用原目标），保存为新版本；--sample 给出试算结果
  plan export <编号> -o 文件.wdpframework.json
                             导出签名的指标框架包（下发乡镇、部门）
  report --region <代码> --year <年份> [--kind annual|midterm|final] [-o 文件.html]
                             年度监测报告（默认）、中期评估报告或终期评估报告（单个网页文件，
                             图表与字体内嵌，可直接打印）；评估报告的 --year 可省略（默认规划中期或末年）
  template --plan <规划编号> --region <代码> --year <年份> -o 文件.xlsx
                             空白 Excel 模板（供不用本程序的单位在 Excel/WPS 中填写）
  export --region <代码> --year <年份> [--plan <规划编号>] -o 文件.xlsx
                             把报表导出为 Excel 统计报表（含校验结果页）
  validate <文件> [--json]    校验 .xlsx/.xls/.csv 报表文件（退出码 0 通过，1 有问题，2 无法读取）
  import <文件> [--yes] [--json]
                             导入报表文件（Excel 表式，或长表 CSV/JSON、DHIS2 dataValueSets）；
                             有错误不导入，有警告时须加 --yes 确认
  export-data --region <代码> [--with-children] --from <起始年> --to <截止年>
              --format csv|json|dhis2-json|adx -o 文件 [--plan <规划编号>]
                             导出多个年度的统计数据库：长表 CSV（UTF-8 带 BOM）、JSON、DHIS2 dataValueSets 或 ADX
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
  planShowUsage: 'plan show|new|edit|export …（见 wdp --help）',
  planEditNeeds: '缺少参数：新增目标需要 --indicator、--kind、--text、--quote、--section 和 --item',
  planNewNeeds: '缺少参数：plan new 需要 --id、--region、--copy、--name、--period（如 2021-2030）和 --base-year',
  badNumber: (flag: string, v: string) => `参数 --${flag} 应为数值：${v}`,
  reportUsage: 'report --region <12位区划代码> --year <年份> [--kind annual|midterm|final] [-o 文件.html]',
  badReportKind: (kind: string) => `--kind 只能是 annual（年度监测报告）、midterm（中期评估报告）或 final（终期评估报告），不能是“${kind}”`,
  planTitle: (name: string, version: number, region: string) => `${name}（第 ${version} 版）　${region}`,
  planName: (name: string, draft: boolean) => `${name}${draft ? '（征求意见稿）' : ''}`,
  planHeader: '编号\t版本\t目标数\t名称\t地区\t期限',
  failed: (message: string) => `错误：${message}`,
};
