// `wdp merge` of a hundred returns or more starts its read workers before the back end opens: they load the reader
// on the other core while this one loads the rest and opens the database (the pool adopts them). A few dozen files
// are read in the CLI's own thread: none is started.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { EARLY_STARTS } from '../../../electron/cli/commands/index.ts';
import { poolSize, spareWorkers, startReadWorker } from '../../../electron/merge/read-workers.ts';

const dir = mkdtempSync(join(tmpdir(), 'wdp-early-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(async () => {
  // adopt and end what was started, as the merge's pool would
  while (spareWorkers() > 0) await startReadWorker().terminate();
});

function folderOf(name: string, files: number): string {
  const folder = join(dir, name);
  mkdirSync(folder, { recursive: true });
  for (let i = 0; i < files; i++) writeFileSync(join(folder, `${i}.xlsx`), 'PK');
  writeFileSync(join(folder, '说明.txt'), 'not a return'); // not gathered, not counted
  return folder;
}

describe('wdp merge: read workers started early', () => {
  it('starts the workers the merge of a folder of 150 returns will read with', async () => {
    await EARLY_STARTS.merge!([folderOf('150', 150)]);
    expect(poolSize(150)).toBeGreaterThan(0);
    expect(spareWorkers()).toBe(poolSize(150));
  });

  it('starts none for a few dozen returns, nor for a path that does not exist', async () => {
    await EARLY_STARTS.merge!([folderOf('30', 30)]);
    await EARLY_STARTS.merge!([join(dir, '没有这个文件夹')]);
    expect(spareWorkers()).toBe(0);
  });
});
