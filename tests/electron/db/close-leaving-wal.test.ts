// A one-off command (the CLI) closes its database leaving the -wal for the next open (closeLeavingWal): the
// checkpoint at close is skipped, never a commit. A process killed with SIGKILL right after such a close (before
// Node's own exit) leaves a database that opens, passes its checks and holds every committed row.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeLeavingWal, openDatabase } from '../../../electron/db/open-database.ts';
import { sourcePaths } from '../../../electron/backend/app-paths.ts';
import { REPO_ROOT } from '../../helpers/paths.ts';

const dir = mkdtempSync(join(tmpdir(), 'wdp-leave-wal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const open = (file: string) => openDatabase(file, { migrationsDir: sourcePaths.migrationsDir });

describe('closeLeavingWal', () => {
  it('leaves the -wal (the main file without the rows) and the next open reads every row from it', () => {
    const file = join(dir, 'plain.sqlite');
    const db = open(file);
    db.exec('CREATE TABLE t (n INTEGER NOT NULL, s TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO t VALUES (?, ?)');
    for (let i = 0; i < 50; i++) db.transaction(() => insert.run(i, 'x'.repeat(200)))();
    const mainBefore = statSync(file).size;
    expect(closeLeavingWal(db)).toBe(true);
    expect(db.open).toBe(false);
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(0);
    expect(statSync(file).size).toBe(mainBefore);
    const again = open(file);
    expect(again.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 50 });
    // an ordinary close checkpoints as before: the -wal goes into the main file
    again.close();
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('closes a connection to memory as usual', () => {
    const db = openDatabase(':memory:', { migrationsDir: sourcePaths.migrationsDir });
    expect(closeLeavingWal(db)).toBe(false);
    expect(db.open).toBe(false);
  });

  it('keeps every committed row when the process is killed right after closing', async () => {
    const file = join(dir, 'killed.sqlite');
    const script = join(dir, 'writer.ts');
    writeFileSync(
      script,
      `
      import { closeLeavingWal, openDatabase } from ${JSON.stringify(join(REPO_ROOT, 'electron/db/open-database.ts'))};
      import { sourcePaths } from ${JSON.stringify(join(REPO_ROOT, 'electron/backend/app-paths.ts'))};
      const db = openDatabase(${JSON.stringify(file)}, { migrationsDir: sourcePaths.migrationsDir });
      db.exec('CREATE TABLE t (n INTEGER NOT NULL, s TEXT NOT NULL)');
      const insert = db.prepare('INSERT INTO t VALUES (?, ?)');
      for (let i = 1; i <= 300; i++) db.transaction(() => insert.run(i, 'y'.repeat(500)))();
      process.stdout.write(closeLeavingWal(db) ? 'left\\n' : 'checkpointed\\n');
      setInterval(() => {}, 1000); // keep running until killed
    `,
    );
    const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    await new Promise<void>((resolve) =>
      child.stdout.on('data', (d: Buffer) => {
        out += d;
        if (out.includes('\n')) resolve();
      }),
    );
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));
    expect(out).toBe('left\n');
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(0);

    const db = open(file);
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.prepare('SELECT count(*) AS n, sum(n) AS total FROM t').get()).toEqual({ n: 300, total: 45150 });
    } finally {
      db.close();
    }
  });
});
