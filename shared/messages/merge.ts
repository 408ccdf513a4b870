// 汇总: batch import of lower-level returns, completeness, resubmissions, the merged return, the breakdown.
import { VERDICT_LABEL } from '../rules/messages.ts';
const DEPARTMENT_NAMES: Record<string, string> = {
  卫健: '卫生健康局',
  教育: '教育局',
  人社: '人力资源和社会保障局',
  医保: '医疗保障局',
  民政: '民政局',
  统计: '统计局',
  公安: '公安局',
  法院: '人民法院',
  检察院: '人民检察院',
  司法: '司法局',
  妇联: '妇联',
  总工会: '总工会',
  组织部: '组织部',
  农业农村: '农业农村局',
  生态环境: '生态环境局',
  体育: '体育局',
  人大: '人大常委会办公室',
  政协: '政协办公室',
  市场监管: '市场监督管理局',
  国资: '国有资产监督管理机构',
  残联: '残疾人联合会',
  科技: '科学技术局',
  科协: '科学技术协会',
  水利: '水利局',
  住建: '住房和城乡建设局',
};

const SEX: Record<string, string> = { total: '合计', female: '女', male: '男' };
const list = (names: readonly string[], max = 30) =>
  names.slice(0, max).join('、') + (names.length > max ? ` 等${names.length}个` : '');

