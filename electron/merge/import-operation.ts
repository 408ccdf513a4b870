// One long merge import behind every door (the merge page through IPC or loopback, `wdp merge`): started with
// merge:import-start (a folder picked in the dialog, files the renderer staged first, or the CLI's paths), it runs
// in the background while the caller asks merge:import-progress (optionally waiting for the next change: a long
// poll, which every door carries) and may stop it with merge:import-cancel. Files are read on the worker pool
// (read-pool.ts), off the main thread (a dozen files or fewer: in this thread, one at a time between other calls), and stored by importMany, one transaction per batch: a cancel stops before
// the next batch, so the files already stored stay and nothing is half-written, and the answer says how many.
import { randomBytes } from 'node:crypto';
import { AppError } from '../../shared/api/envelope.ts';
import type { FileVerdict, ImportProgress, ImportSource, SkippedFile } from '../../shared/api/merge-contract.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { systemReason } from '../fs/system-error.ts';
import type { AppContext } from '../context/app-context.ts';
import { importMany, type LazyFile, type ReturnReader } from './batch-import.ts';
import { pickedFolderFiles } from './folder-import.ts';
import { gatherReturnFiles, MAX_MERGE_FILES } from './gather-folder.ts';
import { beginImport, officeOf, type OfficeYear } from './merge-service.ts';
import { loadWorkbookClass } from '../excel/load-exceljs.ts';
import { openReadPool } from './read-pool.ts';
import { poolSize, prestartReadWorkers } from './read-workers.ts';

const O = MESSAGES.merge.operation;

interface Operation {
  id: string;
  state: ImportProgress['state'];
  total: number;
  read: number;
  stored: number;
  current: string;
  counts: ImportProgress['counts'];
  verdicts: FileVerdict[];
  message: string;
  stop: boolean;
  /** resolves when the operation has ended (stored its last batch, closed its pool) */
  settled: Promise<void>;
  /** resolves (for the waiters of merge:import-progress) at the next change; replaced at each change */
  changed: Promise<void>;
}

/** Files the renderer uploaded for one import, each let go once read. */
interface Staged {
  files: { fileName: string; bytes: Buffer | null }[];
}

const operations = new WeakMap<AppContext, Map<string, Operation>>();
const staging = new WeakMap<AppContext, Map<string, Staged>>();
/** Finished operations kept for a late progress call (the newest few). */
const KEEP_FINISHED = 4;

const newId = () => randomBytes(12).toString('hex');
const opsOf = (ctx: AppContext) => {
  let m = operations.get(ctx);
  if (!m) operations.set(ctx, (m = new Map()));
  return m;
};
const stagedOf = (ctx: AppContext) => {
  let m = staging.get(ctx);
  if (!m) staging.set(ctx, (m = new Map()));
  return m;
};

/** Keeps a batch of the renderer's files until merge:import-start reads them. */
export function stageFiles(
  ctx: AppContext,
  input: OfficeYear & { token?: string; files: { fileName: string; bytesBase64: string }[] },
) {
  officeOf(ctx, input);
  const all = stagedOf(ctx);
  if (!input.token) all.clear(); // a new upload: one abandoned before its import started is let go
  const token = input.token ?? newId();
  const staged = all.get(token) ?? (input.token ? null : { files: [] });
  if (!staged) throw new AppError('refused', O.stagedGone);
  if (staged.files.length + input.files.length > MAX_MERGE_FILES)
    throw new AppError('refused', O.tooManyStaged(MAX_MERGE_FILES));
  for (const f of input.files) staged.files.push({ fileName: f.fileName, bytes: Buffer.from(f.bytesBase64, 'base64') });
  all.set(token, staged);
  // the desktop reads an upload on workers: started while the rest is uploaded, they are ready when it starts
  prestartReadWorkers(workersFor(staged.files.length, true));
  return { token, staged: staged.files.length };
}

