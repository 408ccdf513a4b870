// Every user-facing string of the Excel export, template and import (zh-CN): the form's own text, the problems
// an import reports, the verdicts, the CLI and the 导入导出 page. Tests match on these texts: change them here only.
import type { SexColumn } from '../framework/schema.ts';
import { ALERT_LABEL, VERDICT_LABEL } from '../rules/messages.ts';
import { areaShortNames } from './framework.ts';

const SEX: Record<SexColumn, string> = { total: '合计', female: '女', male: '男' };
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The report form itself: sheet names, header block, column headers, footer, 说明. */
const form = {
  sheetNames: areaShortNames as Record<string, string>,
  resultSheet: '校验结果',
  metaSheet: '元数据',
  title: (areaTitle: string) => `${areaTitle}监测统计表`,
  numberedArea: (n: string, areaTitle: string) => `${n}、${areaTitle}`,
  chineseNumbers: ['一', '二', '三', '四', '五', '六', '七', '八'],
  plan: (name: string) => `监测规划：${name}`,
  formNumber: (n: number) => `表　　号：妇监${n}表`,
  maker: (county: string) => `制定机关：${county}妇女儿童工作委员会办公室`,
  filedWith: (county: string) => `备案机关：${county}统计局`,
  validUntil: (year: number) => `有效期至：${year}年12月`,
  unit: (name: string) => `填报单位：${name}`,
  unitCode: (code: string) => `单位代码：${code}`,
  year: (year: number) => `统计年度：${year}年`,
  wholeUnit: (unit: string) => `计量单位：${unit}`,
  headers: {
    name: '指标名称',
    code: '代码',
    unit: '计量单位',
    current: '本年',
    total: '合计',
    female: '女',
    male: '男',
    previous: '上年',
    change: '增减（%）',
    note: '备注',
  },
  columnIndex: { name: '甲', code: '乙', unit: '丙', note: '丁' },
  sections: {
    qualitative: '定性评估（进展情况）',
    thresholds: '上级下达的目标值',
  },
  notApplicable: '—',
  noDataMark: '—',
  qualitativeUnit: '—',
  thresholdName: (label: string, text: string) => `${label}（目标：${text}）`,
  footer: {
    /** a label cell of the footer: 单位负责人： */
    label: (field: 'head' | 'statistician' | 'filler' | 'phone' | 'reportedOn') => `${form.footer.labels[field]}：`,
    /** the labels as the import finds them, by footer field */
    labels: {
      head: '单位负责人',
      statistician: '统计负责人',
      filler: '填表人',
      phone: '联系电话',
      reportedOn: '报出日期',
    } as Record<string, string>,
  },
  notes: {
    heading: '说明：',
    whoTownship: (unit: string, county: string) => `1. 本表由${unit}统计员填报，报${county}妇女儿童工作委员会办公室。`,
    whoCounty: (county: string) =>
      `1. 本表由${county}妇女儿童工作委员会办公室会同各成员单位填报（乡镇数据为各乡镇报表之和）。`,
    checks: '2. 审核关系：1栏 ≥ 2栏，1栏 ≥ 3栏；分男女的项目 1栏 = 2栏 + 3栏；比率的分子不大于分母。',
    columns: '3. 4栏为上年数（合计）；5栏 =（1栏－4栏）÷ 4栏 × 100；计量单位为%的项目，5栏为增减的百分点。',
    symbols: '4. 符号：“—”表示无数据或不适用，无数据的原因写在备注栏；空白表示尚未填报；不得以0代替无数据。',
    decimals: '5. 人数、个数等取整数；其他数值按计量单位填写，小数位数见各项要求。',
    qualitative:
      '6. 定性评估栏填写进展情况（已实现/推进中/未实现，机制类为已建立/推进中/未建立），情况说明写在备注栏。',
    template: '7. 黄色底纹的单元格为填报单元格。请勿修改“代码”栏；可以插入行、调整列宽，导入时按代码识别各行。',
  },
  noteReason: (sex: SexColumn, reason: string) => `${SEX[sex]}：${reason}`,
  noteSeparator: '；',
  footerPage: '&C第 &P 页，共 &N 页',
  validation: {
    countTitle: '应填非负整数',
    count: '请填写非负整数。没有数据请填“—”，并在备注栏写明原因。',
    amountTitle: '应填非负数',
    amount: (decimals: number) => `请填写不小于0的数，最多${decimals}位小数。没有数据请填“—”，并在备注栏写明原因。`,
    valueTitle: '应填数值',
    value: (decimals: number) => `请填写数值，最多${decimals}位小数。没有数据请填“—”，并在备注栏写明原因。`,
    percent: (decimals: number) =>
      `请填写0～100之间的数（不带%），最多${decimals}位小数。没有数据请填“—”，并在备注栏写明原因。`,
    grossPercent: (decimals: number) =>
      `请填写不小于0的数（不带%，毛入学率等可超过100），最多${decimals}位小数。没有数据请填“—”，并在备注栏写明原因。`,
    choiceTitle: '请选择进展情况',
    choice: (labels: string[]) => `请从下拉列表中选择：${labels.join('、')}。`,
  },
  workbookTitle: (unit: string, year: number) => `${unit}${year}年妇女发展监测统计报表`,
  fileName: (unit: string, year: number) => `${unit}_${year}年_妇女发展监测报表.xlsx`,
  templateFileName: (unit: string, year: number) => `${unit}_${year}年_妇女发展监测报表_空白模板.xlsx`,
};

