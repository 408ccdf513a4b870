import { z } from 'zod';
import { endpoint } from './define.ts';
import { endpointSummary as SUMMARY } from '../messages/endpoints.ts';
import { fields as F } from '../messages/fields.ts';
import { DataItemCodeSchema, IndicatorCodeSchema, SexColumnSchema } from '../framework/schema.ts';
import { ReturnFooterSchema } from '../returns/footer.ts';
import { ReceiptViewSchema } from '../returns/receipt.ts';
import { ReturnRemarkSchema } from '../returns/review.ts';
import {
  QualitativeChoiceSchema,
  RawTextSchema,
  RegionCodeSchema,
  ReturnDataSchema,
  ReturnStatusSchema,
  SettableStatusSchema,
  YearSchema,
} from '../returns/schema.ts';

export const ReturnSummarySchema = z.object({
  id: z.number().int(),
  planId: z.string(),
  frameworkVersion: z.number().int(),
  regionCode: RegionCodeSchema,
  regionName: z.string(),
  level: z.enum(['township', 'county', 'city']),
  year: YearSchema,
  status: ReturnStatusSchema,
  cellsFilled: z.number().int(),
  prefilledCells: z.number().int(),
  updatedAt: z.string(),
  /** the latest 回执 the receiving office gave for this return, imported here */
  receipt: ReceiptViewSchema.nullable().default(null),
});
export type ReturnSummary = z.infer<typeof ReturnSummarySchema>;

export const ReturnViewSchema = z.object({
  summary: ReturnSummarySchema,
  data: ReturnDataSchema,
  /** the same region's earlier returns, for 上年 columns and trend targets */
  history: z.array(ReturnDataSchema),
  /** explanations of warnings, by warning key (target id or issue key) */
  explanations: z.record(z.string(), z.string()),
  /** the signed footer: 单位负责人, 统计负责人, 填表人, 联系电话, 报出日期 */
  footer: ReturnFooterSchema,
  /** remarks of the office that sent the return back (退回), shown at their cells until fixed */
  remarks: z.array(ReturnRemarkSchema).default([]),
});
export type ReturnView = z.infer<typeof ReturnViewSchema>;

export const CellEditSchema = z.object({
  item: DataItemCodeSchema,
  sex: SexColumnSchema,
  value: z.number().finite().nullable(),
  /** explicit 无数据 with its reason; null clears it */
  noData: z
    .object({ reason: z.string().trim().min(1, F.noDataReasonRequired).max(200) })
    .nullable()
    .default(null),
  /** text typed that is not a valid number for the item, saved as typed (value and noData null); null clears it */
  raw: RawTextSchema.nullable().default(null),
});
export type CellEdit = z.infer<typeof CellEditSchema>;
/** An edit as a caller writes it (noData and raw may be left out). */
export type CellEditInput = z.input<typeof CellEditSchema>;

/** The return's status after an edit: an edit of an 已校验 return puts it back to 草稿 (to be checked again). */
const EditResult = z.object({ updatedAt: z.string(), status: ReturnStatusSchema });

export const AuditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  userName: z.string(),
  field: z.string(),
  oldValue: z.string().nullable(),
  newValue: z.string().nullable(),
});

const ReturnId = z.object({ returnId: z.number().int().positive() });

/**
 * The counts of a return's targets every summary of them gives (the headline, a report's summary): measured, with
 * data (可监测), 已实现 / 基本实现 / 尚有差距, without data, with a 预警 flag, the 达标率, the qualitative ones apart.
 */
export const TargetCountsSchema = z.object({
  /** measured targets judged at this level (可监测 + 无数据) */
  measured: z.number().int(),
  /** 可监测: measured targets with data (已实现 + 基本实现 + 尚有差距) */
  monitored: z.number().int(),
  met: z.number().int(),
  basicallyMet: z.number().int(),
  notMet: z.number().int(),
  noData: z.number().int(),
  /** measured targets with a 预警 flag (预计完成困难 or 波动较大) */
  alerts: z.number().int(),
  /** 达标率 = (已实现 + 基本实现) ÷ 可监测 in %, null when too few targets have data */
  rate: z.number().nullable(),
  /** qualitative targets apart: 已建立 / 推进中 / 未建立 / 未评估 */
  qualitative: z.object({
    total: z.number().int(),
    done: z.number().int(),
    inProgress: z.number().int(),
    notDone: z.number().int(),
    unanswered: z.number().int(),
  }),
});

