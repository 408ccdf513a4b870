// What the rule engine says about a return. Crosses IPC, so zod schemas.
import { z } from 'zod';
import { AreaCodeSchema, IndicatorCodeSchema, SexColumnSchema } from '../framework/schema.ts';

export const SeveritySchema = z.enum(['error', 'warning']);
/** A problem with one cell (layer 1 input validity, layer 2 consistency). */
export const CellIssueSchema = z.object({
  severity: SeveritySchema,
  /** stable machine code, e.g. female_exceeds_total */
  code: z.string(),
  item: z.string(),
  sex: SexColumnSchema,
  /** Chinese, says what is wrong and what to do */
  message: z.string(),
});
export type CellIssue = z.infer<typeof CellIssueSchema>;

export const IndicatorValueSchema = z.object({
  code: IndicatorCodeSchema,
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  /** below the framework's judge level or minimum denominator: shown as 仅供参考, not judged */
  referenceOnly: z.boolean(),
  /**
   * a merged return's ratio pooled over only some of its units (those with both numerator and denominator):
   * how many, of how many, and the names of the others; null when pooled over all or not merged
   */
  coverage: z
    .object({
      units: z.number().int(),
      of: z.number().int(),
      unitLevel: z.enum(['township', 'county']),
      missing: z.array(z.string()),
    })
    .nullable()
    .default(null),
});
export type IndicatorValue = z.infer<typeof IndicatorValueSchema>;

/**
 * The verdict on one target, in the words of the national monitoring reports: 已实现 (met), 基本实现
 * (basically_met: short by no more than the stated margin), 与目标仍有差距 (not_met); a qualitative target's
 * 推进中 is in_progress. 无数据, 不适用 and 仅供参考 say why there is no verdict. 预警 is never a verdict: it
 * is a flag beside it (hardToMeet, volatile).
 */
export const TargetStatusSchema = z.enum([
  'met',
  'basically_met',
  'not_met',
  'in_progress',
  'no_data',
  'not_applicable',
  'reference',
]);
export type TargetStatus = z.infer<typeof TargetStatusSchema>;

/**
 * 序时进度 of a target with an end year, judged in an intermediate year: the base year's value moved linearly
 * toward the target. ahead: the final target is already met (提前实现); on_track / behind: against the
 * expected value; no_base: no value for the base year, so no expected value (never invented).
 */
export const ProgressSchema = z.object({
  baseYear: z.number().int(),
  baseValue: z.number().nullable(),
  targetYear: z.number().int(),
  /** the bound the 序时进度 runs toward (the target's value, or the edge of a 左右 band it is judged on) */
  targetValue: z.number(),
  /** the value the elapsed years call for, null without a base value */
  expected: z.number().nullable(),
  state: z.enum(['ahead', 'on_track', 'behind', 'no_base']),
  /** the least-squares line through the years entered (base year included), at the target year; null with fewer than 3 years */
  projected: z.number().nullable(),
  projectedMeets: z.boolean().nullable(),
  /** the first year of the values the projection is drawn through */
  projectedFrom: z.number().int().nullable(),
});
export type Progress = z.infer<typeof ProgressSchema>;

export const TargetResultSchema = z.object({
  targetId: z.string(),
  indicator: IndicatorCodeSchema,
  area: AreaCodeSchema,
  status: TargetStatusSchema,
  /** Chinese: why this status, e.g. 14.3/10万，高于目标12/10万 */
  message: z.string(),
  value: z.number().nullable(),
  previous: z.number().nullable(),
  /** relative change against last year in %, when both exist */
  changePercent: z.number().nullable(),
  /** 预警（波动较大）: the value moved more than the volatility threshold against last year */
  volatile: z.boolean(),
  /** 预警（预计完成困难）: not yet met, and behind 序时进度 or projected to miss the target in its year */
  hardToMeet: z.boolean(),
  /** 序时进度 and projection, for bound targets judged before their target year */
  progress: ProgressSchema.nullable(),
  /** how far the value is from the target in the indicator's unit (positive: short of it), null when met or not numeric */
  gap: z.number().nullable(),
});
export type TargetResult = z.infer<typeof TargetResultSchema>;

/** A 预警 flag stands beside the verdict: 预计完成困难 or 波动较大. Such a target needs the office's explanation. */
export const hasAlert = (t: Pick<TargetResult, 'hardToMeet' | 'volatile'>): boolean => t.hardToMeet || t.volatile;

export const AreaSummarySchema = z.object({
  area: AreaCodeSchema,
  cellsTotal: z.number().int(),
  cellsFilled: z.number().int(),
  errors: z.number().int(),
  warnings: z.number().int(),
  /** measured targets (ratio and value indicators) by verdict; 可监测 = met + basicallyMet + notMet */
  met: z.number().int(),
  basicallyMet: z.number().int(),
  notMet: z.number().int(),
  noData: z.number().int(),
  /** measured targets carrying a 预警 flag (预计完成困难 or 波动较大) */
  alerts: z.number().int(),
  /** qualitative targets (self-assessed), counted apart from the measured ones */
  qualitativeDone: z.number().int(),
  qualitativeInProgress: z.number().int(),
  qualitativeNotDone: z.number().int(),
  qualitativeUnanswered: z.number().int(),
});
export type AreaSummary = z.infer<typeof AreaSummarySchema>;

export const EvaluationSchema = z.object({
  issues: z.array(CellIssueSchema),
  indicators: z.array(IndicatorValueSchema),
  targets: z.array(TargetResultSchema),
  areas: z.array(AreaSummarySchema),
  /** the sum of the area rows */
  total: AreaSummarySchema.omit({ area: true }),
});
export type Evaluation = z.infer<typeof EvaluationSchema>;
