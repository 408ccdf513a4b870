// Migration 0009 lets a return be made at level city (a city office's own return): the returns table is rebuilt
// with foreign keys held off, so a version-8 database keeps every return, its cells, audit trail and footer.
import { afterAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../../electron/db/open-database.ts';
import { cellsOf, insertReturn, putCell } from '../../../electron/db/repos/returns-repo.ts';
import { appendAudit, auditOf } from '../../../electron/db/repos/audit-repo.ts';
import { sourcePaths } from '../../../electron/backend/app-paths.ts';

const MIGRATIONS_DIR = sourcePaths.migrationsDir;
const root = mkdtempSync(join(tmpdir(), 'wdp-city-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const AT = '2026-01-05T08:00:00.000Z';

describe('migration 0009: returns at level city', () => {
  it('upgrades a version-8 database with its returns, cells and audit kept; a city return can then be stored', () => {
    const old8 = join(root, 'old');
    mkdirSync(old8);
    for (const f of readdirSync(MIGRATIONS_DIR).filter((n) => /^000[1-8]_/.test(n)))
      copyFileSync(join(MIGRATIONS_DIR, f), join(old8, f));
    const file = join(root, 'wdp.sqlite');
    const old = openDatabase(file, { migrationsDir: old8 });
    old
      .prepare(
        "INSERT INTO framework_versions (plan_id, version, origin, framework_json, loaded_at) VALUES ('taobei', 1, 'bundled', '{}', ?)",
      )
      .run(AT);
    const id = insertReturn(old, {
      planId: 'taobei',
      frameworkVersion: 1,
      regionCode: '220802000000',
      level: 'county',
      year: 2025,
      createdAt: AT,
    });
    putCell(old, id, { item: 'HD01', sex: 'total', value: 1180, noData: null, prefilled: false, raw: null }, AT);
    appendAudit(old, id, { at: AT, userName: '王芳', field: 'status', oldValue: 'draft', newValue: 'checked' });
    expect(() =>
      insertReturn(old, {
        planId: 'taobei',
        frameworkVersion: 1,
        regionCode: '220800000000',
        level: 'city' as 'county',
        year: 2025,
        createdAt: AT,
      }),
    ).toThrow(/CHECK/);
    old.close();

    const db = openDatabase(file, { migrationsDir: MIGRATIONS_DIR });
    try {
      expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(9);
      expect(cellsOf(db, id)).toEqual([
        { item: 'HD01', sex: 'total', value: 1180, noData: null, prefilled: false, raw: null },
      ]);
      expect(auditOf(db, id, 10).map((a) => a.newValue)).toEqual(['checked']);
      const city = insertReturn(db, {
        planId: 'taobei',
        frameworkVersion: 1,
        regionCode: '220800000000',
        level: 'city',
        year: 2025,
        createdAt: AT,
      });
      expect(db.prepare('SELECT level FROM returns WHERE id = ?').get(city)).toEqual({ level: 'city' });
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      db.close();
    }
  });
});
