import type { Database } from 'better-sqlite3';
import type { Region } from '../../../shared/api/regions-contract.ts';

export function countRegions(db: Database): number {
  return (db.prepare('SELECT count(*) AS n FROM regions').get() as { n: number }).n;
}

export function replaceRegions(db: Database, regions: Region[]): void {
  const insert = db.prepare('INSERT INTO regions (code, name, level, parent) VALUES (@code, @name, @level, @parent)');
  db.prepare('DELETE FROM regions').run();
  for (const region of regions) insert.run(region);
}

export function getRegion(db: Database, code: string): Region | null {
  return (
    (db.prepare('SELECT code, name, level, parent FROM regions WHERE code = ?').get(code) as Region | undefined) ?? null
  );
}

export function childRegions(db: Database, code: string): Region[] {
  return db
    .prepare('SELECT code, name, level, parent FROM regions WHERE parent = ? ORDER BY code')
    .all(code) as Region[];
}
