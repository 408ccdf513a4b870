// The database factory: opened explicitly, never as a side effect of an import.
// An existing file is first read through a read-only connection (version, quick_check) that is closed without a
// checkpoint; only a file that passes is opened read-write. A missing file is created (first start).
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { AppError } from '../../shared/api/envelope.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { migrate, readMigrations, refuseNewer, type Migration } from './migrate.ts';
import { cacheStatements } from './statement-cache.ts';

export interface OpenOptions {
  migrationsDir: string;
  /** called before pending migrations run on an existing database (a backup hook) */
  beforeMigrate?: (db: Db, from: number, to: number) => void;
}

/** The file is not a usable database (empty, not SQLite, damaged pages); `why` says which, in Chinese. */
export class DamagedDatabaseError extends AppError {
  readonly file: string;
  readonly why: string;
  constructor(file: string, why: string) {
    super('invalid_file', MESSAGES.app.damagedDatabase(file, why, null));
    this.file = file;
    this.why = why;
  }
}

/** A SQLite error saying the file is damaged or not a database at all. */
export const isCorruption = (error: unknown) => {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
};
const corruptionWhy = (error: unknown) =>
  (error as { code?: string }).code === 'SQLITE_NOTADB'
    ? MESSAGES.app.databaseNotSqlite
    : MESSAGES.app.databasePagesDamaged((error as Error).message);

/**
 * Checks a database file without writing a byte: its version (a newer one is refused), then PRAGMA quick_check.
 * Read-only connections never checkpoint the -wal into the main file when they close.
 * Throws AppError('refused') for a newer database, DamagedDatabaseError for an empty or damaged one.
 */
function checkDatabaseFile(file: string, migrations: Migration[]): number {
  if (statSync(file).size === 0) throw new DamagedDatabaseError(file, MESSAGES.app.emptyDatabaseFile);
  let db: Db;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    if (isCorruption(error)) throw new DamagedDatabaseError(file, corruptionWhy(error));
    throw error;
  }
  try {
    const version = refuseNewer(db, migrations);
    const problems = (db.pragma('quick_check(5)') as { quick_check: string }[]).map((r) => r.quick_check);
    if (problems.length !== 1 || problems[0] !== 'ok')
      throw new DamagedDatabaseError(file, MESSAGES.app.databasePagesDamaged(problems.join('；')));
    return version;
  } catch (error) {
    if (isCorruption(error)) throw new DamagedDatabaseError(file, corruptionWhy(error));
    throw error;
  } finally {
    db.close();
  }
}

export function openDatabase(file: string, options: OpenOptions): Db {
  const migrations = readMigrations(options.migrationsDir);
  // Nothing is written to an existing file before it has passed the read-only checks.
  if (existsSync(file)) checkDatabaseFile(file, migrations);
  const db = new Database(file);
  try {
    // Checked again on the read-write connection: another process could have replaced the file in between.
    refuseNewer(db, migrations);
    db.pragma('journal_mode = WAL');
    // FULL: every committed transaction is on disk before the call returns (power cuts lose nothing).
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, migrations, (from, to) => {
      if (from > 0) options.beforeMigrate?.(db, from, to);
    });
    return cacheStatements(db);
  } catch (error) {
    db.close();
    throw error;
  }
}
