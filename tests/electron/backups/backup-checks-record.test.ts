// Every import takes a backup and then rotates the kept ones, and rotating must know which kept backups are whole.
// A backup is checked (quick_check) when written; the result is recorded beside the backups, so a new process (each
// `wdp merge`) does not open all thirty again. A backup whose size or time changed since is checked again, and a
// restore always checks its backup itself, whatever the record says.
import { appendFileSync, closeSync, openSync, readdirSync, statSync, utimesSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openTestBackend, TAOBEI_TOWNSHIP, type TestBackend } from '../../helpers/backend.ts';
import { openReturn, requireReturn, setCells, viewReturn } from '../../../electron/returns/returns-service.ts';

let backend: TestBackend;
afterEach(() => {
  vi.doUnmock('better-sqlite3');
  vi.resetModules();
  backend?.dispose();
});

/** The backup service as a new process loads it, with every database it opens listed. */
async function freshService(opened: string[]) {
  vi.resetModules();
  vi.doMock('better-sqlite3', async (original) => {
    const Real = ((await original()) as { default: new (file: string, o?: object) => object }).default;
    class Counted extends Real {
      constructor(file: string, options?: object) {
        super(file, options);
        opened.push(file);
      }
    }
    return { default: Counted };
  });
  return import('../../../electron/backups/backup-service.ts');
}

describe('recorded backup checks', () => {
  it('a new process rotates without opening the backups checked before; a changed one is checked again', async () => {
    backend = openTestBackend({ profile: TAOBEI_TOWNSHIP });
    const service = await import('../../../electron/backups/backup-service.ts');
    openReturn(backend.ctx, TAOBEI_TOWNSHIP.regionCode, 2025, false);
    for (let i = 0; i < 4; i++) await service.backupNow(backend.ctx, 'import');
    const dir = backend.ctx.paths.backupsDir;
    const prefix = service.backupPrefix(backend.ctx.dbFile);
    const names = readdirSync(dir).filter((f) => f.endsWith('.sqlite'));
    expect(names).toHaveLength(4);

    const opened: string[] = [];
    const fresh = await freshService(opened);
    fresh.rotate(dir, prefix);
    expect(opened.filter((f) => f.startsWith(dir))).toEqual([]);
    expect(fresh.listBackups(backend.ctx)).toHaveLength(4);

    // one grows (damaged by something else): checked again, no longer offered
    appendFileSync(join(dir, names[1]), 'garbage');
    const again: string[] = [];
    const third = await freshService(again);
    third.rotate(dir, prefix);
    // (the grown file fails the header's page count before it is even opened; the three unchanged are not opened)
    expect(again.filter((f) => f.startsWith(dir) && f !== join(dir, names[1]))).toEqual([]);
    expect(third.listBackups(backend.ctx).map((b) => b.name)).not.toContain(names[1]);
    expect(readdirSync(dir)).toContain(`${names[1]}.damaged`);
  });

  it('a restore checks its backup itself: one damaged in place (same size and time) is refused, nothing changes', async () => {
    backend = openTestBackend({ profile: TAOBEI_TOWNSHIP });
    const service = await import('../../../electron/backups/backup-service.ts');
    const id = openReturn(backend.ctx, TAOBEI_TOWNSHIP.regionCode, 2025, false).summary.id;
    setCells(backend.ctx, id, [{ item: 'PD30', sex: 'total', value: 7, noData: null }]);
    const file = await service.backupNow(backend.ctx, 'manual');
    const name = file.split(/[\\/]/).pop()!;
    const st = statSync(file);
    // zeroes over the pages after the header: the file keeps its size and, put back, its time
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(st.size - 4096), 0, st.size - 4096, 4096);
    closeSync(fd);
    utimesSync(file, st.atime, st.mtime);
    const fresh = await freshService([]);
    await expect(fresh.restoreBackup(backend.ctx, name)).rejects.toThrow(/无法读取/);
    expect(viewReturn(backend.ctx, requireReturn(backend.ctx, id)).data.cells[0].value).toBe(7);
  });
});
