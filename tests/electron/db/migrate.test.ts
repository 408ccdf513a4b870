// Numbered migrations: applied from empty in one transaction, idempotent, a newer database refused untouched,
// and a failing migration leaves nothing behind.
import { afterAll, describe, expect, it } from 'vitest';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/api/envelope.ts';
import { migrate, readMigrations } from '../../../electron/db/migrate.ts';
import { openDatabase } from '../../../electron/db/open-database.ts';
import { sourcePaths } from '../../../electron/backend/app-paths.ts';

const MIGRATIONS_DIR = sourcePaths.migrationsDir;
const migrationFiles = readdirSync(MIGRATIONS_DIR)
  .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
  .sort();
const CORE_TABLES = [
  'settings',
  'regions',
  'framework_versions',
  'returns',
  'cell_values',
  'qualitative_answers',
  'external_thresholds',
  'warning_explanations',
  'audit_log',
];

const root = mkdtempSync(join(tmpdir(), 'wdp-migrate-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const tempDir = () => {
  const dir = join(root, String(++n));
  mkdirSync(dir);
  return dir;
};

/** Everything the schema holds, to compare before and after. */
const schemaOf = (db: Database.Database) =>
  db.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all();
const tablesOf = (db: Database.Database) =>
  (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as {
      name: string;
    }[]
  ).map((r) => r.name);

describe('readMigrations', () => {
  it('reads the numbered files in order', () => {
    const migrations = readMigrations(MIGRATIONS_DIR);
    expect(migrations.map((m) => m.name)).toEqual(migrationFiles);
    expect(migrations.map((m) => m.version)).toEqual(migrationFiles.map((_, i) => i + 1));
    expect(migrationFiles[0]).toBe('0001_init.sql');
  });

  it('refuses a gap in the numbering', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '0001_a.sql'), 'CREATE TABLE a (x INTEGER);');
    writeFileSync(join(dir, '0003_c.sql'), 'CREATE TABLE c (x INTEGER);');
    expect(() => readMigrations(dir)).toThrow(/0003_c\.sql/);
  });
});

