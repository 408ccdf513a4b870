// Prepared statements once per connection: the repositories call db.prepare(sql) where they need it (plain
// functions, easy to read), and this makes the second call with the same SQL return the statement prepared the
// first time instead of compiling it again (a merge of 300 files calls the same dozen statements thousands of times).
// A reused statement is reset to plain rows (raw, pluck and expand off), so one call site's mode never leaks into
// another's. SQL built with a variable number of placeholders stays bounded: the cache is emptied when it grows large.
import type { Database, Statement } from 'better-sqlite3';

const LIMIT = 500;

export function cacheStatements(db: Database): Database {
  const prepare = db.prepare.bind(db) as (sql: string) => Statement;
  const cache = new Map<string, Statement>();
  const cached = (sql: string): Statement => {
    const hit = cache.get(sql);
    if (hit && !hit.busy) {
      if (hit.reader) hit.raw(false).pluck(false).expand(false);
      return hit;
    }
    const fresh = prepare(sql);
    if (!hit) {
      if (cache.size >= LIMIT) cache.clear();
      cache.set(sql, fresh);
    }
    return fresh;
  };
  db.prepare = cached as Database['prepare'];
  return db;
}
