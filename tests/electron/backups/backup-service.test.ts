import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BackupReasonSchema } from '../../../shared/api/backups-contract.ts';
import { MESSAGES } from '../../../shared/messages.ts';
import {
  backupNow,
  backupPrefix,
  inspectBackup,
  listBackups,
  restoreBackup,
  rotate,
  snapshotSync,
} from '../../../electron/backups/backup-service.ts';
import { openReturn, setCells, viewReturn, requireReturn } from '../../../electron/returns/returns-service.ts';
import { openApp } from '../../../electron/backend/open-app.ts';
import { sourcePaths } from '../../../electron/backend/app-paths.ts';
import { openTestBackend, TAOBEI_TOWNSHIP, type TestBackend } from '../../helpers/backend.ts';

let backend: TestBackend;
afterEach(() => backend?.dispose());

describe('backups', () => {
  it('one that cannot be written says so in Chinese (where the backups go is blocked by a file), leaving nothing behind', async () => {
    const blocked = openTestBackend({ profile: TAOBEI_TOWNSHIP });
    backend = blocked;
    const backupsDir = join(blocked.dir, 'blocked');
    writeFileSync(backupsDir, 'not a folder');
    const ctx = { ...blocked.ctx, paths: { ...blocked.ctx.paths, backupsDir } };
    const error = await backupNow(ctx, 'manual').then(
      () => null,
      (e: Error) => e,
    );
    expect(error?.message).toMatch(/^未能备份数据库（.+），本次操作没有进行，数据库未作任何改动。/);
    expect(error?.message).not.toMatch(/[A-Za-z]{4,}/);
    expect(readdirSync(blocked.dir).filter((f) => f.includes('partial'))).toEqual([]);
  });

  it('backs up with the online backup API, shows what a backup holds, and restores it after a safety backup', async () => {
    backend = openTestBackend({ profile: TAOBEI_TOWNSHIP });
    const id = openReturn(backend.ctx, TAOBEI_TOWNSHIP.regionCode, 2025, false).summary.id;
    setCells(backend.ctx, id, [{ item: 'PD30', sex: 'total', value: 40, noData: null }]);
    const file = await backupNow(backend.ctx, 'manual');
    const name = file.split(/[\\/]/).pop()!;
    setCells(backend.ctx, id, [{ item: 'PD30', sex: 'total', value: 99, noData: null }]);

    const inspected = inspectBackup(backend.ctx, name);
    expect(inspected.returns).toEqual([
      expect.objectContaining({ regionName: '海明街道', year: 2025, cells: 1, status: 'draft' }),
    ]);

    const result = await restoreBackup(backend.ctx, name);
    expect(result.safetyBackup).toMatch(/-before-restore\.sqlite$/);
    expect(viewReturn(backend.ctx, requireReturn(backend.ctx, id)).data.cells[0].value).toBe(40);
    // The state before the restore is itself restorable.
    await restoreBackup(backend.ctx, result.safetyBackup);
    expect(viewReturn(backend.ctx, requireReturn(backend.ctx, id)).data.cells[0].value).toBe(99);
    expect(listBackups(backend.ctx).map((b) => b.reason)).toEqual(expect.arrayContaining(['manual', 'before-restore']));
  });

  it('refuses a damaged backup without touching the current data', async () => {
    backend = openTestBackend({ profile: TAOBEI_TOWNSHIP });
    const id = openReturn(backend.ctx, TAOBEI_TOWNSHIP.regionCode, 2025, false).summary.id;
    setCells(backend.ctx, id, [{ item: 'PD30', sex: 'total', value: 7, noData: null }]);
    const name = (await backupNow(backend.ctx, 'manual')).split(/[\\/]/).pop()!;
    writeFileSync(join(backend.ctx.paths.backupsDir, name), 'not a database at all');
    await expect(restoreBackup(backend.ctx, name)).rejects.toThrow(/无法读取/);
    expect(viewReturn(backend.ctx, requireReturn(backend.ctx, id)).data.cells[0].value).toBe(7);
    await expect(restoreBackup(backend.ctx, '../../etc/passwd')).rejects.toThrow('备份文件名不正确');
  });

  it('takes a start-up snapshot of a database that holds returns, and rotates old backups', () => {
    backend = openTestBackend({ profile: TAOBEI_TOWNSHIP });
    openReturn(backend.ctx, TAOBEI_TOWNSHIP.regionCode, 2025, false);
    backend.close();
    const again = openApp({ dbFile: backend.dbFile, ...sourcePaths, backupOnStart: true });
    expect(listBackups(again.ctx).map((b) => b.reason)).toEqual(['start']);
    for (let i = 0; i < 35; i++)
      snapshotSync(again.ctx.db, again.ctx.paths.backupsDir, 'manual', new Date(Date.UTC(2026, 0, 1, 0, 0, i)));
    rotate(again.ctx.paths.backupsDir, backupPrefix(again.ctx.dbFile));
    expect(readdirSync(again.ctx.paths.backupsDir).filter((f) => f.endsWith('.sqlite'))).toHaveLength(30);
    again.close();
    expect(existsSync(backend.dbFile)).toBe(true);
  });

  it('belong to their database: another database in the same folder neither lists, rotates nor restores them', async () => {
    backend = openTestBackend({ profile: TAOBEI_TOWNSHIP });
    openReturn(backend.ctx, TAOBEI_TOWNSHIP.regionCode, 2025, false);
    const own = (await backupNow(backend.ctx, 'manual')).split(/[\\/]/).pop()!;
    expect(own).toMatch(new RegExp(`^${backupPrefix(backend.dbFile)}-\\d{8}T\\d{9}Z-manual\\.sqlite$`));
    const other = openApp({ dbFile: join(backend.dbFile, '..', 'county.sqlite'), ...sourcePaths });
    try {
      expect(other.ctx.paths.backupsDir).toBe(backend.ctx.paths.backupsDir);
      for (let i = 0; i < 35; i++)
        snapshotSync(other.ctx.db, other.ctx.paths.backupsDir, 'manual', new Date(Date.UTC(2026, 0, 1, 0, 0, i)));
      expect(listBackups(other.ctx)).toHaveLength(30);
      expect(listBackups(other.ctx).every((b) => b.name.startsWith('county-'))).toBe(true);
      expect(listBackups(backend.ctx).map((b) => b.name)).toEqual([own]);
      await expect(restoreBackup(other.ctx, own)).rejects.toThrow('备份文件名不正确');
    } finally {
      other.close();
    }
  });

  it('keeps this machine’s settings on restore', async () => {
    backend = openTestBackend({ profile: TAOBEI_TOWNSHIP });
    const name = (await backupNow(backend.ctx, 'manual')).split(/[\\/]/).pop()!;
    await backend.handlers['settings:set-profile']({ ...TAOBEI_TOWNSHIP, userName: '新的填表人' });
    await restoreBackup(backend.ctx, name);
    expect((await backend.handlers['settings:get-profile']({}))?.userName).toBe('新的填表人');
  });
});

describe('backup reasons', () => {
  it('are declared once in the contract and every one has its Chinese label', () => {
    expect(Object.keys(MESSAGES.backups.reasons).sort()).toEqual([...BackupReasonSchema.options].sort());
  });
});
