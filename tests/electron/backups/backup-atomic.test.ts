// Backups are atomic: written under a temporary name, synced and renamed, so a process killed mid-backup never
// leaves a file under a backup's name; and a backup that cannot be opened (cut off, garbage) is never listed as
// good, never offered as the way out, never counted among the 30 kept.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import {
  backupPrefix,
  KEEP_BACKUPS,
  listBackups,
  newestGoodBackup,
  rotate,
  snapshotSync,
} from '../../../electron/backups/backup-service.ts';
import { REPO_ROOT } from '../../helpers/paths.ts';
import { openTestBackend, TAOBEI_TOWNSHIP } from '../../helpers/backend.ts';

const root = mkdtempSync(join(tmpdir(), 'wdp-backup-atomic-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const BACKUP_NAME = /^(wdp|big)-\d{8}T\d{9}Z-[a-z-]+\.sqlite$/;

describe('atomic backups', () => {
  it('a cut-off file under a backup name is not listed, not offered, and not counted among the kept', () => {
    const backend = openTestBackend({ profile: TAOBEI_TOWNSHIP, dir: mkdtempSync(join(root, 'list-')) });
    try {
      const dir = backend.ctx.paths.backupsDir;
      const files = Array.from({ length: KEEP_BACKUPS }, (_, i) =>
        snapshotSync(backend.ctx.db, dir, 'start', new Date(Date.UTC(2026, 0, 1, 0, 0, i))),
      );
      // the newest "backup" was cut off when its import was killed; another is garbage
      const cut = join(dir, 'wdp-20260102T000000000Z-import.sqlite');
      copyFileSync(files[0], cut);
      truncateSync(cut, Math.floor(statSync(cut).size / 3));
      const garbage = join(dir, 'wdp-20260103T000000000Z-manual.sqlite');
      writeFileSync(garbage, Buffer.alloc(64 * 1024, 7));

      const listed = listBackups(backend.ctx).map((b) => b.name);
      expect(listed).not.toContain(cut.split(/[\\/]/).pop());
      expect(listed).not.toContain('wdp-20260103T000000000Z-manual.sqlite');
      expect(newestGoodBackup(dir, backend.ctx.dbFile)).toBe(files[files.length - 1]);

      // rotation keeps 30 good ones: the two bad files do not push a good one out
      rotate(dir, backupPrefix(backend.ctx.dbFile));
      const kept = listBackups(backend.ctx).map((b) => join(dir, b.name));
      expect(kept).toHaveLength(KEEP_BACKUPS);
      expect(kept.sort()).toEqual([...files].sort());
    } finally {
      backend.dispose();
    }
  });

  it('a process killed in the middle of a backup leaves no file under a backup name that fails to open', async () => {
    const dir = mkdtempSync(join(root, 'kill-'));
    const backupsDir = join(dir, 'backups');
    // a database big enough that each backup takes a while to write
    const big = new Database(join(dir, 'big.sqlite'));
    big.pragma('journal_mode = WAL');
    big.exec('CREATE TABLE blobs (id INTEGER PRIMARY KEY, data BLOB)');
    const insert = big.prepare('INSERT INTO blobs (data) VALUES (randomblob(4096))');
    big.transaction(() => {
      for (let i = 0; i < 12_000; i++) insert.run();
    })();
    big.close();
    const script = join(dir, 'backer.ts');
    writeFileSync(
      script,
      `
      import Database from ${JSON.stringify(join(REPO_ROOT, 'node_modules/better-sqlite3/lib/index.js'))};
      import { backupNow, snapshotSync } from ${JSON.stringify(join(REPO_ROOT, 'electron/backups/backup-service.ts'))};
      const db = new Database(${JSON.stringify(join(dir, 'big.sqlite'))});
      const ctx = { db, dbFile: ${JSON.stringify(join(dir, 'big.sqlite'))}, paths: { backupsDir: ${JSON.stringify(backupsDir)} }, now: () => new Date() };
      process.stdout.write('ready\\n');
      for (let i = 0; ; i++) {
        if (i % 2) await backupNow(ctx, 'import'); else snapshotSync(db, ctx.paths.backupsDir, 'start', new Date());
      }
    `,
    );
    for (const delay of [150, 400, 700, 1000]) {
      const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((resolve) => child.stdout.on('data', () => resolve()));
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill('SIGKILL');
      await new Promise((resolve) => child.on('exit', resolve));
    }
    const named = readdirSync(backupsDir).filter((f) => BACKUP_NAME.test(f));
    const unopenable = named.filter((f) => {
      try {
        const db = new Database(join(backupsDir, f), { readonly: true, fileMustExist: true });
        try {
          return db.pragma('quick_check', { simple: true }) !== 'ok';
        } finally {
          db.close();
        }
      } catch {
        return true;
      }
    });
    expect(unopenable).toEqual([]);
    // everything listed as a backup opens
    const listed = listBackups({ paths: { backupsDir }, dbFile: join(dir, 'big.sqlite') } as Parameters<
      typeof listBackups
    >[0]);
    expect(listed.length).toBe(named.length);
  }, 60_000);
});
