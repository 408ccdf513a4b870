// The 中期评估 / 终期评估 report as data: built by build-evaluation.ts from the rule engine's evaluation of
// each year's return, rendered by render-evaluation.ts. Numbers stay numbers; the renderer formats them.
import { z } from 'zod';
import type { AreaCode } from '../framework/schema.ts';
import type { Progress, TargetStatus } from '../rules/result.ts';
import type { BarChartModel, Counts, RegionInfo, TownshipLine, TrendChartModel } from './model.ts';

/** 序时进度 of the evaluation year's measured targets judged before their target year, as the engine gave them. */
export const ProgressCountsSchema = z.object({
  /** targets with a 序时进度 (judged before their target year) */
  judged: z.number().int(),
  ahead: z.number().int(),
  onTrack: z.number().int(),
  behind: z.number().int(),
  noBase: z.number().int(),
});

export const EvaluationKindSchema = z.enum(['midterm', 'final']);
export type EvaluationKind = z.infer<typeof EvaluationKindSchema>;
export type ProgressCounts = z.infer<typeof ProgressCountsSchema>;

/** Why the evaluation year is what it is. */
export type YearChoice = 'nominal' | 'latest' | 'chosen';

export interface EvaluationRow {
  targetId: string;
  indicator: string;
  indicatorName: string;
  area: AreaCode;
  /** the plan's own words */
  targetText: string;
  /** the year the target is to be reached */
  targetYear: number;
  unit: string;
  decimals: number;
  kind: 'ratio' | 'value' | 'qualitative';
  /** the indicator should rise (提高/降低) rather than fall or stay (上升/下降) */
  higherBetter: boolean;
  /** the base year's value (the 基期 return's evaluation), null without one */
  base: number | null;
  /** every year's value from that year's evaluation, base year excluded, in year order */
  values: { year: number; value: number | null }[];
  /** qualitative targets: each year's choice (已建立 / 推进中 / 未建立), base year excluded */
  choices: { year: number; choice: string | null }[];
  /** the evaluation year's verdict, unchanged */
  status: TargetStatus;
  message: string;
  hardToMeet: boolean;
  volatile: boolean;
  /** the engine's 序时进度 of the evaluation year (null at or after the target year) */
  progress: Progress | null;
  /** 提前实现: met, and the engine judged it 提前实现 (序时进度 'ahead') this year or in a year of the unbroken run of 已实现 before the target year */
  early: boolean;
  /** the first year of the unbroken run of 已实现 that ends in the evaluation year */
  metSince: number | null;
  /** the office's 预警说明 for this target, if any */
  explanation: string | null;
  /** a merged return's ratio pooled over only some units */
  coverage: string | null;
}

export interface EvaluationArea {
  area: AreaCode;
  title: string;
  counts: Counts;
  progress: ProgressCounts;
  rows: EvaluationRow[];
  omitted: number;
  charts: TrendChartModel[];
}

export interface EvaluationTownship extends TownshipLine {
  progress: ProgressCounts | null;
}

export interface EvaluationReportModel {
  kind: 'evaluation-report';
  evaluation: EvaluationKind;
  title: string;
  /** the title as printed, in two lines: 嘉禾县实施《…》 / 中期评估报告 */
  titleLines: [string, string];
  region: RegionInfo;
  planName: string;
  period: { start: number; end: number };
  baseYear: number;
  /** the plan's mid or end year */
  nominalYear: number;
  /** the year evaluated */
  year: number;
  yearChoice: YearChoice;
  /** the years with a return, base year included, up to the evaluation year */
  years: number[];
  /** the columns of the tables: base year, then each year up to the evaluation year */
  columns: number[];
  /** the evaluation year's return status */
  dataStatus: string;
  generatedOn: string;
  counts: Counts;
  progress: ProgressCounts;
  /** measured rows per group, in the plan's order */
  lists: { early: EvaluationRow[]; basic: EvaluationRow[]; behind: EvaluationRow[]; notMet: EvaluationRow[] };
  areas: EvaluationArea[];
  qualitative: EvaluationRow[];
  townships: { lines: EvaluationTownship[]; charts: BarChartModel[] } | null;
  /** portrait unless the year columns need the width */
  landscape: boolean;
  notes: string[];
}
