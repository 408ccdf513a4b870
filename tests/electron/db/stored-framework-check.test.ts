// Frameworks stored in the database are checked by the schema when they are stored; a later start reads a stored
// framework whose text is exactly the one checked without checking it again (zod cost ~40 ms at every start), and
// any other text (edited in the database, or stored before the check was recorded) is checked as before.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FrameworkSchema } from '../../../shared/framework/schema.ts';
import {
  getFrameworkVersion,
  insertFrameworkVersion,
  latestVersions,
} from '../../../electron/db/repos/frameworks-repo.ts';
import { openTestBackend, type TestBackend } from '../../helpers/backend.ts';

let backend: TestBackend | undefined;
afterEach(() => {
  vi.restoreAllMocks();
  backend?.dispose();
  backend = undefined;
});

describe('stored frameworks', () => {
  it('a framework checked when stored is read back without the schema, equal to what the schema gives', () => {
    backend = openTestBackend();
    const { db } = backend.ctx;
    const { planId, version } = latestVersions(db)[0];
    const current = getFrameworkVersion(db, planId, version)!.framework;
    const next = { ...structuredClone(current), version: version + 1 };
    insertFrameworkVersion(db, next, 'imported', '2026-11-29T00:00:00.000Z');
    const parse = vi.spyOn(FrameworkSchema, 'parse');
    const read = getFrameworkVersion(db, planId, version + 1)!.framework;
    expect(parse).not.toHaveBeenCalled();
    expect(read).toEqual(FrameworkSchema.parse(JSON.parse(JSON.stringify(next))));
  });

  it('a framework edited in the database is checked again: an invalid one is refused, a valid one read', () => {
    backend = openTestBackend();
    const { db } = backend.ctx;
    const { planId, version } = latestVersions(db)[0];
    const row = db
      .prepare('SELECT framework_json FROM framework_versions WHERE plan_id = ? AND version = ?')
      .get(planId, version) as { framework_json: string };
    const edited = JSON.parse(row.framework_json) as { version: unknown; plan: { name: string } };
    edited.plan.name = `${edited.plan.name}（改）`;
    db.prepare('UPDATE framework_versions SET framework_json = ? WHERE plan_id = ? AND version = ?').run(
      JSON.stringify(edited),
      planId,
      version,
    );
    const parse = vi.spyOn(FrameworkSchema, 'parse');
    expect(getFrameworkVersion(db, planId, version)!.framework.plan.name).toBe(edited.plan.name);
    expect(parse).toHaveBeenCalledTimes(1);
    edited.version = 'two';
    db.prepare('UPDATE framework_versions SET framework_json = ? WHERE plan_id = ? AND version = ?').run(
      JSON.stringify(edited),
      planId,
      version,
    );
    expect(() => getFrameworkVersion(db, planId, version)).toThrow();
  });
});
