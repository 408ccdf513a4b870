// A blank template filled by a script the way a person in Excel or WPS would: rows inserted, a column widened,
// numbers typed as text, full-width digits, thousands separators, "30%", a formula, 无数据 with its reason.
// It must import with exactly the values meant, each unusual spelling noted at its cell.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import * as XLSX from 'xlsx';
import * as codepages from 'xlsx/dist/cpexcel.full.mjs';
import type { CP$Utils } from 'xlsx/dist/cpexcel';
import type { ReturnData } from '../../../shared/returns/schema.ts';
import { QUALITATIVE_LABELS } from '../../../shared/rules/messages.ts';
import { MESSAGES } from '../../../shared/messages.ts';
import { readReturnWorkbook } from '../../../electron/excel/read-return.ts';
import { readContextOf } from '../../../electron/excel-io/excel-service.ts';
import { comparable, openTestApp, regionsOf, type TestApp } from './helpers/app.ts';
import { generateReturn } from './helpers/generate.ts';

const toFullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
const withThousands = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 6 });

interface Filled {
  bytes: Buffer;
  notes: { code: string; location: string }[];
}

/** Fills a template workbook with `data`, finding each row by its code as a person would by eye. */
async function fillTemplate(
  template: Buffer,
  data: ReturnData,
  options: { insertRows?: boolean; dropMeta?: boolean } = {},
): Promise<Filled> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ArrayBuffer);
  const notes: { code: string; location: string }[] = [];
  const cells = new Map(data.cells.map((c) => [`${c.item}.${c.sex}`, c]));
  const answers = new Map(data.qualitative.map((q) => [q.indicator, q]));
  let spelling = 0;
  for (const ws of wb.worksheets) {
    if (ws.state !== 'visible') continue;
    if (options.insertRows) {
      // a person adds a remark row under the heading and widens the name column
      ws.spliceRows(11, 0, ['（以下数据经乡镇分管领导审核）']);
      ws.getColumn(1).width = 60;
    }
    ws.eachRow((row) => {
      const code = String(row.getCell(2).value ?? '');
      if (/^[HECPSFVL]D\d{2}$/.test(code)) {
        const reasons: string[] = [];
        (['total', 'female', 'male'] as const).forEach((sex, i) => {
          const cell = cells.get(`${code}.${sex}`);
          if (!cell) return;
          const target = row.getCell(4 + i);
          const where = `${ws.name}!${target.address}`;
          if (cell.value === null) {
            target.value = '—';
            reasons.push(cell.noData!.reason);
            return;
          }
          const v = cell.value;
          const percentItem = row.getCell(3).value === '%';
          const kind = spelling++ % 6;
          if (percentItem && kind < 2) {
            if (kind === 0) {
              target.value = `${v}%`;
              notes.push({ code: 'percent_text', location: where });
            } else {
              target.value = v / 100;
              target.style = { ...target.style, numFmt: '0.0%' };
              notes.push({ code: 'percent_format', location: where });
            }
          } else if (kind === 0) {
            target.value = v;
          } else if (kind === 1) {
            target.value = String(v);
            notes.push({ code: 'text_number', location: where });
          } else if (kind === 2) {
            target.value = toFullWidth(String(v));
            notes.push({ code: 'text_number', location: where });
          } else if (kind === 3) {
            target.value = withThousands(v);
            notes.push({ code: 'text_number', location: where });
          } else if (kind === 4) {
            target.value = { formula: `${v}+0`, result: v } as ExcelJS.CellFormulaValue;
            notes.push({ code: 'formula_cached', location: where });
          } else {
            target.value = v;
            target.style = { ...target.style, numFmt: '#,##0.00' };
          } // exceljs shares style objects: copy before changing
        });
        // one reason for the row, as the form asks (the generator's per-column reasons are not typed by people)
        if (reasons.length > 0) row.getCell(9).value = reasons[0];
      } else if (/^[HECPSFVL]\d{2}$/.test(code)) {
        const answer = answers.get(code);
        if (!answer) return;
        const family = String(row.getCell(4).dataValidation?.formulae?.[0] ?? '').includes('已建立')
          ? 'mechanism'
          : 'progress';
        if (answer.choice) row.getCell(4).value = QUALITATIVE_LABELS[family][answer.choice];
        if (answer.note) row.getCell(9).value = answer.note;
      } else if (data.externalThresholds[code] !== undefined) {
        row.getCell(4).value = String(data.externalThresholds[code]);
        notes.push({ code: 'text_number', location: `${ws.name}!${row.getCell(4).address}` });
      }
    });
  }
  if (options.dropMeta) wb.removeWorksheet(wb.getWorksheet(MESSAGES.excel.form.metaSheet)!.id);
  return { bytes: Buffer.from(await wb.xlsx.writeBuffer()), notes };
}

