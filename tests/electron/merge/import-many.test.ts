// importMany reads files as a stream and stores them in chunks: a slow file holds up nothing but its own chunk's
// storing (the reads after it go on), reads never run more than two chunks ahead of what is stored, at most
// `inFlight` run at once, chunks are stored in file order, and a stop lets the reads under way end and stores them.
import { afterEach, describe, expect, it } from 'vitest';
import { importMany, type LazyFile, type ReadOutcome } from '../../../electron/merge/batch-import.ts';
import { resolveOffice } from '../../../electron/merge/office.ts';
import { listReceivedFiles } from '../../../electron/db/repos/submissions-repo.ts';
import { openTestBackend, TAOBEI_COUNTY, type TestBackend } from '../../helpers/backend.ts';
import { COUNTY, file, jsonReader, townshipReturn } from './helpers.ts';

let backend: TestBackend;
afterEach(() => backend?.dispose());

/** n township returns as lazy files; the township codes are synthetic (under 洮北区, accepted as unlisted). */
function files(n: number): LazyFile[] {
  const office = resolveOffice(backend.ctx);
  return Array.from({ length: n }, (_, i) => {
    const code = `${COUNTY.slice(0, 6)}6${String(i).padStart(2, '0')}000`;
    const f = file(`${i}.json`, townshipReturn(office.framework, code, 2024));
    return { fileName: f.fileName, load: () => f.bytes };
  });
}

/** A reader that answers each file when the test releases it, recording the order reads start in. */
function gatedReader() {
  const started: string[] = [];
  const gates = new Map<string, () => void>();
  let running = 0;
  let maxRunning = 0;
  const read = (bytes: Buffer, fileName: string) =>
    new Promise<ReadOutcome>((ok) => {
      started.push(fileName);
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      gates.set(fileName, () => {
        running -= 1;
        ok(jsonReader(bytes, fileName) as ReadOutcome);
      });
    });
  const release = (name: string) => {
    const open = gates.get(name);
    if (!open) throw new Error(`${name} was not started`);
    gates.delete(name);
    open();
  };
  const tick = () => new Promise<void>((r) => setImmediate(r));
  return { read, release, started, tick, maxRunning: () => maxRunning };
}

describe('importMany streams the reads', () => {
  it('a slow first file does not stop the next chunk being read; chunks are stored in order once whole', async () => {
    backend = openTestBackend({ profile: TAOBEI_COUNTY });
    const office = resolveOffice(backend.ctx);
    const all = files(12);
    const g = gatedReader();
    const stored: string[][] = [];
    const done = importMany(backend.ctx, office, 2024, all, g.read, {
      chunk: 4,
      inFlight: 3,
      onVerdicts: (vs) => stored.push(vs.map((v) => v.fileName)),
    });
    await g.tick();
    expect(g.started).toEqual(['0.json', '1.json', '2.json']);
    // 0.json is slow: the others end, and reads go on past the first chunk (up to two chunks ahead of storing)
    for (let i = 1; i < 8; i++) {
      g.release(`${i}.json`);
      await g.tick();
    }
    expect(g.started).toEqual(['0.json', '1.json', '2.json', '3.json', '4.json', '5.json', '6.json', '7.json']);
    expect(stored).toEqual([]); // nothing stored while the first chunk waits for 0.json
    expect(g.maxRunning()).toBe(3);
    g.release('0.json');
    await g.tick();
    // the first two chunks are stored, in file order, and the reads go on
    expect(stored).toEqual([
      ['0.json', '1.json', '2.json', '3.json'],
      ['4.json', '5.json', '6.json', '7.json'],
    ]);
    expect(g.started).toContain('8.json');
    for (let i = 8; i < 12; i++) {
      while (!g.started.includes(`${i}.json`)) await g.tick();
      g.release(`${i}.json`);
    }
    const counts = await done;
    expect(stored.flat()).toEqual(all.map((f) => f.fileName));
    expect(counts.accepted + counts.warnings).toBe(12);
    expect(listReceivedFiles(backend.ctx.db, COUNTY, 2024)).toHaveLength(12);
  });

  it('a stop starts no further read; the reads under way end and are stored with what was read', async () => {
    backend = openTestBackend({ profile: TAOBEI_COUNTY });
    const office = resolveOffice(backend.ctx);
    const g = gatedReader();
    let stop = false;
    const stored: string[] = [];
    const done = importMany(backend.ctx, office, 2024, files(20), g.read, {
      chunk: 4,
      inFlight: 3,
      shouldStop: () => stop,
      onVerdicts: (vs) => stored.push(...vs.map((v) => v.fileName)),
    });
    await g.tick();
    g.release('0.json');
    await g.tick();
    stop = true;
    g.release('1.json');
    g.release('2.json');
    g.release('3.json');
    await done;
    expect(g.started).toEqual(['0.json', '1.json', '2.json', '3.json']);
    expect(stored).toEqual(['0.json', '1.json', '2.json', '3.json']);
    expect(listReceivedFiles(backend.ctx.db, COUNTY, 2024)).toHaveLength(4);
  });
});
