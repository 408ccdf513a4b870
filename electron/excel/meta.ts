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

const POSITIVE_INT = /^[1-9]\d{0,8}$/;
const ANY_INT = /^(0|-?[1-9]\d{0,8})$/;
const YEAR = /^2\d{3}$/;
const PLAN_ID = /^[a-z]+$/;
const REGION = /^\d{12}$/;
const SHA = /^[0-9a-f]{64}$/;
const optional = (v: string | undefined, ok: (v: string) => boolean) => v === undefined || ok(v);

/** How often parseWorkbookMeta took the fast check (a test proves the merge's files take it). */
export const metaFastPath = { hits: 0 };

/**
 * The metadata sheet's key/value texts checked as WorkbookMetaSchema checks them. zod's generic parse cost a cold
 * worker about 0.4 ms a file; a sheet our export wrote passes a plain check in a few µs. The check accepts only
 * texts the schema accepts (narrower where that is simpler: digits without signs, blanks or exponents), and builds
 * the same object in the schema's key order; anything else (and every error, for its message) goes through zod.
 */
export function parseWorkbookMeta(raw: Record<string, string>): ReturnType<typeof WorkbookMetaSchema.safeParse> {
  const fast = fastMeta(raw);
  if (fast) {
    metaFastPath.hits++;
    return { success: true, data: fast } as ReturnType<typeof WorkbookMetaSchema.safeParse>;
  }
  return WorkbookMetaSchema.safeParse(raw);
}

function fastMeta(raw: Record<string, string>): WorkbookMeta | null {
  for (const key of META_KEYS) {
    const v = Object.hasOwn(raw, key) ? raw[key] : undefined;
    if (v !== undefined && typeof v !== 'string') return null;
  }
  const r = raw as Partial<Record<(typeof META_KEYS)[number], string>>;
  const year = r.year;
  if (
    r.format !== META_FORMAT ||
    r.formatVersion === undefined ||
    !POSITIVE_INT.test(r.formatVersion) ||
    (r.kind !== 'return' && r.kind !== 'template') ||
    r.planId === undefined ||
    !PLAN_ID.test(r.planId) ||
    r.planName === undefined ||
    r.frameworkVersion === undefined ||
    !POSITIVE_INT.test(r.frameworkVersion) ||
    r.regionCode === undefined ||
    !REGION.test(r.regionCode) ||
    r.regionName === undefined ||
    (r.level !== 'township' && r.level !== 'county' && r.level !== 'city') ||
    year === undefined ||
    !YEAR.test(year) ||
    Number(year) > 2100 ||
    r.appVersion === undefined ||
    !optional(r.regionVintage, (v) => ANY_INT.test(v)) ||
    r.exportedAt === undefined ||
    r.checksum === undefined ||
    !SHA.test(r.checksum) ||
    !optional(r.status, (v) => v === 'draft' || v === 'checked' || v === 'submitted' || v === '') ||
    !optional(r.reviewOffice, (v) => v === '' || REGION.test(v)) ||
    !optional(r.reviewOfficeName, (v) => v.length <= 100) ||
    !optional(r.reviewedAt, (v) => v.length <= 40) ||
    !optional(r.reviewOf, (v) => v === '' || SHA.test(v)) ||
    !optional(r.reviewChecksum, (v) => v === '' || SHA.test(v))
  )
    return null;
  const meta: Record<string, string | number> = {};
  for (const key of META_KEYS) {
    const v = r[key];
    if (v === undefined) continue;
    meta[key] =
      key === 'formatVersion' || key === 'frameworkVersion' || key === 'year' || key === 'regionVintage'
        ? Number(v)
        : v;
  }
  return meta as WorkbookMeta;
}
