// Migration 0010 adds the office's decision beside the entry workflow: a database of the previous version keeps each
// return's status, and 被退回 / 审核通过 are stored and read back as statuses of their own, through the returns repo;
// the column takes nothing else.
import { afterAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../../electron/db/open-database.ts';
import { getReturn, insertReturn, setReturnStatus } from '../../../electron/db/repos/returns-repo.ts';
import { sourcePaths } from '../../../electron/backend/app-paths.ts';

const MIGRATIONS_DIR = sourcePaths.migrationsDir;
const root = mkdtempSync(join(tmpdir(), 'wdp-review-state-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const AT = '2026-01-05T08:00:00.000Z';

describe("migration 0010: the return's review state", () => {
  it('upgrades a version-8 database keeping each status, then stores 被退回 and 审核通过', () => {
    const old = join(root, 'old');
    mkdirSync(old);
    for (const f of readdirSync(MIGRATIONS_DIR).filter((n) => /^000[1-8]_/.test(n)))
      copyFileSync(join(MIGRATIONS_DIR, f), join(old, f));
    const file = join(root, 'wdp.sqlite');
    const before = openDatabase(file, { migrationsDir: old });
    before
      .prepare(
        "INSERT INTO framework_versions (plan_id, version, origin, framework_json, loaded_at) VALUES ('kelan', 1, 'bundled', '{}', ?)",
      )
      .run(AT);
    const ids = (['draft', 'checked', 'submitted'] as const).map((status, i) => {
      const id = Number(
        before
          .prepare(`INSERT INTO returns (plan_id, framework_version, region_code, level, year, status, created_at, updated_at)
        VALUES ('kelan', 1, '140929000000', 'county', ?, ?, ?, ?)`)
          .run(2021 + i, status, AT, AT).lastInsertRowid,
      );
      return id;
    });
    expect(before.pragma('user_version', { simple: true })).toBe(8);
    before.close();

    const db = openDatabase(file, { migrationsDir: MIGRATIONS_DIR });
    try {
      expect(ids.map((id) => getReturn(db, id)!.status)).toEqual(['draft', 'checked', 'submitted']);
      setReturnStatus(db, ids[0], 'returned', AT);
      setReturnStatus(db, ids[2], 'accepted', AT);
      expect(ids.map((id) => getReturn(db, id)!.status)).toEqual(['returned', 'checked', 'accepted']);
      // stored as the workflow plus the decision: queries on the workflow still see 被退回 as a draft, 审核通过 as submitted
      expect(db.prepare('SELECT status, review FROM returns ORDER BY id').all()).toEqual([
        { status: 'draft', review: 'returned' },
        { status: 'checked', review: null },
        { status: 'submitted', review: 'accepted' },
      ]);
      setReturnStatus(db, ids[0], 'checked', AT);
      expect(getReturn(db, ids[0])!.status).toBe('checked');
      const fresh = insertReturn(db, {
        planId: 'kelan',
        frameworkVersion: 1,
        regionCode: '140929000000',
        level: 'county',
        year: 2030,
        createdAt: AT,
      });
      expect(getReturn(db, fresh)!.status).toBe('draft');
      expect(() => db.prepare("UPDATE returns SET review = 'approved' WHERE id = ?").run(fresh)).toThrow(
        /CHECK constraint/,
      );
    } finally {
      db.close();
    }
  });
});
