// Excel returns: export a return or a blank template as a styled .xlsx; validate and import .xlsx/.xls/.csv files.
// Files cross the boundary as base64 (the renderer never touches the file system).
import { z } from 'zod';
import { endpoint } from './define.ts';
import { MAX_IMPORT_BASE64_CHARS } from './limits.ts';
import { RegionCodeSchema, YearSchema } from '../returns/schema.ts';
import { AreaSummarySchema, TargetStatusSchema } from '../rules/result.ts';

export const ProblemSeveritySchema = z.enum(['error', 'warning', 'info']);
export type ProblemSeverity = z.infer<typeof ProblemSeveritySchema>;

/** One problem an import found: in a cell (健康!E12), a sheet, or the file as a whole. */
export const ImportProblemSchema = z.object({
  severity: ProblemSeveritySchema,
  /** stable machine code, e.g. not_a_number, female_exceeds_total, zip_bomb */
  code: z.string(),
  /** the sheet as named in the file, or null for the file as a whole */
  sheet: z.string().nullable(),
  /** A1 address within the sheet, or null */
  cell: z.string().nullable(),
  /** what to show: 健康!E12, 健康, or the file name */
  location: z.string(),
  /** the data item, indicator or target code concerned, if any */
  item: z.string().nullable(),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof ImportProblemSchema>;

export const ReturnIdentitySchema = z.object({
  planId: z.string(),
  planName: z.string(),
  frameworkVersion: z.number().int(),
  regionCode: RegionCodeSchema,
  regionName: z.string(),
  level: z.enum(['township', 'county', 'city']),
  year: YearSchema,
  /** metadata: from the hidden 元数据 sheet; header: from the header block (the metadata was lost) */
  source: z.enum(['metadata', 'header']),
  /** return: exported from the app; template: a blank template filled in Excel/WPS; unknown: no metadata */
  kind: z.enum(['return', 'template', 'unknown']),
});
export type ReturnIdentity = z.infer<typeof ReturnIdentitySchema>;

export const ImportReportSchema = z.object({
  fileName: z.string(),
  /** false: the file could not be read at all (not a spreadsheet, too large, corrupt …) */
  readable: z.boolean(),
  /** one Chinese sentence naming the file: what happened */
  verdict: z.string(),
  identity: ReturnIdentitySchema.nullable(),
  problems: z.array(ImportProblemSchema),
  counts: z.object({ errors: z.number().int(), warnings: z.number().int(), infos: z.number().int() }),
  /** no errors but warnings: writing needs the user's confirmation */
  needsConfirmation: z.boolean(),
  /** the rule engine's totals for the imported values */
  summary: AreaSummarySchema.omit({ area: true }).nullable(),
  /** target status per indicator, as the rule engine judged the imported values */
  targets: z.array(
    z.object({
      targetId: z.string(),
      indicator: z.string(),
      name: z.string(),
      status: TargetStatusSchema,
      message: z.string(),
    }),
  ),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;

export const ExcelFileSchema = z.object({ fileName: z.string(), bytesBase64: z.string() });

const UploadSchema = z.object({
  fileName: z.string().min(1).max(255),
  bytesBase64: z.string().max(MAX_IMPORT_BASE64_CHARS),
});

export const ImportResultSchema = ImportReportSchema.extend({
  written: z.boolean(),
  returnId: z.number().int().nullable(),
});
export type ImportResult = z.infer<typeof ImportResultSchema>;

export const excelContract = {
  'excel:export-return': endpoint(
    z.object({ returnId: z.number().int().positive() }),
    ExcelFileSchema,
    '把一张报表导出为 Excel 统计报表（含校验结果页）',
  ),
  'excel:template': endpoint(
    z.object({ regionCode: RegionCodeSchema, year: YearSchema, planId: z.string().min(1).optional() }),
    ExcelFileSchema,
    '导出一个单位某年度的空白 Excel 模板（默认本机的规划）',
  ),
  'excel:validate': endpoint(UploadSchema, ImportReportSchema, '校验一个 Excel/CSV 报表文件（不写入）'),
  'excel:import': endpoint(
    UploadSchema.extend({ acceptWarnings: z.boolean().default(false) }),
    ImportResultSchema,
    '导入一个 Excel/CSV 报表文件：有错误不写入，只有警告时需确认（acceptWarnings）',
  ),
};
