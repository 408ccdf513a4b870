// Automatic and manual backups of the database, and restoring one after the user has seen what it holds.
// Start-up and pre-migration snapshots use VACUUM INTO (synchronous, a consistent copy taken by SQLite itself);
// backups taken while the app runs use SQLite's online backup API (better-sqlite3's db.backup).
// Every backup is atomic: written under a temporary name in the same folder, checked, synced, then renamed, so a
// backup's name never holds half a file. A file under a backup's name that does not open and pass quick_check is
// never listed, never offered, never counted among the kept.
import Database from 'better-sqlite3';
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { tmpdir } from 'node:os';
import type { Database as Db } from 'better-sqlite3';
import { AppError } from '../../shared/api/envelope.ts';
import { BackupReasonSchema, type BackupReason } from '../../shared/api/backups-contract.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { migrate, readMigrations } from '../db/migrate.ts';
import { isCorruption } from '../db/open-database.ts';
import { errnoOf, systemReason } from '../fs/system-error.ts';
import type { AppContext } from '../context/app-context.ts';

const NAME = new RegExp(`^(.+)-(\\d{8}T\\d{6}\\d{3}Z)-(${BackupReasonSchema.options.join('|')})\\.sqlite$`);
/**
 * Backups belong to their database: named after its file (wdp.sqlite → wdp-<time>-<reason>.sqlite, as before;
 * county.sqlite → county-…), so two databases sharing a folder never list, rotate or restore each other's.
 */
export const backupPrefix = (dbFile: string) =>
  basename(dbFile, extname(dbFile)).replace(/[^\p{L}\p{N}_.]/gu, '_') || 'wdp';
const ownName = (prefix: string, name: string) => NAME.exec(name)?.[1] === prefix;
/** tables of this machine's own settings: a restore keeps them (the profile: plan, unit, user) */
const KEPT_ON_RESTORE = new Set(['settings']);
/** How many backups are kept; the oldest go first. */
export const KEEP_BACKUPS = 30;

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace('.', '');

function backupFile(backupsDir: string, prefix: string, reason: BackupReason, now: Date): string {
  mkdirSync(backupsDir, { recursive: true });
  let file = join(backupsDir, `${prefix}-${stamp(now)}-${reason}.sqlite`);
  for (let ms = now.getTime() + 1; existsSync(file); ms += 1)
    file = join(backupsDir, `${prefix}-${stamp(new Date(ms))}-${reason}.sqlite`);
  return file;
}

/** A temporary name beside the final one (same folder, so the rename is atomic); never matches NAME. */
const partialName = (file: string) => `${file}.${process.pid}.partial`;
const PARTIAL = /\.\d+\.partial$/;

function fsyncPath(path: string, flags: string): void {
  let fd: number;
  try {
    fd = openSync(path, flags);
  } catch {
    return; // a folder cannot be opened for syncing on Windows; the rename is still atomic there
  }
  try {
    fsyncSync(fd);
  } catch {
    /* folders cannot be fsynced on every platform */
  } finally {
    closeSync(fd);
  }
}

