// The hidden metadata sheet: machine-readable facts about an exported return or template (plan, version, region,
// year, app version, checksum). Written by write-meta-sheet.ts, read by identify.ts.
import { z } from 'zod';
import pkg from '../../package.json' with { type: 'json' };

export const APP_VERSION: string = pkg.version;
export const META_FORMAT = 'wdp-return';
export const META_FORMAT_VERSION = 1;

/** Key order as written; the reader finds keys by name. */
export const META_KEYS = [
  'format', 'formatVersion', 'kind', 'planId', 'planName', 'frameworkVersion', 'regionCode', 'regionName', 'level', 'year',
  'appVersion', 'regionVintage', 'exportedAt', 'checksum', 'status', 'department',
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
  level: z.enum(['township', 'county']),
  year: z.coerce.number().int().min(2000).max(2100),
  appVersion: z.string(),
  regionVintage: z.coerce.number().int().optional(),
  exportedAt: z.string(),
  checksum: z.string().regex(/^[0-9a-f]{64}$/),
  /** the return's status when exported (a county's merge counts drafts apart); '' or absent in older files */
  status: z.union([z.enum(['draft', 'checked', 'submitted']), z.literal('')]).optional(),
  /** a county department's return (卫健, 教育 …): it covers that department's items only; '' otherwise */
  department: z.string().optional(),
});
export type WorkbookMeta = z.infer<typeof WorkbookMetaSchema>;
