// Every Chinese string the rule engine, the number parser and the aggregation produce.
// Fixed wording: the UI, the Excel import and the tests match on these texts, so change them here only.
// Pure: no I/O.
import type { SexColumn } from '../framework/schema.ts';

export const SEX_LABEL: Record<SexColumn, string> = { total: '合计', female: '女', male: '男' };

/** Layer 1: input validity of one stored cell. `noun` is 人数, 例数, 个数 … after the item's unit. */
export const INPUT_MSG = {
  invalidValue: '数值无效，请重新填写',
  notRepresentable: (v: string) =>
    `数值 ${v} 超出程序能准确保存的范围（整数不超过 9007199254740991，其他数值小于 10 的 15 次方），请核对`,
  implausible: (noun: string, v: string, level: string, bound: string) =>
    `${noun}为 ${v}，超过一个${level}可能的上限 ${bound}，请核对是否多填了位数`,
  negativeCount: (noun: string, v: string) => `${noun}不能为负数（${v}）`,
  negativeAmount: (v: string) => `此项不能为负数（${v}）`,
  notInteger: (noun: string, v: string) => `${noun}应为整数（${v}）`,
  tooManyDecimals: (v: string, allowed: number) =>
    allowed === 0 ? `${v} 有小数，此项不保留小数，请填写整数` : `${v} 的小数位数过多，最多保留${allowed}位小数`,
  unknownItem: (item: string) => `数据项 ${item} 不在本规划的指标框架中，已忽略`,
  unknownColumn: (item: string, sex: SexColumn) => `数据项 ${item} 没有“${SEX_LABEL[sex]}”栏，已忽略`,
  duplicateCell: '该格重复出现，以最后一次填写为准',
  valueAndNoData: '既填写了数值又标记为无数据，请二选一（暂按已填数值计算）',
  prefilled: (v: string) => `沿用上年数值（${v}），尚未确认，请核实后确认`,
  /** text kept as typed but not a valid number: the message is the number parser's */
  rawNumberLike: (raw: string) => `“${raw}”尚未作为数值保存，请重新填写`,
} as const;

/** Layer 2: consistency between cells. */
export const CONSISTENCY_MSG = {
  femaleExceedsTotal: (noun: string, f: string, t: string) => `女性${noun}（${f}）大于合计（${t}），请核对：女 ≤ 合计`,
  maleExceedsTotal: (noun: string, m: string, t: string) => `男性${noun}（${m}）大于合计（${t}），请核对：男 ≤ 合计`,
  sumMismatch: (f: string, m: string, sum: string, t: string) =>
    `女（${f}）+ 男（${m}）= ${sum}，与合计（${t}）不符，请核对：女 + 男 = 合计`,
  numeratorExceedsDenominator: (
    numLabel: string,
    n: string,
    denLabel: string,
    d: string,
    indicatorName: string,
    cap: string,
  ) => `${numLabel}（${n}）大于${denLabel}（${d}），“${indicatorName}”将超过${cap}，请核对：${numLabel} ≤ ${denLabel}`,
  percentOutOfRange: (v: string) => `${v}% 超出 0～100% 的范围，请核对`,
} as const;

/** Why a target could not be judged, or was judged for reference only. */
export const DATA_MSG = {
  blank: (label: string) => `缺少数据：${label}未填写`,
  noData: (label: string, reason: string) => (reason ? `${label}标记为无数据（${reason}）` : `${label}标记为无数据`),
  invalid: (label: string) => `${label}填写有误，请先更正`,
  zeroDenominator: (label: string) => `${label}为0，无法计算`,
  countyOnly: '该指标的数据由县级统计，乡镇报表不适用',
  judgeLevelCounty: '该指标在县级判定，乡镇不作判定',
  smallDenominator: (label: string, d: string, min: number) => `${label}（${d}）小于${min}，数值不稳定，不作判定`,
  reference: (verdict: string, reason: string) => `${verdict}（仅供参考：${reason}）`,
  qualitativeReferenceNoAnswer: '该项在县级评估，乡镇报表不适用',
} as const;