/** The 校验结果 sheet of an exported return. */
const result = {
  title: (unit: string, year: number) => `${unit}${year}年报表校验结果`,
  checkedAt: (unit: string, year: number, at: string) => `填报单位：${unit}　　统计年度：${year}年　　校验时间：${at}`,
  filled: (filled: number, total: number) => `已填 ${filled} / ${total} 个单元格（含标记无数据的单元格）。`,
  issuesHeading: '一、数据问题',
  noIssues: '未发现数据问题。',
  issueHeaders: ['序号', '类别', '位置', '代码', '名称', '问题说明'],
  targetsHeading: '二、目标监测情况',
  targetHeaders: ['目标编号', '指标代码', '指标名称', '目标（规划原文）', '本年值', '评估结果', '说明', '预警说明'],
  severity: { error: '错误', warning: '警告', info: '提示' } as Record<string, string>,
  status: VERDICT_LABEL as Record<string, string>,
  volatile: `（${ALERT_LABEL.volatile}）`,
  hardToMeet: `（${ALERT_LABEL.hardToMeet}）`,
  /** a merged return's ratio pooled over only some units, after the verdict */
  pooled: (coverage: string) => `（${coverage}）`,
};

/** The hidden metadata sheet: Chinese descriptions beside the machine keys. */
const meta = {
  labels: {
    format: '文件格式',
    formatVersion: '格式版本',
    kind: '文件类型',
    planId: '规划编号',
    planName: '规划名称',
    frameworkVersion: '指标框架版本',
    regionCode: '区划代码',
    regionName: '填报单位',
    level: '层级',
    year: '统计年度',
    appVersion: '程序版本',
    regionVintage: '区划代码版本（年）',
    exportedAt: '导出时间',
    checksum: '数值校验码（SHA-256）',
    status: '报表状态',
    department: '报送部门',
    reviewOffice: '退回单位代码',
    reviewOfficeName: '退回单位',
    reviewedAt: '退回时间',
    reviewOf: '所审核版本的数值校验码',
    reviewChecksum: '退回意见校验码（SHA-256）',
  } as Record<string, string>,
  note: '本页由程序生成，用于导入时识别报表，请勿修改。',
};

/** The annotated copy of a return sent back (退回): its 退回意见 sheet and the notes at the problem cells. */
const review = {
  sheet: '退回意见',
  title: (unit: string, year: number) => `${unit}${year}年报表退回意见`,
  office: (name: string, at: string) => `退回单位：${name}　　退回时间：${at}`,
  overallLabel: '总体意见：',
  howTo:
    '请按以下意见核对、改正（红色单元格有批注）。可在 Excel / WPS 中直接改正后重新报送；或在本程序“导入导出”页导入本文件，意见将显示在对应单元格旁，改正后重新报送。',
  headers: ['位置', '代码', '指标', '问题', '县级意见'] as readonly string[],
  note: (remark: string, problem: string) => `退回意见：${remark}${problem ? `\n问题：${problem}` : ''}`,
  noRemarks: '（没有单元格意见）',
};

