import { z } from 'zod';
import { endpoint } from './define.ts';
import { RegionCodeSchema, YearSchema } from '../returns/schema.ts';

/** A printable document: a complete HTML page (inline CSS and SVG) and the paper orientation it needs. */
export const PrintableSchema = z.object({
  returnId: z.number().int(),
  title: z.string(),
  html: z.string(),
  landscape: z.boolean(),
});
export type Printable = z.infer<typeof PrintableSchema>;

export const ReportSummarySchema = z.object({
  /** targets judged at this level (达标 + 未达标 + 预警 + 无数据) */
  monitored: z.number().int(),
  met: z.number().int(),
  notMet: z.number().int(),
  atRisk: z.number().int(),
  noData: z.number().int(),
  volatile: z.number().int(),
  /** 达标率 in %, null when nothing is monitored */
  rate: z.number().nullable(),
  /** townships with a return for the year (a county's report), else 0 */
  townshipReturns: z.number().int(),
});
export type ReportSummary = z.infer<typeof ReportSummarySchema>;

/** Which return: a region and year, under the profile's plan unless one is named. */
const Where = z.object({ regionCode: RegionCodeSchema, year: YearSchema, planId: z.string().min(1).optional() });

export const reportContract = {
  'report:return-form': endpoint(
    Where.extend({ withPrevious: z.boolean().default(true) }),
    PrintableSchema,
    '生成一张报表的打印页（A4，表头、签章栏和说明）',
  ),
  'report:annual': endpoint(Where, PrintableSchema.extend({ summary: ReportSummarySchema }), '生成年度监测报告（A4，含图表）'),
};
