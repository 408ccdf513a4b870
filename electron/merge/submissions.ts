// Versions of the returns an office receives. Every accepted file is kept as its own version; the current
// one of a supplier and year is the one with the later 报出日期 (the footer's date), then the file made later,
// then the one received later, unless the user chose another. Nothing is overwritten.
import { AppError } from '../../shared/api/envelope.ts';
import { MESSAGES } from '../../shared/messages.ts';
import type { ReturnFooter } from '../../shared/returns/footer.ts';
import type { Cell, PooledRatio, QualitativeAnswer, ReturnData, ReturnStatus } from '../../shared/returns/schema.ts';
import {
  answersOfSubmissions,
  cellsOfSubmissions,
  findByChecksum,
  getSubmission,
  insertSubmission,
  makeCurrent,
  pooledOfSubmissions,
  submissionAnswers,
  submissionCells,
  supplierKey,
  versionsOf,
  type SubmissionRow,
  type SupplierKind,
} from '../db/repos/submissions-repo.ts';
import { isoNow, type AppContext } from '../context/app-context.ts';
import { diffReturns, type ReturnDiff } from './diff.ts';
import type { Office } from './office.ts';

const M = MESSAGES.merge;

/** A return as read from a file, with what the file says about who made it and when. */
export interface IncomingReturn {
  data: ReturnData;
  /** 填报单位 as the file names it */
  supplierName: string;
  /** the department (卫健, 教育 …) of a department return, '' otherwise */
  department: string;
  /** 报出日期 (the footer's date), YYYY-MM-DD, or null when the file has none */
  reportedOn: string | null;
  /** when the file was made: the app's export time, or the saved time of a workbook filled in Excel/WPS */
  madeAt: string | null;
  /** the rest of the footer: who signed, who filled it in and how to reach them */
  footer: Omit<ReturnFooter, 'reportedOn'>;
  /** the checksum of the values read (the same as the sender's own return), when read from a workbook */
  valuesChecksum?: string | null;
  /** the status the return had when exported, when the file says */
  fileStatus: ReturnStatus | null;
}

export interface FileFacts {
  fileName: string;
  checksum: string;
  sizeBytes: number;
}

export interface StoreOutcome {
  submission: SubmissionRow;
  /** the same file (same checksum) was received before: nothing new was stored */
  duplicateOf: SubmissionRow | null;
  /** the version that was current before this one arrived */
  previous: SubmissionRow | null;
  becameCurrent: boolean;
}

type Ordered = Pick<SubmissionRow, 'reportedOn' | 'madeAt' | 'id'>;
const madeMs = (v: Ordered) => (v.madeAt ? new Date(v.madeAt).getTime() || 0 : 0);

/**
 * Orders versions: the later 报出日期 wins; on the same (or no) 报出日期 the file made later; then the one received
 * later. A version without 报出日期 is older than any with one.
 */
const isLater = (a: Ordered, b: Ordered) => {
  const ra = a.reportedOn ?? '';
  const rb = b.reportedOn ?? '';
  if (ra !== rb) return ra > rb;
  if (madeMs(a) !== madeMs(b)) return madeMs(a) > madeMs(b);
  return a.id > b.id;
};

/**
 * Counts of the batch fast path taken (tests check that it still is): a supplier known to have no version was not
 * asked for its versions.
 */
export const storeFastPaths = { noEarlierVersion: 0 };

/**
 * Stores an accepted return as a new version (in the caller's transaction) and settles which version is current.
 * `suppliers`, when given, holds every supplier with a version for the office and year (suppliersWithVersions, read
 * in the same transaction; this call adds its own): a supplier not in it has none, and is not asked for them.
 * The new version's row is built from what was inserted, not read back.
 */
