// Batch import of lower-level returns into an office's merge: each file is read, checked against the office
// (whose child it is, which year, which plan and framework version) and stored as a new version, on its own:
// one bad file never blocks the others. Every file received is logged with its verdict and reasons.
// Memory is bounded by design, whatever the folder holds: a file's bytes are loaded when its read starts and
// dropped as soon as it is read (only its checksum and size are kept), at most a few reads are in flight, a
// verdict keeps no bytes and no grid and at most MAX_PROBLEMS_PER_FILE problems (the rest counted), and
// importMany hands each chunk's verdicts to its caller as they are decided (the CLI prints them at once).
import { createHash } from 'node:crypto';
import { isLocalCode } from '../../shared/framework/schema.ts';
import { engineLevel } from '../../shared/returns/schema.ts';
import { isSummedAt } from '../../shared/aggregation/merge-returns.ts';
import { outsideScope } from '../../shared/aggregation/department.ts';
import { MESSAGES } from '../../shared/messages.ts';
import type { FileVerdict } from '../../shared/api/merge-contract.ts';
import { MAX_IMPORT_BYTES } from '../../shared/api/limits.ts';
import { systemReason } from '../fs/system-error.ts';
import { localDate, localDateTime } from '../../shared/returns/dates.ts';
import { getRegion } from '../db/repos/regions-repo.ts';
import { getFrameworkVersion } from '../db/repos/frameworks-repo.ts';
import {
  insertReceivedFile,
  suppliersWithVersions,
  type ProblemRow,
  type SubmissionRow,
  type SupplierKind,
} from '../db/repos/submissions-repo.ts';
import { isoNow, type AppContext } from '../context/app-context.ts';
import { diffReturns } from './diff.ts';
import { childNoun, type Office } from './office.ts';
import { storeSubmission, submissionData, type IncomingReturn } from './submissions.ts';

const M = MESSAGES.merge.file;
/** A return file is a few hundred KB; anything far larger is not one. */
/** Problems a verdict lists per file (errors first); the rest are counted in one more line. */
export const MAX_PROBLEMS_PER_FILE = 50;

export interface ReadOutcome {
  problems: ProblemRow[];
  /** null when the file could not be read as a return */
  incoming: IncomingReturn | null;
  /** whose return the file says it is (its 填报单位 and year), even when it is refused for its errors */
  identity?: { regionCode: string; regionName: string; level: 'township' | 'county' | 'city'; year: number } | null;
}
/** Reads one file as a return (the Excel reader in the app; tests may pass their own). */
export type ReturnReader = (bytes: Buffer, fileName: string) => ReadOutcome | Promise<ReadOutcome>;

export interface IncomingFile {
  fileName: string;
  bytes: Buffer /** the file could not be read from disk */;
  loadError?: string;
}

const err = (message: string, location = ''): ProblemRow => ({ severity: 'error', location, message });
const warn = (message: string, location = ''): ProblemRow => ({ severity: 'warning', location, message });
/** What the reader says of a code missing from the region table (the merge says it again in its own words). */
const READER_UNLISTED = MESSAGES.excel.problem.unknownRegion;
const planName = (ctx: AppContext, planId: string) =>
  getFrameworkVersion(ctx.db, planId)?.framework.plan.name ?? planId;
const describe = (s: SubmissionRow) =>
  MESSAGES.merge.versionLabel(s.reportedOn ? localDate(s.reportedOn) : null, localDate(s.receivedAt), s.fileName);

