// Open data: a region's (and its townships') returns over several years as a long CSV / JSON table or as DHIS2
// dataValueSets / ADX; the long table and dataValueSets read back as returns (validated like an Excel import: every
// problem by row and field, nothing written on an error, a backup and one transaction); the DHIS2 mapping.
import { z } from 'zod';
import { endpoint } from './define.ts';
import { ExcelFileSchema, ImportProblemSchema } from './excel-contract.ts';
import { MAX_IMPORT_BASE64_CHARS } from './limits.ts';
import { RegionCodeSchema, YearSchema } from '../returns/schema.ts';
import { DatabaseFilterSchema } from '../open-data/database.ts';
import { LongRowSchema } from '../open-data/long-format.ts';
import { TargetStatusSchema } from '../rules/result.ts';

export const OpenDataFormatSchema = z.enum(['csv', 'json', 'dhis2-json', 'adx']);
export type OpenDataFormat = z.infer<typeof OpenDataFormatSchema>;

export const OpenDataExportSchema = ExcelFileSchema.extend({
  /** rows (long format) or data values (DHIS2) written */
  rows: z.number().int(),
  returns: z.number().int(),
  /** what the file leaves out, e.g. 无数据 cells in ADX */
  notes: z.array(z.string()),
});
export type OpenDataExport = z.infer<typeof OpenDataExportSchema>;

export const OpenDataReturnSchema = z.object({
  regionCode: RegionCodeSchema,
  regionName: z.string(),
  year: YearSchema,
  planId: z.string(),
  level: z.enum(['township', 'county', 'city']),
  cells: z.number().int(),
  qualitative: z.number().int(),
  thresholds: z.number().int(),
});

export const OpenDataReportSchema = z.object({
  fileName: z.string(),
  /** which kind of file it turned out to be, null when unreadable */
  format: z.enum(['long-csv', 'long-json', 'dhis2-json', 'adx']).nullable(),
  readable: z.boolean(),
  verdict: z.string(),
  problems: z.array(ImportProblemSchema),
  counts: z.object({ errors: z.number().int(), warnings: z.number().int(), infos: z.number().int() }),
  needsConfirmation: z.boolean(),
  returns: z.array(OpenDataReturnSchema),
  written: z.boolean(),
});
export type OpenDataReport = z.infer<typeof OpenDataReportSchema>;

/** At most this many 指标评估 rows travel to the page; the count says how many matched. */
export const DATABASE_MAX_ROWS = 2000;

const PivotCellSchema = z.object({
  value: z.number().nullable(),
  verdict: TargetStatusSchema.nullable(),
  alert: z.boolean(),
});

export const DatabaseViewSchema = z.object({
  regionName: z.string(),
  planName: z.string(),
  /** the office's own unit and its units, for the unit filter */
  units: z.array(z.object({ code: RegionCodeSchema, name: z.string(), level: z.string() })),
  /** the years with a return in the database */
  years: z.array(YearSchema),
  /** the matching 指标评估 rows (unit × year × indicator target), at most DATABASE_MAX_ROWS */
  rows: z.array(LongRowSchema),
  /** how many 指标评估 rows and data-item values match the filter */
  total: z.number().int(),
  itemValues: z.number().int(),
  returns: z.number().int(),
  /** indicators among the matching rows, for the pivot's chooser */
  indicators: z.array(z.object({ code: z.string(), name: z.string() })),
  pivot: z
    .object({
      code: z.string(),
      name: z.string(),
      unit: z.string(),
      years: z.array(YearSchema),
      units: z.array(z.object({ code: z.string(), name: z.string(), cells: z.array(PivotCellSchema.nullable()) })),
    })
    .nullable(),
});
export type DatabaseView = z.infer<typeof DatabaseViewSchema>;

const UploadSchema = z.object({
  fileName: z.string().min(1).max(255),
  bytesBase64: z.string().max(MAX_IMPORT_BASE64_CHARS),
});

export const openDataContract = {
  'open-data:export': endpoint(
    z.object({
      regionCode: RegionCodeSchema,
      withChildren: z.boolean().default(false),
      fromYear: YearSchema,
      toYear: YearSchema,
      format: OpenDataFormatSchema,
      planId: z.string().min(1).optional(),
      /** the database page's filter: the file holds exactly the rows it shows (years inside fromYear–toYear) */
      filter: DatabaseFilterSchema.optional(),
    }),
    OpenDataExportSchema,
    '导出一个单位（可含下辖乡镇）多个年度的数据：长表 CSV、JSON、DHIS2 dataValueSets 或 ADX',
  ),
  'open-data:database': endpoint(
    z.object({
      regionCode: RegionCodeSchema.optional(),
      planId: z.string().min(1).optional(),
      filter: DatabaseFilterSchema,
      pivot: z.string().max(40).nullable().default(null),
      /** rows sent back (the page: DATABASE_MAX_ROWS; wdp data: all) */
      maxRows: z.number().int().min(1).max(1_000_000).default(DATABASE_MAX_ROWS),
    }),
    DatabaseViewSchema,
    '统计数据库：本单位及下辖单位各年度全部指标（按单位、年度、领域、指标、评估结果筛选），及一个指标的年度×单位透视',
  ),
  'open-data:validate': endpoint(
    UploadSchema,
    OpenDataReportSchema,
    '校验一个长表 CSV/JSON、DHIS2 dataValueSets 或 ADX 文件（不写入）',
  ),
  'open-data:import': endpoint(
    UploadSchema.extend({ acceptWarnings: z.boolean().default(false) }),
    OpenDataReportSchema,
    '导入长表 CSV/JSON、DHIS2 dataValueSets 或 ADX：有错误不写入，只有警告时需确认',
  ),
  'open-data:mapping-export': endpoint(
    z.object({ planId: z.string().min(1).optional() }),
    ExcelFileSchema,
    '导出 DHIS2 对应表（未修改的项为默认值）',
  ),
  'open-data:mapping-import': endpoint(
    UploadSchema,
    z.object({ entries: z.number().int(), message: z.string() }),
    '导入修改后的 DHIS2 对应表（校验后保存）',
  ),
};
