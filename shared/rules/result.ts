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
  coverage: z.object({
    units: z.number().int(), of: z.number().int(), unitLevel: z.enum(['township', 'county']), missing: z.array(z.string()),
  }).nullable().default(null),
});
export type IndicatorValue = z.infer<typeof IndicatorValueSchema>;

/** 达标, 未达标, 预警, 无数据, 不适用, 仅供参考 */
export const TargetStatusSchema = z.enum(['met', 'not_met', 'at_risk', 'no_data', 'not_applicable', 'reference']);
export type TargetStatus = z.infer<typeof TargetStatusSchema>;

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
  /** the value moved more than the volatility threshold against last year (波动较大) */
  volatile: z.boolean(),
});
export type TargetResult = z.infer<typeof TargetResultSchema>;

export const AreaSummarySchema = z.object({
  area: AreaCodeSchema,
  cellsTotal: z.number().int(),
  cellsFilled: z.number().int(),
  errors: z.number().int(),
  warnings: z.number().int(),
  met: z.number().int(),
  notMet: z.number().int(),
  atRisk: z.number().int(),
  noData: z.number().int(),
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
