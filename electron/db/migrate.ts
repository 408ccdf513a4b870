// Numbered .sql migrations, applied in one transaction at start-up and recorded in user_version.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { AppError } from '../../shared/api/envelope.ts';
import { MESSAGES } from '../../shared/messages.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function readMigrations(dir: string): Migration[] {
  const migrations = readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((name) => ({ version: Number(name.slice(0, 4)), name, sql: readFileSync(join(dir, name), 'utf8') }));
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(MESSAGES.app.migrationGap(m.name));
  });
  return migrations;
}

/** Throws when the database was written by a newer app (its user_version is beyond our migrations). Reads only. */
export function refuseNewer(db: Database, migrations: Migration[]): number {
  const from = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.length;
  if (from > latest) {
    throw new AppError('refused', MESSAGES.app.newerDatabase(from, latest));
  }
  return from;
}

/** Applies every pending migration in one transaction; refuses a database written by a newer app. */
export function migrate(
  db: Database,
  migrations: Migration[],
  beforeMigrate?: (from: number, to: number) => void,
): { from: number; to: number } {
  const from = refuseNewer(db, migrations);
  const latest = migrations.length;
  if (from === latest) return { from, to: latest };
  beforeMigrate?.(from, latest);
  // Foreign keys are held off while migrating (a table rebuild must not cascade; the pragma has no effect inside a
  // transaction) and every reference is checked before the commit: a migration that breaks one is rolled back.
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const m of migrations.slice(from)) db.exec(m.sql);
      const broken = db.pragma('foreign_key_check') as unknown[];
      if (broken.length > 0) throw new Error(MESSAGES.app.migrationForeignKeys(broken.length));
      db.pragma(`user_version = ${latest}`);
    })();
  } finally {
    if (foreignKeys) db.pragma('foreign_keys = ON');
  }
  return { from, to: latest };
}