/** Whose return this is, from the office's point of view; problems that refuse it are errors. */
function classify(
  ctx: AppContext,
  office: Office,
  year: number,
  incoming: IncomingReturn,
): { kind: SupplierKind | null; problems: ProblemRow[]; refusedItems: string[] } {
  const { data } = incoming;
  const problems: ProblemRow[] = [];
  const code = data.regionCode;
  const officeCode = office.region.code;
  const childLevel = office.level === 'county' ? 'township' : 'county';
  let kind: SupplierKind | null = null;
  if (code === officeCode) {
    if (!incoming.department) problems.push(err(M.ownReturn(office.region.name)));
    else if (
      !office.framework.dataItems.some((d) => d.department === incoming.department && !isSummedAt(d, office.level))
    )
      problems.push(err(M.unknownDepartment(incoming.department)));
    else kind = 'department';
  } else {
    const region = getRegion(ctx.db, code);
    // 统计用区划代码: county = first 6 digits, city = first 4; a township's own digits 7–9 are never 000
    const underOffice =
      office.level === 'county'
        ? code.slice(0, 6) === officeCode.slice(0, 6) && code.slice(6, 9) !== '000'
        : code.slice(0, 4) === officeCode.slice(0, 4) && code.slice(4, 6) !== '00' && code.slice(6) === '000000';
    if (region ? region.parent === officeCode && region.level === childLevel : underOffice) {
      if (!region) problems.push(warn(M.unlisted(code)));
      kind = childLevel;
      if (data.level !== childLevel) {
        problems.push(err(M.wrongLevel(childNoun(office))));
        kind = null;
      }
    } else {
      problems.push(
        err(
          M.wrongOffice(`${region?.name ?? incoming.supplierName}（${code}）`, office.region.name, childNoun(office)),
        ),
      );
    }
  }
  if (data.year !== year) problems.push(err(M.wrongYear(data.year, year)));
  if (data.planId !== office.planId) {
    if (office.level === 'county')
      problems.push(err(M.wrongPlan(planName(ctx, data.planId), office.framework.plan.name)));
    else problems.push(warn(M.otherPlan(planName(ctx, data.planId))));
  } else if (data.frameworkVersion > office.framework.version) {
    problems.push(err(M.newerFramework(data.frameworkVersion, office.framework.version)));
  } else if (data.frameworkVersion < office.framework.version) {
    problems.push(warn(M.olderFramework(data.frameworkVersion, office.framework.version)));
  }
  const known = new Map(office.framework.dataItems.map((d) => [d.code, d]));
  const filled = [...new Set(data.cells.filter((c) => c.value !== null || c.noData !== null).map((c) => c.item))];
  // a local code (80–99) means something of its own in each plan: under another plan it is never pooled by code
  const foreignLocal = data.planId !== office.planId ? filled.filter((c) => isLocalCode(c)) : [];
  const dropped = filled.filter((c) => !known.has(c) && !foreignLocal.includes(c));
  if (dropped.length > 0) problems.push(warn(M.droppedItems(dropped)));
  if (foreignLocal.length > 0) problems.push(warn(M.otherPlanLocalItems(planName(ctx, data.planId), foreignLocal)));
  // a department supplies its own county items only: a township sum or another department's item is refused, named
  const refusedItems: string[] = [...foreignLocal];
  if (kind === 'department') {
    for (const code of filled) {
      const out = outsideScope(office.framework, incoming.department, code);
      if (!out) continue;
      refusedItems.push(code);
      const values = data.cells
        .filter((c) => c.item === code && c.value !== null)
        .map((c) => c.value)
        .join('/');
      problems.push(
        warn(
          M.foreignCell(
            code,
            `${out.item.name}${values ? `（${values}）` : ''}`,
            MESSAGES.merge.outsideScope(out.why, out.item.department, incoming.department),
          ),
          code,
        ),
      );
    }
  }
  if (incoming.fileStatus === 'draft') problems.push(warn(M.draft));
  return { kind: problems.some((p) => p.severity === 'error') ? null : kind, problems, refusedItems };
}

const verdictOf = (problems: readonly ProblemRow[]): FileVerdict['verdict'] =>
  problems.some((p) => p.severity === 'error')
    ? 'rejected'
    : problems.some((p) => p.severity === 'warning')
      ? 'warnings'
      : 'accepted';

/** A file once read: no bytes (only their checksum and size), at most MAX_PROBLEMS_PER_FILE problems. */
export interface ReadFile {
  fileName: string;
  sizeBytes: number;
  checksum: string;
  problems: ProblemRow[];
  incoming: IncomingReturn | null;
  identity: ReadOutcome['identity'];
}