/** A return's targets as the engine sums them (shared/report/headline.ts headlineOf): the figures every surface shows. */
export const HeadlineSchema = TargetCountsSchema.extend({
  /** 已实现 + 基本实现 */
  achieved: z.number().int(),
  sentences: z.array(z.string()),
});

export const returnsContract = {
  'returns:list': endpoint(
    z.object({ regionCode: RegionCodeSchema.optional() }),
    z.array(ReturnSummarySchema),
    SUMMARY['returns:list'],
  ),
  'returns:open': endpoint(
    z.object({ regionCode: RegionCodeSchema, year: YearSchema, prefillFromPreviousYear: z.boolean().default(false) }),
    ReturnViewSchema,
    SUMMARY['returns:open'],
  ),
  'returns:get': endpoint(ReturnId, ReturnViewSchema, SUMMARY['returns:get']),
  'returns:headline': endpoint(ReturnId, HeadlineSchema, SUMMARY['returns:headline']),
  'returns:set-cells': endpoint(
    ReturnId.extend({ edits: z.array(CellEditSchema).min(1).max(5000) }),
    EditResult.extend({ previous: z.array(CellEditSchema) }),
    SUMMARY['returns:set-cells'],
  ),
  'returns:confirm-prefilled': endpoint(
    ReturnId,
    z.object({ confirmed: z.number().int(), status: ReturnStatusSchema }),
    SUMMARY['returns:confirm-prefilled'],
  ),
  'returns:set-qualitative': endpoint(
    ReturnId.extend({
      indicator: IndicatorCodeSchema,
      choice: QualitativeChoiceSchema.nullable(),
      note: z.string().max(1000).default(''),
    }),
    EditResult,
    SUMMARY['returns:set-qualitative'],
  ),
  'returns:set-threshold': endpoint(
    ReturnId.extend({ targetId: z.string().min(1), value: z.number().finite().nullable() }),
    EditResult,
    SUMMARY['returns:set-threshold'],
  ),
  'returns:set-explanation': endpoint(
    ReturnId.extend({ key: z.string().min(1), text: z.string().max(500) }),
    z.object({ updatedAt: z.string() }),
    SUMMARY['returns:set-explanation'],
  ),
  'returns:set-footer': endpoint(
    ReturnId.extend({ footer: ReturnFooterSchema }),
    z.object({ footer: ReturnFooterSchema, updatedAt: z.string() }),
    SUMMARY['returns:set-footer'],
  ),
  'returns:import-returned': endpoint(
    z.object({ fileName: z.string().min(1).max(255), bytesBase64: z.string().min(1).max(30_000_000) }),
    z.object({ returnId: z.number().int(), remarks: z.number().int(), message: z.string() }),
    SUMMARY['returns:import-returned'],
  ),
  'returns:import-receipt': endpoint(
    z.object({
      fileName: z.string().min(1).max(255),
      bytesBase64: z
        .string()
        .min(1)
        .max(64 * 1024),
    }),
    z.object({ returnId: z.number().int(), message: z.string() }),
    SUMMARY['returns:import-receipt'],
  ),
  'returns:set-status': endpoint(
    ReturnId.extend({
      status: SettableStatusSchema,
      /** why a return goes back to 草稿 (required when it was 已报送); audited */
      reason: z.string().trim().max(200).optional(),
    }),
    ReturnSummarySchema,
    SUMMARY['returns:set-status'],
  ),
  'returns:audit': endpoint(
    ReturnId.extend({ limit: z.number().int().min(1).max(1000).default(200) }),
    z.array(AuditEntrySchema),
    SUMMARY['returns:audit'],
  ),
};