export const merge = {
  versionLabel: (reportedOn: string | null, receivedAt: string, file: string) =>
    `${reportedOn ? `报出日期 ${reportedOn}` : `收到于 ${receivedAt}`}，${file}`,
  title: '汇总',
  nouns: { township: '乡镇（街道）', county: '县（市、区）' },
  departmentName: (d: string) => DEPARTMENT_NAMES[d] ?? d,
  /** why an item is not a department's to fill (shared by entry, import and merge) */
  outsideScope: (why: 'summed' | 'other', owner: string, department: string) =>
    why === 'summed'
      ? `由各乡镇报表汇总得出，不由${department}部门报送`
      : `属于${owner}部门，不是${department}部门的数据项`,
  notOwnItem: (code: string, name: string, reason: string) => `数据项 ${code} ${name}${reason}，本部门不能填写。`,
  notOwnImport: (code: string, name: string, reason: string) =>
    `数据项 ${code} ${name}${reason}，本部门不能导入；请删去这一行的数据后再导入。`,
  countyOwnAnswer: '定性目标和上级要求的阈值由县（区）填写，部门不能填写。',
  notAnOffice: (name: string) => `“${name}”不是县级或市级区划，不能汇总下级报表`,
  noPlanFor: (name: string) => `本机没有适用于“${name}”的规划，请先在设置中选择规划`,
  noSuchVersion: (id: number) => `找不到报表版本（编号 ${id}）`,
  noSuchDepartment: (d: string) => (d ? `本规划的县级数据项中没有由“${d}”负责的，请重新选择部门` : '请选择部门'),
  noSuchBatch: '导入批次已失效，请重新选择文件',
  yearRequired: '请选择汇总年度',

  verdict: { accepted: '已接收', warnings: '已接收（有提示）', rejected: '已拒收' } as Record<string, string>,
  state: { reported: '已报送', draft: '草稿', missing: '未报送' } as Record<string, string>,
  file: {
    unreadable: (message: string) => `无法读取该文件：${message}`,
    tooLarge: (mb: number) => `文件过大（超过 ${mb} MB），不是报表文件`,
    notAReturn: '文件中没有可识别的报表',
    tooMuchMemory: '读取该文件所需的内存过多（不是正常的报表文件），已停止读取',
    readerStopped: '读取该文件时读取程序意外停止，请用“wdp validate”单独检查该文件',
    wrongYear: (year: number, expected: number) => `报表年度为${year}年，与本次汇总的${expected}年不符，未接收`,
    wrongOffice: (supplier: string, office: string, noun: string) =>
      `填报单位“${supplier}”不是${office}所辖的${noun}，未接收`,
    ownReturn: (office: string) =>
      `这是${office}本级的报表，不是下级报表；本级数据请在“数据填报”中录入，本级的报表文件请在“导入导出”页导入`,
    wrongLevel: (expected: string) => `这不是${expected}的报表，未接收`,
    unlisted: (code: string) => `区划代码 ${code} 不在本机的区划表中（可能是新设或更名的单位），已按代码接收，请核实`,
    wrongPlan: (plan: string, expected: string) => `报表按规划“${plan}”的指标框架填报，本县使用“${expected}”，未接收`,
    otherPlan: (plan: string) => `报表按规划“${plan}”填报，已按数据项代码与本级指标框架对应`,
    newerFramework: (version: number, have: number) =>
      `报表使用第${version}版指标框架，本机只有第${have}版；请先导入新版指标框架包，再导入此报表`,
    olderFramework: (version: number, have: number) =>
      `报表按第${version}版指标框架填报，已按数据项代码对应到本机的第${have}版`,
    otherPlanLocalItems: (plan: string, codes: readonly string[]) =>
      `规划“${plan}”的本地指标数据项（本地代码，各规划含义不同）不按代码汇总，未计入：${list(codes, 12)}`,
    droppedItems: (codes: readonly string[]) => `本级指标框架中已没有的数据项未计入汇总：${list(codes, 12)}`,
    unknownDepartment: (d: string) => `部门“${d}”在本级指标框架中没有负责的数据项，未接收`,
    foreignItems: (department: string, codes: readonly string[]) =>
      `${department}报表中有不属于该部门的数据项，未计入：${list(codes, 12)}`,
    foreignCell: (code: string, name: string, why: string) => `${code} ${name}：${why}，此格未采用`,
    draft: '报表状态为草稿（尚未正式报送），已接收并计入汇总，报送率中按草稿统计',
    duplicate: (at: string) => `与 ${at} 收到的文件完全相同，未重复保存`,
    resubmitted: (n: number, older: string) =>
      `重报：与此前版本（${older}）相比有 ${n} 处不同，已采用报出日期较晚的本版本`,
    resubmittedSame: (older: string) => `重报：与此前版本（${older}）内容相同`,
    olderKept: (n: number, current: string) =>
      `重报：本版本的报出日期不晚于已采用的版本（${current}），仍采用原版本；有 ${n} 处不同，可在“重报差异”中改选`,
    cellProblem: (message: string) => message,
  },

  notes: {
    departmentItems: (name: string, n: number) => `${name}（${n}项）`,
    rate: (office: string, noun: string, total: number, reported: number, drafts: number, rate: number) =>
      `本表由${office}所辖${total}个${noun}的报表汇总：已报送${reported}个${drafts > 0 ? `，草稿${drafts}个` : ''}，报送率${rate.toFixed(1)}%。`,
    missing: (noun: string, names: readonly string[]) => `未报送的${noun}：${list(names)}。`,
    drafts: (names: readonly string[]) => `以草稿计入汇总（尚未正式报送）：${list(names)}。`,
    unlisted: (names: readonly string[]) => `区划表外、按代码接收的单位：${list(names)}。`,
    ratios:
      '各比率、比例指标均由汇总后的分子、分母重新计算，未对下级的比率取平均；某单位缺分子或分母（无数据或未填）时，该比率的分子、分母都不计入该单位。',
    pooledItem: (code: string, name: string, coverage: string) => `${code} ${name}：${coverage}`,
    pooled: (n: number, parts: readonly string[]) =>
      `${n} 项比率指标只由同时有分子和分母的单位汇总计算：${parts.join('；')}。`,
    departments: (parts: readonly string[]) => `县级部门报送的数据项：${parts.join('、')}。`,
    own: (office: string, n: number) => `${office}本级填报的数据项 ${n} 项。`,
    gapItem: (code: string, name: string, names: readonly string[]) => `${code} ${name}（缺：${list(names, 6)}）`,
    gaps: (n: number, parts: readonly string[], more: boolean) =>
      `${n} 个汇总数据项有单位缺报，合计按已报单位计算：${parts.join('；')}${more ? ' 等' : ''}。`,
  },

  source: {
    children: (n: number, of: number) => `${n}/${of} 个下级汇总`,
    department: (d: string) => `${DEPARTMENT_NAMES[d] ?? d}报送`,
    own: '本级填报',
    none: '未填报',
  },
  sexLabel: SEX,

  page: {
    heading: '汇总下级报表',
    year: '汇总年度',
    pickFiles: '选择报表文件…',
    pickFolder: '选择文件夹…',
    dropHint: '把报表文件（.xlsx）或文件夹拖到这里',
    importing: (done: number, total: number) => `正在导入 ${done} / ${total}`,
    importDone: (total: number) => `已处理 ${total} 个文件`,
    imported: (accepted: number, warnings: number, rejected: number) =>
      `导入完成：接收 ${accepted}，有提示 ${warnings}，拒收 ${rejected}`,
    importedSoFar: (accepted: number, warnings: number, rejected: number) =>
      `导入进行中，已保存：接收 ${accepted}，有提示 ${warnings}，拒收 ${rejected}`,
    importedCancelled: (accepted: number, warnings: number, rejected: number) =>
      `导入已取消，已保存：接收 ${accepted}，有提示 ${warnings}，拒收 ${rejected}`,
    withNotes: (n: number) => `；其中 ${n} 份有说明（如以文本形式填写的数字）`,
    noXlsx: '所选内容中没有 .xlsx 报表文件',
    tabs: {
      files: '导入结果',
      completeness: '报送情况',
      resubmissions: '重报差异',
      breakdown: '分单位明细',
      result: '汇总结果',
    },
    file: '文件',
    supplier: '填报单位',
    verdict: '结果',
    reasons: '原因与提示',
    reportedOn: '报出日期',
    receivedAt: '收到时间',
    region: '单位',
    code: '代码',
    state: '状态',
    versions: '版本数',
    source: '来源',
    local: '本机录入/单独导入',
    rate: (c: { total: number; reported: number; drafts: number; missing: number; rate: number }) =>
      `应报 ${c.total}，已报送 ${c.reported}，草稿 ${c.drafts}，未报送 ${c.missing}，报送率 ${c.rate.toFixed(1)}%`,
    departments: '县级部门报表',
    departmentsCity: '市级部门报表',
    department: '部门',
    items: '负责数据项',
    noDepartmentReturn: '未报（由本级填报）',
    noResubmissions: '本年度没有重复报送的单位。',
    keep: '采用此版本',
    kept: '当前采用',
    changes: (n: number) => `${n} 处不同`,
    noChanges: '内容相同',
    current: '当前采用',
    thisVersion: '此版本',
    cell: '单元格',
    export: '导出汇总报表（Excel）…',
    exported: (path: string) => `已导出：${path}`,
    exportCancelled: '已取消导出',
    total: '合计',
    target: '目标',
    belowTarget: VERDICT_LABEL.not_met,
    basicallyMet: VERDICT_LABEL.basically_met,
    noData: '尚未收到本年度的下级报表。',
    notes: '说明',

    errors: (n: number) => `汇总结果有 ${n} 处错误`,
    gaps: (n: number) => `${n} 个汇总单元格有单位缺报`,
    openEntry: '本级数据（县级数据项、定性目标）请在“数据填报”中录入。',
    indicators: '指标',
    itemsHeading: '数据项',
    differences: '差异',
    breakdownLegend:
      '各单位的指标按其自己的分子、分母计算，按本级规划目标判断：红色为与目标仍有差距，黄色为基本实现；合计为汇总后重新计算的值。',
    sources: '数据来源',
    sourcesDetail: '逐项查看数据来源',
    intro: (noun: string) =>
      `本页用于所辖${noun}报送的报表：导入、查看报送情况、核对重报差异、退回或审核通过，得到本级汇总报表。本单位自己的报表、上级的退回意见和回执在“导入导出”页。`,
    noChildren: '本年度尚未收到任何报表。',
    folderGone: '所选文件夹已失效，请重新选择文件夹。',
    cancelImport: '取消导入',
    cancelling: '正在取消（等当前一组文件保存完）…',
    staging: (done: number, total: number) => `正在上传 ${done} / ${total}`,
    currentFile: (name: string) => `正在读取：${name}`,
  },
  operation: {
    done: (total: number, accepted: number, warnings: number, rejected: number) =>
      `已处理 ${total} 个文件：接收 ${accepted}，有提示 ${warnings}，拒收 ${rejected}`,
    cancelled: (stored: number, rest: number) =>
      `已取消导入：已处理的 ${stored} 个文件已保存（结果见下表），其余 ${rest} 个文件未读取、未保存，可重新导入。`,
    failed: (why: string) => `导入中断：${why}。已保存的文件保留，其余未保存，可重新导入。`,
    unknown: '这批导入已结束或不存在，请重新导入。',
    stagedGone: '上传的文件已失效（可能已导入或程序已重新启动），请重新选择文件。',
    busy: '另一批导入正在进行，请等它完成或取消后再导入。',
    tooManyStaged: (max: number) => `一次最多导入 ${max} 个文件，请分批导入。`,
  },
  sheets: {
    notesSheet: '汇总说明',
    sourcesSheet: '数据来源',
    breakdownSheet: '分单位明细',
    /** the three above: the import skips them (they are not part of the form) */
    supplements: ['汇总说明', '数据来源', '分单位明细'] as readonly string[],
    notesTitle: (office: string, year: number) => `${office}${year}年妇女发展监测报表汇总说明`,
    sourcesTitle: (office: string, year: number) => `${office}${year}年汇总报表各数据项来源`,
    breakdownTitle: (office: string, year: number, noun: string) => `${office}${year}年分${noun}明细`,
    breakdownLegend:
      '指标按各单位自己的分子、分母计算，并按本级规划目标判断：红色底纹为与目标仍有差距，黄色底纹为基本实现；合计列为汇总后重新计算的值。',
    childHeaders: {
      code: '代码',
      name: '单位',
      state: '状态',
      reportedOn: '报出日期',
      file: '文件',
      department: '部门',
    },
    sourceHeaders: { code: '代码', name: '数据项', department: '负责部门', source: '来源' },
    breakdownHeaders: {
      code: '代码',
      name: '指标 / 数据项',
      unit: '单位',
      target: '目标',
      total: '合计',
      totalNote: '合计说明',
    },
    draftMark: '（草稿）',
    indicatorsSection: '一、指标',
    itemsSection: '二、汇总数据项',
    fileName: (office: string, year: number) => `${office}_${year}年_妇女发展监测汇总报表.xlsx`,
  },
  entry: {
    summedBanner: (n: number, of: number) =>
      `乡镇数据项为 ${n}/${of} 个乡镇报表的汇总值（只读，随“汇总”中导入的报表更新）；县级数据项在此填写。`,
    cityBanner: (n: number, of: number) =>
      `可加总的数据项为 ${n}/${of} 个县区报表的汇总值（只读）；其余数据项在此填写。`,
    summedCell: (source: string) => `汇总值（${source}），只读`,
    gap: (names: string) => `缺报：${names}`,
    departmentCell: (d: string) => `由${DEPARTMENT_NAMES[d] ?? d}报送（只读）`,
    departmentItems: (department: string) =>
      `本机为${DEPARTMENT_NAMES[department] ?? department}，只填报本部门负责的数据项。`,
  },
  /** the caps on one merge (files, bytes), checked on the folder walk before anything is read */
  limits: {
    tooManyFiles: (max: number) =>
      `所选文件夹中的报表文件超过 ${max} 个，一次汇总最多读取 ${max} 个文件。请把文件分到几个文件夹中分批汇总（已导入的不会丢失），或只选择本年度的报表文件夹。`,
    tooManyBytes: (gb: number) =>
      `所选文件合计超过 ${gb} GB，一次汇总最多读取 ${gb} GB。请检查文件夹中是否混入了其他大文件，或分批汇总。`,
  },
  /** a verdict lists the first problems of a file only; the rest are counted */
  moreProblems: (n: number) => `另有 ${n} 个问题未列出（请用“wdp validate”或“导入导出”页逐格查看该文件）`,
  /** files a folder walk leaves out, and why (shown in the merge report) */
  skip: {
    notRegular: (kind: string) => `不是普通文件（${kind}），已跳过`,
    kinds: { fifo: '命名管道', socket: '套接字', device: '设备文件', other: '特殊文件' },
    outside: (target: string) => `是指向所选文件夹以外的链接（${target}），已跳过`,
    brokenLink: '是失效的链接（指向的文件不存在），已跳过',
    /** a file or folder that could not be read: the system error in Chinese */
    systemError: (why: string) => `${why}，已跳过`,
    sameFile: (first: string) => `与 ${first} 是同一个文件（已读取过），已跳过`,
    folderAgain: '是指向已读取过的文件夹的链接（会造成循环），已跳过',
    unreadableFolder: (why: string) => `文件夹无法读取（${why}），已跳过`,
    changed: '读取前文件已被替换，已跳过',
    heading: (n: number) => `已跳过 ${n} 项（不是报表文件，或在所选文件夹以外）`,
  },
  cli: {
    skippedLine: (file: string, reason: string) => `已跳过\t${file}\t${reason}`,
    fileLine: (file: string, verdict: string, supplier: string) => `${verdict}\t${supplier}\t${file}`,
    reasonLine: (where: string, message: string) => `    ${where ? `${where} ` : ''}${message}`,
    completeness: '报送情况：',
    officeYear: (office: string, year: number) => `${office} ${year}年`,
    childLine: (name: string, code: string, state: string) => `  ${state}\t${code}\t${name}`,
    written: (path: string) => `已写出汇总报表：${path}`,
    noFiles: '没有给出要导入的报表文件',
    readFailed: (file: string, message: string) => `无法读取 ${file}：${message}`,
    progress: (read: number, total: number, stored: number, current: string) =>
      `正在导入 ${read}/${total}（已保存 ${stored}）${current ? ` ${current}` : ''}`,
  },
  overdue: {
    title: (office: string, year: number) => `${office}${year}年妇女发展监测报表催报单`,
    heading: '催报',
    homeHeading: (year: number) => `催报：${year}年度　`,
    homeOpen: '到“汇总”页设置截止日期、打印催报单',
    state: { missing: '未报送', draft: '仅有草稿', returned: '已退回待重报' } as Record<string, string>,
    meta: (deadline: string, asOf: string, daysLate: number, n: number, total: number) =>
      `${deadline ? `报送截止日期：${deadline}` : '未设报送截止日期'}　统计日期：${asOf}${daysLate > 0 ? `（已逾期 ${daysLate} 天）` : ''}　尚未报送 ${n} 个（应报 ${total} 个）`,
    headers: ['序号', '单位', '状态', '填表人', '联系电话', '单位负责人', '统计负责人', '联系人取自', '催报记录'],
    sheetHeaders: [
      '序号',
      '代码',
      '单位',
      '状态',
      '填表人',
      '联系电话',
      '单位负责人',
      '统计负责人',
      '联系人取自（年度报表）',
    ],
    none: '所有单位均已报送。',
    note: '联系人和电话取自该单位此前报送的报表表尾；“催报记录”栏供电话催报时手写。',
    sheetName: '催报名单',
    fileName: (office: string, year: number) => `${office}_${year}年_催报名单.xlsx`,
    deadline: '报送截止日期',
    saveDeadline: '保存',
    clearDeadline: '清除',
    deadlineSaved: (d: string | null) => (d ? `已设报送截止日期：${d}` : '已清除报送截止日期'),
    deadlineBeforeYear: (deadline: string, year: number, example: string) =>
      `报送截止日期${deadline}早于${year}年度开始，请检查年份（年度报表一般在次年年初报送，如${example}）。`,
    summary: (n: number, daysLate: number, deadline: string | null) =>
      n === 0
        ? '所有单位均已报送'
        : `尚未报送 ${n} 个${deadline ? (daysLate > 0 ? `，已逾期 ${daysLate} 天` : `，截止日期 ${deadline}`) : '（未设截止日期）'}`,
    listToggle: (n: number) => `查看名单（${n} 个单位，含联系人和电话）`,
    print: '打印催报单',
    pdf: '存为 PDF…',
    excel: '导出催报名单（Excel）…',
    noContact: '（此前未收到该单位的报表）',
    contactFrom: (year: number) => `${year}年报表`,
    saved: (path: string) => `已保存：${path}`,
    notSaved: '已取消保存',
    message: {
      state: { missing: '尚未报送', draft: '尚未正式报送（收到的是草稿）', returned: '已退回，尚未重新报送' } as Record<
        string,
        string
      >,
      text: (
        units: readonly string[],
        year: number,
        state: string,
        deadline: string | null,
        daysLate: number,
        office: string,
        name: string,
        phone: string,
      ) =>
        `【催报】${units.join('、')}：${year}年度妇女发展监测统计报表${state}，` +
        (deadline
          ? daysLate > 0
            ? `截止日期为${deadline}，已逾期${daysLate}天，请尽快报送。`
            : `截止日期为${deadline}，请于${deadline}前报送。`
          : '请尽快报送。') +
        `联系人：${office}${name ? ` ${name}` : ''}${phone ? `，电话${phone}` : ''}。`,
      heading: '催报短信（可复制到微信、短信）',
      copy: '复制',
      copyOne: '复制催报短信',
      copied: '已复制催报短信，可粘贴到微信或短信中',
      copyFailed: '无法写入剪贴板：请选中文字后按 Ctrl+C 复制',
    },
    cli: {
      line: (name: string, code: string, state: string, filler: string, phone: string) =>
        `${state}	${code}	${name}	${filler}	${phone}`,
      written: (path: string) => `已写出催报名单：${path}`,
    },
  },
  receipt: {
    notReviewed: (unit: string) => `${unit}的这一版本尚未审核（审核通过或退回），不能出具回执`,
    fileName: (unit: string, year: number, decision: string) =>
      `${unit}_${year}年_妇女发展监测报表_${decision === 'accepted' ? '接收' : '退回'}回执.json`,
    export: '导出回执…',
    exported: (path: string) => `回执已保存到：${path}（请发给该单位，在其“导入导出”页导入）`,
    cancelled: '已取消保存回执',
    acceptHeading: (unit: string) => `审核通过${unit}的报表`,
    acceptRemark: '审核意见（可不填）',
    accept: '审核通过',
    accepted: (unit: string) => `已审核通过${unit}的报表；可导出回执发给该单位`,
  },
  review: {
    wrongYear: (id: number, year: number) => `版本 ${id} 不是 ${year} 年的报表`,
    unknownCell: (item: string, sex: string) => `退回意见所指的 ${item}（${sex}）不在该单位报表的指标框架中`,
    fileName: (unit: string, year: number) => `${unit}_${year}年_妇女发展监测报表_退回意见.xlsx`,
    targetProblem: (indicator: string, flags: readonly string[], why: string) =>
      `${indicator}${flags.length ? `（${flags.join('，')}）` : ''}：${why}`,
    sendBack: '退回',
    heading: (unit: string) => `退回${unit}的报表`,
    overall: '总体意见（退回原因）',
    problems: '问题（每条可填写意见，留空的不列入）',
    noProblems: '程序没有发现该报表的数据问题；请在总体意见中写明退回原因，或按代码添加单元格意见。',
    remarkFor: (where: string) => `对 ${where} 的意见`,
    export: '退回并导出意见文件',
    cancel: '取消',
    exported: (path: string) => `已退回，意见文件已保存到：${path}（请通过 U 盘、电子邮件或微信发给该单位）`,
    returned: (at: string) => `已退回（${at}）`,
    accepted: (at: string) => `审核通过（${at}）`,
    reviewColumn: '审核',
    accept: '审核通过…',
    open: '退回…',
    openTitle: (unit: string) => `退回${unit}的报表：列出程序发现的问题，逐条填写意见后导出意见文件`,
    version: (file: string, reportedOn: string) => `版本：${file}${reportedOn ? `，报出日期 ${reportedOn}` : ''}`,
    include: '列入',
    location: '单元格',
    problem: '问题',
    remark: '意见',
    severity: { error: '错误', warning: '警告', info: '提示' } as Record<string, string>,
    prefill: '请核实后改正；如数据无误，请在备注栏说明原因',
    addHeading: '添加单元格意见',
    addItem: '数据项',
    addSex: '栏',
    addRemark: '意见',
    add: '添加',
    addPlaceholder: '例如：请与组织部门核对后重报',
    pickItem: '请选择数据项',
    ownProblem: '（县里添加）',
    remove: '删除',
    needRemark: (where: string) => `${where} 已列入但没有填写意见`,
    counted: (n: number) => `将列入 ${n} 条单元格意见`,
    loading: '正在读取该版本的数据问题…',
    sending: '正在导出…',
    saveCancelled: '已取消保存意见文件（退回已记录）；如需意见文件，请再次退回',
    pending: '退回后请把意见文件发给该单位；该单位重报的新版本到达前，此处显示“已退回”。',
  },
};
