// The rotating log file: lines land in dir/main.log, the file moves to main.old.log past its size, the newest
// lines are read back in order, and the home folder (which holds the user's name on Windows) is written as ~.
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeError, recentLogLines, withoutHome } from '../../../electron/context/app-log.ts';
import { createFileLog } from '../../../electron/context/file-log.ts';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'wdp-log-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('app log', () => {
  it('writes timestamped lines with their level to dir/main.log', () => {
    const dir = tempDir();
    const log = createFileLog(dir);
    log.info('start app=0.1.0');
    log.warn('backup failed');
    log.error('ipc returns:get failed', new Error('boom'));
    const text = readFileSync(join(dir, 'main.log'), 'utf8');
    expect(text).toMatch(/^\[\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}\] \[info\] +start app=0\.1\.0$/m);
    expect(text).toMatch(/\[warn\] +backup failed/);
    expect(text).toMatch(/\[error\] +ipc returns:get failed\nError: boom\n +at /);
    expect(log.dir).toBe(dir);
  });

  it('rotates: past the size the file becomes main.old.log and a new main.log starts', () => {
    const dir = tempDir();
    const log = createFileLog(dir, { maxBytes: 2000 });
    for (let i = 0; i < 100; i++) log.info(`line ${i} ${'x'.repeat(40)}`);
    expect(existsSync(join(dir, 'main.old.log'))).toBe(true);
    expect(statSync(join(dir, 'main.log')).size).toBeLessThanOrEqual(2100);
    const recent = recentLogLines(dir, 10);
    expect(recent).toHaveLength(10);
    expect(recent.at(-1)).toContain('line 99 ');
    expect(recent[0]).toContain('line 90 ');
    expect(recentLogLines(null)).toEqual([]);
    expect(recentLogLines(tempDir())).toEqual([]);
  });

  it('hides the home folder in messages and errors', () => {
    expect(withoutHome('C:\\Users\\张三\\AppData\\wdp.sqlite', 'C:\\Users\\张三')).toBe('~\\AppData\\wdp.sqlite');
    const dir = tempDir();
    const log = createFileLog(dir);
    log.error('open failed', new Error(`ENOENT: ${join(homedir(), 'x.sqlite')}`));
    const text = readFileSync(join(dir, 'main.log'), 'utf8');
    expect(text).toContain('ENOENT: ~');
    expect(text).not.toContain(homedir());
    expect(describeError('plain')).toBe('plain');
  });
});
