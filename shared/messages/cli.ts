// The `wdp` command line: help, argument errors, file errors. Every flag's description is here too, so the help
// printed by `wdp <命令> --help` (generated from electron/cli/commands/specs.ts) reads from one place.

/** What a flag's value must look like (said in an error naming the flag, and in the help). */
const form = {
  region: '12 位统计用区划代码（如 431024000000）',
  year: '四位数年份（2000—2100，如 2024）',
  number: '数值（如 97 或 12.5）',
  date: 'YYYY-MM-DD 格式的日期（如 2025-06-30）',
  period: '起止年份（如 2021-2030）',
  oneOf: (values: readonly string[]) => values.join('|'),
};

/** One line per flag in `wdp <命令> --help`. */
const flag = {
  db: '数据库文件（默认：环境变量 WDP_DB，否则为桌面程序的数据库）',
  json: '以 JSON 输出',
  progress: '在标准错误输出上显示导入进度（标准错误是终端时总是显示）',
  help: '显示帮助',
  output: '写出的文件',
  plan: '规划编号（默认：本机设置的规划；见 wdp plans）',
  region: '统计用区划代码（12 位）',
  regionOffice: '本级（县或市）的统计用区划代码（12 位）',
  year: '统计年度',
  reportKind: '报告种类：annual 年度监测报告（默认）、midterm 中期评估报告、final 终期评估报告',
  reportYear: '统计年度（年度报告必填；评估报告可省略，默认规划中期或末年）',
  systemFonts: '不内嵌字体子集，使用读者电脑上的字体（文件更小）',
  yes: '有警告时确认导入',
  withChildren: '连同下辖乡镇的数据',
  from: '起始年度',
  to: '截止年度',
  format: '文件格式：csv 长表（默认）、json、dhis2-json（DHIS2 dataValueSets）、adx（DHIS2 ADX）',
  exportFormat:
    '文件格式：form Excel 统计报表（默认）、long-csv 长表 CSV、json 长表 JSON、dhis2-json（DHIS2 dataValueSets）、adx（DHIS2 ADX）',
  exportYear: '统计年度（form 必填；其他格式可用 --from/--to 给出年度范围）',
  dataFormat: '输出格式：table 制表符分隔的表格（默认）、long-csv 长表 CSV、json 长表 JSON',
  dataOut: '写到文件（不给时输出到标准输出）',
  deadline: '报送截止日期，只用于本次（默认为“汇总”页设置的截止日期）',
  id: '新规划的编号（小写字母）',
  copy: '复制的规划编号（随程序提供的规划）；与 --from-catalogue 二选一',
  fromCatalogue: '从指标目录开始编制（不复制规划，再用 wdp plan edit 逐条填写目标）；与 --copy 二选一',
  localCode: '本地指标代码：领域字母后接 80～99（如 H80），不能与指标目录中的代码相同',
  localName: '本地指标名称',
  localUnit: '计量单位：比率为 %、‰ 或 1/10万',
  localDefinition: '指标解释（定义、口径）',
  localDepartment: '责任部门（默认 统计）',
  numerator: '分子数据项代码（指标目录中的，或本地的 HD80～HD99 等）',
  denominator: '分母数据项代码（指标目录中的，或本地的）',
  numeratorName: '分子为新的本地数据项时，它的名称',
  denominatorName: '分母为新的本地数据项时，它的名称',
  itemUnit: '新的本地数据项的计量单位（默认 人）',
  repin: '县里重装电脑后密钥变了：填写电话核对过的新指纹，重新认定签名密钥（须同时给出 --reason，记入记录）',
  repinReason: '重新认定的原因',
  name: '新规划的名称',
  period: '规划期（如 2021-2030）',
  baseYear: '基期年份',
  target: '要修改的目标编号（未给出的项沿用原目标）；不给则新增目标',
  indicator: '指标代码',
  ruleKind:
    '判定规则：at_least 不低于、at_most 不高于、about 左右、range 区间、trend 趋势、balanced 均衡、qualitative 定性',
  value: '目标值',
  strict: '不含本数（高于 / 低于，而非“不低于 / 不高于”）',
  tolerance: '“左右”的幅度，或趋势中“保持稳定”的幅度',
  sides: '“左右”的方向：both 上下、at_least 只看下限、at_most 只看上限',
  min: '区间下限',
  max: '区间上限',
  low: '均衡范围下限',
  high: '均衡范围上限',
  direction: '趋势方向：increase 逐年提高、decrease 逐年下降、stable 保持稳定、slowing_increase 上升趋势减缓',
  targetYear: '目标年份（默认规划末年）',
  text: '目标原文',
  quote: '规划原句',
  section: '出处：主要目标 或 策略措施',
  item: '出处的条目号',
  sample: '试算数值：保存后按规则引擎给出判定结果',
  remove: '删除的目标编号',
  frameworkFile: '写出的指标框架包（.wdpframework.json）',
  unit: '报送单位（乡镇、街道）的统计用区划代码（12 位）',
  department: '报送单位为县级部门时：部门代码或名称（代替 --unit）',
  decision: '审核结论：accept 审核通过、send-back 退回（须 -o 写出带批注的退回意见文件）',
  remark: '审核意见（审核通过时可不填；退回时为总体意见）',
  cell: '另加一条单元格意见的位置：数据项代码.列（total 合计、female 女、male 男，如 PD30.female）',
  cellRemark: '--cell 那一格的意见',
  annotatedCopy: '退回时写出的带批注的退回意见文件（.xlsx）',
  receiptFile: '写出的回执文件（.json）',
};