/** What the filled return should read as: every 无数据 cell of a row carries the row's first reason. */
function expected(data: ReturnData): ReturnData {
  const first = new Map<string, string>();
  for (const c of data.cells) if (c.noData && !first.has(c.item)) first.set(c.item, c.noData.reason);
  return { ...data, cells: data.cells.map((c) => (c.noData ? { ...c, noData: { reason: first.get(c.item)! } } : c)) };
}

describe('a template filled in Excel or WPS', () => {
  let app: TestApp;
  let template: Buffer;
  let data: ReturnData;
  let county: string;
  beforeAll(async () => {
    app = openTestApp();
    const r = regionsOf(app, 'jiahe');
    county = r.county;
    await app.call('settings:set-profile', { planId: 'jiahe', role: 'county', regionCode: county, userName: '王五' });
    const file = await app.call('excel:template', { regionCode: county, year: 2025 });
    template = Buffer.from(file.bytesBase64, 'base64');
    data = generateReturn(app.framework('jiahe'), {
      level: 'county',
      regionCode: county,
      year: 2025,
      seed: 2025,
      noDataShare: 0.05,
    });
  });
  afterAll(() => app.close());

  it('marks input cells yellow with data validation, and holds no values', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('健康')!;
    const row = [...Array(ws.rowCount).keys()].map((i) => ws.getRow(i + 1)).find((r) => r.getCell(2).value === 'HD01')!;
    const total = row.getCell(4);
    expect(total.value).toBeNull();
    expect(total.fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FFFFF2CC' } });
    expect(total.protection?.locked).toBe(false);
    expect(total.dataValidation?.type).toBe('custom');
    expect(String(total.dataValidation?.formulae?.[0])).toContain('INT(');
    expect(row.getCell(5).value).toBe('—');
    expect(row.getCell(5).fill).not.toMatchObject({ fgColor: { argb: 'FFFFF2CC' } });
  });

  it('imports every value as meant, noting each unusual spelling at its cell', async () => {
    const filled = await fillTemplate(template, data, { insertRows: true });
    const result = await app.call('excel:import', {
      fileName: '嘉禾县填报.xlsx',
      bytesBase64: filled.bytes.toString('base64'),
      acceptWarnings: false,
    });
    expect(result.problems.filter((p) => p.severity !== 'info')).toEqual([]);
    expect(result.written).toBe(true);
    expect(result.identity).toMatchObject({ kind: 'template', source: 'metadata', regionCode: county, year: 2025 });
    const back = await app.call('returns:get', { returnId: result.returnId! });
    expect(comparable(back.data)).toEqual(comparable(expected(data)));
    // every typed-as-text, full-width, separated, percent and formula cell is reported where it is
    const infos = new Set(result.problems.filter((p) => p.severity === 'info').map((p) => `${p.code}@${p.location}`));
    expect(filled.notes.length).toBeGreaterThan(20);
    for (const n of filled.notes) expect(infos, `${n.code}@${n.location}`).toContain(`${n.code}@${n.location}`);
    // a row was inserted above the first item: it is found by its code one row lower than in the template (D11)
    const read = readReturnWorkbook(new Uint8Array(filled.bytes), 'x.xlsx', readContextOf(app.backend.ctx));
    expect(read.meta?.addresses['HD01.total']).toBe('健康!D12');
  });

  it('still imports when the metadata sheet was lost, identified by the header block', async () => {
    const filled = await fillTemplate(template, data, { dropMeta: true });
    const report = await app.call('excel:validate', {
      fileName: '无元数据.xlsx',
      bytesBase64: filled.bytes.toString('base64'),
    });
    expect(report.identity).toMatchObject({
      source: 'header',
      planId: 'jiahe',
      regionCode: county,
      year: 2025,
      level: 'county',
    });
    expect(report.problems.find((p) => p.code === 'identified_from_header')?.message).toBe(
      MESSAGES.excel.problem.identifiedFromHeader,
    );
    expect(report.counts.errors).toBe(0);
  });

  it('reads one area saved as CSV (GB18030, as Chinese Excel saves it)', async () => {
    const filled = await fillTemplate(template, data);
    const book = XLSX.read(filled.bytes, { type: 'buffer' });
    const csv = XLSX.utils.sheet_to_csv(book.Sheets.健康);
    const utf8 = await app.call('excel:validate', {
      fileName: '健康.csv',
      bytesBase64: Buffer.from(`\uFEFF${csv}`, 'utf8').toString('base64'),
    });
    expect(utf8.identity).toMatchObject({ source: 'header', regionCode: county, year: 2025 });
    expect(utf8.counts.errors).toBe(0);
    expect(utf8.problems.filter((p) => p.code === 'area_missing').length).toBeGreaterThan(3);
    // the same text in GB18030 (what Chinese Excel and WPS save) reads the same
    const { utils } = codepages as unknown as { utils: CP$Utils };
    const gbk = Buffer.from(utils.encode(936, csv) as number[]);
    const gb = await app.call('excel:validate', { fileName: '健康.csv', bytesBase64: gbk.toString('base64') });
    expect(gb.problems).toEqual(utf8.problems);
    expect(gb.summary).toEqual(utf8.summary);
  });
});
