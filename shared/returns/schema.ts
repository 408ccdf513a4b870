// A return (报表): one region's values for one year under one plan's framework.
import { z } from 'zod';
import { DataItemCodeSchema, IndicatorCodeSchema, SexColumnSchema } from '../framework/schema.ts';

export const RegionCodeSchema = z.string().regex(/^\d{12}$/, '区划代码应为12位数字');
export const YearSchema = z.number().int().min(2000).max(2100);

/** 草稿 draft → 已校验 checked → 已报送 submitted (locked). */
export const ReturnStatusSchema = z.enum(['draft', 'checked', 'submitted']);
export type ReturnStatus = z.infer<typeof ReturnStatusSchema>;

/** Key of one cell: data item code + sex column, e.g. "HD01.total". */
export const cellKey = (item: string, sex: string) => `${item}.${sex}`;

/** Text typed into a cell that is not a valid number for its item, kept as typed (at most 200 characters). */
export const RawTextSchema = z.string().min(1, '请填写内容').max(200, '填写的内容过长（最多200个字符）');

/**
 * One cell. Missing is not zero: value null with noData set is an explicit 无数据 (with a reason);
 * value null without noData is simply blank (not yet filled). Nothing typed is lost: text that is not a valid
 * number is kept in `raw` (value and noData null) and is an error of the return until it is corrected.
 */
export const CellSchema = z.object({
  item: DataItemCodeSchema,
  sex: SexColumnSchema,
  value: z.number().finite().nullable(),
  noData: z.object({ reason: z.string().max(200) }).nullable().default(null),
  /** the value was carried over from last year and not yet confirmed */
  prefilled: z.boolean().default(false),
  /** the text as typed when it is not a valid number for the item (value and noData are then null) */
  raw: RawTextSchema.nullable().default(null),
});
export type Cell = z.infer<typeof CellSchema>;

export const QualitativeChoiceSchema = z.enum(['done', 'in_progress', 'not_done']);
export type QualitativeChoice = z.infer<typeof QualitativeChoiceSchema>;

export const QualitativeAnswerSchema = z.object({
  indicator: IndicatorCodeSchema,
  choice: QualitativeChoiceSchema.nullable(),
  note: z.string().max(1000).default(''),
});
export type QualitativeAnswer = z.infer<typeof QualitativeAnswerSchema>;

/** The data of one return as the rule engine sees it. */
export const ReturnDataSchema = z.object({
  planId: z.string(),
  frameworkVersion: z.number().int().positive(),
  regionCode: RegionCodeSchema,
  /** the level the return is made at: a township return or a county (merged) return */
  level: z.enum(['township', 'county']),
  year: YearSchema,
  cells: z.array(CellSchema),
  qualitative: z.array(QualitativeAnswerSchema),
  /** thresholds the office fills in for targets set outside the plan (达到上级要求), by target id */
  externalThresholds: z.record(z.string(), z.number().finite()),
});
export type ReturnData = z.infer<typeof ReturnDataSchema>;
