// The hidden metadata sheet: machine-readable facts about an exported return or template (plan, version, region,
// year, app version, checksum). Written by write-meta-sheet.ts, read by identify.ts.
import { z } from 'zod';
import pkg from '../../package.json' with { type: 'json' };

export const APP_VERSION: string = pkg.version;
export const META_FORMAT = 'wdp-return';
export const META_FORMAT_VERSION = 1;

/** Key order as written; the reader finds keys by name. */
export const META_KEYS = [
  'format',
  'formatVersion',
  'kind',
  'planId',
  'planName',
  'frameworkVersion',
  'regionCode',
  'regionName',
  'level',
  'year',
  'appVersion',
  'regionVintage',
  'exportedAt',
  'checksum',
  'status',
  'department',
  'reviewOffice',
  'reviewOfficeName',
  'reviewedAt',
  'reviewOf',
  'reviewChecksum',
] as const;

export const WorkbookMetaSchema = z.object({
  format: z.literal(META_FORMAT),
  formatVersion: z.coerce.number().int().positive(),
  kind: z.enum(['return', 'template']),
  planId: z.string().regex(/^[a-z]+$/),
  planName: z.string(),
  frameworkVersion: z.coerce.number().int().positive(),
  regionCode: z.string().regex(/^\d{12}$/),
  regionName: z.string(),
  level: z.enum(['township', 'county', 'city']),
  year: z.coerce.number().int().min(2000).max(2100),
  appVersion: z.string(),
  regionVintage: z.coerce.number().int().optional(),
  exportedAt: z.string(),
  checksum: z.string().regex(/^[0-9a-f]{64}$/),
  /** the return's status when exported (a county's merge counts drafts apart); '' or absent in older files */
  status: z.union([z.enum(['draft', 'checked', 'submitted']), z.literal('')]).optional(),
  /** a county department's return (卫健, 教育 …): it covers that department's items only; '' otherwise */
  department: z.string().optional(),
  /** an annotated copy sent back (退回): the office, when, the values checksum of the version it reviewed, and the checksum of its remarks */
  reviewOffice: z.union([z.string().regex(/^\d{12}$/), z.literal('')]).optional(),
  reviewOfficeName: z.string().max(100).optional(),
  reviewedAt: z.string().max(40).optional(),
  reviewOf: z.union([z.string().regex(/^[0-9a-f]{64}$/), z.literal('')]).optional(),
  reviewChecksum: z.union([z.string().regex(/^[0-9a-f]{64}$/), z.literal('')]).optional(),
});
export type WorkbookMeta = z.infer<typeof WorkbookMetaSchema>;
