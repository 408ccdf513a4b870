// An import takes a backup before it stores anything: a backup that cannot be taken (here: pages of the database
// damaged where the import itself never reads) refuses the import whole: nothing is stored, and no import is left
// running to block the next one.
import { closeSync, mkdirSync, openSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/api/dispatch.ts';
import { requireFramework } from '../../../electron/frameworks/plans-service.ts';
import { listChildRegions } from '../../../electron/frameworks/regions-service.ts';
import type { Channel, Input, Output } from '../../../shared/api/contract.ts';
import { openTestBackend, TAOBEI_COUNTY, type TestBackend } from '../../helpers/backend.ts';
import { COUNTY } from './helpers.ts';
import { returnFile } from './excel-files.ts';

const YEAR = 2024;
const FILES = 12;
let bytes: Buffer;
let townName: string;

beforeAll(async () => {
  const b = openTestBackend();
  try {
    const town = listChildRegions(b.ctx, COUNTY)[0];
    townName = town.name;
    bytes = await returnFile(requireFramework(b.ctx, 'taobei'), {
      regionCode: town.code,
      regionName: town.name,
      year: YEAR,
    });
  } finally {
    b.dispose();
  }
}, 60_000);

let b: TestBackend | null = null;
afterEach(() => {
  b?.dispose();
  b = null;
});

async function call<C extends Channel>(backend: TestBackend, channel: C, input: Input<C>): Promise<Output<C>> {
  const r = await dispatch(backend.handlers, channel, input);
  if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
  return r.value as Output<C>;
}

/** A county's database grown as by years of merges: ~24 MB more pages for a backup to copy. */
function ballast(backend: TestBackend) {
  backend.ctx.db.exec('CREATE TABLE test_ballast (id INTEGER PRIMARY KEY, data BLOB)');
  const insert = backend.ctx.db.prepare('INSERT INTO test_ballast (data) VALUES (randomblob(4000))');
  backend.ctx.db.transaction(() => {
    for (let i = 0; i < 6000; i++) insert.run();
  })();
  backend.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
}

function folderOfCopies(backend: TestBackend): string {
  const folder = join(backend.dir, '乡镇报表');
  mkdirSync(folder, { recursive: true });
  for (let i = 0; i < FILES; i++) writeFileSync(join(folder, `${String(i).padStart(2, '0')}-${townName}.xlsx`), bytes);
  return folder;
}

describe('the backup before an import', () => {
  it('that fails refuses the import: nothing is stored and no import is left running', async () => {
    b = openTestBackend({ profile: TAOBEI_COUNTY });
    ballast(b);
    const folder = folderOfCopies(b);
    // damage pages in the middle of the ballast (never read by the import itself): the copy cannot be taken
    const size = statSync(b.dbFile).size;
    const fd = openSync(b.dbFile, 'r+');
    try {
      for (let at = Math.floor(size / 2); at < Math.floor(size / 2) + 64 * 4096; at += 4096)
        writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, at);
    } finally {
      closeSync(fd);
    }
    await expect(
      call(b, 'merge:import-start', { year: YEAR, source: { kind: 'paths', paths: [folder] }, offMainThread: false }),
    ).rejects.toThrow('未能备份数据库（数据库文件有损坏的数据页），本次操作没有进行，数据库未作任何改动。');
    expect(b.ctx.db.prepare('SELECT count(*) AS n FROM received_files').get()).toEqual({ n: 0 });
    // the refused import is not left running: another may start (and is refused for the same reason, not as busy)
    await expect(
      call(b, 'merge:import-start', { year: YEAR, source: { kind: 'paths', paths: [folder] }, offMainThread: false }),
    ).rejects.not.toThrow('另一批导入正在进行');
  }, 120_000);
});
