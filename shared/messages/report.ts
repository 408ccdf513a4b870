// Printed return form (报表) and annual monitoring report (年度监测报告): every word on paper and on the print page.
import { ALERT_LABEL, CONVENTION_MSG, VERDICT_LABEL } from '../rules/messages.ts';
import { DEFAULT_RULE_OPTIONS, MIN_MONITORED_SHARE } from '../rules/options.ts';

type EvalKind = 'midterm' | 'final';
const EVAL_NAME: Record<EvalKind, string> = { midterm: '中期评估', final: '终期评估' };
const EVAL_POINT: Record<EvalKind, string> = { midterm: '中期', final: '末年' };
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
    marks: {
      formNo: '表　　号',
      issuer: '制定机关',
      approver: '备案机关',
      approvalNo: '备案文号',
      validUntil: '有效期至',
    },
    issuer: (county: string) => `${county}妇女儿童工作委员会办公室`,
    approver: (county: string) => `${county}统计局`,
    validUntil: (year: number) => `${year}年12月`,
    unit: '填报单位（盖章）',
    unitCode: '统计用区划代码',
    period: (year: number) => `${year}年`,
    status: {
      draft: '草稿',
      checked: '已校验',
      submitted: '已报送',
      returned: '被退回',
      accepted: '审核通过',
    } as Record<string, string>,
    columns: {
      name: '指标名称',
      code: '代码',
      unit: '计量单位',
      current: '本年',
      previous: '上年',
      total: '合计',
      female: '女',
      male: '男',
    },
    indexRow: { name: '甲', code: '乙', unit: '丙' },
    notApplicable: '—',
    noData: '…',
    rawTitle: '填写有误，尚未更正（按填写原样打印）',
    footer: {
      unitHead: '单位负责人',
      statHead: '统计负责人',
      filler: '填表人',
      phone: '联系电话',
      date: '报出日期',
      dateBlank: '　　年　　月　　日',
    },
    notesTitle: '说明',
    notes: (level: 'township' | 'county' | 'city', county: string, previous: boolean) => [
      level === 'township'
        ? `本表由各乡镇（街道）填报，报送${county}妇女儿童工作委员会办公室；县级汇总表另行编制。`
        : level === 'city'
          ? `本表由${county}妇女儿童工作委员会办公室汇总各县（市、区）报表及市级有关部门数据填报，报送上级妇女儿童工作委员会办公室。`
          : `本表由${county}妇女儿童工作委员会办公室汇总各乡镇（街道）报表及县级有关部门数据填报，报送上级妇女儿童工作委员会办公室。`,
      previous
        ? '检查关系：分男女的计数项，1栏 ≥ 2栏，1栏 = 2栏 + 3栏；4—6栏同。比例类指标的分子不大于分母。'
        : '检查关系：分男女的计数项，1栏 ≥ 2栏，1栏 = 2栏 + 3栏。比例类指标的分子不大于分母。',
      '计数项填整数；比例、平均数等按“计量单位”栏的单位填报，小数位数与表中一致。',
      '符号：“—”表示本栏不适用或本级不填报；“…”表示无数据（原因见附注）；空白表示尚未填报。',
    ],
    noDataTitle: '附注：无数据的单元格',
    noDataLine: (code: string, name: string, column: string, reason: string) =>
      `${code} ${name}（${column}）：${reason}`,
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
      `${({ draft: '草稿（未校验）', checked: '已校验', submitted: '已报送', returned: '被退回', accepted: '审核通过' } as Record<string, string>)[status] ?? status}，已填 ${filled}/${total} 个单元格`,
    sections: {
      overview: '总体情况',
      attention: '需要关注的指标',
      areas: '分领域监测结果',
      townships: '各乡镇（街道）情况',
      notes: '说明',
    },
    /** 「在可监测的X项指标中，Y项已实现或基本实现目标」, as the national monitoring reports write it */
    overview: (monitored: number, achieved: number, met: number, basic: number, notMet: number, rate: string) =>
      `在可监测的${monitored}项指标中，${achieved}项已实现或基本实现目标（已实现${met}项，基本实现${basic}项），达标率${rate}；${notMet > 0 ? `${notMet}项与目标仍有差距` : '没有与目标仍有差距的指标'}。`,
    coverage: (measured: number, monitored: number, noData: number) =>
      noData > 0
        ? `本级评估的定量指标${measured}项，可监测${monitored}项，另有${noData}项无数据，未计入达标率。`
        : `本级评估的定量指标${measured}项，均可监测。`,
    tooFew: (measured: number, monitored: number, achieved: number, notMet: number) =>
      `本级评估的定量指标${measured}项中仅${monitored}项有数据（不足${MIN_MONITORED_SHARE * 100}%），数据不全，暂不计算达标率；有数据的指标中${achieved}项已实现或基本实现目标，${notMet > 0 ? `${notMet}项与目标仍有差距` : '没有与目标仍有差距的指标'}。`,
    noneMonitored: (measured: number) => `本级评估的定量指标${measured}项均无数据，暂无法评估。`,
    qualitative: (total: number, done: number, inProgress: number, notDone: number, unanswered: number) =>
      `定性目标${total}项（机制建立、政策落实等，由填报单位自评，单独统计，不计入达标率）：已建立或已实现${done}项，推进中${inProgress}项，未建立或未实现${notDone}项${unanswered > 0 ? `，尚未评估${unanswered}项` : ''}。`,
    alerts: (n: number) =>
      n > 0 ? `预警指标${n}项（预计完成困难或波动较大），须逐项说明原因。` : '本年没有预警指标。',
    lists: {
      basic: (names: string) => `基本实现的指标：${names}。`,
      notMet: (names: string) => `与目标仍有差距的指标：${names}。`,
      behind: (names: string) => `其中滞后于序时进度的：${names}。`,
      ahead: (names: string) => `提前实现规划目标的指标：${names}。`,
      more: (names: string, n: number) => `${names}等${n}项`,
    },
    noTargets: '本级没有纳入评估的目标。',
    tiles: {
      met: VERDICT_LABEL.met,
      basicallyMet: VERDICT_LABEL.basically_met,
      notMet: VERDICT_LABEL.not_met,
      noData: VERDICT_LABEL.no_data,
      alerts: '预警',
      volatile: ALERT_LABEL.volatile,
    },
    unitItems: '项',
    areaTable: {
      area: '领域',
      measured: '定量指标',
      monitored: '可监测',
      met: VERDICT_LABEL.met,
      basicallyMet: VERDICT_LABEL.basically_met,
      notMet: VERDICT_LABEL.not_met,
      noData: VERDICT_LABEL.no_data,
      alerts: '预警',
      rate: '达标率',
      qualitative: '定性（已建立/推进中/未建立）',
      total: '合计',
    },
    areaLine: (measured: number, monitored: number, achieved: number, notMet: number, noData: number, rate: string) =>
      `本领域定量指标${measured}项，可监测${monitored}项，其中${achieved}项已实现或基本实现目标，${notMet}项与目标仍有差距${noData > 0 ? `；无数据${noData}项` : ''}；达标率${rate}。`,
    columns: {
      indicator: '指标',
      target: '目标',
      current: '本年',
      previous: '上年',
      change: '比上年',
      status: '评估结果',
    },
    attentionIntro:
      '下列指标预计完成困难（滞后于序时进度，或按趋势推算到目标年份仍达不到目标）或比上年波动较大，填报单位的说明附后。',
    attentionColumns: { indicator: '指标', situation: '情况', explanation: '填报单位说明' },
    noAttention: '本年没有预计完成困难或波动较大的指标。',
    unexplained: '（尚未填写说明）',
    omitted: (n: number) => `另有 ${n} 项目标由上级评估或本级不适用，未列入本表。`,
    trendCaption: '历年变化',
    townshipsIntro: (n: number, withReturn: number) =>
      `本县（区）辖 ${n} 个乡镇（街道），本年有报表的 ${withReturn} 个。下表为各乡镇（街道）在本级评估的目标情况；下图比较主要指标。`,
    townshipColumns: {
      name: '乡镇（街道）',
      status: '报表状态',
      monitored: '可监测',
      achieved: '已实现或基本实现',
      notMet: VERDICT_LABEL.not_met,
      noData: VERDICT_LABEL.no_data,
      rate: '达标率',
    },
    noReturn: '未报',
    chartTarget: (text: string) => `目标：${text}`,
    notes: [
      '本报告的数值和判定均来自本机报表的校验结果（与数据填报页面所见一致），不另行计算。比例类指标由分子、分母重新计算，不对下级比例求平均；汇总比例只在分子、分母都有数据的单位之间计算。',
      '评估结果：已实现（达到目标值；恰好等于“以上/以下”类目标值的即为实现），基本实现，尚有差距（与目标仍有差距）。预警不是评估结果，是附在评估结果旁的提示：预计完成困难、波动较大。',
      CONVENTION_MSG.basic(DEFAULT_RULE_OPTIONS.basicRelative * 100, DEFAULT_RULE_OPTIONS.basicPoints),
      CONVENTION_MSG.rate(MIN_MONITORED_SHARE * 100),
      CONVENTION_MSG.progress,
      CONVENTION_MSG.volatile(DEFAULT_RULE_OPTIONS.volatilityPercent),
      '比上年的变化：按报告中显示的数值相减；百分比指标以“个百分点”表示，千分比以“个千分点”表示，每10万比率以“个十万分点”表示，人数等计数以增减数表示。应当下降的指标（如死亡率、患病率）用“上升/下降”，应当提高的指标用“提高/降低”。',
    ],
  },

  /** 中期评估 / 终期评估 report */
  evaluation: {
    title: (region: string, plan: string, kind: EvalKind) => `${region}实施《${plan}》${EVAL_NAME[kind]}报告`,
    titleLines: (region: string, plan: string, kind: EvalKind): [string, string] => [
      `${region}实施《${plan}》`,
      `${EVAL_NAME[kind]}报告`,
    ],
    kindName: EVAL_NAME,
    meta: {
      unit: '评估单位',
      year: '评估年度',
      base: '基期',
      years: '已有报表',
      status: '评估年度报表',
      generated: '生成日期',
    },
    yearOf: (year: number) => `${year}年`,
    baseOf: (year: number, has: boolean) => (has ? `${year}年` : `${year}年（本单位没有基期报表）`),
    yearsOf: (years: number[]) => years.map((y) => `${y}`).join('、'),
    /** why the report evaluates this year */
    yearNote: (
      kind: EvalKind,
      choice: 'nominal' | 'latest' | 'chosen',
      nominal: number,
      year: number,
      start: number,
      end: number,
      baseYear: number,
    ) =>
      choice === 'nominal'
        ? `规划期为${start}—${end}年，${EVAL_NAME[kind]}以规划${EVAL_POINT[kind]}${year}年为评估年度，与基期${baseYear}年比较。`
        : choice === 'latest'
          ? `规划${EVAL_POINT[kind]}为${nominal}年，本机尚无${nominal}年的报表，本报告按已有报表的最近年度${year}年评估；${nominal}年报表完成后请重新生成。`
          : `规划${EVAL_POINT[kind]}为${nominal}年，本报告按所选的${year}年评估${year < nominal ? `（早于规划${EVAL_POINT[kind]}）` : year > nominal ? `（晚于规划${EVAL_POINT[kind]}）` : ''}。`,
    sections: {
      overview: '总体情况',
      lists: '评估结果分类',
      areas: '分领域评估结果',
      qualitative: '定性目标进展情况',
      townships: '各乡镇（街道）情况',
      notes: '说明',
    },
    /** 序时进度 counts; judged = targets whose year lies after the evaluation year */
    progress: (year: number, judged: number, ahead: number, onTrack: number, behind: number, noBase: number) =>
      `目标年份在${year}年之后的定量指标${judged}项按序时进度评估：提前实现规划目标${ahead}项，达到序时进度${onTrack}项，滞后于序时进度${behind}项${noBase > 0 ? `，缺少基期数据、无法计算序时进度${noBase}项` : ''}。`,
    noProgress: (year: number) => `评估年度${year}年已到各项目标的目标年份，按实际值评估是否实现，不再计算序时进度。`,
    earlyCount: (n: number) => `其中${n}项在目标年份之前已经实现（提前实现）。`,
    alerts: (n: number) => (n > 0 ? `评估年度有预警指标${n}项（预计完成困难或波动较大）。` : '评估年度没有预警指标。'),
    tiles: { early: '提前实现', onTrack: '达到序时进度', behind: '滞后于序时进度' },
    lists: {
      early: {
        title: '提前实现或已实现规划目标的指标',
        intro: '下列指标在评估年度已实现，且在目标年份之前已经实现（此后各年均为已实现）。',
        empty: '没有提前实现规划目标的指标。',
      },
      basic: {
        title: '基本实现规划目标的指标',
        intro: '下列指标与目标的差距在“基本实现”的幅度以内。',
        empty: '没有基本实现的指标。',
      },
      behind: {
        title: '滞后于序时进度的指标',
        intro: '下列指标尚未实现目标，且低于按序时进度评估年度应达到的水平，预计完成困难，需重点推进。',
        empty: '没有滞后于序时进度的指标。',
      },
      notMet: {
        title: '与目标仍有差距的指标',
        intro: '下列指标与目标仍有差距（其中达到序时进度的，按目前进度可望在目标年份实现）。',
        empty: '没有与目标仍有差距的指标。',
      },
    },
    listColumns: { indicator: '指标', situation: '评估情况', explanation: '填报单位说明' },
    unexplained: '（尚未填写说明）',
    /** 2023年为45.0%，比2020年提高3.0个百分点 */
    sinceBase: (year: number, value: string, baseYear: number, change: string) =>
      change ? `${year}年为${value}，比基期${baseYear}年${change}。` : `${year}年为${value}。`,
    metSince: (year: number) => `${year}年起已实现`,
    targetYear: (year: number) => `（${year}年）`,
    columns: {
      indicator: '指标',
      target: '目标',
      base: '基期',
      expected: '序时进度',
      status: '评估结果',
      projection: (year: number) => `推算${year}年`,
    },
    expected: (value: string) => `应达${value}`,
    progressState: { ahead: '提前实现', on_track: '达到', behind: '滞后', no_base: '无基期' } as Record<string, string>,
    projectionMeets: { yes: '可实现', no: '难以实现' },
    areaProgress: (judged: number, ahead: number, onTrack: number, behind: number, noBase: number) =>
      `按序时进度评估${judged}项：提前实现${ahead}项，达到序时进度${onTrack}项，滞后${behind}项${noBase > 0 ? `，无基期数据${noBase}项` : ''}。`,
    unitNote: (unit: string) => `（${unit}）`,
    qualitativeIntro: '机制建立、政策落实等定性目标由填报单位逐年自评，单独统计，不计入达标率。',
    noQualitative: '本级没有定性目标。',
    qualitativeColumns: { indicator: '指标', target: '目标', status: '评估结果' },
    townshipsIntro: (n: number, withReturn: number, year: number) =>
      `本县（区）辖 ${n} 个乡镇（街道），${year}年有报表的 ${withReturn} 个。下表为各乡镇（街道）本级评估的目标情况（各按本乡镇报表评估）；下图比较主要指标。`,
    townshipColumns: {
      name: '乡镇（街道）',
      status: '报表状态',
      monitored: '可监测',
      achieved: '已实现或基本实现',
      rate: '达标率',
      ahead: '提前实现',
      onTrack: '达到序时进度',
      behind: '滞后于序时进度',
    },
    chart: { progress: '序时进度', projection: (year: number) => `推算${year}年` },
    notes: (kind: EvalKind) => [
      `本报告的数值和判定均来自本机各年度报表的校验结果：评估年度的评估结果、序时进度和推算即该年报表的校验结果，历年数值为各年报表的校验结果，不另行计算。县级报告按汇总后的数值判定，各乡镇按本乡镇报表判定。`,
      '评估结果：已实现（达到目标值；恰好等于“以上/以下”类目标值的即为实现），基本实现，尚有差距（与目标仍有差距）。提前实现：评估年度已实现，且在目标年份之前已经实现（当年报表的校验结果为“提前实现”）、此后各年均为已实现；“逐步提高”等趋势目标按当年变化方向评估，不称提前实现。',
      CONVENTION_MSG.basic(DEFAULT_RULE_OPTIONS.basicRelative * 100, DEFAULT_RULE_OPTIONS.basicPoints),
      CONVENTION_MSG.rate(MIN_MONITORED_SHARE * 100),
      CONVENTION_MSG.progress,
      '推算：按基期以来各年数值的线性趋势（最小二乘直线）推算到目标年份，至少需要3个年度的数值；“难以实现”即推算值达不到目标。图中虚线为目标，灰色斜线为序时进度（由基期数值匀速推进到目标），空心点为推算值。',
      CONVENTION_MSG.volatile(DEFAULT_RULE_OPTIONS.volatilityPercent),
      kind === 'midterm'
        ? '中期评估按规划期的中间年度评估（十年规划为第5年，五年规划为第3年），终期评估按规划末年评估。'
        : '终期评估按规划末年评估；目标年份早于末年的目标，按其目标年份以后的实际值评估。',
      '比基期的变化：按报告中显示的数值相减；百分比指标以“个百分点”表示，每10万比率以“个十万分点”表示，计数以增减数表示；应当下降的指标用“上升/下降”，应当提高的指标用“提高/降低”。',
    ],
  },

  change: {
    same: '持平',
    increase: '增加',
    decrease: '减少',
  },
  status: VERDICT_LABEL as Record<string, string>,
  volatile: ALERT_LABEL.volatile,
  hardToMeet: ALERT_LABEL.hardToMeet,

  page: {
    nav: '打印与报告',
    title: '打印与报告',
    kind: '内容',
    kinds: { form: '统计报表', annual: '年度监测报告', midterm: '中期评估报告', final: '终期评估报告' },
    evaluationYear: '评估年度',
    yearDefault: (year: number) => `${year}年（默认）`,
    yearDefaultPending: '默认',
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
    noEvaluationYear: (region: string, kind: EvalKind, from: number, to: number) =>
      `${region}还没有${from}—${to}年的报表，无法生成${EVAL_NAME[kind]}报告。请先在“数据填报”中建立报表，或另选评估年度`,
    yearNotAfterBase: (year: number, baseYear: number) =>
      `评估年度${year}年不在基期${baseYear}年之后，请选择${baseYear + 1}年或以后的年度`,
  },

  cli: {
    written: (file: string, kb: number) => `已写入 ${file}（${kb} KB）`,
    fontsEmbedded: (family: string, kb: number) => `已内嵌字体子集：${family}（${kb} KB）`,
    fontsNotEmbedded: '未找到可内嵌的中文字体，网页将使用系统字体（宋体、黑体、微软雅黑或思源字体）',
  },
};
