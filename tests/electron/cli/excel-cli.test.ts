// wdp template / export / validate / import, run as a user runs them (child processes of the launcher), with the
// exit codes scripts rely on: validate 0 valid, 1 problems, 2 unreadable; import 0 written, 1 not written, 2 unreadable.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp } from '../../../electron/backend/open-app.ts';
import { sourcePaths } from '../../../electron/backend/app-paths.ts';
import { dispatch } from '../../../electron/api/dispatch.ts';
import { MESSAGES } from '../../../shared/messages.ts';
import { PARSE_MSG } from '../../../shared/messages/numbers.ts';
import { generateReturn } from '../excel/helpers/generate.ts';
import { openBook } from '../excel/helpers/mutate.ts';
import type { ReturnData } from '../../../shared/returns/schema.ts';
import { wdpRunner } from '../../helpers/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'wdp-excel-cli-'));
const db = join(dir, 'wdp.sqlite');
const E = MESSAGES.excel;
const COUNTY = '431024000000';
const TOWNSHIP = '431024100000';

const wdp = wdpRunner({ dir, db: () => db });

/** Runs handlers on the same database file, in this process (the CLI is closed meanwhile). */
async function withApp<T>(
  fn: (call: (channel: string, input: unknown) => Promise<unknown>, data: () => ReturnData) => Promise<T>,
): Promise<T> {
  const backend = openApp({ dbFile: db, ...sourcePaths });
  try {
    const call = async (channel: string, input: unknown) => {
      const r = await dispatch(backend.handlers, channel, input);
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    };
    const framework = (
      (await call('plans:get-framework', { planId: 'jiahe' })) as { framework: Parameters<typeof generateReturn>[0] }
    ).framework;
    return await fn(call, () =>
      generateReturn(framework, { level: 'county', regionCode: COUNTY, year: 2024, seed: 8, noDataShare: 0 }),
    );
  } finally {
    backend.close();
  }
}

const countReturns = () => withApp(async (call) => ((await call('returns:list', {})) as unknown[]).length);

beforeAll(async () => {
  await withApp(async (call, data) => {
    await call('settings:set-profile', { planId: 'jiahe', role: 'county', regionCode: COUNTY, userName: '赵六' });
    const view = (await call('returns:open', { regionCode: COUNTY, year: 2024 })) as { summary: { id: number } };
    const d = data();
    await call('returns:set-cells', {
      returnId: view.summary.id,
      edits: d.cells.map((c) => ({ item: c.item, sex: c.sex, value: c.value, noData: c.noData })),
    });
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('wdp template / export', () => {
  it('writes a blank template for a township', () => {
    const out = join(dir, 'template.xlsx');
    const { code, stdout } = wdp('template', '--plan', 'jiahe', '--region', TOWNSHIP, '--year', '2025', '-o', out);
    expect(code).toBe(0);
    expect(stdout).toContain(E.cli.written(out));
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  it('exports the county return of a year; says so when there is none', () => {
    const out = join(dir, 'county.xlsx');
    expect(wdp('export', '--region', COUNTY, '--year', '2024', '-o', out).code).toBe(0);
    expect(existsSync(out)).toBe(true);
    const none = wdp('export', '--region', COUNTY, '--year', '2021', '-o', join(dir, 'none.xlsx'));
    expect(none.code).toBe(1);
    expect(none.stderr).toContain(E.cli.noReturn(`嘉禾县（${COUNTY}）`, 2021));
  });

  it('refuses missing arguments with exit 2', () => {
    const { code, stderr } = wdp('template', '--region', TOWNSHIP);
    expect(code).toBe(2);
    expect(stderr).toContain(MESSAGES.cli.missingFlag('--year'));
  });
});

describe('wdp validate', () => {
  it('exit 0 for a valid file, with --json the whole report', () => {
    const file = join(dir, 'county.xlsx');
    const text = wdp('validate', file);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('校验通过');
    const json = wdp('validate', file, '--json');
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report).toMatchObject({
      fileName: 'county.xlsx',
      readable: true,
      counts: { errors: 0, warnings: 0 },
      identity: { regionCode: COUNTY, year: 2024 },
    });
  });

  it('exit 1 with every problem at its cell', async () => {
    const book = await openBook(readFileSync(join(dir, 'county.xlsx')));
    const where = book.set('HD01', 'total', 'abc');
    const bad = join(dir, 'bad.xlsx');
    writeFileSync(bad, await book.bytes());
    const { code, stdout } = wdp('validate', bad);
    expect(code).toBe(1);
    // validate never imports: its verdict says what it checked, not 「未导入」
    const { counts } = JSON.parse(wdp('validate', bad, '--json').stdout) as {
      counts: { errors: number; warnings: number };
    };
    expect(counts.errors).toBe(1);
    expect(stdout.split('\n')[0]).toBe(MESSAGES.cli.validateVerdict.errors('bad.xlsx', 1, counts.warnings));
    expect(stdout).not.toContain('未导入');
    expect(stdout).toContain(`${E.result.severity.error}\t${where}\tHD01\t${PARSE_MSG.notANumber('abc')}`);
  });

  it('exit 2 for a file that is not a spreadsheet, or is missing', () => {
    const fake = join(dir, 'fake.xlsx');
    writeFileSync(fake, 'just some text');
    const r = wdp('validate', fake);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(E.problem.notSpreadsheet('fake.xlsx'));
    expect(wdp('validate', join(dir, 'missing.xlsx')).code).toBe(2);
  });
});

describe('wdp import', () => {
  it('does not write a file with warnings without --yes (exit 1), writes it with --yes (exit 0)', async () => {
    // a township template filled with one remark that the return cannot keep: a warning
    const template = await openBook(readFileSync(join(dir, 'template.xlsx')));
    template.set('HD01', 'total', 12);
    template.set('HD01', 'note', '含流动人口');
    const file = join(dir, 'township.xlsx');
    writeFileSync(file, await template.bytes());
    const before = await countReturns();
    const first = wdp('import', file);
    expect(first.code).toBe(1);
    expect(first.stdout).toContain(E.problem.noteWithoutNoData);
    expect(first.stderr).toContain(E.cli.notWrittenWarnings);
    expect(await countReturns()).toBe(before);
    const second = wdp('import', file, '--yes', '--json');
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({
      written: true,
      identity: { regionCode: TOWNSHIP, level: 'township' },
    });
    expect(await countReturns()).toBe(before + 1);
  });

  it('does not write a file with errors even with --yes (exit 1); exit 2 when unreadable', async () => {
    const before = await countReturns();
    expect(wdp('import', join(dir, 'bad.xlsx'), '--yes').code).toBe(1);
    expect(wdp('import', join(dir, 'fake.xlsx'), '--yes').code).toBe(2);
    expect(await countReturns()).toBe(before);
  });
});
