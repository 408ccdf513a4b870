// Migration 0003 adds the raw text of a cell: a database of the previous version keeps its cells (raw null),
// and a cell written with raw text reads back exactly, through the returns repo.
import { afterAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { openDatabase } from '../../../electron/db/open-database.ts';
import { cellsOf, getCell, insertReturn, putCell } from '../../../electron/db/repos/returns-repo.ts';
import { sourcePaths } from '../../../electron/backend/app-paths.ts';

const MIGRATIONS_DIR = sourcePaths.migrationsDir;
const root = mkdtempSync(join(tmpdir(), 'wdp-raw-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const AT = '2026-01-05T08:00:00.000Z';

function seedFramework(db: Database.Database) {
  db.prepare(
    "INSERT INTO framework_versions (plan_id, version, origin, framework_json, loaded_at) VALUES ('kelan', 1, 'bundled', '{}', ?)",
  ).run(AT);
}

describe('migration 0003: cell raw text', () => {
  it('upgrades a version-2 database: existing cells kept with raw null', () => {
    const dir = join(root, 'upgrade');
    const oldMigrations = join(root, 'old-migrations');
    mkdirSync(dir);
    mkdirSync(oldMigrations);
    for (const f of readdirSync(MIGRATIONS_DIR).filter((n) => /^000[12]_/.test(n)))
      copyFileSync(join(MIGRATIONS_DIR, f), join(oldMigrations, f));
    const file = join(dir, 'wdp.sqlite');
    const old = openDatabase(file, { migrationsDir: oldMigrations });
    seedFramework(old);
    const id = insertReturn(old, {
      planId: 'kelan',
      frameworkVersion: 1,
      regionCode: '140929000000',
      level: 'county',
      year: 2025,
      createdAt: AT,
    });
    old
      .prepare(
        "INSERT INTO cell_values (return_id, item, sex, value, no_data_reason, prefilled, updated_at) VALUES (?, 'VD10', 'total', 300, NULL, 0, ?)",
      )
      .run(id, AT);
    expect(old.pragma('user_version', { simple: true })).toBe(2);
    old.close();

    const db = openDatabase(file, { migrationsDir: MIGRATIONS_DIR });
    try {
      expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(3);
      expect(cellsOf(db, id)).toEqual([
        { item: 'VD10', sex: 'total', value: 300, noData: null, prefilled: false, raw: null },
      ]);
    } finally {
      db.close();
    }
  });

  it('round-trips raw text through the repo and a reopen; a cell with neither value, 无数据 nor raw text is deleted', () => {
    const dir = join(root, 'roundtrip');
    mkdirSync(dir);
    const file = join(dir, 'wdp.sqlite');
    const db = openDatabase(file, { migrationsDir: MIGRATIONS_DIR });
    seedFramework(db);
    const id = insertReturn(db, {
      planId: 'kelan',
      frameworkVersion: 1,
      regionCode: '140929000000',
      level: 'county',
      year: 2025,
      createdAt: AT,
    });
    putCell(
      db,
      id,
      { item: 'VD10', sex: 'total', value: null, noData: null, prefilled: false, raw: '１２．５ 天' },
      AT,
    );
    putCell(db, id, { item: 'VD09', sex: 'total', value: 365, noData: null, prefilled: false, raw: null }, AT);
    db.close();

    const again = openDatabase(file, { migrationsDir: MIGRATIONS_DIR });
    try {
      expect(getCell(again, id, 'VD10', 'total')).toEqual({
        item: 'VD10',
        sex: 'total',
        value: null,
        noData: null,
        prefilled: false,
        raw: '１２．５ 天',
      });
      expect(getCell(again, id, 'VD09', 'total')).toMatchObject({ value: 365, raw: null });
      putCell(again, id, { item: 'VD10', sex: 'total', value: null, noData: null, prefilled: false, raw: null }, AT);
      expect(cellsOf(again, id).map((c) => c.item)).toEqual(['VD09']);
    } finally {
      again.close();
    }
  });
});
