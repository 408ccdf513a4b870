// Reading many return files on every core: a small pool of worker threads, each with the frameworks and the
// region table, so a batch of hundreds of files is read in parallel. Used by every door's long import
// (import-operation.ts) and the benchmark. Results come back in any order, by id.
// A pool of size 0 reads in the calling thread (a few dozen files: starting workers would cost more).
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { MESSAGES } from '../../shared/messages.ts';
import type { AppContext } from '../context/app-context.ts';
import type { ReadOutcome, ReturnReader } from './batch-import.ts';
import { allFrameworks, excelReturnReader } from './excel-reader.ts';
import { startReadWorker } from './read-workers.ts';

export interface ReadPool {
  read: ReturnReader;
  close: () => Promise<void>;
}

export function openReadPool(ctx: AppContext, size = Math.max(1, Math.min(availableParallelism(), 8))): ReadPool {
  if (size === 0) {
    const inThread = excelReturnReader(ctx);
    return { read: inThread, close: async () => {} };
  }
  const frameworks = allFrameworks(ctx);
  const regions = ctx.db.prepare('SELECT code, name, level FROM regions').raw().all() as [string, string, string][];
  const pending = new Map<number, { ok: (o: ReadOutcome) => void; fail: (e: Error) => void; worker: Worker }>();
  const load = new Map<Worker, number>();
  let closing = false;
  const workers: Worker[] = [];
  const start = (): Worker => {
    // one started ahead (still loading its code, or waiting) or a new one; its frameworks come first, by message
    const w = startReadWorker();
    w.postMessage({ init: { frameworks, regions } });
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