const RANK: Record<ProblemRow['severity'], number> = { error: 0, warning: 1, info: 2 };

/** The first `max` problems, errors first; the rest counted in one line as severe as the worst of them. */
function capProblems(problems: readonly ProblemRow[], max = MAX_PROBLEMS_PER_FILE): ProblemRow[] {
  if (problems.length <= max) return [...problems];
  const sorted = [...problems].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  const rest = sorted.slice(max - 1);
  return [
    ...sorted.slice(0, max - 1),
    { severity: rest[0].severity, location: '', message: MESSAGES.merge.moreProblems(rest.length) },
  ];
}

/** Loads (if lazy), checksums and reads one file, then lets its bytes go; never throws for a bad file. */
async function readOne(file: IncomingFile | LazyFile, read: ReturnReader): Promise<ReadFile> {
  let bytes: Buffer | null;
  let loadError = 'load' in file ? undefined : file.loadError;
  if ('load' in file) {
    try {
      bytes = file.load();
    } catch (error) {
      bytes = Buffer.alloc(0);
      loadError = systemReason(error);
    }
  } else bytes = file.bytes;
  const checksum = createHash('sha256').update(bytes).digest('hex');
  const sizeBytes = bytes.length;
  let problems: ProblemRow[] = [];
  let incoming: IncomingReturn | null = null;
  let identity: ReadOutcome['identity'] = null;
  if (loadError) problems.push(err(M.unreadable(loadError)));
  else if (sizeBytes > MAX_IMPORT_BYTES) problems.push(err(M.tooLarge(MAX_IMPORT_BYTES / 1024 / 1024)));
  else {
    try {
      const pending = read(bytes, file.fileName);
      bytes = null; // the reader holds (or has copied) what it needs
      const outcome = await pending;
      problems = capProblems(outcome.problems);
      incoming = outcome.incoming;
      identity = outcome.identity ?? null;
      if (!incoming && !problems.some((p) => p.severity === 'error')) problems.push(err(M.notAReturn));
    } catch (error) {
      problems.push(err(M.unreadable(systemReason(error))));
    }
  }
  return { fileName: file.fileName, sizeBytes, checksum, problems, incoming, identity };
}

/** A refused file still names its 填报单位 when the file says it (from the return, else from its header). */
const rejectedVerdict = (
  fileName: string,
  problems: ProblemRow[],
  incoming: IncomingReturn | null = null,
  identity: ReadOutcome['identity'] = null,
): FileVerdict => ({
  fileName,
  verdict: 'rejected',
  problems,
  submissionId: null,
  resubmission: null,
  duplicate: false,
  supplier: incoming
    ? { code: incoming.data.regionCode, name: incoming.supplierName, kind: 'township', department: incoming.department }
    : identity
      ? { code: identity.regionCode, name: identity.regionName, kind: engineLevel(identity.level), department: '' }
      : null,
  year: incoming?.data.year ?? identity?.year ?? null,
  reportedOn: incoming?.reportedOn ?? null,
});

function logFile(
  ctx: AppContext,
  office: Office,
  year: number,
  r: ReadFile,
  verdict: FileVerdict['verdict'],
  submissionId: number | null,
  problems: ProblemRow[],
) {
  insertReceivedFile(
    ctx.db,
    {
      officeCode: office.region.code,
      year,
      fileName: r.fileName,
      checksum: r.checksum,
      sizeBytes: r.sizeBytes,
      receivedAt: isoNow(ctx),
      verdict,
      submissionId,
      regionCode: r.incoming?.data.regionCode ?? null,
      fileYear: r.incoming?.data.year ?? null,
    },
    problems,
  );
}