function filesOf(ctx: AppContext, source: ImportSource): { files: LazyFile[]; skipped: SkippedFile[] } {
  if (source.kind === 'folder') return { files: pickedFolderFiles(ctx, source.token), skipped: [] };
  if (source.kind === 'paths') {
    const { files, skipped, refused } = gatherReturnFiles(source.paths);
    if (refused) throw new AppError('refused', refused);
    return { files, skipped };
  }
  const staged = stagedOf(ctx).get(source.token);
  if (!staged) throw new AppError('refused', O.stagedGone);
  stagedOf(ctx).delete(source.token);
  return {
    skipped: [],
    files: staged.files.map((entry) => ({
      fileName: entry.fileName,
      load: () => {
        const bytes = entry.bytes ?? Buffer.alloc(0);
        entry.bytes = null; // read once, then let go
        return bytes;
      },
    })),
  };
}

const snapshot = (op: Operation, since: number): ImportProgress => ({
  operationId: op.id,
  state: op.state,
  total: op.total,
  read: op.read,
  stored: op.stored,
  current: op.current,
  counts: { ...op.counts },
  verdicts: op.verdicts.slice(since),
  since: Math.min(since, op.verdicts.length),
  message: op.message,
});

/** Up to this many files the desktop reads in its own thread, between other calls: a worker would start slower. */
const IN_THREAD_FILES = 12;

/** How often a waiter hears of the next file read (verdicts and the end: at once). */
const PROGRESS_EVERY_MS = 50;

/** Read workers for an import of `files` files (none: read in this thread). */
const workersFor = (files: number, offMainThread: boolean) =>
  offMainThread && files > IN_THREAD_FILES ? Math.max(1, poolSize(files)) : poolSize(files);

/**
 * Batches of a long import: small enough that a cancel and the verdict list follow quickly, at most 50 per commit;
 * from 1,000 files up to 150 (each commit is a sync to disk and each batch asks which suppliers have versions: at
 * 3,000 returns batches of 150 took 6.50–6.63 s against 6.79–6.96 s with 50, ~0.6 s less CPU, the same peak memory).
 */
const chunkOf = (total: number) => Math.min(total >= 1000 ? 150 : 50, Math.max(10, Math.ceil(total / 20)));

