// wdp export-data writes a county's multi-year database in each format; wdp import / validate take the long CSV
// back (the same checks as the app), refusing a broken file with its row and field.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../../shared/messages.ts';
import { wdpRunner } from '../../helpers/cli.ts';
import { openTestApp, regionsOf, storeReturn } from '../excel/helpers/app.ts';
import { generateReturn } from '../excel/helpers/generate.ts';

const O = MESSAGES.openData;

describe('wdp export-data / import of the long format', () => {
  let dir: string;
  let source: string;
  let county: string;
  let township: string;
  const wdp = wdpRunner({ dir: () => dir, timeout: 120_000 });
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wdp-cli-open-'));
    const app = openTestApp();
    try {
      const r = regionsOf(app, 'taobei');
      county = r.county;
      township = r.township;
      for (const year of [2022, 2023])
        await storeReturn(
          app,
          generateReturn(app.framework('taobei'), { level: 'township', regionCode: township, year, seed: year }),
          'county',
        );
      app.backend.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
      source = join(dir, 'source.sqlite');
      await app.backend.ctx.db.backup(source);
    } finally {
      app.close();
    }
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes every format; the CSV has the BOM and both years of the township', () => {
    for (const format of ['csv', 'json', 'dhis2-json', 'adx']) {
      const out = join(dir, `db.${format}`);
      const run = wdp(
        'export-data',
        '--region',
        county,
        '--with-children',
        '--from',
        '2021',
        '--to',
        '2025',
        '--format',
        format,
        '-o',
        out,
        '--db',
        source,
      );
      expect(run.stderr.replace(/.*无数据.*\n/, '')).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(out);
    }
    const csv = readFileSync(join(dir, 'db.csv'));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.toString('utf8');
    expect(text).toContain(`,${township},`);
    expect(text).toMatch(/,2022,/);
    expect(text).toMatch(/,2023,/);
  });

  it('refuses a wrong format or missing years (exit 2)', () => {
    expect(
      wdp(
        'export-data',
        '--region',
        county,
        '--from',
        '2021',
        '--to',
        '2025',
        '--format',
        'xml',
        '-o',
        join(dir, 'x'),
        '--db',
        source,
      ).stderr,
    ).toContain(MESSAGES.cli.badValue('--format', 'xml', 'csv|json|dhis2-json|adx'));
    expect(wdp('export-data', '--region', county, '-o', join(dir, 'x'), '--db', source).code).toBe(2);
  });

  it('import takes the long CSV into another database, and validate names a bad row', () => {
    const target = join(dir, 'target.sqlite');
    expect(wdp('plans', '--db', target).code).toBe(0);
    const imported = wdp('import', join(dir, 'db.csv'), '--db', target);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain(O.verdict.written('db.csv', 2));
    const broken = readFileSync(join(dir, 'db.csv'), 'utf8').replace(`,${township},`, ',12345,');
    writeFileSync(join(dir, 'broken.csv'), broken);
    const checked = wdp('validate', join(dir, 'broken.csv'), '--db', target);
    expect(checked.code).toBe(1);
    expect(checked.stdout).toContain(O.problem.badRegion('12345'));
    expect(checked.stdout).toContain(O.problem.at('broken.csv', 2, O.headers.regionCode));
  });
});
