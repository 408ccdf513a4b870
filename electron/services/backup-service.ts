// Automatic and manual backups of the database, and restoring one after the user has seen what it holds.
// Start-up and pre-migration snapshots use VACUUM INTO (synchronous, a consistent copy taken by SQLite itself);
// backups taken while the app runs use SQLite's online backup API (better-sqlite3's db.backup).
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { z } from 'zod';
import type { Database as Db } from 'better-sqlite3';
import { AppError } from '../../shared/api/envelope.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { migrate, readMigrations } from '../db/migrate.ts';
import type { AppContext } from './context.ts';

export const BackupReasonSchema = z.enum(['start', 'migration', 'import', 'manual', 'before-restore']);
export type BackupReason = z.infer<typeof BackupReasonSchema>;
const NAME = /^(.+)-(\d{8}T\d{6}\d{3}Z)-(start|migration|import|manual|before-restore)\.sqlite$/;
/**
 * Backups belong to their database: named after its file (wdp.sqlite → wdp-<time>-<reason>.sqlite, as before;
 * county.sqlite → county-…), so two databases sharing a folder never list, rotate or restore each other's.
 */
export const backupPrefix = (dbFile: string) => basename(dbFile, extname(dbFile)).replace(/[^\p{L}\p{N}_.]/gu, '_') || 'wdp';
const ownName = (prefix: string, name: string) => NAME.exec(name)?.[1] === prefix;
/** tables of this machine's own settings: a restore keeps them (the profile: plan, unit, user) */
const KEPT_ON_RESTORE = new Set(['settings']);
/** How many backups are kept; the oldest go first. */
export const KEEP_BACKUPS = 30;

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace('.', '');

function backupFile(backupsDir: string, prefix: string, reason: BackupReason, now: Date): string {
  mkdirSync(backupsDir, { recursive: true });
  let file = join(backupsDir, `${prefix}-${stamp(now)}-${reason}.sqlite`);
  for (let ms = now.getTime() + 1; existsSync(file); ms += 1) file = join(backupsDir, `${prefix}-${stamp(new Date(ms))}-${reason}.sqlite`);
  return file;
}

/** A consistent copy taken synchronously (start-up, before migrations). */
export function snapshotSync(db: Db, backupsDir: string, reason: BackupReason, now: Date): string {
  const prefix = backupPrefix(db.name);
  const file = backupFile(backupsDir, prefix, reason, now);
  db.prepare('VACUUM INTO ?').run(file);
  rotate(backupsDir, prefix);
  return file;
}

/** A copy through SQLite's online backup API, taken while the app is in use (before imports, on demand). */
export async function backupNow(ctx: AppContext, reason: BackupReason): Promise<string> {
  const prefix = backupPrefix(ctx.dbFile);
  const file = backupFile(ctx.paths.backupsDir, prefix, reason, ctx.now());
  await ctx.db.backup(file);
  rotate(ctx.paths.backupsDir, prefix);
  return file;
}

export function rotate(backupsDir: string, prefix: string, keep = KEEP_BACKUPS): void {
  const files = readdirSync(backupsDir).filter((f) => ownName(prefix, f)).sort();
  for (const old of files.slice(0, Math.max(0, files.length - keep))) rmSync(join(backupsDir, old), { force: true });
}

export function listBackups(ctx: AppContext) {
  if (!existsSync(ctx.paths.backupsDir)) return [];
  const prefix = backupPrefix(ctx.dbFile);
  return readdirSync(ctx.paths.backupsDir).filter((f) => ownName(prefix, f)).sort().reverse().map((name) => {
    const [, , ts, reason] = NAME.exec(name)!;
    const iso = `${ts.slice(0, 4)}-${ts.slice(4, 6)}-${ts.slice(6, 8)}T${ts.slice(9, 11)}:${ts.slice(11, 13)}:${ts.slice(13, 15)}.${ts.slice(15, 18)}Z`;
    return { name, reason: reason as BackupReason, createdAt: iso, bytes: statSync(join(ctx.paths.backupsDir, name)).size };
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
    const returns = db.prepare(`SELECT r.region_code AS regionCode, coalesce(g.name, r.region_code) AS regionName, r.year, r.status,
      (SELECT count(*) FROM cell_values c WHERE c.return_id = r.id) AS cells, r.updated_at AS updatedAt
      FROM returns r LEFT JOIN regions g ON g.code = r.region_code ORDER BY r.region_code, r.year`).all() as {
      regionCode: string; regionName: string; year: number; status: string; cells: number; updatedAt: string }[];
    return { name, schemaVersion, returns };
  } catch (error) {
    throw new AppError('invalid_file', MESSAGES.backups.unreadable(name, (error as Error).message));
  } finally {
    db.close();
  }
}

/**
 * Replaces the current data with a backup's, in one transaction, after a fresh backup of the current state.
 * This machine's settings (the profile) stay as they are.
 * A backup from an older schema is migrated in a temporary copy first; a newer one is refused.
 */
export async function restoreBackup(ctx: AppContext, name: string) {
  const file = requireBackup(ctx, name);
  inspectBackup(ctx, name);
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
    const tables = (ctx.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[])
      .map((t) => t.name).filter((t) => !KEPT_ON_RESTORE.has(t));
    ctx.db.prepare('ATTACH DATABASE ? AS restore_source').run(work);
    try {
      ctx.db.transaction(() => {
        ctx.db.pragma('defer_foreign_keys = ON');
        for (const table of tables) ctx.db.prepare(`DELETE FROM main."${table}"`).run();
        for (const table of tables) {
          const cols = (ctx.db.prepare(`SELECT name FROM pragma_table_info(?) `).all(table) as { name: string }[]).map((c) => `"${c.name}"`).join(', ');
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