/** Problems an import reports, one per cell or file. Locations are given separately (健康!E12). */
const problem = {
  // the file as a whole
  empty: (file: string) => `文件“${file}”是空的（0 字节）`,
  tooLarge: (file: string, bytes: number, limit: number) =>
    `文件“${file}”大小为 ${mb(bytes)}，超过上限 ${mb(limit)}，不予读取`,
  notSpreadsheet: (file: string) => `文件“${file}”不是电子表格（应为 .xlsx、.xls 或 .csv 格式）`,
  wordDocument: (file: string) => `文件“${file}”是 Word 文档，不是 Excel 表格`,
  otherOffice: (file: string) => `文件“${file}”是演示文稿或其他 Office 文件，不是 Excel 表格`,
  plainZip: (file: string) => `文件“${file}”是一个压缩包，不是 Excel 表格；请解压后导入其中的报表文件`,
  xlsb: (file: string) => `文件“${file}”是 Excel 二进制工作簿（.xlsb），请在 Excel 或 WPS 中另存为 .xlsx 后导入`,
  htmlXls: (file: string) =>
    `文件“${file}”的扩展名是表格，但内容是网页（HTML/XML）格式；请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入`,
  encrypted: (file: string) => `文件“${file}”设有打开密码（已加密），请在 Excel 或 WPS 中取消密码后另存再导入`,
  corrupt: (file: string) =>
    `文件“${file}”已损坏或格式不正确，无法读取；请在 Excel 或 WPS 中打开确认后另存为 .xlsx 再导入`,
  zipBomb: (file: string, limit: number) =>
    `文件“${file}”解压后超过 ${mb(limit)}（可能是恶意构造的“压缩炸弹”），不予读取`,
  zipTooManyEntries: (file: string, n: number, limit: number) =>
    `文件“${file}”内含 ${n} 个部件，超过上限 ${limit}，不予读取`,
  zipUnsupported: (file: string) =>
    `文件“${file}”使用了不支持的压缩方式，无法读取；请在 Excel 或 WPS 中另存为 .xlsx 再导入`,
  tooManySheets: (file: string, n: number, limit: number) =>
    `文件“${file}”有 ${n} 个工作表，超过上限 ${limit}，不予读取`,
  tooManyRows: (sheet: string, limit: number) => `工作表“${sheet}”超过 ${limit} 行，不予读取；请删除多余的行后再导入`,
  binaryCsv: (file: string) => `文件“${file}”的扩展名是 .csv，但内容不是文本，无法读取`,
  noSheets: (file: string) => `文件“${file}”中没有工作表`,
  zipDuplicateEntry: (file: string, entry: string) =>
    `文件“${file}”的压缩包中部件“${entry}”出现了不止一次（或仅大小写不同），不同软件可能读到不同的内容，不予读取；请向报送单位索取在 Excel 或 WPS 中重新另存的 .xlsx 文件`,
  zipHeaderMismatch: (file: string, entry: string) =>
    `文件“${file}”的压缩包中部件“${entry}”的两处目录记录不一致（可能被篡改或损坏），不予读取；请向报送单位索取在 Excel 或 WPS 中重新另存的 .xlsx 文件`,
  macroWorkbook: (file: string) =>
    `文件“${file}”是含宏的工作簿（内有 VBA 宏），却以 .xlsx 为扩展名；Excel 本身也不会以 .xlsx 打开这样的文件。不予读取；请在 Excel 或 WPS 中另存为不含宏的“Excel 工作簿（*.xlsx）”后再导入`,
  externalLinkPart: (file: string, part: string) =>
    `文件“${file}”含有指向其他工作簿的外部链接（${part}），数值可能来自本文件之外，不予读取；请在 Excel 中“数据 → 编辑链接 → 断开链接”后另存再导入`,
  danglingString: (file: string, sheet: string, cell: string, index: number) =>
    `文件“${file}”已损坏：工作表“${sheet}”的 ${cell} 单元格引用了不存在的共享文本（第 ${index} 号），不能按空白处理，不予读取；请在 Excel 或 WPS 中打开检查该单元格后另存再导入`,
  danglingStyle: (file: string, sheet: string, cell: string, index: number) =>
    `文件“${file}”已损坏：工作表“${sheet}”的 ${cell} 单元格引用了不存在的格式（第 ${index} 号），不予读取；请在 Excel 或 WPS 中打开检查后另存再导入`,
  missingPart: (file: string, sheet: string, part: string) =>
    `文件“${file}”已损坏：工作簿列出了工作表“${sheet}”，但文件中没有它的内容（${part}），不能按空表处理，不予读取；请向报送单位索取完整的文件`,
  internal: (file: string, message: string) => `读取文件“${file}”时程序出错（${message}），文件未导入；请联系技术支持`,
  // identification
  noIdentity: (file: string) =>
    `无法识别文件“${file}”是哪个单位、哪一年的报表：没有元数据页，表头中也找不到“单位代码”和“统计年度”`,
  noItems: (file: string) => `文件“${file}”中找不到任何带代码的指标行，不是本程序的报表或模板`,
  badMeta: (detail: string) =>
    `元数据页内容不完整或被改动（${detail}）；请使用程序导出的原文件，或删除元数据页后按表头识别`,
  badPooledRatio: (code: string) =>
    `元数据页中指标 ${code} 的汇总比率无法读取，已忽略：市级汇总将按该县的数据项合计计算此比率，请向报送单位索取程序导出的原文件`,
  newerFormat: (version: number) => `文件由更新版本的程序导出（格式版本 ${version}），请先升级本程序`,
  metaHeaderMismatch: (what: string, inMeta: string, inHeader: string) =>
    `表头的${what}（${inHeader}）与元数据页（${inMeta}）不一致，请核对是否套用了其他单位或年度的报表`,
  headerConflict: (what: string, a: string, b: string) => `各工作表表头的${what}不一致（${a} 与 ${b}），请核对`,
  identifiedFromHeader: '文件没有元数据页（可能被删除或另存时丢失），已按表头的单位代码、统计年度和监测规划识别',
  unknownPlan: (planId: string) => `本机没有规划“${planId}”，无法校验该报表`,
  planNotFoundByHeader: (text: string) => `表头的监测规划“${text}”与本机的规划都不相符`,
  noPlanForRegion: (code: string) => `本机没有覆盖单位代码 ${code} 的规划`,
  unknownFrameworkVersion: (planId: string, version: number) =>
    `本机没有规划“${planId}”的第 ${version} 版指标框架，请先升级本程序`,
  regionOutsidePlan: (code: string, plan: string, county: string) =>
    `单位代码 ${code} 不属于规划“${plan}”的地区（${county}）`,
  unknownRegion: (code: string) => `单位代码 ${code} 不在本机的区划代码表中，请核对（区划调整后的新代码可能尚未收录）`,
  badYear: (text: string) => `统计年度“${text}”不是有效的年份`,
  yearOutsidePlan: (year: number, start: number, end: number) =>
    `统计年度 ${year} 年不在规划期（${start}—${end}年）内，请核对`,
  templateImported: '这是空白模板填写后的文件',
  blankReturn: (file: string, total: number) =>
    `文件“${file}”中没有填写任何数据（已填 0 / ${total} 个单元格），是未填写的空白模板，不能作为报表导入，也不计为已报送。请在黄色单元格中填写本单位的数据（没有数据的填“—”并在备注栏写明原因），保存后重新导入或报送`,
  checksumChanged: '文件导出后，其中的数值在程序之外被修改过（校验码不符），请核对修改是否经过确认',
  checksumMatches: '数值与导出时一致（校验码相符）',
  // sheet structure
  noHeaderRow: (sheet: string) => `工作表“${sheet}”找不到表头行（应有“代码”“合计”等栏目），该表的内容未导入`,
  missingColumn: (sheet: string, column: string) => `工作表“${sheet}”没有“${column}”栏，该栏的数据未导入`,
  areaMissing: (area: string, n: number) => `文件中没有“${area}”的数据（${n} 项），按未填写处理`,
  itemMissing: (code: string, name: string) => `找不到代码为 ${code}（${name}）的行，按未填写处理`,
  qualitativeMissing: (code: string, name: string) => `找不到代码为 ${code}（${name}）的定性评估行，按未评估处理`,
  duplicateCode: (code: string, first: string) => `代码 ${code} 已在 ${first} 出现，此处重复；请删除重复的行`,
  unknownCode: (code: string) => `代码 ${code} 不在本规划的指标框架中，该行未导入`,
  rowWithoutCode: '该行有数值但“代码”栏为空或无法识别，该行未导入；插入的行请填写代码，或把数值填到对应代码的行',
  unitMismatch: (written: string, expected: string) =>
    `计量单位写的是“${written}”，本表要求“${expected}”，请按“${expected}”填写`,
  // one cell
  formulaCached: (formula: string, value: string) => `单元格是公式（=${formula}），已采用其计算结果 ${value}`,
  formulaExternal: (formula: string) =>
    `单元格是引用其他工作簿的公式（=${formula}），其结果来自本文件之外，未采用；请把该单元格改为直接填写的数值`,
  formulaDde: (formula: string) =>
    `单元格是调用外部程序的 DDE 公式（=${formula}），可能有害，未采用；请把该单元格改为直接填写的数值`,
  formulaMissingSheet: (formula: string, sheet: string) =>
    `单元格的公式（=${formula}）引用了本文件中不存在的工作表“${sheet}”，其结果不可信，未采用；请把该单元格改为直接填写的数值`,
  formulaNoValue: (formula: string) =>
    `单元格是公式（=${formula}），但文件中没有保存计算结果；请在 Excel 或 WPS 中打开、保存后再导入，或直接填写数值`,
  errorValue: (text: string) => `单元格显示错误值 ${text}，请改正`,
  booleanValue: (text: string) => `“${text}”不是数字`,
  dateValue: (text: string) => `单元格是日期格式（${text}），不是数字；请把单元格格式改为“数值”后重新填写`,
  textNumber: (text: string, value: string) => `以文本形式填写的数字“${text}”，已按数值 ${value} 读取`,
  percentText: (text: string, value: string) => `“${text}”已按 ${value}（计量单位 %）读取`,
  percentFormat: (text: string, value: string) => `单元格为百分比格式（${text}），已按 ${value}（计量单位 %）读取`,
  percentFormatNotAllowed: (text: string) => `单元格为百分比格式（${text}），此项不是百分比，请改为数值格式后重新填写`,
  noDataWithoutReason: '标记为无数据，请在备注栏写明原因',
  reasonTooLong: (max: number) => `备注中无数据的原因超过 ${max} 字，请精简`,
  noteTooLong: (max: number) => `备注超过 ${max} 字，请精简`,
  noteWithoutNoData: '该行没有标记无数据，备注内容不会保存（报表只在标记无数据时保存备注）',
  notApplicableFilled: (column: string) => `此项没有“${column}”栏，填写的内容未导入`,
  badChoice: (text: string, labels: string[]) =>
    `进展情况应填${labels.map((l) => `“${l}”`).join('')}之一，不能填“${text}”`,
  badThreshold: (message: string) => `上级要求的目标值有误：${message}`,
  explanationTooLong: (id: string) => `目标 ${id} 的预警说明超过 500 字，未导入`,
  // the signed footer (表尾)
  footerBadDate: (text: string) => `报出日期“${text}”不是有效日期，未读取；请写成“2025年1月10日”`,
  footerBadValue: (label: string, reason: string) => `表尾的${label}无法读取（${reason}），未读取；请改正后重新导入`,
  footerConflict: (label: string, first: string, a: string, b: string) =>
    `各工作表表尾的${label}不一致（${first}：“${a}”，此处：“${b}”），已采用前者；请核对`,
  // against this computer's database
  otherPlan: (filePlan: string, ownPlan: string) => `文件属于规划“${filePlan}”，本机使用的是“${ownPlan}”，不能导入`,
  otherUnit: (unit: string, own: string) => `文件是“${unit}”的报表，本机的填报单位是“${own}”，请确认确实要导入`,
  willOverwrite: (unit: string, year: number, filled: number) =>
    `本机已有${unit}${year}年的报表（已填 ${filled} 个单元格），导入将整体替换其内容`,
  sameAsStored: '与本机已有的报表内容相同',
  lockedReturn: (unit: string, year: number) =>
    `本机已有${unit}${year}年的报表，且已报送锁定，不能覆盖；如需更正，请先将其改回“草稿”`,
  regionNotInTable: (code: string) => `单位代码 ${code} 不在本机的区划代码表中，无法保存该报表；请核对代码`,
};

