// The footer travels with the file: exported in the form's footer, read back from an exported return and from a
// template filled in Excel/WPS (label and value cells, or "报出日期：2025年1月10日" in one cell, or a real Excel
// date), checked like any input. At the county, a unit's versions are ordered by that 报出日期, then by when the
// file was made, then by arrival: in every arrival order the later 报出日期 is the one used, as the message says.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import * as XLSX from 'xlsx';
import { dispatch } from '../../../electron/api/dispatch.ts';
import { readReturnWorkbook } from '../../../electron/excel/read-return.ts';
import { readContextOf } from '../../../electron/excel-io/excel-service.ts';
import type { Channel, Input, Output } from '../../../shared/api/contract.ts';
import type { ReturnData } from '../../../shared/returns/schema.ts';
import { openTestBackend, TAOBEI_COUNTY, TAOBEI_TOWNSHIP, type TestBackend } from '../../helpers/backend.ts';
import { plausibleReturn } from '../merge/excel-files.ts';
import { requireFramework } from '../../../electron/frameworks/plans-service.ts';

const YEAR = 2024;
const TOWN = TAOBEI_TOWNSHIP.regionCode;

async function call<C extends Channel>(b: TestBackend, channel: C, input: Input<C>): Promise<Output<C>> {
  const r = await dispatch(b.handlers, channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message} ${JSON.stringify(r.error.details)}`);
  return r.value as Output<C>;
}

type FooterFill = { label: string; value: string | Date }[] | { inline: string[] };

/** Fills a blank template as a person would in Excel: the values by code, then the footer; saved at `savedAt`. */
async function fillTemplate(template: Buffer, data: ReturnData, footer: FooterFill, savedAt: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ArrayBuffer);
  const cells = new Map(data.cells.map((c) => [`${c.item}.${c.sex}`, c.value]));
  for (const ws of wb.worksheets) {
    if (ws.state !== 'visible') continue;
    ws.eachRow((row) => {
      const code = String(row.getCell(2).value ?? '');
      (['total', 'female', 'male'] as const).forEach((sex, i) => {
        const v = cells.get(`${code}.${sex}`);
        if (v !== undefined && v !== null) row.getCell(4 + i).value = v;
      });
      row.eachCell((cell, col) => {
        const text = String(cell.value ?? '');
        if (Array.isArray(footer)) {
          const f = footer.find((x) => text === `${x.label}：`);
          if (!f) return;
          const target = row.getCell(col + 1);
          target.value = f.value;
          // Excel shows a typed date in a date format (exceljs shares style objects: copy before changing)
          if (f.value instanceof Date) target.style = { ...target.style, numFmt: 'yyyy"年"m"月"d"日"' };
        } else if ('inline' in footer) {
          const f = footer.inline.find((x) => x.startsWith(text) && text.endsWith('：'));
          if (f) {
            cell.value = f;
            row.getCell(col + 1).value = null;
          }
        }
      });
    });
  }
  wb.modified = savedAt;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('the footer in Excel files', () => {
  let town: TestBackend;
  let county: TestBackend;
  beforeAll(() => {
    town = openTestBackend({ profile: TAOBEI_TOWNSHIP, now: () => new Date('2025-01-12T02:00:00Z') });
    county = openTestBackend({ profile: TAOBEI_COUNTY, now: () => new Date('2025-02-01T02:00:00Z') });
  });
  afterAll(() => {
    town?.dispose();
    county?.dispose();
  });

  it('exports the footer in every area sheet and reads it back from the exported return', async () => {
    const view = await call(town, 'returns:open', { regionCode: TOWN, year: YEAR, prefillFromPreviousYear: false });
    await call(town, 'returns:set-footer', {
      returnId: view.summary.id,
      footer: { head: '李强', statistician: '王敏', filler: '张丽', phone: '0436-1234567', reportedOn: '2025-01-10' },
    });
    const out = await call(town, 'excel:export-return', { returnId: view.summary.id });
    const bytes = Buffer.from(out.bytesBase64, 'base64');
    const book = XLSX.read(bytes, { type: 'buffer' });
    const health = XLSX.utils.sheet_to_json<string[]>(book.Sheets.健康, { header: 1, blankrows: false, defval: '' });
    const signed = health.filter((r) =>
      r.some((c) => String(c).startsWith('单位负责人') || String(c).startsWith('联系电话')),
    );
    expect(signed.map((r) => r.filter(Boolean))).toEqual([
      ['单位负责人：', '李强', '统计负责人：', '王敏', '填表人：', '张丽'],
      ['联系电话：', '0436-1234567', '报出日期：', '2025年1月10日'],
    ]);
    const read = readReturnWorkbook(bytes, out.fileName, readContextOf(county.ctx));
    expect(read.meta?.footer).toEqual({
      head: '李强',
      statistician: '王敏',
      filler: '张丽',
      phone: '0436-1234567',
      reportedOn: '2025-01-10',
    });
    expect(read.meta?.madeAt).toBe('2025-01-12T02:00:00.000Z');
  });

  it('reads the footer a person typed into a filled template: value cells, a real Excel date, or label and value in one cell', async () => {
    const fw = requireFramework(county.ctx, 'taobei');
    const template = Buffer.from(
      (await call(county, 'excel:template', { regionCode: TOWN, year: YEAR })).bytesBase64,
      'base64',
    );
    const data = plausibleReturn(fw, { regionCode: TOWN, regionName: '', year: YEAR });
    const typed = await fillTemplate(
      template,
      data,
      [
        { label: '填表人', value: '刘洋' },
        { label: '联系电话', value: '13912345678' },
        { label: '报出日期', value: new Date(Date.UTC(2025, 0, 10)) },
      ],
      new Date('2025-01-10T09:00:00Z'),
    );
    const a = readReturnWorkbook(typed, 'a.xlsx', readContextOf(county.ctx));
    expect(a.meta?.footer).toEqual({
      head: '',
      statistician: '',
      filler: '刘洋',
      phone: '13912345678',
      reportedOn: '2025-01-10',
    });
    expect(a.meta?.madeAt).toBe('2025-01-10T09:00:00.000Z');

    const inline = await fillTemplate(
      template,
      data,
      { inline: ['报出日期：2025 年 1 月 20 日', '填表人：刘洋'] },
      new Date('2025-01-20T09:00:00Z'),
    );
    expect(readReturnWorkbook(inline, 'b.xlsx', readContextOf(county.ctx)).meta?.footer).toMatchObject({
      filler: '刘洋',
      reportedOn: '2025-01-20',
    });

    const bad = await fillTemplate(
      template,
      data,
      [
        { label: '报出日期', value: '2025年13月40日' },
        { label: '联系电话', value: '找刘洋' },
      ],
      new Date('2025-01-20T09:00:00Z'),
    );
    const c = readReturnWorkbook(bad, 'c.xlsx', readContextOf(county.ctx));
    expect(c.meta?.footer.reportedOn).toBeNull();
    expect(c.meta?.footer.phone).toBe('');
    const footerProblems = c.report.problems.filter((p) => p.code.startsWith('footer_'));
    expect(footerProblems).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        location: expect.stringMatching(/^健康!E\d+$/),
        message: expect.stringContaining('报出日期“2025年13月40日”不是有效日期'),
      }),
    );
    expect(footerProblems).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        location: expect.stringMatching(/^健康!B\d+$/),
        message: expect.stringContaining('联系电话只能包含数字'),
      }),
    );
  });

  it('keeps the later 报出日期 of a filled template in every arrival order, then the file made later', async () => {
    const fw = requireFramework(county.ctx, 'taobei');
    const template = Buffer.from(
      (await call(county, 'excel:template', { regionCode: TOWN, year: YEAR })).bytesBase64,
      'base64',
    );
    const early = plausibleReturn(fw, {
      regionCode: TOWN,
      regionName: '',
      year: YEAR,
      cells: { 'PD30.total': 10, 'PD30.female': 3 },
    });
    const late = plausibleReturn(fw, {
      regionCode: TOWN,
      regionName: '',
      year: YEAR,
      cells: { 'PD30.total': 12, 'PD30.female': 4 },
    });
    // the early-dated file saved later: the 报出日期 decides, not the saved time
    const jan10 = await fillTemplate(
      template,
      early,
      [{ label: '报出日期', value: '2025年1月10日' }],
      new Date('2025-01-25T09:00:00Z'),
    );
    const jan20 = await fillTemplate(
      template,
      late,
      [{ label: '报出日期', value: '2025年1月20日' }],
      new Date('2025-01-20T09:00:00Z'),
    );
    const upload = (name: string, b: Buffer) => ({ fileName: name, bytesBase64: b.toString('base64') });
    for (const [i, order] of [
      [
        ['10', jan10],
        ['20', jan20],
      ],
      [
        ['20', jan20],
        ['10', jan10],
      ],
    ].entries()) {
      const year = YEAR;
      const office = openTestBackend({ profile: TAOBEI_COUNTY, now: () => new Date('2025-02-01T02:00:00Z') });
      try {
        const verdicts = [];
        for (const [name, bytes] of order as [string, Buffer][])
          verdicts.push(
            ...(await call(office, 'merge:import-files', { year, files: [upload(`${name}.xlsx`, bytes)] })),
          );
        expect(
          verdicts.map((v) => v.reportedOn),
          `order ${i}`,
        ).toEqual((order as [string, Buffer][]).map(([n]) => `2025-01-${n}`));
        const last = verdicts[1];
        if (i === 0) expect(last.problems.at(-1)?.message).toMatch(/已采用报出日期较晚的本版本/);
        else expect(last.problems.at(-1)?.message).toMatch(/本版本的报出日期不晚于已采用的版本.*仍采用原版本/);
        const [slot] = await call(office, 'merge:resubmissions', { year });
        const current = slot.versions.find((v) => v.submission.isCurrent)!;
        expect(current.submission.reportedOn).toBe('2025-01-20');
        const result = await call(office, 'merge:result', { year });
        expect(result.data.cells.find((c) => c.item === 'PD30' && c.sex === 'total')?.value).toBe(12);
      } finally {
        office.dispose();
      }
    }

    // the same 报出日期: the file made later wins, whatever the order of arrival
    const office = openTestBackend({ profile: TAOBEI_COUNTY, now: () => new Date('2025-02-01T02:00:00Z') });
    try {
      const morning = await fillTemplate(
        template,
        late,
        [{ label: '报出日期', value: '2025年1月20日' }],
        new Date('2025-01-20T01:00:00Z'),
      );
      const evening = await fillTemplate(
        template,
        early,
        [{ label: '报出日期', value: '2025年1月20日' }],
        new Date('2025-01-20T10:00:00Z'),
      );
      await call(office, 'merge:import-files', { year: YEAR, files: [upload('evening.xlsx', evening)] });
      await call(office, 'merge:import-files', { year: YEAR, files: [upload('morning.xlsx', morning)] });
      const [slot] = await call(office, 'merge:resubmissions', { year: YEAR });
      expect(slot.versions.find((v) => v.submission.isCurrent)?.submission.fileName).toBe('evening.xlsx');
    } finally {
      office.dispose();
    }
  });
});
