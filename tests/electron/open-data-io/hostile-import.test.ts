// Every incoming open-data file is hostile until checked: each problem is named by row and field in Chinese,
// and nothing is written on any error (the database is compared table by table before and after).
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../../shared/messages.ts';
import { BOM, parseCsv, writeCsv } from '../../../shared/open-data/csv.ts';
import { LONG_FIELDS } from '../../../shared/open-data/long-format.ts';
import { dumpTables, openTestApp, regionsOf, storeReturn, type TestApp } from '../excel/helpers/app.ts';
import { generateReturn } from '../excel/helpers/generate.ts';

const O = MESSAGES.openData;
const H = O.headers;

describe('open data import refuses hostile files', () => {
  let app: TestApp;
  let township: string;
  let county: string;
  let good: string;
  beforeAll(async () => {
    app = openTestApp();
    const r = regionsOf(app, 'kelan');
    township = r.township;
    county = r.county;
    await app.call('settings:set-profile', { planId: 'kelan', role: 'county', regionCode: county, userName: '王五' });
    // a real export to start from
    const source = openTestApp();
    try {
      await storeReturn(
        source,
        generateReturn(source.framework('kelan'), { level: 'township', regionCode: township, year: 2024, seed: 7 }),
      );
      const file = await source.call('open-data:export', {
        regionCode: township,
        fromYear: 2024,
        toYear: 2024,
        format: 'csv',
      });
      good = Buffer.from(file.bytesBase64, 'base64').toString('utf8');
    } finally {
      source.close();
    }
  }, 60_000);
  afterAll(() => app.close());

  const rowsOf = (text: string) => {
    const parsed = parseCsv(text.replace(/^\uFEFF/, ''), { maxRows: 1e6, maxFieldChars: 1e5 });
    if (!parsed.ok) throw new Error('fixture');
    return parsed.rows;
  };
  const col = (name: keyof typeof H) => LONG_FIELDS.indexOf(name);
  /** the good export with its data rows changed (row index 0 = the first data row = file row 2) */
  const edited = (change: (rows: string[][]) => void) => {
    const [header, ...rows] = rowsOf(good);
    change(rows);
    return writeCsv(header, rows);
  };
  const firstItemRow = (rows: string[][], column = '合计') =>
    rows.findIndex((r) => r[col('kind')] === O.kind.item && r[col('column')] === column && r[col('value')] !== '');

  async function refused(text: string | Buffer, fileName = 'bad.csv') {
    const before = dumpTables(app);
    const bytesBase64 = (typeof text === 'string' ? Buffer.from(text, 'utf8') : text).toString('base64');
    const report = await app.call('open-data:import', { fileName, bytesBase64, acceptWarnings: true });
    expect(report.written).toBe(false);
    expect(report.counts.errors).toBeGreaterThan(0);
    expect(dumpTables(app)).toEqual(before);
    return report;
  }

  it('the unedited export imports (the baseline the other cases break)', async () => {
    const report = await app.call('open-data:validate', {
      fileName: 'good.csv',
      bytesBase64: Buffer.from(good).toString('base64'),
    });
    expect(report.counts.errors).toBe(0);
    expect(report.problems.map((p) => p.code)).toContain('indicator_rows_skipped');
  });

  it('an unknown item code, named at its row and column', async () => {
    let row = 0;
    const report = await refused(
      edited((rows) => {
        row = firstItemRow(rows);
        rows[row][col('code')] = 'HD99';
      }),
    );
    expect(report.problems).toContainEqual(
      expect.objectContaining({
        code: 'unknown_item',
        location: O.problem.at('bad.csv', row + 2, H.code),
        message: O.problem.unknownItem('HD99'),
      }),
    );
  });

  it('the same cell twice', async () => {
    let row = 0;
    const report = await refused(
      edited((rows) => {
        row = firstItemRow(rows);
        rows.push([...rows[row]]);
      }),
    );
    const dup = report.problems.find((p) => p.code === 'duplicate')!;
    expect(dup.message).toBe(O.problem.duplicate(row + 2));
  });

  it("a unit that differs from the item's (mixed units)", async () => {
    const report = await refused(
      edited((rows) => {
        rows[firstItemRow(rows)][col('unit')] = '万人';
      }),
    );
    expect(report.problems.map((p) => p.code)).toContain('unit_mismatch');
  });

  it('a year, region or plan that is not one', async () => {
    const report = await refused(
      edited((rows) => {
        rows[0][col('year')] = '二〇二四';
        rows[1][col('regionCode')] = '1234';
        rows[2][col('planId')] = 'nowhere';
      }),
    );
    expect(report.problems.map((p) => p.code)).toEqual(
      expect.arrayContaining(['bad_year', 'bad_region', 'unknown_plan']),
    );
    expect(report.problems.find((p) => p.code === 'bad_year')!.location).toBe(O.problem.at('bad.csv', 2, H.year));
  });

  it('text where a number belongs, and a value together with a 无数据 reason', async () => {
    const report = await refused(
      edited((rows) => {
        rows[firstItemRow(rows)][col('value')] = '=1+2';
        const other = rows.findIndex(
          (r, i) => i > firstItemRow(rows) && r[col('kind')] === O.kind.item && r[col('value')] !== '',
        );
        rows[other][col('noDataReason')] = '未统计';
      }),
    );
    expect(report.problems.map((p) => p.code)).toEqual(expect.arrayContaining(['invalid_number', 'value_and_reason']));
  });

  it('a column the item does not have', async () => {
    const report = await refused(
      edited((rows) => {
        rows[firstItemRow(rows)][col('column')] = '其他';
      }),
    );
    expect(report.problems.map((p) => p.code)).toContain('bad_column');
  });

  it("the rule engine's errors, at the row of the cell (女 more than 合计)", async () => {
    let row = 0;
    const report = await refused(
      edited((rows) => {
        row = firstItemRow(rows, '女');
        rows[row][col('value')] = '99999999';
      }),
    );
    const p = report.problems.find((x) => x.code === 'female_exceeds_total');
    expect(p?.location).toBe(O.problem.at('bad.csv', row + 2, H.value));
  });

  it('a broken CSV (quote never closed), a binary file, an empty file, a file far too large, JSON that is not ours', async () => {
    expect((await refused(`${good}"unterminated,`)).problems[0].code).toBe('csv_unterminated_quote');
    expect((await refused(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 1, 2]), 'x.csv')).problems[0].code).toBe('binary');
    expect((await refused(Buffer.alloc(0), 'empty.csv')).problems[0].code).toBe('empty_file');
    expect((await refused('{"hello": 1}', 'x.json')).problems[0].code).toBe('not_open_data');
    expect((await refused('{"rows": [', 'x.json')).problems[0].code).toBe('bad_json');
    expect((await refused('a,b,c\n1,2,3\n')).problems[0].message).toBe(O.problem.notOurs('bad.csv'));
    const big = Buffer.alloc(10 * 1024 * 1024 + 10, 0x41);
    const report = await app.call('open-data:validate', { fileName: 'big.csv', bytesBase64: big.toString('base64') });
    expect(report.problems[0].code).toBe('file_too_large');
  });

  it('a GBK file is read, with a warning to check the Chinese', async () => {
    // the township's values written by hand in GB18030, as Chinese Excel saves a CSV by default
    const [header, ...rows] = rowsOf(good);
    const text = [header, ...rows.filter((r) => r[col('kind')] === O.kind.item)]
      .map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','))
      .join('\r\n');
    const gbk = encodeGb18030(text);
    const report = await app.call('open-data:validate', { fileName: 'gbk.csv', bytesBase64: gbk.toString('base64') });
    expect(report.counts.errors).toBe(0);
    expect(report.problems).toContainEqual(expect.objectContaining({ code: 'gbk', severity: 'warning' }));
    expect(report.returns[0].regionName).toBe(rows[0][col('regionName')]);
  });

  it('a BOM-less UTF-8 file and field-name headers (as R or pandas write them) are read too', async () => {
    const [header, ...rows] = rowsOf(good);
    const text = writeCsv(
      header.map((_, i) => LONG_FIELDS[i]),
      rows,
    ).replace(BOM, '');
    const report = await app.call('open-data:validate', {
      fileName: 'r.csv',
      bytesBase64: Buffer.from(text).toString('base64'),
    });
    expect(report.counts.errors).toBe(0);
  });

  it('a dataValueSet with codes the mapping does not know', async () => {
    const set = {
      dataValues: [
        { dataElement: 'abc123XYZ', period: '2024', orgUnit: township, categoryOptionCombo: 'TOTAL', value: '5' },
        { dataElement: 'HD01', period: '2024Q1', orgUnit: 'OU_x', categoryOptionCombo: 'weird', value: '5' },
        'not an object',
      ],
    };
    const report = await refused(JSON.stringify(set), 'dvs.json');
    expect(report.problems.map((p) => p.code)).toEqual(expect.arrayContaining(['unmapped', 'bad_data_value']));
    expect(report.problems.map((p) => p.location)).toEqual(
      expect.arrayContaining([
        O.problem.atValue('dvs.json', 0, 'dataElement'),
        O.problem.atValue('dvs.json', 1, 'period'),
      ]),
    );
  });

  it('warnings (overwriting a return) need confirmation; a submitted return is never overwritten', async () => {
    const bytesBase64 = Buffer.from(good).toString('base64');
    const first = await app.call('open-data:import', { fileName: 'good.csv', bytesBase64, acceptWarnings: false });
    expect(first.written).toBe(true);
    const again = await app.call('open-data:import', { fileName: 'good.csv', bytesBase64, acceptWarnings: false });
    expect(again.written).toBe(false);
    expect(again.needsConfirmation).toBe(true);
    expect(again.problems.map((p) => p.code)).toContain('will_overwrite');
    const list = await app.call('returns:list', { regionCode: township });
    app.backend.ctx.db.prepare("UPDATE returns SET status = 'submitted' WHERE id = ?").run(list[0].id);
    const locked = await refused(good, 'good.csv');
    expect(locked.problems.map((p) => p.code)).toContain('locked_return');
  });
});

/** GB18030 bytes of a text, through iconv (Node has a GB18030 decoder but no encoder). */
function encodeGb18030(text: string): Buffer {
  return execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: text });
}