/** Checks a read file against the office and stores it as a new version (in the caller's transaction). */
function storeOne(
  ctx: AppContext,
  office: Office,
  year: number,
  r: ReadFile,
  suppliers: Set<string> | null,
): FileVerdict {
  const problems = [...r.problems];
  let incoming = r.incoming;
  let kind: SupplierKind | null = null;
  if (incoming) {
    const c = classify(ctx, office, year, incoming);
    const code = incoming.data.regionCode;
    for (const p of c.problems) {
      // an unlisted code is said once: the merge's words (accepted by its code) at the reader's place (单位代码's cell)
      const readers =
        p.message === M.unlisted(code) ? problems.findIndex((q) => q.message === READER_UNLISTED(code)) : -1;
      if (readers >= 0) problems[readers] = { ...p, location: problems[readers].location };
      else problems.push(p);
    }
    kind = c.kind;
    // the refused cells are not stored: the department's version holds its own items only
    const refused = new Set(c.refusedItems);
    if (refused.size > 0)
      incoming = {
        ...incoming,
        data: { ...incoming.data, cells: incoming.data.cells.filter((x) => !refused.has(x.item)) },
      };
  }
  const verdict = verdictOf(problems);
  if (!incoming || !kind || verdict === 'rejected') {
    logFile(ctx, office, year, r, 'rejected', null, problems);
    return rejectedVerdict(r.fileName, problems, incoming, r.identity);
  }
  const facts = { fileName: r.fileName, checksum: r.checksum, sizeBytes: r.sizeBytes };
  const outcome = storeSubmission(
    ctx,
    office,
    year,
    incoming,
    facts,
    kind,
    verdict === 'accepted' ? 'accepted' : 'warnings',
    suppliers,
  );
  let resubmission: FileVerdict['resubmission'] = null;
  if (outcome.duplicateOf) problems.push(warn(M.duplicate(localDateTime(outcome.duplicateOf.receivedAt))));
  else if (outcome.previous) {
    const diff = diffReturns(submissionData(ctx, outcome.previous), incoming.data);
    const changes = diff.cells.length + diff.answers.length;
    resubmission = { previousId: outcome.previous.id, changes, becameCurrent: outcome.becameCurrent };
    problems.push(
      warn(
        changes === 0
          ? M.resubmittedSame(describe(outcome.previous))
          : outcome.becameCurrent
            ? M.resubmitted(changes, describe(outcome.previous))
            : M.olderKept(changes, describe(outcome.previous)),
      ),
    );
  }
  const finalVerdict = verdictOf(problems);
  logFile(ctx, office, year, r, finalVerdict, outcome.submission.id, problems);
  return {
    fileName: r.fileName,
    verdict: finalVerdict,
    problems: capProblems(problems),
    submissionId: outcome.submission.id,
    resubmission,
    duplicate: outcome.duplicateOf !== null,
    supplier: { code: incoming.data.regionCode, name: incoming.supplierName, kind, department: incoming.department },
    year: incoming.data.year,
    reportedOn: incoming.reportedOn,
  };
}

/** Runs `task` over `items` with at most `limit` running at once, results in order. */
async function mapLimited<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await task(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  return out;
}

/** Reads in flight at once: enough to keep a pool of workers busy, few enough that their bytes stay small. */
const READS_IN_FLIGHT = 4;

/**
 * Stores read files in one transaction, each file in its own savepoint (a bad one never blocks the others).
 * `askEach` asks every supplier for its versions, as the older code did: tests compare the two.
 */
export function storeAll(
  ctx: AppContext,
  office: Office,
  year: number,
  reads: ReadFile[],
  askEach = false,
): FileVerdict[] {
  const verdicts = ctx.db.transaction(() => {
    // read inside the transaction, so no other writer adds a supplier between it and the files' storing
    const suppliers = askEach ? null : suppliersWithVersions(ctx.db, office.region.code, year);
    return reads.map((r) => {
      try {
        return ctx.db.transaction(() => storeOne(ctx, office, year, r, suppliers))();
      } catch (error) {
        const problems = capProblems([...r.problems, err(M.unreadable(systemReason(error)))]);
        logFile(ctx, office, year, r, 'rejected', null, problems);
        return rejectedVerdict(r.fileName, problems, r.incoming, r.identity);
      }
    });
  })();
  const count = (v: FileVerdict['verdict']) => verdicts.filter((f) => f.verdict === v).length;
  ctx.log.info(
    `merge import office=${office.region.code} year=${year} files=${verdicts.length} accepted=${count('accepted')} warnings=${count('warnings')} rejected=${count('rejected')}`,
  );
  return verdicts;
}

