// 催报 (chasing the late): the units that have not reported for a year — no return, a draft, or a version sent back
// and not yet resubmitted — with whom to call (the footer of their latest return received) and how late they are
// against the deadline the office set. Pure.
import { z } from 'zod';
import { MESSAGES } from '../messages.ts';
import { footerDateText } from './footer.ts';

export const DeadlineSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '截止日期应为 YYYY-MM-DD，例如 2025-01-31')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, '截止日期不是有效的日期');

export const OverdueRowSchema = z.object({
  /** the township's code; a county department's row carries the office's code and its department */
  code: z.string(),
  /** '' for a township, else the county department (县级部门), which goes through the same journey */
  department: z.string(),
  name: z.string(),
  /** missing: nothing received; draft: only a draft; returned: the version in use was sent back (退回) */
  state: z.enum(['missing', 'draft', 'returned']),
  /** the footer of the unit's latest return this office received (any year), null when none */
  contact: z
    .object({
      head: z.string(),
      statistician: z.string(),
      filler: z.string(),
      phone: z.string(),
      year: z.number().int(),
      fileName: z.string(),
    })
    .nullable(),
  /** the short 催报 text for this unit alone, to copy into a message */
  message: z.string(),
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
  /** the short 催报 text for all the late units at once (e.g. for a group chat); '' when none is late */
  message: z.string(),
});
export type Overdue = z.infer<typeof OverdueSchema>;

/** Whole days from the deadline to the day (0 when not past it). */
export function daysPast(deadline: string | null, asOf: string): number {
  if (!deadline) return 0;
  const days = Math.round((Date.parse(`${asOf}T00:00:00Z`) - Date.parse(`${deadline}T00:00:00Z`)) / 86_400_000);
  return Math.max(0, days);
}

/** Who the office's 催报 text names to call back: the user, and the phone of the office's own return for the year. */
export interface OverdueSender {
  office: string;
  name: string;
  phone: string;
}

/**
 * The short 催报 text to copy into a message: whom it is for, which return, the deadline and what to do by when
 * (请于…前报送 before the deadline, 已逾期 n 天 after it), and whom to call back. One unit's state is named; a list
 * of units is told they have not reported.
 */
export function overdueMessage(
  units: readonly Pick<OverdueRow, 'name' | 'state'>[],
  o: Pick<Overdue, 'year' | 'deadline' | 'daysLate'>,
  sender: OverdueSender,
): string {
  const T = MESSAGES.merge.overdue.message;
  if (units.length === 0) return '';
  const state = units.length === 1 ? T.state[units[0].state] : T.state.missing;
  const deadline = o.deadline ? footerDateText(o.deadline) : null;
  return T.text(
    units.map((u) => u.name),
    o.year,
    state,
    deadline,
    o.daysLate,
    sender.office,
    sender.name,
    sender.phone,
  );
}