const verdict = {
  unreadable: (reason: string) => `无法读取：${reason}`,
  errors: (file: string, errors: number, warnings: number) =>
    `“${file}”有 ${errors} 处错误${warnings ? `、${warnings} 处警告` : ''}，未导入。请改正后重新导入。`,
  warnings: (file: string, warnings: number) => `“${file}”没有错误，但有 ${warnings} 处警告，请逐条核对后确认导入。`,
  valid: (file: string, unit: string, year: number, filled: number, total: number) =>
    `“${file}”校验通过：${unit}${year}年报表，已填 ${filled} / ${total} 个单元格。`,
  written: (file: string, unit: string, year: number) =>
    `已导入“${file}”：${unit}${year}年报表（导入前已备份数据库）。`,
};

const cli = {
  noReturn: (region: string, year: number) => `本机没有${region} ${year} 年的报表，请先在“数据填报”中填写或导入`,
  severalPlans: (plans: string[]) => `该单位该年度有多个规划的报表（${plans.join('、')}），请用 --plan 指定`,
  written: (file: string) => `已写出：${file}`,
  notWrittenWarnings: '有警告，未导入。核对无误后加 --yes 重新运行以确认导入。',
  problemHeader: '类别\t位置\t代码\t问题说明',
  cannotRead: (file: string, message: string) => `无法读取文件“${file}”：${message}`,
  cannotWrite: (file: string, message: string) => `无法写出文件“${file}”：${message}`,
};

