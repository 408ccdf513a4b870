// Printed return form (报表) and annual monitoring report (年度监测报告): every word on paper and on the print page.
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export const report = {
  /** 一、 二、 … for section headings, （一）（二） for area headings */
  numeral: (i: number) => NUMERALS[i] ?? String(i + 1),
  pageFooter: { before: '第 ', middle: ' 页 共 ', after: ' 页' },

  form: {
    title: (county: string) => `${county}妇女发展规划监测统计表`,
    /** one form per area, numbered as in the Excel return (妇监1表 健康 … 妇监8表 法律), for townships and counties alike */
    formNo: '妇监1—8表',
    areaFormNo: (n: number) => `妇监${n}表`,
    marks: { formNo: '表　　号', issuer: '制定机关', approver: '备案机关', approvalNo: '备案文号', validUntil: '有效期至' },
    issuer: (county: string) => `${county}妇女儿童工作委员会办公室`,
    approver: (county: string) => `${county}统计局`,
    validUntil: (year: number) => `${year}年12月`,
    unit: '填报单位（盖章）',
    unitCode: '统计用区划代码',
    period: (year: number) => `${year}年`,
    status: { draft: '草稿', checked: '已校验', submitted: '已报送' } as Record<string, string>,
    columns: { name: '指标名称', code: '代码', unit: '计量单位', current: '本年', previous: '上年', total: '合计', female: '女', male: '男' },
    indexRow: { name: '甲', code: '乙', unit: '丙' },
    notApplicable: '—',
    noData: '…',
    rawTitle: '填写有误，尚未更正（按填写原样打印）',
    footer: { unitHead: '单位负责人', statHead: '统计负责人', filler: '填表人', phone: '联系电话', date: '报出日期', dateBlank: '　　年　　月　　日' },
    notesTitle: '说明',
    notes: (level: 'township' | 'county', county: string, previous: boolean) => [
      level === 'township'
        ? `本表由各乡镇（街道）填报，报送${county}妇女儿童工作委员会办公室；县级汇总表另行编制。`
        : `本表由${county}妇女儿童工作委员会办公室汇总各乡镇（街道）报表及县级有关部门数据填报，报送上级妇女儿童工作委员会办公室。`,
      previous
        ? '检查关系：分男女的计数项，1栏 ≥ 2栏，1栏 = 2栏 + 3栏；4—6栏同。比例类指标的分子不大于分母。'
        : '检查关系：分男女的计数项，1栏 ≥ 2栏，1栏 = 2栏 + 3栏。比例类指标的分子不大于分母。',
      '计数项填整数；比例、平均数等按“计量单位”栏的单位填报，小数位数与表中一致。',
      '符号：“—”表示本栏不适用或本级不填报；“…”表示无数据（原因见附注）；空白表示尚未填报。',
    ],
    noDataTitle: '附注：无数据的单元格',
    noDataLine: (code: string, name: string, column: string, reason: string) => `${code} ${name}（${column}）：${reason}`,
    qualitativeTitle: '附表：定性目标进展情况',
    qualitativeColumns: { code: '代码', name: '指标', choice: '进展', note: '情况说明' },
    explanationsTitle: '附表：预警及波动较大指标的说明',
    explanationsColumns: { code: '代码', name: '指标', message: '校验提示', text: '填报单位说明' },
    unexplained: '（未填写说明）',
    countyOnlyOmitted: (n: number) => `另有 ${n} 个数据项由县级或县级部门填报，本表不列。`,
  },

  annual: {
    title: (region: string, year: number) => `${region}${year}年妇女发展规划实施情况监测报告`,
    meta: { plan: '监测依据', unit: '监测单位', status: '数据状态', generated: '生成日期' },
    statusOf: (status: string, filled: number, total: number) =>
      `${({ draft: '草稿（未校验）', checked: '已校验', submitted: '已报送' } as Record<string, string>)[status] ?? status}，已填 ${filled}/${total} 个单元格`,
    sections: { overview: '总体情况', attention: '需要关注的指标', areas: '分领域监测结果', townships: '各乡镇（街道）情况', notes: '说明' },
    overview: (monitored: number, met: number, notMet: number, atRisk: number, noData: number, rate: string) =>
      `${monitored}项目标中${met}项达标，达标率${rate}；未达标${notMet}项，预警${atRisk}项，无数据${noData}项。`,
    noTargets: '本级没有纳入评估的目标。',
    tiles: { met: '达标', notMet: '未达标', atRisk: '预警', noData: '无数据', volatile: '波动较大' },
    unitItems: '项',
    areaTable: { area: '领域', monitored: '目标数', met: '达标', notMet: '未达标', atRisk: '预警', noData: '无数据', rate: '达标率', total: '合计' },
    areaLine: (monitored: number, met: number, notMet: number, atRisk: number, noData: number) =>
      `本领域纳入评估的目标${monitored}项：达标${met}项，未达标${notMet}项，预警${atRisk}项，无数据${noData}项。`,
    columns: { indicator: '指标', target: '目标', current: '本年', previous: '上年', change: '比上年', status: '状态' },
    attentionIntro: '下列指标处于预警状态或比上年波动较大，填报单位的说明附后。',
    attentionColumns: { indicator: '指标', situation: '情况', explanation: '填报单位说明' },
    noAttention: '本年没有预警或波动较大的指标。',
    unexplained: '（尚未填写说明）',
    omitted: (n: number) => `另有 ${n} 项目标由上级评估或本级不适用，未列入本表。`,
    trendCaption: '历年变化',
    townshipsIntro: (n: number, withReturn: number) => `本县（区）辖 ${n} 个乡镇（街道），本年有报表的 ${withReturn} 个。下表为各乡镇（街道）在本级评估的目标情况；下图比较主要指标。`,
    townshipColumns: { name: '乡镇（街道）', status: '报表状态', met: '达标', notMet: '未达标', atRisk: '预警', noData: '无数据' },
    noReturn: '未报',
    chartTarget: (text: string) => `目标：${text}`,
    notes: [
      '本报告的数值和判定均来自本机报表的校验结果（与数据填报页面所见一致），不另行计算。比例类指标由分子、分母重新计算，不对下级比例求平均。',
      '“达标率”= 达标项数 ÷ 纳入评估的目标数；纳入评估的目标不含本级不适用和仅供参考的目标，含无数据的目标。',
      '“预警”指数值虽在目标范围内但距目标值不足 5%，或定性目标仍在推进中，或趋势与目标方向不符；“波动较大”指比上年变化超过 20%。',
      '比上年的变化：百分比指标以“个百分点”表示，千分比以“个千分点”表示，其他以相对变化（%）表示；定性目标不计变化。',
    ],
  },

  change: {
    same: '持平',
    up: '提高',
    down: '降低',
    increase: '增加',
    decrease: '减少',
  },
  status: { met: '达标', not_met: '未达标', at_risk: '预警', no_data: '无数据', not_applicable: '不适用', reference: '仅供参考' } as Record<string, string>,
  volatile: '波动较大',

  page: {
    nav: '打印与报告',
    title: '打印与报告',
    kind: '内容',
    kinds: { form: '统计报表', annual: '年度监测报告' },
    region: '地区',
    year: '年度',
    print: '打印',
    pdf: '存为 PDF',
    html: '存为网页',
    loading: '正在生成…',
    saved: (path: string) => `已保存：${path}`,
    notSaved: '未保存',
    printUnavailable: '当前环境不能直接打印，已打开浏览器的打印对话框。',
    noReturn: '所选地区和年度还没有报表。请先在“数据填报”中建立报表。',
    hint: '预览与纸面一致：A4 纸，表头每页重复，页脚印页码。打印时请在打印对话框中关闭“页眉和页脚”。',
  },

  errors: {
    noReturn: (region: string, year: number) => `${region}${year}年没有报表`,
    severalPlans: (plans: string) => `该地区该年度有多个规划的报表（${plans}），请指定规划`,
    notReportable: (name: string) => `${name}不是乡镇或县级区划，无法生成报表`,
  },

  cli: {
    written: (file: string, kb: number) => `已写入 ${file}（${kb} KB）`,
    fontsEmbedded: (family: string, kb: number) => `已内嵌字体子集：${family}（${kb} KB）`,
    fontsNotEmbedded: '未找到可内嵌的中文字体，网页将使用系统字体（宋体、黑体、微软雅黑或思源字体）',
  },
};