/** The positional arguments, as the help names them. */
const positional = {
  planId: { name: '<规划编号>', description: '规划编号（见 wdp plans）' },
  file: { name: '<文件>', description: '.xlsx / .xls / .csv 报表文件，或长表 CSV / JSON、DHIS2 dataValueSets' },
  frameworkFile: { name: '<文件>', description: '县级（或市级）导出的指标框架包 .wdpframework.json' },
  files: { name: '<文件或文件夹…>', description: '下级报表文件，或存放它们的文件夹' },
  receipt: { name: '<回执.json>', description: '县级出具的回执文件' },
};

/** One line per command in `wdp --help`. */
const summary = {
  plans: '列出已装载的规划',
  'plan show': '显示一个规划的指标框架',
  'plan new':
    '编制本单位的规划：从指标目录开始（--from-catalogue），或复制一个随程序提供的规划，改为本地区、名称、规划期和基期',
  'plan local': '登记本地指标（指标目录中没有的比率指标）及其分子、分母数据项',
  'plan import': '导入上级下发的签名指标框架包（第一个包认定制定单位的签名密钥）',
  'plan edit': '新增、修改或删除一个目标，保存为新版本',
  'plan export': '导出签名的指标框架包（下发乡镇、部门）',
  report: '年度监测报告、中期或终期评估报告（单个网页文件，可直接打印）',
  template: '空白 Excel 模板（供不用本程序的单位在 Excel/WPS 中填写）',
  export: '导出本机的报表：Excel 统计报表（form），或多个年度的长表 CSV、JSON、DHIS2 dataValueSets、ADX',
  validate: '只校验报表文件、不写入（退出码 0 通过，1 有问题，2 无法读取）',
  import: '导入报表文件（有错误不导入，有警告须加 --yes）',
  'export-data': '导出多个年度的统计数据库（长表 CSV、JSON、DHIS2）；同 wdp export --format',
  data: '统计数据库：一个单位及下辖单位各年度的全部指标评估结果（表格、长表 CSV 或 JSON）',
  merge: '汇总下级报表（退出码 0 全部接收，3 有文件被拒收，2 参数有误，130 已取消）',
  overdue: '催报：尚未报送的单位及联系人、电话',
  review: '审核下级单位报送的报表：审核通过，或退回并写出带批注的退回意见文件',
  'receipt write': '为已审核的报表写出回执文件（县级）',
  'receipt import': '导入县级的回执（乡镇、部门）：审核通过的报表随即锁定',
} as Record<string, string>;

