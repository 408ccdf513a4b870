import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
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

let stamp: string | undefined;
/** The schema's shape (its JSON Schema, hashed): a text checked under another schema is checked again. */
const schemaStamp = () =>
  (stamp ??= sha256(JSON.stringify(z.toJSONSchema(FrameworkSchema, { unrepresentable: 'any' }))).slice(0, 16));
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * A stored text the schema checked (framework_checks) is read with JSON.parse alone: the schema's check costs ~40 ms
 * at every start. A text is recorded only when JSON.parse alone gives exactly what the schema gives (no defaults
 * or conversions), so both readings are the same object. Anything else (edited in the database, stored before
 * checks were recorded) is checked, and recorded when it passes.
 */
function parseFramework(db: Database, json: string): Framework {
  let framework = PARSED.get(json);
  if (!framework) {
    const hash = sha256(json);
    const checked =
      db.prepare('SELECT 1 FROM framework_checks WHERE sha256 = ? AND schema = ?').get(hash, schemaStamp()) !==
      undefined;
    framework = checked ? (JSON.parse(json) as Framework) : checkAndRecord(db, json, hash);
    if (PARSED.size >= 64) PARSED.clear();
    PARSED.set(json, framework);
  }
  return framework;
}

function checkAndRecord(db: Database, json: string, hash: string): Framework {
  const framework = FrameworkSchema.parse(JSON.parse(json));
  if (isDeepStrictEqual(framework, JSON.parse(json))) {
    try {
      db.prepare('INSERT OR IGNORE INTO framework_checks (sha256, schema) VALUES (?, ?)').run(hash, schemaStamp());
    } catch {
      // a database opened read-only (or busy): the next start checks it again, nothing else changes
    }
  }
  return framework;
}

const toFramework =
  (db: Database) =>
  (row: Row): FrameworkRow => ({
    planId: row.plan_id,
    version: row.version,
    origin: row.origin,
    framework: parseFramework(db, row.framework_json),
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
  return row ? toFramework(db)(row) : null;
}

export function listFrameworkVersions(db: Database, planId: string): FrameworkRow[] {
  return (db.prepare('SELECT * FROM framework_versions WHERE plan_id = ? ORDER BY version').all(planId) as Row[]).map(
    toFramework(db),
  );
}

export function insertFrameworkVersion(
  db: Database,
  framework: Framework,
  origin: 'bundled' | 'imported',
  now: string,
): void {
  const json = JSON.stringify(framework);
  db.prepare(
    'INSERT INTO framework_versions (plan_id, version, origin, framework_json, loaded_at) VALUES (?, ?, ?, ?, ?)',
  ).run(framework.plan.id, framework.version, origin, json, now);
  // checked as it is stored, so reads skip the check; one the schema refuses is stored as before and refused when read
  try {
    checkAndRecord(db, json, sha256(json));
  } catch {
    // not recorded: every read checks it
  }
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
