// 退回 (sending a return back): the receiving office's remarks on a received return, per problem cell or overall.
// They travel in an annotated copy of the township's own return (red cells with notes, a 退回意见 sheet). Pure.
import { z } from 'zod';
import { DataItemCodeSchema, SexColumnSchema } from '../framework/schema.ts';
import { fields as F } from '../messages/fields.ts';

const Text = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, F.textTooLong(what, max))
    .regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f]*$/, F.controlChars(what));

export const ReviewRemarkSchema = z.object({
  item: DataItemCodeSchema,
  sex: SexColumnSchema,
  /** what the office found (the rule engine's message, or the office's own words) */
  problem: Text(300, F.review.problem).default(''),
  /** the office's remark: what to check or correct */
  remark: Text(300, F.review.remark).min(1, F.remarkRequired),
});
export type ReviewRemark = z.infer<typeof ReviewRemarkSchema>;

export const SendBackSchema = z
  .object({
    /** the overall remark (all remarks may be per cell, but one of the two is needed) */
    overall: Text(1000, F.review.overall).default(''),
    remarks: z.array(ReviewRemarkSchema).max(500, F.tooManyRemarks),
  })
  .refine((r) => r.overall !== '' || r.remarks.length > 0, {
    message: F.sendBackEmpty,
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