/** Longer notes printed under a command's help. */
const notes = {
  report: '不带 -o 时网页写到标准输出；--json 输出达标情况汇总（带 -o 时仍写出文件）。',
  'plan edit':
    '给 --target 时未填的项沿用原目标；新增目标需要 --indicator、--kind、--text、--quote、--section 和 --item。',
  'plan import':
    '框架包的签名密钥与本机认定的不同（如县里重装了电脑）时拒绝导入并列出两个指纹；打电话核对后，用 --repin <新指纹> --reason <原因> 明确重新认定，不会自动改认。',
  'plan local':
    '本地代码为各领域字母后接 80～99（指标如 H80，数据项如 HD80），指标目录从不使用这一段；新的本地数据项为乡镇填报、逐级相加的单栏人数。',
  merge: '文件夹只读取普通文件；链接只在所选文件夹内跟随，同一个文件只读一次。',
  review: '退回时，与“汇总”页的退回表单一样，该版本的错误和警告各成一条单元格意见；--remark 为总体意见。',
} as Record<string, string>;

export const cli = {
  title: '妇女发展监测填报 命令行工具',
  usageLine: '用法：wdp <命令> [选项]',
  commandsHeading: '命令：',
  globalHeading: '通用选项（每个命令都接受）：',
  argumentsHeading: '参数：',
  optionsHeading: '选项：',
  required: '（必填）',
  /** the placeholder of a flag's value when its spec names none */
  anyValue: '<值>',
  moreHelp: '运行 wdp <命令> --help（或 wdp help <命令>）查看该命令的全部参数。',
  commandUsage: (usage: string) => `用法：${usage}`,
  seeHelp: (command: string) => `运行 wdp ${command} --help 查看全部参数。`,
  form,
  flag,
  positional,
  summary,
  notes,

  unknownCommand: (name: string) => `未知命令：${name}。运行 wdp --help 查看可用命令。`,
  unknownSubcommand: (command: string, sub: string, valid: string[]) =>
    `未知的 ${command} 子命令：${sub}。可用：${valid.join('、')}`,
  missingSubcommand: (command: string, valid: string[]) => `缺少 ${command} 子命令：${valid.join('、')}`,
  unknownFlag: (flag: string, closest: string | null) => `未知参数 ${flag}${closest ? `，是不是 ${closest}？` : ''}`,
  missingFlag: (flag: string) => `缺少参数 ${flag}`,
  flagNeedsValue: (flag: string) => `参数 ${flag} 后面要跟一个值`,
  flagTakesNoValue: (flag: string) => `参数 ${flag} 不带值`,
  missingPositional: (name: string) => `缺少参数 ${name}`,
  extraArgument: (value: string) => `多余的参数：${value}`,
  badValue: (flag: string, value: string, allowed: string) => `参数 ${flag} 应为${allowed}，不能是“${value}”`,
  /** a contract refusal, said of the flag that fed the field */
  badField: (flag: string, why: string) => `参数 ${flag} 不符合要求：${why}`,
  badRequest: (why: string) => `参数不符合要求：${why}`,
  shouldBe: (form: string) => `应为${form}`,
  limit: {
    minChars: (n: number) => `至少 ${n} 个字`,
    maxChars: (n: number) => `最多 ${n} 个字`,
    minItems: (n: number) => `至少 ${n} 项`,
    maxItems: (n: number) => `最多 ${n} 项`,
    min: (n: number) => `不小于 ${n}`,
    max: (n: number) => `不大于 ${n}`,
    above: (n: number) => `大于 ${n}`,
    below: (n: number) => `小于 ${n}`,
  },
  notAccepted: '取值不在允许的范围内（运行 wdp <命令> --help 查看各参数的写法）',
  formNeedsYear: '--format form 导出一张报表，需要参数 --year',
  dataNeedsYears: (format: string) => `--format ${format} 需要参数 --year，或 --from 和 --to`,
  yearAndRange: '参数 --year 与 --from/--to 只能给一种',
  fromAfterTo: (from: number, to: number) => `参数 --from（${from}）晚于 --to（${to}）：起始年度应不晚于截止年度`,
  yearOutsidePlan: (year: number, plan: string, start: number, end: number, base: number) =>
    `参数 --year 应为规划“${plan}”的规划期 ${start}—${end} 年（或基期 ${base} 年）内的年份，不能是“${year}”`,
  badPlan: (id: string, valid: string[]) => `参数 --plan：没有编号为“${id}”的规划。可用的规划编号：${valid.join('、')}`,
  cannotWrite: (path: string, reason: string) => `无法写出文件：${path}（${reason}）`,
  unknownPlan: (id: string, valid: string[]) => `没有编号为“${id}”的规划。可用的规划编号：${valid.join('、')}`,
  validateVerdict: {
    errors: (file: string, errors: number, warnings: number) =>
      `“${file}”校验发现 ${errors} 处错误${warnings ? `、${warnings} 处警告` : ''}（只做了校验，没有写入数据库）。改正后可用 wdp import 导入。`,
    warnings: (file: string, warnings: number) =>
      `“${file}”没有错误，有 ${warnings} 处警告（只做了校验，没有写入数据库）。逐条核对后可用 wdp import --yes 导入。`,
  },
  planNewSource: '请给出 --copy <规划编号>（复制一个规划）或 --from-catalogue（从指标目录开始），二者只能选一个',
  planLocalArea: (code: string) => `参数 --code：“${code}”不是指标代码（领域字母加两位数字，如 H80）`,
  repinNeedsReason: '参数 --repin 须同时给出 --reason <原因>（重新认定会被记录）',
  planEditNeeds: '缺少参数：新增目标需要 --indicator、--kind、--text、--quote、--section 和 --item',
  planTitle: (name: string, version: number, region: string) => `${name}（第 ${version} 版）　${region}`,
  planName: (name: string, draft: boolean) => `${name}${draft ? '（征求意见稿）' : ''}`,
  planHeader: '编号\t版本\t目标数\t名称\t地区\t期限',
  failed: (message: string) => `错误：${message}`,
  /** wdp review / wdp receipt */
  journey: {
    unitNeeded: '缺少参数 --unit（乡镇、街道的区划代码）或 --department（县级部门）：请指明审核哪个单位的报表',
    unitOrDepartment: '参数 --unit 和 --department 只能给一个',
    notChild: (unit: string, office: string) => `${unit}不是${office}的下级单位，也不是其县级部门`,
    nothingReceived: (unit: string, year: number) =>
      `尚未收到${unit}${year}年的报表，无法审核或出具回执；请先用 wdp merge 导入其报表文件`,
    sendBackNeedsOutput: '退回时须用 -o 指定写出的退回意见文件（.xlsx）',
    cellNeedsRemark: '参数 --cell 和 --cell-remark 须一起给出',
    badCell: (cell: string) =>
      `参数 --cell 应为“数据项代码.列”（列为 total、female 或 male，如 PD30.female），不能是“${cell}”`,
    accepted: (unit: string, file: string) => `已审核通过${unit}的报表（${file}）；可用 wdp receipt write 写出回执`,
    sentBack: (unit: string, remarks: number, path: string) =>
      `已退回${unit}的报表（单元格意见 ${remarks} 条），意见文件已写出：${path}`,
    receiptWritten: (unit: string, path: string) =>
      `已写出${unit}报表的回执：${path}（请发给该单位，用 wdp receipt import 或在其“导入导出”页导入）`,
    status: (status: string) => `本机报表状态：${status}`,
  },
};
