// The `wdp` command line, run as a user runs it: a child process of the launcher script.
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { wdpRunner } from '../../helpers/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'wdp-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const wdp = wdpRunner({ dir });

describe('wdp CLI', () => {
  it('--help prints the Chinese usage and exits 0', () => {
    const { code, stdout } = wdp('--help');
    expect(code).toBe(0);
    expect(stdout).toContain('用法：wdp <命令>');
    expect(stdout).toContain('plans');
    expect(stdout).toContain('--db');
    expect(stdout).toContain('--json');
  });

  it('no command prints the usage and exits 2', () => {
    const { code, stdout } = wdp();
    expect(code).toBe(2);
    expect(stdout).toContain('用法');
  });

  it('plans --json --db <tmp> prints a JSON array and creates the database', () => {
    const db = join(dir, 'plans.sqlite');
    const { code, stdout } = wdp('plans', '--json', '--db', db);
    expect(code).toBe(0);
    const plans = JSON.parse(stdout);
    expect(Array.isArray(plans)).toBe(true);
    for (const p of plans) expect(p).toMatchObject({ plan: { id: expect.any(String) }, version: expect.any(Number) });
    expect(existsSync(db)).toBe(true);
  });

  it('plans without --json prints a table with a Chinese header', () => {
    const { code, stdout } = wdp('plans', '--db', join(dir, 'plans.sqlite'));
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toContain('编号');
  });

  it('an unknown command exits 2 with a Chinese message', () => {
    const { code, stderr } = wdp('frobnicate', '--db', join(dir, 'unknown.sqlite'));
    expect(code).toBe(2);
    expect(stderr).toContain('未知命令：frobnicate');
    expect(existsSync(join(dir, 'unknown.sqlite'))).toBe(false);
  });

  it('plan show nosuch exits 1 with the not-found message', () => {
    const { code, stderr } = wdp('plan', 'show', 'nosuch', '--db', join(dir, 'plans.sqlite'));
    expect(code).toBe(1);
    expect(stderr).toContain('nosuch');
    expect(stderr).toMatch(/^错误：/m);
  });

  it('plan show nosuch --json also prints the error as JSON', () => {
    const { code, stdout } = wdp('plan', 'show', 'nosuch', '--json', '--db', join(dir, 'plans.sqlite'));
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
