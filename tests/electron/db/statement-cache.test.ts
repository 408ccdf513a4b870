// Statements prepared once per connection (electron/db/statement-cache.ts): the same SQL gives the same statement,
// one call site's raw/pluck mode never leaks into another's, and a statement still being iterated is not reused.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheStatements } from '../../../electron/db/statement-cache.ts';

let db: Database.Database;
afterEach(() => db?.close());

describe('statement cache', () => {
  it('reuses the statement and resets its mode', () => {
    db = cacheStatements(new Database(':memory:'));
    db.exec("CREATE TABLE t (a INTEGER, b TEXT); INSERT INTO t VALUES (1, 'x'), (2, 'y')");
    const sql = 'SELECT a, b FROM t ORDER BY a';
    expect(db.prepare(sql)).toBe(db.prepare(sql));
    expect(db.prepare(sql).pluck().all()).toEqual([1, 2]);
    expect(db.prepare(sql).all()).toEqual([
      { a: 1, b: 'x' },
      { a: 2, b: 'y' },
    ]);
    expect(db.prepare(sql).raw().all()).toEqual([
      [1, 'x'],
      [2, 'y'],
    ]);
    expect(db.prepare(sql).get()).toEqual({ a: 1, b: 'x' });
    const insert = db.prepare('INSERT INTO t VALUES (?, ?)');
    expect(db.prepare('INSERT INTO t VALUES (?, ?)')).toBe(insert);
    insert.run(3, 'z');
    expect(db.prepare('SELECT count(*) FROM t').pluck().get()).toBe(3);
  });

  it('gives a fresh statement while the cached one is still iterating', () => {
    db = cacheStatements(new Database(':memory:'));
    db.exec('CREATE TABLE t (a INTEGER); INSERT INTO t VALUES (1), (2)');
    const sql = 'SELECT a FROM t ORDER BY a';
    const seen: number[][] = [];
    for (const row of db.prepare(sql).iterate() as Iterable<{ a: number }>)
      seen.push([row.a, ...(db.prepare(sql).pluck().all() as number[])]);
    expect(seen).toEqual([
      [1, 1, 2],
      [2, 1, 2],
    ]);
  });
});