/** The verdict vocabulary, declared once: every screen, export and report labels verdicts from here. */
export const VERDICT_LABEL = {
  met: '已实现',
  basically_met: '基本实现',
  not_met: '尚有差距',
  in_progress: '推进中',
  no_data: '无数据',
  not_applicable: '不适用',
  reference: '仅供参考',
} as const;
/** 预警 flags, beside the verdict. */
export const ALERT_LABEL = { hardToMeet: '预计完成困难', volatile: '波动较大' } as const;
export const PROGRESS_LABEL = {
  ahead: '提前实现',
  on_track: '达到序时进度',
  behind: '滞后于序时进度',
  no_base: '缺少基期数据',
} as const;

/** The conventions the plans do not state, shown wherever the verdicts appear (legend, report notes). */
export const CONVENTION_MSG = {
  basic: (relativePercent: number, points: number) =>
    `基本实现：与目标相差不超过目标值的${relativePercent}%（百分比指标不超过${points}个百分点）；恰好等于“以上/以下/不低于/不高于”的目标值即为实现，“超过/低于/高于”按未经四舍五入的数值比较。`,
  progress:
    '序时进度：以基期（2020年）数值为起点，按年份均匀推进到规划目标值；预计完成困难：尚未实现目标，且滞后于序时进度，或按已有年份（至少3年）的线性趋势推算到目标年份仍达不到目标。',
  volatile: (percent: number) => `波动较大：与上年相比变化超过${percent}%。`,
  stable: (percent: number) => `“保持稳定”未给出幅度的，按与基期或上年相比变化不超过${percent}%掌握。`,
  rate: (minSharePercent: number) =>
    `达标率 =（已实现 + 基本实现）÷ 可监测指标数；可监测指标指有数据的定量指标，无数据的不计入分母；定性指标（机制建立等）单独统计，不计入达标率；可监测指标不足${minSharePercent}%时不计算达标率。`,
} as const;

/** How a verdict quotes a target the county adjusted locally: the plan's words and what holds now. */
export const TARGET_TEXT = {
  adjusted: (planText: string, rule: string) => `${planText}，县级调整为${rule}`,
} as const;

/** Target verdicts. X = the value in the indicator's unit, text = the target in the plan's words, G = the gap with its unit. */
export const TARGET_MSG = {
  met: (x: string, text: string) => `${x}，已实现目标“${text}”`,
  basicallyMet: (x: string, text: string, gap: string, margin: string) =>
    `${x}，距目标“${text}”差${gap}，基本实现（差距在${margin}以内）`,
  aboveMax: (x: string, text: string, gap: string) => `${x}，高于目标“${text}”${gap}，与目标仍有差距`,
  belowMin: (x: string, text: string, gap: string) => `${x}，低于目标“${text}”${gap}，与目标仍有差距`,
  equalsStrictMax: (x: string, text: string) => `${x}，未低于目标“${text}”，与目标仍有差距`,
  equalsStrictMin: (x: string, text: string) => `${x}，未高于目标“${text}”，与目标仍有差距`,
  aboutMet: (x: string, text: string, lo: string, hi: string) =>
    `${x}，在目标“${text}”的范围内（${lo}～${hi}），已实现`,
  aboutMetFrom: (x: string, text: string, lo: string) => `${x}，已实现目标“${text}”（达到${lo}及以上即为实现）`,
  aboutMetUpTo: (x: string, text: string, hi: string) => `${x}，已实现目标“${text}”（不超过${hi}即为实现）`,
  aboutNotMet: (x: string, text: string, lo: string, hi: string) =>
    `${x}，偏离目标“${text}”（应在${lo}～${hi}之间），与目标仍有差距`,
  aboutBelow: (x: string, text: string, lo: string) => `${x}，低于目标“${text}”的下沿${lo}，与目标仍有差距`,
  aboutAbove: (x: string, text: string, hi: string) => `${x}，高于目标“${text}”的上沿${hi}，与目标仍有差距`,
  rangeBelow: (x: string, text: string, bound: string) => `${x}，低于目标“${text}”的下限${bound}，与目标仍有差距`,
  rangeAbove: (x: string, text: string, bound: string) => `${x}，高于目标“${text}”的上限${bound}，与目标仍有差距`,
  rangeAtStrictBound: (x: string, text: string, lower: boolean) =>
    `${x}，等于目标“${text}”的${lower ? '下限' : '上限'}，不在目标范围内`,
  balancedMet: (x: string, text: string, lo: string, hi: string) =>
    `${x}，在目标“${text}”的均衡范围内（${lo}～${hi}），已实现`,
  balancedBelow: (x: string, text: string, lo: string, hi: string) =>
    `${x}，低于目标“${text}”的均衡范围（${lo}～${hi}）`,
  balancedAbove: (x: string, text: string, lo: string, hi: string) =>
    `${x}，高于目标“${text}”的均衡范围（${lo}～${hi}）`,
  balancedToward: (x: string, basis: string, p: string, text: string) =>
    `${x}，比${basis}的${p}更接近均衡，符合目标“${text}”的方向`,
  relativeNotMet: (x: string, text: string, other: string, y: string, below: boolean) =>
    `${x}，${below ? '低于' : '高于'}${other}（${y}），与目标“${text}”仍有差距`,
  relativeEqualStrict: (x: string, text: string, other: string, y: string) =>
    `${x}，与${other}（${y}）相同，与目标“${text}”仍有差距`,
  relativeMet: (x: string, text: string, other: string, y: string) => `${x}，对比${other}（${y}），已实现目标“${text}”`,
  relativeNoData: (other: string) => `对比指标“${other}”无数据，无法比较`,
  externalMissing: (label: string) => `缺少上级要求（${label}），请妇儿工委办公室在本报表的“上级要求”中填写后再判断`,
  externalNotMet: (x: string, text: string, label: string, t: string, below: boolean) =>
    `${x}，${below ? '低于' : '高于'}上级要求（${label}：${t}），与目标“${text}”仍有差距`,
  externalEqualStrict: (x: string, text: string, label: string, t: string) =>
    `${x}，等于上级要求（${label}：${t}），与目标“${text}”仍有差距`,
  externalMet: (x: string, text: string, label: string, t: string) =>
    `${x}，对比上级要求（${label}：${t}），已实现目标“${text}”`,
} as const;

