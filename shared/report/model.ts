// Data models of the printed return form and the annual monitoring report. Built by pure functions from the
// framework, the stored return and the rule engine's evaluation (build-form.ts, build-report.ts), rendered to
// HTML by render-form.ts and render-report.ts. Numbers stay numbers here; the renderers format them.
import type { AreaCode } from '../framework/schema.ts';
import type { ReturnFooter } from '../returns/footer.ts';
import type { ReturnData, ReturnStatus } from '../returns/schema.ts';
import type { Evaluation, TargetStatus } from '../rules/result.ts';

/** The region a return or report is for. */
export interface RegionInfo {
  code: string;
  name: string;
  /** with its parents, e.g. 湖南省郴州市嘉禾县珠泉镇 */
  fullName: string;
  level: 'township' | 'county' | 'city';
}

/** What the report builders read of a stored return. The contract's ReturnView (shared/api) satisfies it;
 * declared here so the pure report code does not reach up into the wire types. */
export interface ReportedReturn {
  summary: { status: ReturnStatus };
  data: ReturnData;
  /** the same region's earlier returns, for 上年 columns and trend targets */
  history: ReturnData[];
  /** explanations of warnings, by warning key */
  explanations: Record<string, string>;
  footer: ReturnFooter;
}

/** A stored return as the services give it: the view and the rule engine's evaluation of it. */
export interface StoredReturn {
  view: ReportedReturn;
  evaluation: Evaluation;
}

// ---------------------------------------------------------------- the return form (统计报表)

export type FormCell =
  | { kind: 'value'; value: number; decimals: number }
  | { kind: 'no_data'; reason: string }
  /** text kept as typed that is no valid number (an error of the return): printed as typed, marked */
  | { kind: 'raw'; text: string }
  | { kind: 'blank' }
  /** the column is not collected for this item (—) */
  | { kind: 'na' };

export interface FormItemRow {
  code: string;
  name: string;
  unit: string;
  /** 合计, 女, 男 of this year */
  current: FormCell[];
  /** 合计, 女, 男 of last year (null when the form has no 上年 columns) */
  previous: FormCell[] | null;
}

export interface FormArea {
  area: AreaCode;
  /** 一、妇女与健康 */
  heading: string;
  rows: FormItemRow[];
}

export interface ReturnFormModel {
  kind: 'return-form';
  title: string;
  landscape: boolean;
  status: string;
  marks: { label: string; value: string }[];
  unitName: string;
  unitCode: string;
  period: string;
  withPrevious: boolean;
  areas: FormArea[];
  /** items a township return does not collect (county-only), counted for a note */
  omittedItems: number;
  footer: { label: string; value: string }[];
  notes: string[];
  noData: string[];
  qualitative: { code: string; name: string; choice: string; note: string }[];
  explanations: { code: string; name: string; message: string; text: string }[];
}

// ---------------------------------------------------------------- the annual monitoring report

export interface Counts {
  /** measured (ratio and value) targets judged at this level: monitored + noData */
  measured: number;
  /** 可监测: measured targets with data */
  monitored: number;
  met: number;
  basicallyMet: number;
  notMet: number;
  noData: number;
  /** measured targets with a 预警 flag (预计完成困难 or 波动较大) */
  alerts: number;
  /** (met + basicallyMet) ÷ monitored in %, null when there is too little data (see rateReason) */
  rate: number | null;
  rateReason: 'none_monitored' | 'too_few' | null;
  /** qualitative (self-assessed) targets, counted apart */
  qualitative: { total: number; done: number; inProgress: number; notDone: number; unanswered: number };
}

export interface ReportRow {
  targetId: string;
  indicator: string;
  indicatorName: string;
  area: AreaCode;
  /** the plan's own words */
  targetText: string;
  unit: string;
  decimals: number;
  kind: 'ratio' | 'value' | 'qualitative';
  /** the rule engine's figures, unchanged */
  status: TargetStatus;
  value: number | null;
  previous: number | null;
  changePercent: number | null;
  volatile: boolean;
  hardToMeet: boolean;
  /** 序时进度 state when judged before the target year */
  progress: 'ahead' | 'on_track' | 'behind' | 'no_base' | null;
  /** the indicator should rise (提高/降低) rather than fall or stay (上升/下降) */
  higherBetter: boolean;
  message: string;
  /** qualitative targets: the chosen progress this year and last year */
  choice: string | null;
  previousChoice: string | null;
  /** the explanation the office entered for a warning */
  explanation: string | null;
  /** a merged return's ratio pooled over only some units: 由2个乡镇（共4个）汇总计算；缺少：丙乡、丁镇 */
  coverage: string | null;
}

export interface TrendChartModel {
  targetId: string;
  indicator: string;
  title: string;
  unit: string;
  decimals: number;
  points: { year: number; value: number | null }[];
  /** a line (at_least/at_most/about/external) or a band (range/balanced) */
  goal: { low: number | null; high: number | null; label: string } | null;
  status: TargetStatus;
  /** the evaluation report's 序时进度 line: the base year's value moved straight to the target in its year */
  progressLine?: { from: { year: number; value: number }; to: { year: number; value: number } } | null;
  /** the engine's projection to the target year (least-squares line of the years entered) */
  projection?: { year: number; value: number; meets: boolean } | null;
}

export interface BarChartModel {
  targetId: string;
  indicator: string;
  title: string;
  unit: string;
  decimals: number;
  bars: { label: string; value: number | null; status: TargetStatus | null }[];
  goal: { low: number | null; high: number | null; label: string } | null;
}

export interface ReportArea {
  area: AreaCode;
  title: string;
  counts: Counts;
  rows: ReportRow[];
  /** targets not listed: not applicable at this level */
  omitted: number;
  charts: TrendChartModel[];
}

export interface TownshipLine {
  code: string;
  name: string;
  /** null when the township has no return for the year */
  status: string | null;
  counts: Counts | null;
}

export interface AnnualReportModel {
  kind: 'annual-report';
  title: string;
  region: RegionInfo;
  year: number;
  planName: string;
  dataStatus: string;
  generatedOn: string;
  counts: Counts;
  volatile: number;
  /** names of the indicators per verdict group, for the overview's lists */
  lists: { basic: string[]; notMet: string[]; behind: string[]; ahead: string[] };
  areas: ReportArea[];
  attention: ReportRow[];
  townships: { lines: TownshipLine[]; charts: BarChartModel[] } | null;
  notes: string[];
}
