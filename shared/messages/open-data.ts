// Every user-facing string of the open-data exports and imports (long CSV / JSON, DHIS2 dataValueSets and ADX,
// the DHIS2 mapping), the CLI's export-data and the 导入导出 page's 开放数据 panel (zh-CN).
import { ALERT_LABEL, PROGRESS_LABEL, VERDICT_LABEL } from '../rules/messages.ts';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The CSV's header row, by JSON field name: what a person sees in Excel. */
const headers = {
  kind: '类别',
  regionCode: '区划代码',
  regionName: '区划名称',
  level: '层级',
  year: '年度',
  planId: '规划编号',
  planName: '规划名称',
  frameworkVersion: '框架版本',
  code: '代码',
  name: '名称',
  column: '栏',
  value: '数值',
  unit: '计量单位',
  rawText: '原样文字',
  noDataReason: '无数据原因',
  choice: '定性评估',
  note: '备注',
  returnStatus: '报表状态',
  source: '来源',
  targetId: '目标编号',
  target: '目标',
  rule: '判定规则',
  verdict: '评估结果',
  hardToMeet: ALERT_LABEL.hardToMeet,
  volatile: ALERT_LABEL.volatile,
  progress: '序时进度',
  expected: '序时进度要求',
  numerator: '分子',
  denominator: '分母',
  message: '说明',
} as const;