/** 序时进度 and projection clauses, appended to a verdict judged before the target's year. */
export const PROGRESS_MSG = {
  ahead: (targetYear: number) => `提前实现${targetYear}年目标`,
  onTrack: (year: number, expected: string) => `按序时进度${year}年应达到${expected}，达到序时进度`,
  behind: (year: number, expected: string) => `按序时进度${year}年应达到${expected}，滞后于序时进度`,
  noBase: (baseYear: number) => `缺少基期（${baseYear}年）数据，无法计算序时进度`,
  projectedMiss: (from: number, to: number, targetYear: number, projected: string) =>
    `按${from}—${to}年趋势推算，${targetYear}年约为${projected}，预计完成困难`,
  hardToMeet: '【预警：预计完成困难】',
} as const;

/** Trend targets. basis = 上年（2023年） or 基线年（2020年）. */
export const TREND_MSG = {
  previousLabel: (year: number) => `上年（${year}年）`,
  baselineLabel: (year: number) => `基线年（${year}年）`,
  missingBasis: (basis: string, text: string) => `缺少${basis}的数据，无法判断“${text}”`,
  missingYears: (years: number[], from: number, to: number, n: number, text: string) =>
    `缺少${years.map((y) => `${y}年`).join('、')}的数据，无法判断“${text}”（需要${from}—${to}年连续${n}年的数据）`,
  baselineYearItself: (year: number) => `本年为基线年（${year}年）或更早，不作趋势判断`,
  increaseMet: (x: string, basis: string, p: string, d: string, text: string) =>
    `${x}，比${basis}的${p}提高${d}，符合目标“${text}”`,
  increaseWrong: (x: string, basis: string, p: string, d: string, text: string) =>
    d ? `${x}，比${basis}的${p}降低${d}，与目标“${text}”方向不符` : `${x}，与${basis}的${p}持平，未体现目标“${text}”`,
  decreaseMet: (x: string, basis: string, p: string, d: string, text: string) =>
    `${x}，比${basis}的${p}下降${d}，符合目标“${text}”`,
  decreaseWrong: (x: string, basis: string, p: string, d: string, text: string) =>
    d ? `${x}，比${basis}的${p}上升${d}，与目标“${text}”方向不符` : `${x}，与${basis}的${p}持平，未体现目标“${text}”`,
  stableMet: (x: string, basis: string, p: string, text: string) =>
    `${x}，与${basis}的${p}相比保持稳定，符合目标“${text}”`,
  stableWrong: (x: string, basis: string, p: string, limit: string, text: string) =>
    `${x}，与${basis}的${p}相比变化超过${limit}，未体现目标“${text}”`,
  slowingMet: (from: number, to: number, rises: string, text: string) =>
    `${from}—${to}年逐年变化为 ${rises}，上升趋势减缓，符合目标“${text}”`,
  slowingWrong: (from: number, to: number, rises: string, text: string) =>
    `${from}—${to}年逐年变化为 ${rises}，增幅未逐年减小，与目标“${text}”不符`,
} as const;

