// Open data: a region's (and its townships') returns over several years as a long CSV / JSON table or as DHIS2
// dataValueSets / ADX; the long table and dataValueSets read back as returns (validated like an Excel import: every
// problem by row and field, nothing written on an error, a backup and one transaction); the DHIS2 mapping.
import { z } from 'zod';
import { endpoint } from './define.ts';
import { ExcelFileSchema, ImportProblemSchema, MAX_IMPORT_BYTES } from './excel-contract.ts';
import { RegionCodeSchema, YearSchema } from '../returns/schema.ts';

const MAX_BASE64_CHARS = Math.ceil((MAX_IMPORT_BYTES * 2 * 4) / 3) + 16;

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
export type OpenDataReturn = z.infer<typeof OpenDataReturnSchema>;

export const OpenDataReportSchema = z.object({
  fileName: z.string(),
  /** which kind of file it turned out to be, null when unreadable */
  format: z.enum(['long-csv', 'long-json', 'dhis2-json']).nullable(),
  readable: z.boolean(),
  verdict: z.string(),
  problems: z.array(ImportProblemSchema),
  counts: z.object({ errors: z.number().int(), warnings: z.number().int(), infos: z.number().int() }),
  needsConfirmation: z.boolean(),
  returns: z.array(OpenDataReturnSchema),
  written: z.boolean(),
});
export type OpenDataReport = z.infer<typeof OpenDataReportSchema>;

const UploadSchema = z.object({ fileName: z.string().min(1).max(255), bytesBase64: z.string().max(MAX_BASE64_CHARS) });

export const openDataContract = {
  'open-data:export': endpoint(
    z.object({
      regionCode: RegionCodeSchema, withChildren: z.boolean().default(false), fromYear: YearSchema, toYear: YearSchema,
      format: OpenDataFormatSchema, planId: z.string().min(1).optional(),
    }),
    OpenDataExportSchema,
    '导出一个单位（可含下辖乡镇）多个年度的数据：长表 CSV、JSON、DHIS2 dataValueSets 或 ADX',
  ),
  'open-data:validate': endpoint(UploadSchema, OpenDataReportSchema, '校验一个长表 CSV/JSON 或 DHIS2 dataValueSets 文件（不写入）'),
  'open-data:import': endpoint(
    UploadSchema.extend({ acceptWarnings: z.boolean().default(false) }),
    OpenDataReportSchema,
    '导入长表 CSV/JSON 或 DHIS2 dataValueSets：有错误不写入，只有警告时需确认',
  ),
  'open-data:mapping-export': endpoint(z.object({ planId: z.string().min(1).optional() }), ExcelFileSchema, '导出 DHIS2 对应表（未修改的项为默认值）'),
  'open-data:mapping-import': endpoint(UploadSchema, z.object({ entries: z.number().int(), message: z.string() }), '导入修改后的 DHIS2 对应表（校验后保存）'),
};