export const openData = {
  headers,
  kind: { item: '数据项', qualitative: '定性目标', threshold: '上级下达的目标值', indicator: '指标评估' },
  level: { township: '乡镇', county: '县区', city: '市' },
  column: { total: '合计', female: '女', male: '男' },
  status: { draft: '草稿', checked: '已校验', submitted: '已报送', returned: '被退回', accepted: '审核通过' },
  choice: { done: '已建立', in_progress: '推进中', not_done: '未建立' },
  /** also read on import: a 「progress」 indicator's wording */
  choiceAlt: { done: '已实现', in_progress: '推进中', not_done: '未实现' },
  verdictLabel: VERDICT_LABEL,
  progress: PROGRESS_LABEL,
  yes: '是',
  no: '否',
  source: {
    entered: '本单位填报',
    own: '本级填报',
    children: (n: number, of: number, noun: string) => `${n}个${noun}（共${of}个）汇总`,
    department: (name: string) => `县级部门：${name}`,
    none: '无',
  },
  generator: (version: string) => `妇女发展监测填报 ${version}`,
  fileName: (regionName: string, from: number, to: number, ext: string) =>
    `${regionName}${from === to ? `${from}年` : `${from}-${to}年`}监测数据.${ext}`,
  mappingFileName: (planName: string) => `${planName}DHIS2对应表.json`,
  noReturns: (regionName: string, from: number, to: number) => `${regionName}在${from}—${to}年没有报表，未导出`,
  badYears: (from: number, to: number) => `起止年度有误：${from} 晚于 ${to}`,
  adxLeftOut: (n: number) =>
    `ADX 的数值必须是数字：${n} 个“无数据”单元格未写入 ADX（原因见 CSV/JSON 或 dataValueSets 导出）`,

  problem: {
    at: (fileName: string, row: number, field: string | null) => `${fileName} 第${row}行${field ? `「${field}」` : ''}`,
    atValue: (fileName: string, index: number, field: string | null) =>
      `${fileName} dataValues[${index}]${field ? `.${field}` : ''}`,
    empty: (f: string) => `文件“${f}”是空的`,
    tooLarge: (f: string, size: number, max: number) =>
      `文件“${f}”有 ${mb(size)}，超过 ${mb(max)} 的上限，未读取。请按单位或年度分成几个文件`,
    binary: (f: string) => `文件“${f}”不是文本文件（CSV/JSON），无法读取`,
    notOurs: (f: string) =>
      `文件“${f}”不是本程序的长表（CSV/JSON）、DHIS2 dataValueSets 或 ADX 文件：找不到“类别、区划代码、年度、规划编号、代码、栏、数值”等列，或 JSON 中没有 rows / dataValues`,
    gbk: '文件不是 UTF-8 编码，已按 GBK（GB18030）读取；请核对中文是否正确',
    csvBroken: (line: number, code: string) =>
      (
        ({
          unterminated_quote: `第${line}行起的引号没有结束，文件可能被截断`,
          stray_quote: `第${line}行的引号位置不对（字段中间出现了 "）`,
          too_many_rows: `行数超过上限（第${line}行），请分成几个文件`,
          field_too_long: `第${line}行有一个字段过长`,
        }) as Record<string, string>
      )[code] ?? `第${line}行无法读取`,
    badJson: (f: string, why: string) => `文件“${f}”不是有效的 JSON：${why}`,
    badShape: (path: string, why: string) => `${path}：${why}`,
    /** the `why` of badShape */
    shape: {
      maxChars: (n: number) => `最多${n}个字符`,
      object: '应为对象',
      scalar: '应为文字、数值、true/false 或 null',
    },
    tooManyRows: (n: number, max: number) => `共 ${n} 行，超过 ${max} 行的上限，请分成几个文件`,
    missingHeader: (names: string[]) => `缺少必需的列：${names.join('、')}`,
    duplicateHeader: (name: string) => `“${name}”列出现了两次`,
    unknownHeader: (names: string[]) => `不认识的列已忽略：${names.join('、')}`,
    unknownKind: (text: string) => `类别“${text}”不认识，应为数据项、定性目标、上级下达的目标值或指标评估`,
    indicatorRowsSkipped: (n: number) => `${n} 行“指标评估”是导出时规则引擎的结果，导入时不读取，由本程序重新计算`,
    badRegion: (text: string) => `区划代码“${text}”不是12位数字`,
    regionNotInTable: (code: string) => `区划代码 ${code} 不在本机的区划表中`,
    badYear: (text: string) => `年度“${text}”不是2000—2100之间的年份`,
    unknownPlan: (text: string) => `规划编号“${text}”本机没有`,
    noPlan: '文件没有规划编号，本机也还没有设置规划：请先在“首次使用”中选择规划',
    unknownVersion: (plan: string, v: string) => `规划 ${plan} 没有第 ${v} 版指标框架`,
    mixedVersions: (a: number, b: number) => `同一张报表中框架版本不一致（${a} 和 ${b}）`,
    levelMismatch: (text: string, expected: string) => `层级“${text}”与区划不符，该区划应为${expected}`,
    regionOutsidePlan: (code: string, plan: string) => `区划 ${code} 不属于规划“${plan}”的范围`,
    unknownItem: (code: string) => `代码 ${code} 不是该规划的数据项`,
    unknownIndicator: (code: string) => `代码 ${code} 不是该规划的定性目标`,
    unknownTarget: (code: string) => `目标编号 ${code} 不是该规划中由填报单位填写阈值的目标`,
    badColumn: (text: string) => `栏“${text}”不认识，应为合计、女或男`,
    noSuchColumn: (item: string, name: string, column: string) => `数据项 ${item}（${name}）没有“${column}”栏`,
    unitMismatch: (item: string, given: string, expected: string) =>
      `数据项 ${item} 的计量单位应为“${expected}”，文件中为“${given}”：请换算后再导入`,
    badNumber: (message: string) => message,
    valueAndReason: '同时填了数值和无数据原因：请只保留一个',
    badChoice: (text: string) => `定性评估“${text}”不认识，应为已建立（已实现）、推进中或未建立（未实现）`,
    badThreshold: (text: string) => `阈值“${text}”不是数值`,
    duplicate: (first: number) => `与第${first}行是同一个单元格（同一单位、年度、代码和栏），重复`,
    duplicateValue: (first: number) => `与 dataValues[${first}] 是同一个单元格，重复`,
    lockedReturn: (name: string, year: number) => `${name}${year}年的报表已报送（锁定），不能覆盖`,
    otherPlan: (plan: string, own: string) => `文件中是规划“${plan}”的数据，本机使用的是“${own}”`,
    willOverwrite: (name: string, year: number, cells: number) =>
      `将覆盖${name}${year}年已有的报表（${cells}个单元格）`,
    engine: (who: string, message: string) => `${who}：${message}`,
    /** the `who` of engine: a region's return of a year */
    returnOf: (region: string, year: number) => `${region}${year}年`,
    unmappedDataElement: (de: string) => `数据元 ${de} 在对应表中找不到对应的数据项`,
    unmappedCoc: (coc: string) => `类别组合 ${coc} 在对应表中找不到对应的栏（合计/女/男）`,
    unmappedOrgUnit: (ou: string) => `机构 ${ou} 在对应表中找不到对应的区划`,
    badPeriod: (pe: string) => `期间“${pe}”不是年度（如 2025）`,
    atXml: (fileName: string, line: number, element: string, attr: string | null) =>
      `${fileName} 第${line}行 <${element}>${attr ? ` 的 ${attr} 属性` : ''}`,
    xml: (f: string, line: number, code: string, detail: string) =>
      `文件“${f}”第${line}行：${
        (
          {
            doctype: `含有文档类型声明（${detail}…）。为安全起见，不读取带 DOCTYPE 或实体定义的 XML，请从平台重新导出不含 DOCTYPE 的 ADX 文件`,
            entity: `含有不允许的实体引用“${detail}”（只认 &lt; &gt; &amp; &quot; &apos; 和数字字符引用），请从平台重新导出`,
            pi: `含有处理指令（${detail}…），ADX 文件中不应出现，请删除后重新导入`,
            syntax: `XML 格式错误（${detail}），文件可能被截断或改坏`,
            mismatch: `结束标记不匹配（${detail}），文件可能被改坏`,
            unclosed: `${detail} 没有结束，文件可能被截断`,
            duplicate_attr: `同一元素中属性 ${detail} 出现了两次`,
            too_deep: `元素嵌套超过 ${detail} 层，不是 ADX 文件`,
            too_many: `元素或属性数量超过上限（${detail}），请分成几个文件`,
            too_long: `${detail} 的内容过长`,
            no_root: '没有任何 XML 元素',
            after_root: `根元素之后还有内容（${detail}）`,
          } as Record<string, string>
        )[code] ?? detail
      }`,
    notAdx: (f: string, root: string) =>
      `文件“${f}”的根元素是 <${root}>，不是 ADX（应为命名空间 urn:ihe:qrph:adx:2015 中的 <adx>）`,
    adxUnexpected: (element: string, parent: string) =>
      `<${parent}> 中不应有 <${element}>（ADX 的结构为 adx → group → dataValue）`,
    adxMissingAttr: (attr: string) => `缺少必需的属性 ${attr}`,
    adxUnknownAttr: (attr: string, sex: string) =>
      `属性 ${attr} 不认识：对应表中的分类属性只有性别 ${sex}，不认识的分类会把不同的数值混为一格。请核对对应表或去掉该属性`,
    adxBadSex: (attr: string, value: string, female: string, male: string) =>
      `${attr}="${value}" 在对应表中找不到对应的栏，应为 ${female}（女）或 ${male}（男），不写为合计`,
    adxBadPeriod: (pe: string) => `期间“${pe}”不是年度期间（应为 2025-01-01/P1Y 这样的写法）`,
    adxOtherDataSet: (ds: string, own: string) => `数据集 ${ds} 不是对应表中的 ${own}，请核对文件是否属于本规划`,
    adxNoValues: (f: string) => `文件“${f}”中没有任何 dataValue`,
    internal: (f: string, why: string) => `读取“${f}”时程序出错：${why}。文件未导入，请把文件发给技术支持`,
  },
  verdict: {
    unreadable: (why: string) => `无法读取：${why}`,
    errors: (f: string, errors: number, warnings: number) =>
      `“${f}”有 ${errors} 个错误${warnings ? `、${warnings} 个警告` : ''}，未导入。请改正后重新导入`,
    warnings: (f: string, warnings: number, returns: number) =>
      `“${f}”共 ${returns} 张报表，有 ${warnings} 个警告，确认后导入`,
    valid: (f: string, returns: number, cells: number) => `“${f}”校验通过：${returns} 张报表，${cells} 个单元格`,
    written: (f: string, returns: number) => `已导入“${f}”中的 ${returns} 张报表（导入前已备份数据库）`,
  },
  mapping: {
    notJson: (why: string) => `对应表不是有效的 JSON：${why}`,
    invalid: (path: string, why: string) => `对应表 ${path}：${why}`,
    /** the path of `invalid` when the whole document is wrong */
    root: '（根）',
    otherPlan: (plan: string, own: string) => `对应表是规划“${plan}”的，应为“${own}”`,
    unknownItem: (code: string) => `对应表中的数据项 ${code} 不在该规划的指标框架中`,
    duplicateTarget: (what: string, code: string, a: string, b: string) =>
      `对应表中${what} ${code} 同时对应了 ${a} 和 ${b}，导入 DHIS2 数据时无法区分`,
    imported: (n: number) => `已导入对应表（${n} 项）`,
    what: { dataElement: '数据元', coc: '类别组合', orgUnit: '机构' },
  },
  cli: {
    written: (path: string, rows: number) => `已写出 ${path}（${rows} 行）`,
  },
  /** the 统计数据库 page */
  database: {
    nav: '统计数据库',
    heading: (region: string) => `${region}妇女发展统计数据库`,
    intro:
      '本机数据库中本单位及下辖单位各年度的全部指标评估结果。可按单位、年度、领域、指标和评估结果筛选；上方的导出按钮只导出筛选后的数据。',
    filters: '筛选',
    unit: '单位',
    allUnits: '全部单位',
    from: '起始年度',
    to: '截止年度',
    area: '领域',
    allAreas: '全部领域',
    text: '指标代码或名称',
    textPlaceholder: '如 H01 或 孕产妇',
    verdict: '评估结果',
    allVerdicts: '全部结果',
    reset: '清除筛选',
    exports: '导出筛选结果',
    /** 导出长表 CSV, 导出 JSON: a space before a Latin word, as elsewhere (导出 DHIS2 对应表) */
    exportButton: (format: string) => `导出${/^[A-Za-z]/.test(format) ? ' ' : ''}${format}`,
    exported: (path: string, rows: number) => `已保存到 ${path}（${rows} 行）`,
    counts: (rows: number, returns: number, items: number) =>
      `符合条件：${rows} 条指标评估，来自 ${returns} 张报表（另有 ${items} 个数据项数值随长表导出）`,
    querying: '正在查询…',
    truncated: (shown: number, total: number) =>
      `表中只列出前 ${shown} 条（共 ${total} 条），请缩小筛选范围；导出包含全部 ${total} 条`,
    empty: '没有符合条件的数据。请放宽筛选条件，或先在“汇总”页导入下辖单位的报表。',
    noYears: '本机数据库中还没有任何年度的报表。',
    columns: {
      unit: '单位',
      year: '年度',
      area: '领域',
      code: '代码',
      name: '指标',
      value: '数值',
      target: '目标',
      verdict: '评估结果',
      alert: '预警',
    },
    pivotHeading: '指标透视（年度 × 单位）',
    pivotChoose: '透视指标',
    pivotNone: '请选择一个指标',
    pivotCaption: (code: string, name: string, unit: string) =>
      `${code} ${name}${unit ? `（${unit}）` : ''}：各单位历年数值`,
    chartTitle: (code: string, name: string) => `${code} ${name}`,
    noValue: '—',
    nothingToExport: '筛选后没有数据可导出，请放宽筛选条件',
    noItemValues: 'DHIS2 和 ADX 只包含数据项的数值：筛选后没有数据项数值（按评估结果筛选时只能导出长表 CSV 或 JSON）',
  },
  ui: {
    heading: '开放数据（统计数据库）',
    intro:
      '把本单位（可含下辖乡镇）多个年度的全部数据导出为一个文件：长表 CSV（Excel、WPS、R、Stata、pandas 可直接打开）、JSON（附公开的 JSON Schema）、DHIS2 dataValueSets 或 ADX。长表、dataValueSets 和 ADX 文件可以在下方导回，命令行为 wdp export / wdp import。',
    withChildren: '含下辖乡镇',
    from: '起始年度',
    to: '截止年度',
    format: '格式',
    formats: { csv: '长表 CSV', json: 'JSON', 'dhis2-json': 'DHIS2 dataValueSets', adx: 'DHIS2 ADX' },
    exportButton: '导出数据',
    exporting: '正在导出…',
    exported: (path: string, rows: number) => `已保存到 ${path}（${rows} 行）`,
    mappingExport: '导出 DHIS2 对应表',
    mappingImport: '导入修改后的对应表',
    importHeading: '导入长表或 DHIS2 数据（dataValueSets / ADX）',
    importIntro:
      '选择本程序导出的长表 CSV / JSON，或 DHIS2 dataValueSets（JSON）、ADX（XML）：先逐行校验，没有错误才写入（写入前自动备份）。',
    mappingIntro:
      '导出 DHIS2 对应表（数据项 → 数据元、合计/女/男 → 类别组合、区划 → 机构），修改后导入；未修改的项保持默认。',
    returnLine: (name: string, code: string, year: number, cells: number) =>
      `${name}（${code}）${year}年：${cells} 个单元格`,
  },
} as const;
