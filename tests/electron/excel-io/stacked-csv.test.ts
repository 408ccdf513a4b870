// A CSV holding every area's table one under the other, as WPS saves a whole workbook (each sheet's header block,
// column header, body, footer and 说明 in turn): read as one return with every area, no false warnings on the
// repeated header rows, the same values as the workbook it came from.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { dispatch } from '../../../electron/api/dispatch.ts';
import { readReturnWorkbook } from '../../../electron/excel/read-return.ts';
import { readContextOf } from '../../../electron/excel-io/excel-service.ts';
import type { Channel, Input, Output } from '../../../shared/api/contract.ts';
import { MESSAGES } from '../../../shared/messages.ts';
import { openTestBackend, TAOBEI_TOWNSHIP, type TestBackend } from '../../helpers/backend.ts';
import { plausibleReturn } from '../merge/excel-files.ts';
import { requireFramework } from '../../../electron/frameworks/plans-service.ts';
import { comparable } from '../excel/helpers/app.ts';

const YEAR = 2024;

async function call<C extends Channel>(b: TestBackend, channel: C, input: Input<C>): Promise<Output<C>> {
  const r = await dispatch(b.handlers, channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value as Output<C>;
}

describe('a CSV of all areas stacked', () => {
  let town: TestBackend;
  let xlsx: Buffer;
  beforeAll(async () => {
    town = openTestBackend({ profile: TAOBEI_TOWNSHIP, now: () => new Date('2025-01-12T02:00:00Z') });
    const fw = requireFramework(town.ctx, 'taobei');
    const data = plausibleReturn(fw, { regionCode: TAOBEI_TOWNSHIP.regionCode, regionName: '', year: YEAR });
    const view = await call(town, 'returns:open', {
      regionCode: TAOBEI_TOWNSHIP.regionCode,
      year: YEAR,
      prefillFromPreviousYear: false,
    });
    await call(town, 'returns:set-cells', {
      returnId: view.summary.id,
      edits: data.cells.map((c) => ({ item: c.item, sex: c.sex, value: c.value, noData: c.noData })),
    });
    xlsx = Buffer.from((await call(town, 'excel:export-return', { returnId: view.summary.id })).bytesBase64, 'base64');
  });
  afterAll(() => town?.dispose());

  it('reads every area once, with no warnings from the repeated headers', () => {
    const book = XLSX.read(xlsx, { type: 'buffer' });
    const areaSheets = book.SheetNames.filter((n) => Object.values(MESSAGES.excel.form.sheetNames).includes(n));
    expect(areaSheets.length).toBeGreaterThan(3);
    const csv = areaSheets.map((n) => XLSX.utils.sheet_to_csv(book.Sheets[n])).join('\n');
    const ctx = readContextOf(town.ctx);
    const fromCsv = readReturnWorkbook(Buffer.from(csv, 'utf8'), 'stacked.csv', ctx);
    const fromXlsx = readReturnWorkbook(xlsx, 'return.xlsx', ctx);
    const noise = fromCsv.report.problems.filter((p) => p.severity !== 'info');
    expect(noise).toEqual([]);
    expect(fromCsv.parsed).not.toBeNull();
    expect(comparable(fromCsv.parsed!)).toEqual(comparable(fromXlsx.parsed!));
    expect(fromCsv.meta?.footer.filler).toBe('张丽');
  });

  it('reads tables stacked without their footers: the next table’s title, marks and column header are no data rows', () => {
    const book = XLSX.read(xlsx, { type: 'buffer' });
    const areaSheets = book.SheetNames.filter((n) => Object.values(MESSAGES.excel.form.sheetNames).includes(n));
    const bodies = areaSheets.map((n) => {
      const lines = XLSX.utils.sheet_to_csv(book.Sheets[n]).split('\n');
      return lines
        .slice(
          0,
          lines.findIndex((l) => l.startsWith('单位负责人')),
        )
        .join('\n');
    });
    const ctx = readContextOf(town.ctx);
    const fromCsv = readReturnWorkbook(Buffer.from(bodies.join('\n'), 'utf8'), 'stacked.csv', ctx);
    expect(fromCsv.report.problems.filter((p) => p.severity !== 'info')).toEqual([]);
    expect(comparable(fromCsv.parsed!)).toEqual(comparable(readReturnWorkbook(xlsx, 'return.xlsx', ctx).parsed!));
  });
});
