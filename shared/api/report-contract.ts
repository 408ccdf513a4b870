import { z } from 'zod';
import { endpoint } from './define.ts';
import { HeadlineSchema } from './returns-contract.ts';
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

export const ReportSummarySchema = z.object({
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
  volatile: z.number().int(),
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
    '生成一张报表的打印页（A4，表头、签章栏和说明）',
  ),
  'report:annual': endpoint(
    Where.extend({ fonts: FontSetupSchema.optional() }),
    PrintableSchema.extend({ summary: ReportSummarySchema, headline: HeadlineSchema }),
    '生成年度监测报告（A4，含图表）',
  ),
  'report:evaluation': endpoint(
    Where.extend({ kind: EvaluationKindSchema, year: YearSchema.optional(), fonts: FontSetupSchema.optional() }),
    EvaluationReportSchema.extend({ headline: HeadlineSchema }),
    '生成中期评估或终期评估报告（评估年度默认为规划中期或末年；A4，含图表）',
  ),
};
