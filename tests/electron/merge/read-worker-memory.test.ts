// A read worker's memory stays flat in the number of files it reads (issue 12): a worker reads 300 township returns
// one after another, each with texts of its own spelled as XML character references (&#38215; …, as openpyxl and
// WPS write Chinese), then reports its heap after a full collection. Nothing of a file may stay behind: neither its
// bytes (moved to the worker) nor its parts nor texts sliced from them. Before: a cache of decoded texts kept a slice
// of each file's shared strings, which pinned the whole part (~30 KB per file, hundreds of MB over thousands).
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { allFrameworks } from '../../../electron/merge/excel-reader.ts';
import { requireFramework } from '../../../electron/frameworks/plans-service.ts';
import { listChildRegions } from '../../../electron/frameworks/regions-service.ts';
import { openTestBackend } from '../../helpers/backend.ts';
import { partsOf, textOf, withText, zipParts } from '../excel/helpers/hostile-corpus.ts';
import { returnFile } from './excel-files.ts';
import { COUNTY } from './helpers.ts';

const FILES = 300;
const MB = 1024 * 1024;
let worker: Worker | null = null;
afterAll(async () => {
  await worker?.terminate();
});

/** Every character outside ASCII as a decimal character reference, the way openpyxl writes shared strings. */
const asReferences = (xml: string) => xml.replace(/[^\x00-\x7f]/gu, (ch) => `&#${ch.codePointAt(0)};`);

describe('a read worker', () => {
  it('holds no more after reading 300 files than after reading 20 (heap after a full collection)', async () => {
    const b = openTestBackend();
    let base: Buffer;
    let workerData: unknown;
    let town: { code: string; name: string };
    try {
      const fw = requireFramework(b.ctx, 'taobei');
      town = listChildRegions(b.ctx, COUNTY)[0];
      base = await returnFile(fw, { regionCode: town.code, regionName: town.name, year: 2024 });
      workerData = {
        frameworks: allFrameworks(b.ctx),
        regions: b.ctx.db.prepare('SELECT code, name, level FROM regions').raw().all(),
      };
    } finally {
      b.dispose();
    }
    const parts = await partsOf(base);
    const strings = textOf(parts, 'xl/sharedStrings.xml');
    expect(strings).toContain(town.name);
    // file i: the township's name (in the title and the header) spelled its own way, every Chinese text as references
    const fileOf = (i: number) =>
      zipParts(
        withText(parts, 'xl/sharedStrings.xml', (x) => asReferences(x.split(town.name).join(`${town.name}${i}`))),
      );

    worker = new Worker(new URL('../../../electron/merge/read-worker.ts', import.meta.url), { workerData });
    const w = worker;
    let next = 0;
    const waiting = new Map<number, (m: unknown) => void>();
    let heapWaiting: ((h: { used: number; external: number }) => void) | null = null;
    w.on('message', (m: { id?: number; heap?: { used: number; external: number } }) => {
      if (m.heap) heapWaiting?.(m.heap);
      else waiting.get(m.id!)?.(m);
    });
    const read = (bytes: Buffer, fileName: string) =>
      new Promise<{
        outcome?: { incoming: unknown; problems: { severity: string; message: string }[] };
        error?: string;
      }>((ok) => {
        const id = next++;
        waiting.set(id, ok as (m: unknown) => void);
        const moved = new Uint8Array(bytes);
        w.postMessage({ id, bytes: moved, fileName }, [moved.buffer]);
      });
    const heap = () =>
      new Promise<{ used: number; external: number }>((ok) => {
        heapWaiting = ok;
        w.postMessage({ heap: true });
      });

    const readFiles = async (from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const m = await read(fileOf(i), `${town.code}_${i}.xlsx`);
        // each file is read as a return (its name differs from the region table's: a warning, not an error)
        expect(m.error).toBeUndefined();
        expect(m.outcome!.problems.filter((p) => p.severity === 'error')).toEqual([]);
        expect(m.outcome!.incoming).not.toBeNull();
      }
    };
    await readFiles(0, 20);
    const warm = await heap();
    await readFiles(20, FILES);
    const after = await heap();
    console.log(
      `read worker after 20 files: heap ${(warm.used / MB).toFixed(1)} MB, external ${(warm.external / MB).toFixed(1)} MB; after ${FILES}: heap ${(after.used / MB).toFixed(1)} MB, external ${(after.external / MB).toFixed(1)} MB`,
    );
    // a few MB of slack for caches that are bounded (decoded labels) and V8's own bookkeeping, whatever the count
    expect(after.used).toBeLessThanOrEqual(warm.used + 4 * MB);
    expect(after.external).toBeLessThanOrEqual(warm.external + 2 * MB);
  }, 120_000);
});
