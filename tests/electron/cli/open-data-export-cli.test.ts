// wdp export --format form|long-csv|json|dhis2-json|adx (export-data kept as the same thing), wdp data (the
// 统计数据库 as a table, the long CSV or JSON, to standard output or --out) and wdp import / validate of ADX,
// recognised by extension or by content; a hostile ADX refused with its line.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../../shared/messages.ts';
import { wdpRunner } from '../../helpers/cli.ts';
import { openTestApp, regionsOf, storeReturn } from '../excel/helpers/app.ts';
import { generateReturn } from '../excel/helpers/generate.ts';

const O = MESSAGES.openData;
const D = O.database;

describe('wdp export --format, wdp data, wdp import of ADX', () => {
  let dir: string;
  let source: string;
  let county: string;
  let township: string;
  let townshipName: string;
  const wdp = wdpRunner({ dir: () => dir, timeout: 120_000 });
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wdp-cli-data-'));
    const app = openTestApp();
    try {
      const r = regionsOf(app, 'taobei');
      county = r.county;
      township = r.township;
      townshipName = r.townshipName;
      for (const year of [2022, 2023]) {
        const data = generateReturn(app.framework('taobei'), {
          level: 'township',
          regionCode: township,
          year,
          seed: year,
          noDataShare: 0,
        });
        await storeReturn(app, { ...data, qualitative: [], externalThresholds: {} }, 'county');
      }
      app.backend.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
      source = join(dir, 'source.sqlite');
      await app.backend.ctx.db.backup(source);
    } finally {
      app.close();
    }
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('export --format long-csv writes the same file as export-data --format csv; --year stands for one year', () => {
    const a = join(dir, 'a.csv');
    const b = join(dir, 'b.csv');
    const run = wdp(
      'export',
      '--region',
      county,
      '--with-children',
      '--from',
      '2021',
      '--to',
      '2025',
      '--format',
      'long-csv',
      '-o',
      a,
      '--db',
      source,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(a);
    expect(
      wdp(
        'export-data',
        '--region',
        county,
        '--with-children',
        '--from',
        '2021',
        '--to',
        '2025',
        '--format',
        'csv',
        '-o',
        b,
        '--db',
        source,
      ).code,
    ).toBe(0);
    expect(readFileSync(a)).toEqual(readFileSync(b));
    const one = join(dir, 'one.json');
    expect(
      wdp('export', '--region', township, '--year', '2023', '--format', 'json', '-o', one, '--db', source).code,
    ).toBe(0);
    const rows = JSON.parse(readFileSync(one, 'utf8')).rows as { year: number }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((x) => x.year))).toEqual(new Set([2023]));
  });

  it('export --format form is the Excel form (default) and needs --year; a data format needs years', () => {
    const xlsx = join(dir, 'form.xlsx');
    expect(wdp('export', '--region', township, '--year', '2023', '-o', xlsx, '--db', source).code).toBe(0);
    expect([...readFileSync(xlsx).subarray(0, 2)]).toEqual([0x50, 0x4b]);
    const noYear = wdp('export', '--region', township, '--format', 'form', '-o', xlsx, '--db', source);
    expect(noYear.code).toBe(2);
    expect(noYear.stderr).toContain(MESSAGES.cli.formNeedsYear);
    const noYears = wdp('export', '--region', township, '--format', 'adx', '-o', xlsx, '--db', source);
    expect(noYears.code).toBe(2);
    expect(noYears.stderr).toContain(MESSAGES.cli.dataNeedsYears('adx'));
    expect(
      wdp('export', '--region', township, '--format', 'xml', '--year', '2023', '-o', xlsx, '--db', source).stderr,
    ).toContain(MESSAGES.cli.badValue('--format', 'xml', 'form|long-csv|json|dhis2-json|adx'));
  });

  it('an ADX export imports into another database, recognised by its extension and by its content', () => {
    const adx = join(dir, 'data.adx.xml');
    expect(
      wdp(
        'export',
        '--region',
        township,
        '--from',
        '2022',
        '--to',
        '2023',
        '--format',
        'adx',
        '-o',
        adx,
        '--db',
        source,
      ).code,
    ).toBe(0);
    const target = join(dir, 'target.sqlite');
    expect(wdp('plans', '--db', target).code).toBe(0);
    const checked = wdp('validate', adx, '--db', target);
    expect(checked.code).toBe(0);
    expect(checked.stdout).toMatch(/“data.adx.xml”校验通过：2 张报表/);
    const renamed = join(dir, 'from-platform.dat');
    writeFileSync(renamed, readFileSync(adx));
    const imported = wdp('import', renamed, '--db', target);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain(O.verdict.written('from-platform.dat', 2));
  });

  it('a hostile ADX (DOCTYPE with entities) is refused with its line, nothing written (exit 2)', () => {
    const text = readFileSync(join(dir, 'data.adx.xml'), 'utf8').replace(
      '<adx ',
      '<!DOCTYPE adx [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<adx ',
    );
    const bad = join(dir, 'bad.xml');
    writeFileSync(bad, text);
    const run = wdp('import', bad, '--db', join(dir, 'target.sqlite'));
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(O.problem.xml('bad.xml', 2, 'doctype', '<!DOCTYPE ad'));
  });

  it('wdp data prints every year × indicator of the unit and its townships as a table', () => {
    const run = wdp('data', '--region', county, '--from', '2021', '--to', '2025', '--db', source);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const [header, ...lines] = run.stdout.replace(/\n$/, '').split('\n');
    expect(header.split('\t')).toEqual([
      D.columns.unit,
      O.headers.regionCode,
      D.columns.year,
      D.columns.area,
      D.columns.code,
      D.columns.name,
      D.columns.value,
      O.headers.unit,
      D.columns.target,
      D.columns.verdict,
      D.columns.alert,
    ]);
    expect(lines.length).toBeGreaterThan(20);
    const cells = lines.map((l) => l.split('\t'));
    expect(new Set(cells.map((c) => c[0]))).toEqual(new Set([townshipName]));
    expect(new Set(cells.map((c) => c[2]))).toEqual(new Set(['2022', '2023']));
    expect(cells.every((c) => c.length === 11 && /^[HECPSFVL]\d{2}$/.test(c[4]))).toBe(true);
  });

  it('wdp data --format long-csv --out writes the long CSV (with BOM); --format json goes to standard output', () => {
    const out = join(dir, 'data.csv');
    const run = wdp(
      'data',
      '--region',
      county,
      '--from',
      '2023',
      '--to',
      '2023',
      '--format',
      'long-csv',
      '--out',
      out,
      '--db',
      source,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(out);
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain(`,${township},`);
    const json = wdp('data', '--region', county, '--from', '2022', '--to', '2022', '--format', 'json', '--db', source);
    expect(json.code).toBe(0);
    const doc = JSON.parse(json.stdout);
    expect(doc.format).toBe('wdp-long');
    expect(new Set(doc.rows.map((r: { year: number }) => r.year))).toEqual(new Set([2022]));
  });

  it('wdp data over years without returns says so (exit 1); years reversed are a usage error (exit 2)', () => {
    const none = wdp('data', '--region', county, '--from', '2028', '--to', '2029', '--db', source);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('没有报表');
    const reversed = wdp('data', '--region', county, '--from', '2025', '--to', '2021', '--db', source);
    expect(reversed.code).toBe(2);
    expect(reversed.stderr).toContain(MESSAGES.cli.fromAfterTo(2025, 2021));
  });
});
