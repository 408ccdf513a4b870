// The database factory: opened explicitly, never as a side effect of an import.
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { migrate, readMigrations, refuseNewer } from './migrate.ts';
import { cacheStatements } from './statement-cache.ts';

export interface OpenOptions {
  migrationsDir: string;
  /** called before pending migrations run on an existing database (a backup hook) */
  beforeMigrate?: (db: Db, from: number, to: number) => void;
}

export function openDatabase(file: string, options: OpenOptions): Db {
  const db = new Database(file);
  try {
    const migrations = readMigrations(options.migrationsDir);
    // A database from a newer app is refused before anything is written to it (switching to WAL writes the header).
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