export const QUALITATIVE_LABELS = {
  mechanism: { done: '已建立', in_progress: '推进中', not_done: '未建立' },
  progress: { done: '已实现', in_progress: '推进中', not_done: '未实现' },
} as const;

export const QUALITATIVE_MSG = {
  met: (label: string, text: string) => `${label}，达到目标“${text}”`,
  inProgress: (label: string, text: string) => `${label}，尚未达到目标“${text}”`,
  notMet: (label: string, text: string) => `${label}，未达到目标“${text}”`,
  unanswered: (a: string, b: string, c: string) => `尚未评估，请选择“${a}”“${b}”或“${c}”`,
} as const;

/**
 * Change words: 上升/下降 for an indicator that should fall or has no direction (死亡率, 患病率, 性别比),
 * 提高/降低 for one that should rise.
 */
export const CHANGE_VERB = { higher: { up: '提高', down: '降低' }, other: { up: '上升', down: '下降' } } as const;

export const VOLATILITY_MSG = {
  /** d: the difference of the figures as shown, with its unit (个百分点, 个十万分点 …); pct: the relative change */
  changed: (verb: string, d: string, pct: string) => `；比上年${verb}${d}（相对变化${pct}%），波动较大，请核实`,
  fromZero: (x: string) => `；上年为0，本年为${x}，波动较大，请核实`,
} as const;

export const AGGREGATION_MSG = {
  wrongYear: (region: string, year: number, expected: number) =>
    `乡镇 ${region} 的报表年份为${year}年，与汇总年份${expected}年不符`,
  wrongPlan: (region: string, plan: string, expected: string) =>
    `乡镇 ${region} 的报表属于规划 ${plan}，与汇总规划 ${expected} 不符`,
  duplicateChild: (region: string) => `乡镇 ${region} 的报表重复出现`,
  ownWrongYear: (year: number, expected: number) => `县级自填报表的年份为${year}年，与汇总年份${expected}年不符`,
  ownWrongRegion: (region: string, expected: string) => `县级自填报表的区划代码 ${region} 与汇总区划 ${expected} 不符`,
  allNoData: '各乡镇均标记为无数据',
  departmentWrongYear: (department: string, year: number, expected: number) =>
    `${department}部门报表的年份为${year}年，与汇总年份${expected}年不符`,
} as const;

/** A merged return's ratio pooled over the units that have both its numerator and its denominator. */
export interface PoolCoverage {
  units: number;
  of: number;
  unitLevel: 'township' | 'county';
  missing: readonly string[];
}
const POOL_NOUN = { township: '乡镇', county: '县（区）' } as const;
export const POOL_MSG = {
  noun: (level: 'township' | 'county') => POOL_NOUN[level],
  /** 由2个乡镇（共4个）汇总计算；缺少：丙乡、丁镇 */
  coverage: (c: PoolCoverage) =>
    `由${c.units}个${POOL_NOUN[c.unitLevel]}（共${c.of}个）汇总计算${c.missing.length > 0 ? `；缺少：${c.missing.join('、')}` : ''}`,
  /** no unit has both cells */
  notPooled: (level: 'township' | 'county', missing: readonly string[]) =>
    `没有一个${POOL_NOUN[level]}同时填报了分子和分母${missing.length > 0 ? `（缺少：${missing.join('、')}）` : ''}，无法汇总计算`,
} as const;