export async function startImport(
  ctx: AppContext,
  input: OfficeYear & { source: ImportSource; offMainThread: boolean },
) {
  const office = officeOf(ctx, input);
  const ops = opsOf(ctx);
  if ([...ops.values()].some((o) => o.state === 'running')) throw new AppError('refused', O.busy);
  const { files, skipped } = filesOf(ctx, input.source);
  // the desktop reads on a worker from a dozen files on (its window must not wait); the CLI below 100 files in its
  // own thread (a worker's start-up costs more than it saves). The workers start before the backup is taken, so
  // they load the reader and the frameworks (~0.1–0.3 s each) while it is written.
  const size = workersFor(files.length, input.offMainThread);
  const pool = files.length > 0 ? openReadPool(ctx, size) : null;
  // while workers read, this thread mostly waits: it loads the workbook writer the merged return's export needs
  // (`wdp merge -o`, the 汇总 page's 导出) now rather than after the last file (300 returns: ~10 ms sooner done)
  if (size > 0) void loadWorkbookClass();
  let backup: string | null = null;
  try {
    if (files.length > 0) ({ backup } = await beginImport(ctx, input));
  } catch (error) {
    await pool?.close();
    throw error;
  }

  let wake = () => {};
  const op: Operation = {
    id: newId(),
    state: 'running',
    total: files.length,
    read: 0,
    stored: 0,
    current: '',
    counts: { accepted: 0, warnings: 0, rejected: 0 },
    verdicts: [],
    message: '',
    stop: false,
    settled: Promise.resolve(),
    changed: Promise.resolve(),
  };
  // the waiters (merge:import-progress) are woken at once for verdicts and the end, and for the file being read at
  // most every PROGRESS_EVERY_MS: a progress bar needs no more, and each answer is a call through the contract
  let lastWake = 0;
  let later: NodeJS.Timeout | null = null;
  const changed = () => {
    if (later) clearTimeout(later);
    later = null;
    lastWake = performance.now();
    const resolve = wake;
    op.changed = new Promise<void>((r) => {
      wake = r;
    });
    resolve();
  };
  const progressed = () => {
    if (later) return;
    const wait = lastWake + PROGRESS_EVERY_MS - performance.now();
    if (wait <= 0) changed();
    else later = setTimeout(changed, wait);
  };
  changed();
  const finished = [...ops.keys()].filter((id) => ops.get(id)!.state !== 'running');
  for (const id of finished.slice(0, Math.max(0, finished.length + 1 - KEEP_FINISHED))) ops.delete(id);
  ops.set(op.id, op);

  const finish = (state: ImportProgress['state'], message: string) => {
    op.state = state;
    op.message = message;
    op.current = '';
    changed();
  };
  const run = async () => {
    if (files.length === 0 || !pool) return finish('done', O.done(0, 0, 0, 0));
    const read: ReturnReader = async (bytes, fileName) => {
      op.current = fileName;
      progressed();
      try {
        // read in this thread: one file at a time with the event loop between them, so other calls are answered
        if (size === 0) await new Promise<void>((r) => setImmediate(r));
        return await pool.read(bytes, fileName);
      } finally {
        op.read += 1;
        progressed();
      }
    };
    try {
      await importMany(ctx, office, input.year, files, read, {
        chunk: chunkOf(files.length),
        // a few files queued at each worker: one is always waiting when the last one's result is on its way back
        inFlight: Math.max(4, size * 4),
        shouldStop: () => op.stop,
        onVerdicts: (vs) => {
          op.verdicts.push(...vs);
          for (const v of vs) op.counts[v.verdict] += 1;
          op.stored += vs.length;
          changed();
        },
      });
      op.read = op.stored; // a read started before a cancel was stored with its batch
      if (op.stored < op.total) {
        ctx.log.info(
          `merge import cancelled office=${office.region.code} year=${input.year} stored=${op.stored} total=${op.total}`,
        );
        finish('cancelled', O.cancelled(op.stored, op.total - op.stored));
      } else finish('done', O.done(op.total, op.counts.accepted, op.counts.warnings, op.counts.rejected));
    } catch (error) {
      ctx.log.error(`merge import failed office=${office.region.code} year=${input.year}: ${(error as Error).message}`);
      finish('failed', O.failed(systemReason(error)));
    } finally {
      await pool.close();
    }
  };
  op.settled = run();
  return { operationId: op.id, total: files.length, skipped, backup };
}

function find(ctx: AppContext, operationId: string): Operation {
  const op = opsOf(ctx).get(operationId);
  if (!op) throw new AppError('not_found', O.unknown);
  return op;
}

/** The operation as it stands; with waitMs, waits for the next change when there is nothing new to say. */
export async function importProgress(
  ctx: AppContext,
  input: { operationId: string; since: number; waitMs: number },
): Promise<ImportProgress> {
  const op = find(ctx, input.operationId);
  if (input.waitMs > 0 && op.state === 'running' && op.verdicts.length <= input.since) {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      op.changed,
      new Promise<void>((r) => {
        timer = setTimeout(r, input.waitMs);
      }),
    ]);
    clearTimeout(timer);
  }
  return snapshot(op, input.since);
}

/** Stops the operation before its next batch and answers once it has stopped (verdicts: ask merge:import-progress). */
export async function cancelImport(ctx: AppContext, input: { operationId: string }): Promise<ImportProgress> {
  const op = find(ctx, input.operationId);
  op.stop = true;
  await op.settled;
  return snapshot(op, op.verdicts.length);
}