/**
 * Imports files: all are read first (a few at a time), then stored in one transaction (a batch costs one commit,
 * not one per file).
 */
export async function importBatch(
  ctx: AppContext,
  office: Office,
  year: number,
  files: readonly (IncomingFile | LazyFile)[],
  read: ReturnReader,
): Promise<FileVerdict[]> {
  const reads = await mapLimited(files, READS_IN_FLIGHT, (file) => readOne(file, read));
  return storeAll(ctx, office, year, reads);
}

export interface LazyFile {
  fileName: string;
  load: () => Buffer;
}

/**
 * Imports any number of files in chunks (one transaction each), the files read as a stream: up to `inFlight` reads
 * run at once and a new one starts as soon as one ends, while the chunks already read are stored, so the readers
 * never wait for the database nor for the slowest file of a chunk. Reads run at most two chunks ahead of what is
 * stored (their returns wait in memory). Chunks are stored in file order. A file is loaded only when its read
 * starts and let go once read; each chunk's verdicts go to `onVerdicts` as soon as it is stored (the CLI prints them
 * then). When `shouldStop` says so, no further read starts; the reads under way end and are stored with the rest.
 * Returns the counts; the verdicts are the caller's to keep or not.
 */
export async function importMany(
  ctx: AppContext,
  office: Office,
  year: number,
  files: readonly LazyFile[],
  read: ReturnReader,
  options: {
    chunk?: number;
    /** reads under way at once (a pool of workers: a few per worker, so none waits between files) */
    inFlight?: number;
    onVerdicts?: (verdicts: FileVerdict[]) => void;
    /** asked before each read is started: true stops there (what was read is still stored, whole) */
    shouldStop?: () => boolean;
  } = {},
): Promise<Record<FileVerdict['verdict'], number>> {
  const size = options.chunk ?? 50;
  const counts = { accepted: 0, warnings: 0, rejected: 0 };
  const reads: (ReadFile | undefined)[] = new Array(files.length);
  let started = 0;
  let stored = 0;
  let stopped = false;
  let failed = false;
  let wake: () => void = () => {};
  let advanced = new Promise<void>((r) => {
    wake = r;
  });
  /** Stores the next chunks whose files are all read (with `upTo`, also a last partial chunk up to there). */
  const storeReady = (upTo = -1) => {
    for (;;) {
      const end = Math.min(stored + size, files.length);
      let ready = stored;
      while (ready < end && reads[ready]) ready += 1;
      const last = upTo >= 0 && ready === upTo && ready > stored;
      if (ready < end && !last) return;
      if (ready === stored) return;
      const chunk = reads.slice(stored, ready) as ReadFile[];
      reads.fill(undefined, stored, ready); // stored: let go
      const verdicts = storeAll(ctx, office, year, chunk);
      for (const v of verdicts) counts[v.verdict] += 1;
      stored = ready;
      options.onVerdicts?.(verdicts);
      const resolve = wake;
      advanced = new Promise<void>((r) => {
        wake = r;
      });
      resolve();
    }
  };
  const lane = async () => {
    for (;;) {
      if (stopped || failed || started >= files.length) return;
      if (options.shouldStop?.()) {
        stopped = true;
        return;
      }
      if (started >= stored + 2 * size) {
        await advanced; // far enough ahead: wait until a chunk is stored
        continue;
      }
      const i = started++;
      reads[i] = await readOne(files[i], read);
      try {
        storeReady();
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const lanes = Math.max(1, Math.min(options.inFlight ?? READS_IN_FLIGHT, files.length));
  await Promise.all(Array.from({ length: lanes }, lane));
  storeReady(started); // the last chunk, or what was read before a stop
  return counts;
}