export function storeSubmission(
  ctx: AppContext,
  office: Office,
  year: number,
  incoming: IncomingReturn,
  file: FileFacts,
  kind: SupplierKind,
  verdict: 'accepted' | 'warnings',
  suppliers: Set<string> | null = null,
): StoreOutcome {
  const same = findByChecksum(ctx.db, office.region.code, file.checksum);
  if (same) return { submission: same, duplicateOf: same, previous: null, becameCurrent: false };
  const { data } = incoming;
  const key = supplierKey(data.regionCode, incoming.department);
  let previous: SubmissionRow | null = null;
  if (suppliers && !suppliers.has(key)) storeFastPaths.noEarlierVersion += 1;
  else
    previous =
      versionsOf(ctx.db, office.region.code, year, data.regionCode, incoming.department).find((v) => v.isCurrent) ??
      null;
  const fields = {
    officeCode: office.region.code,
    year,
    regionCode: data.regionCode,
    supplierKind: kind,
    department: incoming.department,
    supplierName: incoming.supplierName,
    planId: data.planId,
    frameworkVersion: data.frameworkVersion,
    reportedOn: incoming.reportedOn ?? null,
    fileStatus: incoming.fileStatus ?? null,
    fileName: file.fileName,
    checksum: file.checksum,
    receivedAt: isoNow(ctx),
    verdict,
    madeAt: incoming.madeAt ?? null,
    footer: incoming.footer,
    valuesChecksum: incoming.valuesChecksum ?? null,
  };
  const id = insertSubmission(ctx.db, fields, data.cells, data.qualitative, data.pooledRatios);
  suppliers?.add(key);
  // the row as stored (the table's defaults: not current, chosen automatically), without reading it back
  const { head, statistician, filler, phone } = fields.footer;
  const row: SubmissionRow = {
    id,
    ...fields,
    footer: { head, statistician, filler, phone },
    isCurrent: false,
    chosenBy: 'auto',
  };
  // a version the user chose stays current unless a version with a later 报出日期 arrives
  const becameCurrent =
    !previous ||
    (previous.chosenBy === 'auto' && isLater(row, previous)) ||
    (previous.chosenBy === 'user' && (row.reportedOn ?? '') > (previous.reportedOn ?? ''));
  if (becameCurrent) makeCurrent(ctx.db, row, 'auto');
  const submission = becameCurrent ? { ...row, isCurrent: true, chosenBy: 'auto' as const } : row;
  return { submission, duplicateOf: null, previous, becameCurrent };
}

/** What submissionsData read for many versions at once: one version's part of it. */
interface ReadTogether {
  cells: Cell[];
  answers: QualitativeAnswer[];
  /** undefined: the version has no pooled ratios (a township's return) */
  pooled: Record<string, PooledRatio> | undefined;
}

/** The return a stored version holds (read alone, or from what submissionsData read for many). */
export function submissionData(ctx: AppContext, row: SubmissionRow, read?: ReadTogether): ReturnData {
  // a version without pooled ratios has none in `read`: not a reason to ask the database again
  const pooled = read ? read.pooled : pooledOfSubmissions(ctx.db, [row.id]).get(row.id);
  return {
    planId: row.planId,
    frameworkVersion: row.frameworkVersion,
    regionCode: row.regionCode,
    level: row.supplierKind === 'township' ? 'township' : 'county',
    year: row.year,
    cells: read ? read.cells : submissionCells(ctx.db, row.id),
    qualitative: read ? read.answers : submissionAnswers(ctx.db, row.id),
    externalThresholds: {},
    // a county's merged return: its ratios pooled over matched townships, which a city pools in turn
    ...(pooled ? { pooledRatios: pooled } : {}),
  };
}

/**
 * Many versions' returns at once: one query for all cells, one for all answers, one for all pooled ratios (before,
 * a township's return, having none, was asked for its pooled ratios again alone: two queries a return).
 */
export function submissionsData(ctx: AppContext, rows: readonly SubmissionRow[]): ReturnData[] {
  const ids = rows.map((r) => r.id);
  const cells = cellsOfSubmissions(ctx.db, ids);
  const pooled = pooledOfSubmissions(ctx.db, ids);
  const answers = answersOfSubmissions(ctx.db, ids);
  return rows.map((r) =>
    submissionData(ctx, r, { cells: cells.get(r.id)!, answers: answers.get(r.id)!, pooled: pooled.get(r.id) }),
  );
}

export function requireSubmission(ctx: AppContext, office: Office, id: number): SubmissionRow {
  const row = getSubmission(ctx.db, id);
  if (!row || row.officeCode !== office.region.code) throw new AppError('not_found', M.noSuchVersion(id));
  return row;
}

/** The user keeps this version: it becomes the current one of its supplier and year. */
export function chooseVersion(ctx: AppContext, office: Office, id: number): SubmissionRow {
  const row = requireSubmission(ctx, office, id);
  ctx.db.transaction(() => makeCurrent(ctx.db, row, 'user'))();
  return getSubmission(ctx.db, id)!;
}

export interface VersionView {
  submission: SubmissionRow;
  diff: ReturnDiff;
}

/** Every version of one supplier's return for a year, each with its differences from the current one. */
export function versionsWithDiffs(
  ctx: AppContext,
  office: Office,
  year: number,
  regionCode: string,
  department: string,
): VersionView[] {
  const versions = versionsOf(ctx.db, office.region.code, year, regionCode, department);
  const current = versions.find((v) => v.isCurrent) ?? versions[versions.length - 1];
  if (!current) return [];
  const currentData = submissionData(ctx, current);
  return versions.map((v) => ({
    submission: v,
    diff: v.id === current.id ? { cells: [], answers: [] } : diffReturns(currentData, submissionData(ctx, v)),
  }));
}
