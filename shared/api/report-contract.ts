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
  qualitative: z.object({ total: z.number().int(), done: z.number().int(), inProgress: z.number().int(), notDone: z.number().int(), unanswered: z.number().int() }),
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
