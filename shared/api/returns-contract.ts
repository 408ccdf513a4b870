import { z } from 'zod';
import { endpoint } from './define.ts';
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
    .object({ reason: z.string().trim().min(1, '请填写无数据的原因').max(200) })
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

/** A return's targets as the engine sums them (shared/report/headline.ts headlineOf): the figures every surface shows. */
export const HeadlineSchema = z.object({
  measured: z.number().int(),
  monitored: z.number().int(),
  achieved: z.number().int(),
  met: z.number().int(),
  basicallyMet: z.number().int(),
  notMet: z.number().int(),
  noData: z.number().int(),
  alerts: z.number().int(),
  rate: z.number().nullable(),
  qualitative: z.object({
    total: z.number().int(),
    done: z.number().int(),
    inProgress: z.number().int(),
    notDone: z.number().int(),
    unanswered: z.number().int(),
  }),
  sentences: z.array(z.string()),
});

export const returnsContract = {
  'returns:list': endpoint(
    z.object({ regionCode: RegionCodeSchema.optional() }),
    z.array(ReturnSummarySchema),
    '列出本机的报表',
  ),
  'returns:open': endpoint(
    z.object({ regionCode: RegionCodeSchema, year: YearSchema, prefillFromPreviousYear: z.boolean().default(false) }),
    ReturnViewSchema,
    '打开（没有则新建）一个地区某年的报表',
  ),
  'returns:get': endpoint(ReturnId, ReturnViewSchema, '读取一张报表'),
  'returns:headline': endpoint(
    ReturnId,
    HeadlineSchema,
    '报表的目标监测概况（可监测、已实现或基本实现、达标率），与报告、汇总页相同',
  ),
  'returns:set-cells': endpoint(
    ReturnId.extend({ edits: z.array(CellEditSchema).min(1).max(5000) }),
    EditResult.extend({ previous: z.array(CellEditSchema) }),
    '保存若干单元格（一次操作一个事务），返回原值以便撤销；已校验的报表改回草稿',
  ),
  'returns:confirm-prefilled': endpoint(
    ReturnId,
    z.object({ confirmed: z.number().int(), status: ReturnStatusSchema }),
    '确认沿用的上年数',
  ),
  'returns:set-qualitative': endpoint(
    ReturnId.extend({
      indicator: IndicatorCodeSchema,
      choice: QualitativeChoiceSchema.nullable(),
      note: z.string().max(1000).default(''),
    }),
    EditResult,
    '保存定性目标的进展和说明；已校验的报表改回草稿',
  ),
  'returns:set-threshold': endpoint(
    ReturnId.extend({ targetId: z.string().min(1), value: z.number().finite().nullable() }),
    EditResult,
    '填写上级要求的目标值；已校验的报表改回草稿',
  ),
  'returns:set-explanation': endpoint(
    ReturnId.extend({ key: z.string().min(1), text: z.string().max(500) }),
    z.object({ updatedAt: z.string() }),
    '填写预警说明',
  ),
  'returns:set-footer': endpoint(
    ReturnId.extend({ footer: ReturnFooterSchema }),
    z.object({ footer: ReturnFooterSchema, updatedAt: z.string() }),
    '填写表尾：单位负责人、统计负责人、填表人、联系电话、报出日期（已报送的报表不能修改）',
  ),
  'returns:import-returned': endpoint(
    z.object({ fileName: z.string().min(1).max(255), bytesBase64: z.string().min(1).max(30_000_000) }),
    z.object({ returnId: z.number().int(), remarks: z.number().int(), message: z.string() }),
    '导入县级退回的报表（带退回意见）：报表状态为被退回（可修改，重新报送即为下一版本），意见显示在对应单元格旁',
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
    '导入县级的回执（核对县级签名）：记录县里何时接收（审核通过）或退回本单位的报表；审核通过的报表随即锁定',
  ),
  'returns:set-status': endpoint(
    ReturnId.extend({
      status: SettableStatusSchema,
      /** why a return goes back to 草稿 (required when it was 已报送); audited */
      reason: z.string().trim().max(200).optional(),
    }),
    ReturnSummarySchema,
    '更改报表状态：草稿、已校验、已报送（锁定）；已报送的报表改回草稿须写明原因；被退回、审核通过只由导入县级的退回文件和回执设定，审核通过的报表不能改回',
  ),
  'returns:audit': endpoint(
    ReturnId.extend({ limit: z.number().int().min(1).max(1000).default(200) }),
    z.array(AuditEntrySchema),
    '报表的修改记录',
  ),
};
