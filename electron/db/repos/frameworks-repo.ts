import type { Database } from 'better-sqlite3';
import { FrameworkSchema, type Framework } from '../../../shared/framework/schema.ts';

export interface FrameworkRow {
  planId: string;
  version: number;
  origin: 'bundled' | 'imported';
  framework: Framework;
}

interface Row {
  plan_id: string;
  version: number;
  origin: 'bundled' | 'imported';
  framework_json: string;
}
/**
 * Frameworks parsed (and checked by the schema) once per process: every call that resolves the office, identifies
 * a file or judges a return asks for them again. Keyed by the stored JSON itself, so a new or changed version is
 * parsed afresh. The objects are shared: treat them as read-only (an adjustment clones before changing).
 */
const PARSED = new Map<string, Framework>();
function parseFramework(json: string): Framework {
  let framework = PARSED.get(json);
  if (!framework) {
    framework = FrameworkSchema.parse(JSON.parse(json));
    if (PARSED.size >= 64) PARSED.clear();
    PARSED.set(json, framework);
  }
  return framework;
}

const toFramework = (row: Row): FrameworkRow => ({
  planId: row.plan_id,
  version: row.version,
  origin: row.origin,
  framework: parseFramework(row.framework_json),
});

export function latestVersions(db: Database): { planId: string; version: number }[] {
  return (
    db
      .prepare('SELECT plan_id, max(version) AS version FROM framework_versions GROUP BY plan_id ORDER BY plan_id')
      .all() as { plan_id: string; version: number }[]
  ).map((r) => ({ planId: r.plan_id, version: r.version }));
}

export function getFrameworkVersion(db: Database, planId: string, version?: number): FrameworkRow | null {
  const row = (
    version === undefined
      ? db.prepare('SELECT * FROM framework_versions WHERE plan_id = ? ORDER BY version DESC LIMIT 1').get(planId)
      : db.prepare('SELECT * FROM framework_versions WHERE plan_id = ? AND version = ?').get(planId, version)
  ) as Row | undefined;
  return row ? toFramework(row) : null;
}

export function listFrameworkVersions(db: Database, planId: string): FrameworkRow[] {
  return (db.prepare('SELECT * FROM framework_versions WHERE plan_id = ? ORDER BY version').all(planId) as Row[]).map(
    toFramework,
  );
}

export function insertFrameworkVersion(
  db: Database,
  framework: Framework,
  origin: 'bundled' | 'imported',
  now: string,
): void {
  db.prepare(
    'INSERT INTO framework_versions (plan_id, version, origin, framework_json, loaded_at) VALUES (?, ?, ?, ?, ?)',
  ).run(framework.plan.id, framework.version, origin, JSON.stringify(framework), now);
}

/**
 * The newest shipped release each plan's stored versions are built on: the recorded release, or for versions
 * stored before releases were recorded, the bundled version number. json_extract reads it without parsing
 * the frameworks in JavaScript (start-up stays cheap).
 */
export function storedReleases(db: Database): Map<string, number> {
  const rows = db
    .prepare(`SELECT plan_id, max(coalesce(json_extract(framework_json, '$.release'), CASE WHEN origin = 'bundled' THEN version END, 0)) AS release
    FROM framework_versions GROUP BY plan_id`)
    .all() as { plan_id: string; release: number }[];
  return new Map(rows.map((r) => [r.plan_id, r.release]));
}