/** Turns a finished temporary copy into the backup: rollback journal (no -wal beside it), checked, synced, renamed. */
function publish(partial: string, file: string): string {
  try {
    const copy = new Database(partial, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
      const check = copy.pragma('quick_check', { simple: true });
      // the copy holds the database's pages as they are: damaged ones fail here
      if (check !== 'ok') throw Object.assign(new Error(String(check)), { code: 'SQLITE_CORRUPT' });
    } finally {
      copy.close();
    }
    fsyncPath(partial, 'r+');
    renameSync(partial, file);
    fsyncPath(dirname(file), 'r');
    verified.set(file, { size: statSync(file).size, mtimeMs: statSync(file).mtimeMs, good: true });
    return file;
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

/** A consistent copy taken synchronously (start-up, before migrations). */
export function snapshotSync(db: Db, backupsDir: string, reason: BackupReason, now: Date): string {
  const prefix = backupPrefix(db.name);
  const file = backupFile(backupsDir, prefix, reason, now);
  const partial = partialName(file);
  rmSync(partial, { force: true });
  try {
    db.prepare('VACUUM INTO ?').run(partial);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  publish(partial, file);
  rotate(backupsDir, prefix);
  return file;
}

/** Why a backup could not be taken, in the user's words (never SQLite's or Node's English). */
function whyNotTaken(error: unknown): string {
  if (isCorruption(error)) return MESSAGES.backups.whyDamaged;
  const code = (error as { code?: unknown }).code;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return MESSAGES.backups.whyDiskFull;
  return errnoOf(error) ? systemReason(error) : MESSAGES.backups.whyOther;
}

/**
 * A copy through SQLite's online backup API, taken while the app is in use (before imports, on demand). One that
 * cannot be taken is an AppError saying why in Chinese: the step it guards does not run.
 */
export async function backupNow(
  ctx: Pick<AppContext, 'db' | 'dbFile' | 'paths' | 'now'>,
  reason: BackupReason,
): Promise<string> {
  const prefix = backupPrefix(ctx.dbFile);
  let file: string;
  try {
    file = backupFile(ctx.paths.backupsDir, prefix, reason, ctx.now());
    const partial = partialName(file);
    rmSync(partial, { force: true });
    try {
      await ctx.db.backup(partial);
    } catch (error) {
      rmSync(partial, { force: true });
      throw error;
    }
    publish(partial, file);
  } catch (error) {
    throw new AppError('internal', MESSAGES.backups.notTaken(whyNotTaken(error)));
  }
  rotate(ctx.paths.backupsDir, prefix);
  return file;
}

/** What we know about a backup file, by its size and time (a changed file is checked again). */
const verified = new Map<string, { size: number; mtimeMs: number; good: boolean }>();

/**
 * The checks made so far, kept beside the backups: every import rotates the kept backups, and a new process (each
 * `wdp merge`) would otherwise quick_check all thirty of them again (seconds, for a county's database of some
 * years). A backup never changes once written, so its size and time say whether the recorded check still holds;
 * a restore checks its backup itself, whatever this file says. A record that does not read is ignored.
 */
const RECORD = 'checked-backups.json';
const recordsRead = new Set<string>();

function readRecord(backupsDir: string): void {
  if (recordsRead.has(backupsDir)) return;
  recordsRead.add(backupsDir);
  let entries: [string, unknown][];
  try {
    entries = Object.entries(JSON.parse(readFileSync(join(backupsDir, RECORD), 'utf8')) as object);
  } catch {
    return; // none yet, or unreadable: every backup is checked once more
  }
  for (const [name, v] of entries) {
    const e = v as { size?: unknown; mtimeMs?: unknown; good?: unknown } | null;
    if (!NAME.test(name) || typeof e?.size !== 'number' || typeof e.mtimeMs !== 'number' || typeof e.good !== 'boolean')
      continue;
    const file = join(backupsDir, name);
    if (!verified.has(file)) verified.set(file, { size: e.size, mtimeMs: e.mtimeMs, good: e.good });
  }
}

/** Writes the checks of the backups still in the folder (atomically; a failure only costs a check next time). */
function writeRecord(backupsDir: string): void {
  const record: Record<string, { size: number; mtimeMs: number; good: boolean }> = {};
  const names = new Set(readdirSync(backupsDir));
  for (const [file, known] of verified)
    if (dirname(file) === backupsDir && names.has(basename(file))) record[basename(file)] = known;
  const partial = partialName(join(backupsDir, RECORD));
  try {
    writeFileSync(partial, JSON.stringify(record));
    renameSync(partial, join(backupsDir, RECORD));
  } catch {
    rmSync(partial, { force: true });
  }
}

/** The SQLite header says how many pages the file has; a file cut short has fewer bytes than that. */
function headerLooksWhole(file: string, size: number): boolean {
  const header = Buffer.alloc(100);
  const fd = openSync(file, 'r');
  try {
    if (readSync(fd, header, 0, 100, 0) < 100) return false;
  } finally {
    closeSync(fd);
  }
  if (header.toString('latin1', 0, 16) !== 'SQLite format 3\0') return false;
  const raw = header.readUInt16BE(16);
  const pageSize = raw === 1 ? 65536 : raw;
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0 || size % pageSize !== 0) return false;
  const pages = header.readUInt32BE(28);
  // the page count is valid when the "version-valid-for" number matches the change counter
  if (pages > 0 && header.readUInt32BE(92) === header.readUInt32BE(24) && pages * pageSize > size) return false;
  return true;
}

/**
 * True when the file under a backup's name is a whole SQLite database that passes quick_check (read-only).
 * `fresh` checks it now, whatever was recorded (a restore, the way out of a damaged database).
 */
function isGoodBackup(file: string, fresh = false): boolean {
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(file);
  } catch {
    return false;
  }
  const known = fresh ? undefined : verified.get(file);
  if (known && known.size === st.size && known.mtimeMs === st.mtimeMs) return known.good;
  let good = false;
  try {
    if (st.isFile() && st.size >= 512 && headerLooksWhole(file, st.size)) {
      const db = new Database(file, { readonly: true, fileMustExist: true });
      try {
        good = db.pragma('quick_check', { simple: true }) === 'ok';
      } finally {
        db.close();
      }
    }
  } catch {
    good = false;
  }
  verified.set(file, { size: st.size, mtimeMs: st.mtimeMs, good });
  return good;
}

/** This database's backups that open and pass their check, oldest first. */
function goodBackups(backupsDir: string, prefix: string, fresh = false): string[] {
  if (!existsSync(backupsDir)) return [];
  if (!fresh) readRecord(backupsDir);
  return readdirSync(backupsDir)
    .filter((f) => ownName(prefix, f))
    .sort()
    .filter((f) => isGoodBackup(join(backupsDir, f), fresh));
}

/** The newest backup of this database that opens and passes its check (the way out of a damaged one), or null. */
export function newestGoodBackup(backupsDir: string, dbFile: string): string | null {
  const good = goodBackups(backupsDir, backupPrefix(dbFile), true);
  return good.length > 0 ? join(backupsDir, good[good.length - 1]) : null;
}

/**
 * Keeps the newest `keep` good backups. Files that do not open are not counted; they are renamed out of the
 * backups' names (…sqlite.damaged) so nothing offers them. Temporary copies left by a killed process go too.
 */
export function rotate(backupsDir: string, prefix: string, keep = KEEP_BACKUPS): void {
  readRecord(backupsDir);
  const names = readdirSync(backupsDir);
  const hourAgo = Date.now() - 3600_000;
  for (const f of names) {
    if (!PARTIAL.test(f)) continue;
    try {
      if (statSync(join(backupsDir, f)).mtimeMs < hourAgo) rmSync(join(backupsDir, f), { force: true });
    } catch {
      /* gone already */
    }
  }
  for (const f of names.filter((n) => ownName(prefix, n)).sort()) {
    const file = join(backupsDir, f);
    if (!isGoodBackup(file)) {
      try {
        renameSync(file, `${file}.damaged`);
      } catch {
        /* left as it is: still never listed */
      }
    }
  }
  const good = goodBackups(backupsDir, prefix);
  for (const old of good.slice(0, Math.max(0, good.length - keep))) rmSync(join(backupsDir, old), { force: true });
  writeRecord(backupsDir);
}

/** The backups that can be restored, newest first (a file that does not open is never listed). */
export function listBackups(ctx: Pick<AppContext, 'paths' | 'dbFile'>) {
  return goodBackups(ctx.paths.backupsDir, backupPrefix(ctx.dbFile))
    .reverse()
    .map((name) => {
      const [, , ts, reason] = NAME.exec(name)!;
      const iso = `${ts.slice(0, 4)}-${ts.slice(4, 6)}-${ts.slice(6, 8)}T${ts.slice(9, 11)}:${ts.slice(11, 13)}:${ts.slice(13, 15)}.${ts.slice(15, 18)}Z`;
      return {
        name,
        reason: reason as BackupReason,
        createdAt: iso,
        bytes: statSync(join(ctx.paths.backupsDir, name)).size,
      };
    });
}

function requireBackup(ctx: AppContext, name: string): string {
  if (!ownName(backupPrefix(ctx.dbFile), name)) throw new AppError('invalid_request', MESSAGES.backups.badName);
  const file = join(ctx.paths.backupsDir, name);
  if (!existsSync(file)) throw new AppError('not_found', MESSAGES.backups.notFound(name));
  return file;
}

/** What a backup holds, read without changing it. */
export function inspectBackup(ctx: AppContext, name: string) {
  const file = requireBackup(ctx, name);
  let db: Db;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new AppError('invalid_file', MESSAGES.backups.unreadable(name, (error as Error).message));
  }
  try {
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    const returns = db
      .prepare(`SELECT r.region_code AS regionCode, coalesce(g.name, r.region_code) AS regionName, r.year, r.status,
      (SELECT count(*) FROM cell_values c WHERE c.return_id = r.id) AS cells, r.updated_at AS updatedAt
      FROM returns r LEFT JOIN regions g ON g.code = r.region_code ORDER BY r.region_code, r.year`)
      .all() as {
      regionCode: string;
      regionName: string;
      year: number;
      status: string;
      cells: number;
      updatedAt: string;
    }[];
    return { name, schemaVersion, returns };
  } catch (error) {
    throw new AppError('invalid_file', MESSAGES.backups.unreadable(name, (error as Error).message));
  } finally {
    db.close();
  }
}

