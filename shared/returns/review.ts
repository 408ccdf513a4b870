// 退回 (sending a return back): the receiving office's remarks on a received return, per problem cell or overall.
// They travel in an annotated copy of the township's own return (red cells with notes, a 退回意见 sheet). Pure.
import { z } from 'zod';
import { DataItemCodeSchema, SexColumnSchema } from '../framework/schema.ts';

const Text = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `${what}最多${max}个字`)
    .regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f]*$/, `${what}含有不可见的控制字符`);

export const ReviewRemarkSchema = z.object({
  item: DataItemCodeSchema,
  sex: SexColumnSchema,
  /** what the office found (the rule engine's message, or the office's own words) */
  problem: Text(300, '问题说明').default(''),
  /** the office's remark: what to check or correct */
  remark: Text(300, '退回意见').min(1, '请填写退回意见'),
});
export type ReviewRemark = z.infer<typeof ReviewRemarkSchema>;

export const SendBackSchema = z
  .object({
    /** the overall remark (all remarks may be per cell, but one of the two is needed) */
    overall: Text(1000, '总体意见').default(''),
    remarks: z.array(ReviewRemarkSchema).max(500, '退回意见最多500条'),
  })
  .refine((r) => r.overall !== '' || r.remarks.length > 0, {
    message: '请填写退回原因：总体意见或至少一条单元格意见',
    path: ['overall'],
  });
export type SendBack = z.infer<typeof SendBackSchema>;

/** The canonical text of a review, for the checksum the annotated copy carries (any edit to a remark shows). */
export function canonicalReview(r: {
  office: string;
  reviewedAt: string;
  reviewOf: string;
  overall: string;
  remarks: readonly { item: string; sex: string; problem: string; remark: string }[];
}): string {
  return [
    `office=${r.office}`,
    `at=${r.reviewedAt}`,
    `of=${r.reviewOf}`,
    `overall=${r.overall}`,
    ...r.remarks.map((m) => `remark:${m.item}.${m.sex}|${m.problem}|${m.remark}`),
  ].join('\n');
}

/** A remark as a township's return holds it, shown at its cell (item '' is the overall remark). */
export const ReturnRemarkSchema = z.object({
  item: z.string(),
  sex: z.string(),
  location: z.string(),
  problem: z.string(),
  remark: z.string(),
  office: z.string(),
  at: z.string(),
  /** the cell changed since the return was sent back */
  fixed: z.boolean(),
});
export type ReturnRemark = z.infer<typeof ReturnRemarkSchema>;
