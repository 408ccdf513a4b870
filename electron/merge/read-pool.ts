// Reading many return files on every core: a small pool of worker threads, each with the frameworks and the
// region table, so a batch of hundreds of files is read in parallel. Used by every door's long import
// (import-operation.ts) and the benchmark. Results come back in any order, by id.
// A pool of size 0 reads in the calling thread (a few dozen files: starting workers would cost more).
import module from 'node:module';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { MESSAGES } from '../../shared/messages.ts';
import type { AppContext } from '../context/app-context.ts';
import type { ReadOutcome, ReturnReader } from './batch-import.ts';
import { allFrameworks, excelReturnReader } from './excel-reader.ts';

/**
 * The worker's file: the source when run from source, beside the prebuilt CLI's chunks (dist-cli/read-worker.mjs), or
 * beside the desktop app's main.cjs (dist-electron/read-worker.cjs: bundle.js defines import.meta.url away there and
 * import.meta.dirname as __dirname).
 */
function workerFile(): URL | string {
  const url: string | undefined = import.meta.url;
  if (!url) return join(import.meta.dirname, 'read-worker.cjs');
  return new URL(url.endsWith('.ts') ? './read-worker.ts' : './read-worker.mjs', url);
}

export interface ReadPool {
  read: ReturnReader;
  close: () => Promise<void>;
}

/** Below this many files a worker's start-up (loading the reader, the frameworks) costs more than it saves. */
const FILES_PER_WORKER = 100;

/** Workers for a batch of `files`: none for a few dozen (read in this thread), then one per 100 files up to the cores. */
export function poolSize(files: number, cores = availableParallelism()): number {
  return Math.min(Math.floor(files / FILES_PER_WORKER), Math.max(1, Math.min(cores, 8)));
}

/** A worker's heap: a return's parse needs a few tens of MB; a hostile file that needs more kills its worker only. */
const WORKER_HEAP_MB = 160;
/**
 * A worker's young generation: each file's parse allocates a few MB of short-lived grid cells and texts; with 8 MB
 * about a fifth of a worker's time went to scavenges (CPU profile of 300 returns), with 32 MB less. A merge of
 * thousands (run with small semi-spaces by the launcher, to keep its peak memory down) keeps 8 MB.
 */
const WORKER_YOUNG_MB = process.execArgv.some((a) => a.startsWith('--max-semi-space-size')) ? 8 : 32;

export function openReadPool(ctx: AppContext, size = Math.max(1, Math.min(availableParallelism(), 8))): ReadPool {
  if (size === 0) {
    const inThread = excelReturnReader(ctx);
    return { read: inThread, close: async () => {} };
  }
  // the compiled code cache the CLI enabled for itself (wdp.js), for the workers too: each would otherwise compile
  // the reader's modules afresh (~50 ms CPU a worker); a worker takes it from the environment it starts with
  const compileCache = module.getCompileCacheDir?.();
  if (compileCache && !process.env.NODE_COMPILE_CACHE) process.env.NODE_COMPILE_CACHE = compileCache;
  const frameworks = allFrameworks(ctx);
  const regions = ctx.db.prepare('SELECT code, name, level FROM regions').raw().all() as [string, string, string][];
  const pending = new Map<number, { ok: (o: ReadOutcome) => void; fail: (e: Error) => void; worker: Worker }>();
  const load = new Map<Worker, number>();
  let closing = false;
  const workers: Worker[] = [];
  const start = (): Worker => {
    const w = new Worker(workerFile(), {
      workerData: { frameworks, regions },
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
    });
    w.on('message', (m: { id: number; outcome?: ReadOutcome; error?: string }) => {
      const job = pending.get(m.id);
      if (!job) return;
      pending.delete(m.id);
      load.set(w, load.get(w)! - 1);
      if (m.outcome) job.ok(m.outcome);
      else job.fail(new Error(m.error ?? MESSAGES.merge.file.readerStopped));
    });
    // a worker that dies (out of memory on a hostile file) fails its own jobs, in Chinese, and is replaced
    const died = (e?: Error) => {
      if (!workers.includes(w)) return;
      workers.splice(workers.indexOf(w), 1);
      load.delete(w);
      const why =
        (e as NodeJS.ErrnoException | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? MESSAGES.merge.file.tooMuchMemory
          : MESSAGES.merge.file.readerStopped;
      for (const [id, job] of pending)
        if (job.worker === w) {
          pending.delete(id);
          job.fail(new Error(why));
        }
      if (!closing) workers.push(start());
    };
    w.on('error', died);
    w.on('exit', () => died());
    load.set(w, 0);
    return w;
  };
  for (let i = 0; i < size; i++) workers.push(start());
  let next = 0;
  const read: ReturnReader = (bytes, fileName) =>
    new Promise<ReadOutcome>((ok, fail) => {
      const id = next++;
      const w = workers.reduce((a, b) => (load.get(b)! < load.get(a)! ? b : a));
      pending.set(id, { ok, fail, worker: w });
      load.set(w, load.get(w)! + 1);
      // a buffer that owns its memory is handed over (moved, not copied): this thread keeps no file bytes at all
      const owns =
        bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.length && bytes.buffer instanceof ArrayBuffer;
      const moved = owns ? new Uint8Array(bytes.buffer as ArrayBuffer) : new Uint8Array(bytes);
      w.postMessage({ id, bytes: moved, fileName }, [moved.buffer]);
    });
  return {
    read,
    close: async () => {
      closing = true;
      await Promise.all([...workers].map((w) => w.terminate()));
    },
  };
}
