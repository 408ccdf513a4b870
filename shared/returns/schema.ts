// A return (报表): one region's values for one year under one plan's framework.
import { z } from 'zod';
import { DataItemCodeSchema, IndicatorCodeSchema, SexColumnSchema } from '../framework/schema.ts';

export const RegionCodeSchema = z.string().regex(/^\d{12}$/, '区划代码应为12位数字');
export const YearSchema = z.number().int().min(2000).max(2100);

/**
 * 草稿 draft → 已校验 checked → 已报送 submitted (locked); then the receiving office's decision, imported from its
 * file: 被退回 returned (its annotated copy; editable again, resubmitted as the next version) or 审核通过 accepted
 * (its receipt; locked for good at this office).
 */
export const ReturnStatusSchema = z.enum(['draft', 'checked', 'submitted', 'returned', 'accepted']);
export type ReturnStatus = z.infer<typeof ReturnStatusSchema>;
/** The statuses the user sets on the entry screen; 被退回 and 审核通过 come only from the office's files. */
export const SettableStatusSchema = z.enum(['draft', 'checked', 'submitted']);
export type SettableStatus = z.infer<typeof SettableStatusSchema>;
/** The entry workflow a status stands for, as a file records it: 被退回 is a 草稿 again, 审核通过 was 已报送. */
export const workflowStatus = (status: ReturnStatus): SettableStatus =>
  status === 'returned' ? 'draft' : status === 'accepted' ? 'submitted' : status;
/** A return that takes no edits and no imported values: 已报送 or 审核通过. */
export const isLockedStatus = (status: ReturnStatus): boolean => status === 'submitted' || status === 'accepted';

/** Key of one cell: data item code + sex column, e.g. "HD01.total". */
/**
 * The level the rule engine works at for a return: a city's own (merged) return is judged like a county's — every
 * indicator at its judge level, county-collected items included.
 */
export const engineLevel = (level: 'township' | 'county' | 'city'): 'township' | 'county' =>
  level === 'city' ? 'county' : level;

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
  noData: z
    .object({ reason: z.string().max(200) })
    .nullable()
    .default(null),
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

/**
 * A ratio of a merged (county or city) return, pooled over the children that have a usable value in both its
 * numerator and its denominator cell; the children lacking either are left out of both sums. The item sums of
 * the return stay true sums of what was reported; only the ratio uses the matched population.
 */
export const PooledRatioSchema = z
  .object({
    /** the cells the pair stands for ("CD01.female" over "CD01.total"): used only for an indicator over the same cells */
    numeratorCell: z.string().min(3).max(40),
    denominatorCell: z.string().min(3).max(40),
    /** the sums over the units that have both cells; null when no unit has both */
    numerator: z.number().finite().nullable(),
    denominator: z.number().finite().nullable(),
    /** pooled from `units` of the `of` children merged */
    units: z.number().int().nonnegative(),
    of: z.number().int().nonnegative(),
    /** what a unit is: the townships of a county, the counties of a city */
    unitLevel: z.enum(['township', 'county']),
    /** the children left out (lacking the numerator or the denominator), in the children's order */
    missingIn: z.array(z.object({ code: z.string().max(20), name: z.string().max(100) })),
  })
  .refine((p) => (p.numerator === null) === (p.denominator === null) && p.units <= p.of, {
    message: '汇总比率的分子、分母须同时有值，参与汇总的单位数不能超过下级单位数',
  });
export type PooledRatio = z.infer<typeof PooledRatioSchema>;

/** The data of one return as the rule engine sees it. */
export const ReturnDataSchema = z.object({
  planId: z.string(),
  frameworkVersion: z.number().int().positive(),
  regionCode: RegionCodeSchema,
  /** the level the return is made at: a township return, a county or a city (merged) return */
  level: z.enum(['township', 'county', 'city']),
  year: YearSchema,
  cells: z.array(CellSchema),
  qualitative: z.array(QualitativeAnswerSchema),
  /** thresholds the office fills in for targets set outside the plan (达到上级要求), by target id */
  externalThresholds: z.record(z.string(), z.number().finite()),
  /** a merged return's ratios, pooled over matched units, by indicator code (absent on an entered return) */
  pooledRatios: z.record(IndicatorCodeSchema, PooledRatioSchema).optional(),
});
export type ReturnData = z.infer<typeof ReturnDataSchema>;
