import { z } from 'zod';
import { endpoint } from './define.ts';
import { endpointSummary as SUMMARY } from '../messages/endpoints.ts';
import { HeadlineSchema, TargetCountsSchema } from './returns-contract.ts';
import { RegionCodeSchema, YearSchema } from '../returns/schema.ts';
import { EvaluationKindSchema, ProgressCountsSchema } from '../report/evaluation-model.ts';

export { EvaluationKindSchema, type EvaluationKind, type ProgressCounts } from '../report/evaluation-model.ts';

/** A printable document: a complete HTML page (inline CSS and SVG) and the paper orientation it needs. */
export const PrintableSchema = z.object({
  returnId: z.number().int(),
  title: z.string(),
  html: z.string(),
  landscape: z.boolean(),
});
export type Printable = z.infer<typeof PrintableSchema>;

export const ReportSummarySchema = TargetCountsSchema.extend({
  /** targets flagged 波动较大 */
  volatile: z.number().int(),
  /** townships with a return for the year (a county's report), else 0 */
  townshipReturns: z.number().int(),
});
export type ReportSummary = z.infer<typeof ReportSummarySchema>;

/** The 中期评估 / 终期评估 report: the year evaluated (and why), its headline counts and the 序时进度 counts. */
export const EvaluationReportSchema = PrintableSchema.extend({
  kind: EvaluationKindSchema,
  /** the year evaluated */
  year: z.number().int(),
  /** the plan's mid or end year */
  nominalYear: z.number().int(),
  /** nominal: the mid/end year itself; latest: the latest year with a return before it; chosen: the user's */
  yearChoice: z.enum(['nominal', 'latest', 'chosen']),
  /** the years with a return up to the evaluation year, base year included */
  years: z.array(z.number().int()),
  summary: ReportSummarySchema,
  progress: ProgressCountsSchema,
  /** measured targets 提前实现 / 基本实现 / 滞后于序时进度 / 与目标仍有差距 */
  lists: z.object({
    early: z.number().int(),
    basic: z.number().int(),
    behind: z.number().int(),
    notMet: z.number().int(),
  }),
});
export type EvaluationReport = z.infer<typeof EvaluationReportSchema>;

/** Which return: a region and year, under the profile's plan unless one is named. */
const Where = z.object({ regionCode: RegionCodeSchema, year: YearSchema, planId: z.string().min(1).optional() });

/** The fonts a report's CSS names (shared/report/html.ts FontSetup). The CLI passes the subset of an installed CJK
 * font it embedded (electron/fonts/embed-fonts.ts) so the HTML prints the same anywhere; default: system fonts. */
const FontSetupSchema = z.object({ sans: z.string(), serif: z.string(), faces: z.string() });

export const reportContract = {
  'report:return-form': endpoint(
    Where.extend({ withPrevious: z.boolean().default(true) }),
    PrintableSchema,
    SUMMARY['report:return-form'],
  ),
  'report:annual': endpoint(
    Where.extend({ fonts: FontSetupSchema.optional() }),
    PrintableSchema.extend({ summary: ReportSummarySchema, headline: HeadlineSchema }),
    SUMMARY['report:annual'],
  ),
  'report:evaluation': endpoint(
    Where.extend({ kind: EvaluationKindSchema, year: YearSchema.optional(), fonts: FontSetupSchema.optional() }),
    EvaluationReportSchema.extend({ headline: HeadlineSchema }),
    SUMMARY['report:evaluation'],
  ),
};