describe('openDatabase', () => {
  it('migrates an empty database: every table exists and user_version is the number of migration files', () => {
    const file = join(tempDir(), 'wdp.sqlite');
    openDatabase(file, { migrationsDir: MIGRATIONS_DIR }).close();
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(migrationFiles.length);
      expect(tablesOf(db)).toEqual(expect.arrayContaining(CORE_TABLES));
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      db.close();
    }
  });

  it('sets WAL, synchronous FULL and foreign keys on the connection', () => {
    const db = openDatabase(join(tempDir(), 'wdp.sqlite'), { migrationsDir: MIGRATIONS_DIR });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    } finally {
      db.close();
    }
  });

  it('re-running is a no-op: same version, same schema, data kept, no before-migrate hook', () => {
    const file = join(tempDir(), 'wdp.sqlite');
    const first = openDatabase(file, { migrationsDir: MIGRATIONS_DIR });
    first.prepare("INSERT INTO settings (key, value) VALUES ('probe', 'kept')").run();
    const schema = schemaOf(first);
    first.close();

    const hooks: [number, number][] = [];
    const again = openDatabase(file, {
      migrationsDir: MIGRATIONS_DIR,
      beforeMigrate: (_db, from, to) => hooks.push([from, to]),
    });
    try {
      expect(again.pragma('user_version', { simple: true })).toBe(migrationFiles.length);
      expect(schemaOf(again)).toEqual(schema);
      expect(again.prepare("SELECT value FROM settings WHERE key = 'probe'").get()).toEqual({ value: 'kept' });
      expect(hooks).toEqual([]);
      expect(migrate(again, readMigrations(MIGRATIONS_DIR))).toEqual({
        from: migrationFiles.length,
        to: migrationFiles.length,
      });
    } finally {
      again.close();
    }
  });

  it('refuses a database with a newer user_version, with the Chinese message, and leaves its bytes untouched', () => {
    const dir = tempDir();
    const file = join(dir, 'wdp.sqlite');
    const newer = migrationFiles.length + 5;
    const seed = new Database(file);
    seed.exec(
      "CREATE TABLE future_things (id INTEGER PRIMARY KEY, note TEXT); INSERT INTO future_things (note) VALUES ('from the future');",
    );
    seed.pragma(`user_version = ${newer}`);
    seed.close();
    const before = readFileSync(file);
    const filesBefore = readdirSync(dir).sort();

    let error: unknown;
    try {
      openDatabase(file, { migrationsDir: MIGRATIONS_DIR });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('refused');
    expect((error as AppError).message).toContain(
      `数据库版本（${newer}）比本程序支持的版本（${migrationFiles.length}）新`,
    );
    expect((error as AppError).message).toMatch(/不会打开它/);

    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(filesBefore);
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(newer);
      expect(tablesOf(db)).toEqual(['future_things']);
    } finally {
      db.close();
    }
  });

  it('a newer database that is already in WAL mode is refused untouched too', () => {
    const dir = tempDir();
    const file = join(dir, 'wdp.sqlite');
    const seed = new Database(file);
    seed.pragma('journal_mode = WAL');
    seed.exec('CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1);');
    seed.pragma(`user_version = ${migrationFiles.length + 1}`);
    seed.close(); // checkpoints and removes -wal/-shm
    const before = readFileSync(file);
    expect(() => openDatabase(file, { migrationsDir: MIGRATIONS_DIR })).toThrow(AppError);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  describe('a failing migration', () => {
    function brokenMigrations(): string {
      const dir = tempDir();
      copyFileSync(join(MIGRATIONS_DIR, '0001_init.sql'), join(dir, '0001_init.sql'));
      writeFileSync(
        join(dir, '0002_broken.sql'),
        [
          'CREATE TABLE half_done (id INTEGER PRIMARY KEY);',
          "INSERT INTO settings (key, value) VALUES ('from_0002', 'x');",
          'INSERT INTO no_such_table VALUES (1);',
        ].join('\n'),
      );
      return dir;
    }

    it('from empty: rolls back everything, 0001 included (no tables, user_version 0)', () => {
      const migrationsDir = brokenMigrations();
      const file = join(tempDir(), 'wdp.sqlite');
      expect(() => openDatabase(file, { migrationsDir })).toThrow(/no_such_table/);
      const db = new Database(file, { readonly: true });
      try {
        expect(db.pragma('user_version', { simple: true })).toBe(0);
        expect(tablesOf(db)).toEqual([]);
      } finally {
        db.close();
      }
    });

    it('from version 1: keeps version 1 and its data, nothing of 0002', () => {
      const migrationsDir = brokenMigrations();
      const only1 = tempDir();
      copyFileSync(join(migrationsDir, '0001_init.sql'), join(only1, '0001_init.sql'));
      const file = join(tempDir(), 'wdp.sqlite');
      const v1 = openDatabase(file, { migrationsDir: only1 });
      v1.prepare("INSERT INTO settings (key, value) VALUES ('probe', 'kept')").run();
      const schema = schemaOf(v1);
      v1.close();

      const hooks: [number, number][] = [];
      expect(() =>
        openDatabase(file, { migrationsDir, beforeMigrate: (_db, from, to) => hooks.push([from, to]) }),
      ).toThrow(/no_such_table/);
      expect(hooks).toEqual([[1, 2]]);
      const db = new Database(file, { readonly: true });
      try {
        expect(db.pragma('user_version', { simple: true })).toBe(1);
        expect(schemaOf(db)).toEqual(schema);
        expect(tablesOf(db)).not.toContain('half_done');
        expect(db.prepare('SELECT key, value FROM settings ORDER BY key').all()).toEqual([
          { key: 'probe', value: 'kept' },
        ]);
      } finally {
        db.close();
      }
      expect(existsSync(file)).toBe(true);
    });
  });
});