/**
 * Replaces the current data with a backup's, in one transaction, after a fresh backup of the current state.
 * A backup from an older schema is migrated in a temporary copy first; a newer one is refused.
 */
export async function restoreBackup(ctx: AppContext, name: string) {
  const file = requireBackup(ctx, name);
  inspectBackup(ctx, name);
  if (!isGoodBackup(file, true)) throw new AppError('invalid_file', MESSAGES.backups.unreadable(name, 'quick_check'));
  const safety = await backupNow(ctx, 'before-restore');
  const work = join(tmpdir(), `wdp-restore-${process.pid}-${Date.now()}.sqlite`);
  copyFileSync(file, work);
  try {
    const source = new Database(work);
    try {
      migrate(source, readMigrations(ctx.paths.migrationsDir));
    } finally {
      source.close();
    }
    const tables = (
      ctx.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as {
        name: string;
      }[]
    )
      .map((t) => t.name)
      .filter((t) => !KEPT_ON_RESTORE.has(t));
    ctx.db.prepare('ATTACH DATABASE ? AS restore_source').run(work);
    try {
      ctx.db.transaction(() => {
        ctx.db.pragma('defer_foreign_keys = ON');
        for (const table of tables) ctx.db.prepare(`DELETE FROM main."${table}"`).run();
        for (const table of tables) {
          const cols = (ctx.db.prepare(`SELECT name FROM pragma_table_info(?) `).all(table) as { name: string }[])
            .map((c) => `"${c.name}"`)
            .join(', ');
          ctx.db.prepare(`INSERT INTO main."${table}" (${cols}) SELECT ${cols} FROM restore_source."${table}"`).run();
        }
      })();
    } finally {
      ctx.db.prepare('DETACH DATABASE restore_source').run();
    }
  } finally {
    rmSync(work, { force: true });
  }
  return { restored: name, safetyBackup: safety.split(/[\\/]/).pop()! };
}
