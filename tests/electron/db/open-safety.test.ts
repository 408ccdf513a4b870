// Opening a database never writes before it has been checked: a newer version sitting only in the -wal is refused
// without a checkpoint, and a damaged or empty file is refused with 「数据库文件已损坏」 and the newest good backup
// named, the file left byte for byte as it was. A missing file is still created (first start).
import { afterAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
  writeSync,
  closeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/api/envelope.ts';
import { openDatabase } from '../../../electron/db/open-database.ts';
import { openApp } from '../../../electron/backend/open-app.ts';
import { sourcePaths } from '../../../electron/backend/app-paths.ts';
import { snapshotSync } from '../../../electron/backups/backup-service.ts';
import { wdpRunner } from '../../helpers/cli.ts';

const MIGRATIONS_DIR = sourcePaths.migrationsDir;
const LATEST = readdirSync(MIGRATIONS_DIR).filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f)).length;

const root = mkdtempSync(join(tmpdir(), 'wdp-open-safety-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const tempDir = () => {
  const dir = join(root, String(++n));
  mkdirSync(dir);
  return dir;
};
const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected a refusal');
}

/** A real app database with returns-sized content, closed cleanly, plus two start-up backups (one good, one cut off). */
function damagedSetup() {
  const dir = tempDir();
  const dbFile = join(dir, 'wdp.sqlite');
  const backupsDir = join(dir, 'backups');
  const app = openApp({ dbFile, ...sourcePaths, backupsDir });
  const good = snapshotSync(app.ctx.db, backupsDir, 'start', new Date(Date.UTC(2026, 0, 1)));
  const cut = snapshotSync(app.ctx.db, backupsDir, 'start', new Date(Date.UTC(2026, 0, 2)));
  app.close();
  // the newest backup is cut off half-way: it must not be offered
  truncateSync(cut, Math.floor(statSync(cut).size / 2));
  return { dir, dbFile, backupsDir, good, cut };
}

/** Overwrites every page after the first two with garbage (header and schema page intact). */
function garblePages(file: string) {
  const size = statSync(file).size;
  const page = 4096;
  const fd = openSync(file, 'r+');
  try {
    let seed = 12345;
    const garbage = Buffer.alloc(page);
    for (let offset = 2 * page; offset < size; offset += page) {
      for (let i = 0; i < page; i++) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        garbage[i] = seed & 0xff;
      }
      writeSync(fd, garbage, 0, page, offset);
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * A read-only connection to a WAL-mode file may create the shared-memory index and an empty -wal beside it (SQLite
 * needs them to read; better-sqlite3 has no immutable mode): nothing else appears, and nothing with data.
 */
function expectOnlyEmptySidecars(dbFile: string, filesBefore: string[]) {
  const added = readdirSync(join(dbFile, '..')).filter((f) => !filesBefore.includes(f));
  for (const f of added) {
    expect(f === 'wdp.sqlite-shm' || f === 'wdp.sqlite-wal').toBe(true);
    if (f.endsWith('-wal')) expect(statSync(join(dbFile, '..', f)).size).toBe(0);
  }
}

describe('opening reads first, writes after the checks', () => {
  it('a newer user_version that sits only in the -wal is refused and neither the main file nor the -wal is rewritten', () => {
    const source = tempDir();
    const seedFile = join(source, 'wdp.sqlite');
    const seed = new Database(seedFile);
    seed.pragma('journal_mode = WAL');
    seed.pragma('wal_autocheckpoint = 0');
    seed.exec('CREATE TABLE future_things (id INTEGER PRIMARY KEY, note TEXT);');
    seed.pragma('wal_checkpoint(TRUNCATE)');
    seed.exec("INSERT INTO future_things (note) VALUES ('only in the wal');");
    seed.pragma(`user_version = ${LATEST + 3}`);
    // a crash now: the main file still says the old version, the -wal holds the newer one
    const dir = tempDir();
    const file = join(dir, 'wdp.sqlite');
    copyFileSync(seedFile, file);
    copyFileSync(`${seedFile}-wal`, `${file}-wal`);
    seed.close();
    const main = new Database(file, { readonly: true });
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(0);
    main.close();
    const mainBefore = hash(file);
    const walBefore = hash(`${file}-wal`);

    const error = thrown(() => openDatabase(file, { migrationsDir: MIGRATIONS_DIR }));
    expect(error.code).toBe('refused');
    expect(error.message).toContain(`数据库版本（${LATEST + 3}）比本程序支持的版本（${LATEST}）新`);
    expect(hash(file)).toBe(mainBefore);
    expect(existsSync(`${file}-wal`)).toBe(true);
    expect(hash(`${file}-wal`)).toBe(walBefore);
  });

  it('a database with garbage pages is refused as damaged, the newest good backup named, the file untouched', () => {
    const { dbFile, backupsDir, good, cut } = damagedSetup();
    garblePages(dbFile);
    const before = hash(dbFile);
    const filesBefore = readdirSync(join(dbFile, '..')).sort();
    const error = thrown(() => openApp({ dbFile, ...sourcePaths, backupsDir }));
    expect(error.message).toContain('数据库文件已损坏');
    expect(error.message).toContain(dbFile);
    expect(error.message).toContain(good);
    expect(error.message).not.toContain(cut.split(/[\\/]/).pop());
    expect(error.message).not.toMatch(/JSON|Bad control character/);
    expect(hash(dbFile)).toBe(before);
    expectOnlyEmptySidecars(dbFile, filesBefore);
  });

  it('a 0-byte database file is refused as damaged, not silently made into a new one', () => {
    const { dbFile, backupsDir, good } = damagedSetup();
    writeFileSync(dbFile, '');
    const filesBefore = readdirSync(join(dbFile, '..')).sort();
    const error = thrown(() => openApp({ dbFile, ...sourcePaths, backupsDir }));
    expect(error.message).toContain('数据库文件已损坏');
    expect(error.message).toContain(good);
    expect(statSync(dbFile).size).toBe(0);
    expect(readdirSync(join(dbFile, '..')).sort()).toEqual(filesBefore);
  });

  it('a file that is not a database at all is refused as damaged; with no backup the message says so', () => {
    const dir = tempDir();
    const dbFile = join(dir, 'wdp.sqlite');
    writeFileSync(dbFile, 'this is not a database, just some text that happens to sit here'.repeat(200));
    const before = hash(dbFile);
    const error = thrown(() => openApp({ dbFile, ...sourcePaths }));
    expect(error.message).toContain('数据库文件已损坏');
    expect(error.message).toContain('没有找到可用的备份');
    expect(hash(dbFile)).toBe(before);
  });

  it('a missing file is still created as a new database (first start)', () => {
    const dbFile = join(tempDir(), 'wdp.sqlite');
    const app = openApp({ dbFile, ...sourcePaths });
    app.close();
    const db = new Database(dbFile, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST);
    db.close();
  });

  it('the CLI refuses a damaged database: exit code not 0, the Chinese message, the file untouched', () => {
    const { dir, dbFile, good } = damagedSetup();
    garblePages(dbFile);
    const before = hash(dbFile);
    const wdp = wdpRunner({ dir });
    const run = wdp('plans', '--db', dbFile);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('数据库文件已损坏');
    expect(run.stderr).toContain(good);
    expect(hash(dbFile)).toBe(before);
  });
});