/** The 导入导出 page and the export button. */
const ui = {
  nav: '导入导出',
  title: '导入导出 Excel 报表',
  intro:
    '本页用于本单位自己的报表：导出报表或空白模板（可在 Excel、WPS 中填写、打印），导入本单位的报表文件、上级的退回意见和回执。导入前会逐格校验，有错误时不写入任何数据。',
  /** at a county or city: where its units' returns go */
  introOffice: (noun: string) => `所辖${noun}报送的报表请在“汇总”页导入（可一次导入多个文件，记入报送情况）。`,
  belowUnit: (unit: string, noun: string) =>
    `这是所辖${noun}“${unit}”的报表，不是本单位的报表，本页不导入。请在“汇总”页导入：那里逐个文件给出接收结果，记入报送情况，可退回或审核通过。`,
  openMerge: '转到“汇总”',
  exportHeading: '导出报表',
  exportIntro: '按统计报表表式导出为 .xlsx，含校验结果页，可直接打印报送。',
  year: '统计年度',
  noReturns: '本单位还没有任何报表。请先在“数据填报”中建立报表。',
  exportButton: '导出 Excel',
  exporting: '正在导出…',
  exported: (path: string) => `已保存：${path}`,
  cancelled: '已取消保存',
  templateHeading: '空白模板',
  templateIntro: '给不使用本程序的单位在 Excel 或 WPS 中填写：黄色格为填报格，带数据有效性检查。',
  templateRegion: '填报单位',
  templateButton: '导出空白模板',
  importHeading: '导入报表',
  importIntro: '支持 .xlsx、.xls、.csv，单个文件不超过 10 MB。按代码识别各行，插入行、调整列宽不影响导入。',
  chooseFile: '选择文件…',
  dropHere: '或把文件拖到这里',
  reading: (file: string) => `正在校验“${file}”…`,
  tooLargeLocal: (file: string, bytes: number, limit: number) =>
    `文件“${file}”大小为 ${mb(bytes)}，超过上限 ${mb(limit)}，不予读取`,
  identity: (unit: string, code: string, year: number, plan: string) => `${unit}（${code}）　${year}年　${plan}`,
  counts: (errors: number, warnings: number, infos: number) => `错误 ${errors}　警告 ${warnings}　提示 ${infos}`,
  importButton: '导入',
  confirmButton: '已核对警告，确认导入',
  confirmPrompt: '文件没有错误，但有警告。请逐条核对，确认无误后再导入。',
  cancelButton: '放弃',
  copyButton: '复制',
  copied: '已复制到剪贴板',
  copyFailed: '无法写入剪贴板',
  columns: { severity: '类别', location: '位置', item: '代码', message: '问题说明' },
  sortBy: '排序',
  sortLocation: '按位置',
  sortSeverity: '按严重程度',
  noProblems: '没有发现问题。',
  targetsSummary: '逐项查看目标监测情况',
  importAnother: '导入其他文件',
};

export const excel = {
  review,
  form,
  result,
  meta,
  problem,
  verdict,
  cli,
  ui,
};
