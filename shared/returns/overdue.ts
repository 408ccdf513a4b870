// 催报 (chasing the late): the units that have not reported for a year — no return, a draft, or a version sent back
// and not yet resubmitted — with whom to call (the footer of their latest return received) and how late they are
// against the deadline the office set. Pure.
import { z } from 'zod';

export const DeadlineSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '截止日期应为 YYYY-MM-DD，例如 2025-01-31')
  .refine((s) => { const d = new Date(`${s}T00:00:00Z`); return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s); }, '截止日期不是有效的日期');

export const OverdueRowSchema = z.object({
  code: z.string(),
  name: z.string(),
  /** missing: nothing received; draft: only a draft; returned: the version in use was sent back (退回) */
  state: z.enum(['missing', 'draft', 'returned']),
  /** the footer of the unit's latest return this office received (any year), null when none */
  contact: z.object({
    head: z.string(), statistician: z.string(), filler: z.string(), phone: z.string(), year: z.number().int(), fileName: z.string(),
  }).nullable(),
});
export type OverdueRow = z.infer<typeof OverdueRowSchema>;

export const OverdueSchema = z.object({
  office: z.object({ code: z.string(), name: z.string() }),
  year: z.number().int(),
  /** the deadline the office set for the year, YYYY-MM-DD, or null */
  deadline: z.string().nullable(),
  /** the day the list is for (today), YYYY-MM-DD */
  asOf: z.string(),
  /** days past the deadline (0 on or before it, or without one) */
  daysLate: z.number().int(),
  total: z.number().int(),
  rows: z.array(OverdueRowSchema),
});
export type Overdue = z.infer<typeof OverdueSchema>;

/** Whole days from the deadline to the day (0 when not past it). */
export function daysPast(deadline: string | null, asOf: string): number {
  if (!deadline) return 0;
  const days = Math.round((Date.parse(`${asOf}T00:00:00Z`) - Date.parse(`${deadline}T00:00:00Z`)) / 86_400_000);
  return Math.max(0, days);
}
