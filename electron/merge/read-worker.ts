// A worker thread that reads return files for a batch merge (see read-pool.ts). Pure reading: no database.
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';
import type { Framework } from '../../shared/framework/schema.ts';
import type { RegionLevel } from '../../shared/api/regions-contract.ts';
import { MESSAGES } from '../../shared/messages.ts';
import type { ReadContext } from '../excel/read-return.ts';
import { readForMerge } from './excel-reader.ts';

interface Init {
  frameworks: Framework[];
  regions: [string, string, RegionLevel][];
}
type Job = { id: number; bytes: Uint8Array; fileName: string } | { heap: true } | { init: Init };

/** What every read needs: given at the start (workerData), or as the first message (a worker started ahead). */
let readCtx: ReadContext | null = null;
const setUp = ({ frameworks, regions }: Init) => {
  const table = new Map(regions.map(([code, name, level]) => [code, { name, level }]));
  readCtx = { frameworks, region: (code: string) => table.get(code) ?? null };
};
if (workerData) setUp(workerData as Init);

parentPort!.on('message', (job: Job) => {
  if ('init' in job) {
    setUp(job.init);
    return;
  }
  if ('heap' in job) {
    // what this thread still holds after a full collection (a test asserts that nothing of the files read stays
    // behind); asked for by tests only: V8's gc() is exposed for this one call
    // (collected twice with a turn of the event loop between: file bytes' backing stores are freed by a sweeper
    // that finishes after the first collection, and counted as external memory until then)
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    gc();
    setImmediate(() => {
      gc();
      const h = getHeapStatistics();
      parentPort!.postMessage({ heap: { used: h.used_heap_size, external: h.external_memory } });
    });
    return;
  }
  try {
    if (!readCtx) throw new Error(MESSAGES.merge.file.readerStopped); // never: the pool sends init first
    parentPort!.postMessage({ id: job.id, outcome: readForMerge(job.bytes, job.fileName, readCtx) });
  } catch (error) {
    parentPort!.postMessage({ id: job.id, error: (error as Error).message });
  }
});
