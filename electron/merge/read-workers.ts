// The read pool's worker threads themselves: where their file is, how each is started, and workers started ahead
// of time. The desktop starts the workers an upload will need while the upload is still arriving (a worker loads its
// code in ~50–100 ms), and the import's pool adopts them and sends each its frameworks and region table; `wdp merge`
// starts them before its back end opens (cli/commands/index.ts EARLY_STARTS).
import module from 'node:module';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { gatherReturnFiles } from './gather-folder.ts';

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
 * thousands keeps 32 MB too: the launcher's semi-space flag for it (wdp.js) bounds the whole process's young
 * generations, and with 8 MB asked here the merge of 3,000 took more CPU (12.7–14.1 s against 12.0–12.3 s).
 */
const WORKER_YOUNG_MB = 32;

/** Started ahead of the pool, not yet adopted: they hold the process open only once adopted. */
const spares: Worker[] = [];
/** Each spare's expiry, cleared when it is adopted. */
const expiries = new WeakMap<Worker, NodeJS.Timeout>();

function spawn(): Worker {
  // the compiled code cache the CLI enabled for itself (wdp.js), for the workers too: each would otherwise compile
  // the reader's modules afresh (~50 ms CPU a worker); a worker takes it from the environment it starts with
  const compileCache = module.getCompileCacheDir?.();
  if (compileCache && !process.env.NODE_COMPILE_CACHE) process.env.NODE_COMPILE_CACHE = compileCache;
  return new Worker(workerFile(), {
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
  });
}

/** A worker started ahead and not adopted within this time is let go (an upload abandoned half-way). */
const SPARE_FOR_MS = 60_000;

/** Starts `count` workers ahead of the pool that will want them (a desktop upload's). */
export function prestartReadWorkers(count: number): void {
  for (let i = spares.length; i < count; i++) {
    const w = spawn();
    w.unref(); // never adopted (the merge refused, say): the process still ends
    const drop = () => {
      if (spares.includes(w)) spares.splice(spares.indexOf(w), 1);
    };
    w.once('error', drop);
    w.once('exit', drop);
    const expire = setTimeout(() => {
      if (spares.includes(w)) void w.terminate();
    }, SPARE_FOR_MS);
    expire.unref();
    expiries.set(w, expire);
    spares.push(w);
  }
}

/**
 * The workers a merge of these paths will read with, started ahead (`wdp merge`, before its back end opens): counted
 * as the merge gathers its files; a few dozen files start none, and so does a path that cannot be read (the merge
 * itself says why).
 */
export function prestartForPaths(paths: readonly string[]): void {
  let files = 0;
  try {
    files = gatherReturnFiles(paths).files.length;
  } catch {
    return;
  }
  prestartReadWorkers(poolSize(files));
}

/** A worker for the pool: one started ahead when there is one, else a new one. Either waits for its `init`. */
export function startReadWorker(): Worker {
  const spare = spares.shift();
  if (!spare) return spawn();
  clearTimeout(expiries.get(spare));
  spare.removeAllListeners();
  spare.ref();
  return spare;
}

/** How many workers were started ahead and not yet adopted (for tests). */
export const spareWorkers = () => spares.length;
