// The small .xlsx reader (electron/excel/fast-xlsx.ts) against SheetJS on the same bytes: the app's own export, a
// template filled by openpyxl, a workbook edited the way Excel and WPS save (rich text with phonetic runs, formula
// results as text, booleans, error values, percent / date / custom number formats, character references, _x000D_
// escapes, a very hidden sheet), and files it must hand to SheetJS (shared formulas, prefixed XML, too many rows).
// The grids must be identical, and so must the whole import's verdict: report, problems and the return read.
// (Every other import test also compares both readers: vitest.config.ts sets WDP_XLSX_CROSSCHECK.)
import JSZip from 'jszip';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { shortcutUse, wholeNumberText } from '../../../electron/excel/fast-xlsx.ts';
import { readReturnWorkbook, type ReadContext } from '../../../electron/excel/read-return.ts';
import { readWorkbookBytes } from '../../../electron/excel/read-workbook.ts';
import { allFrameworks } from '../../../electron/merge/excel-reader.ts';
import { plausibleReturn } from '../merge/excel-files.ts';
import { openTestApp, type TestApp } from './helpers/app.ts';
import { writeTownshipReturn } from './helpers/written.ts';

let app: TestApp;
let ctx: ReadContext;
let exported: Buffer;
let addresses: Map<string, string>;
let template: Buffer;
const dir = mkdtempSync(join(tmpdir(), 'wdp-fast-xlsx-'));
const TOWN = { code: '511113100000', name: '永和镇' };

beforeAll(async () => {
  app = openTestApp();
  const framework = app.framework('jinkouhe');
  const data = plausibleReturn(framework, { regionCode: TOWN.code, regionName: TOWN.name, year: 2024 });
  const written = await writeTownshipReturn(framework, data, TOWN);
  exported = written.bytes;
  addresses = written.addresses;
  const file = await app.call('excel:template', { regionCode: TOWN.code, year: 2024, planId: 'jinkouhe' });
  template = Buffer.from(file.bytesBase64, 'base64');
  ctx = { frameworks: allFrameworks(app.backend.ctx), region: () => ({ name: TOWN.name, level: 'township' }) };
});
afterAll(() => {
  app.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Both readers on the same bytes: the same grid, and the same import verdict. */
function sameBothWays(bytes: Buffer, fileName: string, reader: 'fast' | 'sheetjs') {
  const auto = readWorkbookBytes(bytes, fileName);
  const sheetjs = readWorkbookBytes(bytes, fileName, undefined, 'sheetjs');
  expect(auto.ok && sheetjs.ok).toBe(true);
  if (!auto.ok || !sheetjs.ok) return null;
  expect(auto.reader).toBe(reader);
  expect(sheetjs.reader).toBe('sheetjs');
  expect(auto.workbook).toStrictEqual(sheetjs.workbook);
  const a = readReturnWorkbook(bytes, fileName, ctx);
  const b = readReturnWorkbook(bytes, fileName, { ...ctx, reader: 'sheetjs' });
  expect(a).toStrictEqual(b);
  expect(a.report.problems.some((p) => p.code === 'internal')).toBe(false);
  return a;
}

/** The exported workbook with XML edits: sheet parts by sheet name, a cell replaced by its reference. */
async function edit(
  bytes: Buffer,
  change: (z: {
    zip: JSZip;
    sheet: (name: string) => string;
    cell: (key: string) => { path: string; ref: string };
  }) => Promise<void>,
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const wbXml = await zip.file('xl/workbook.xml')!.async('string');
  const names = [...wbXml.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
  const sheet = (name: string) => `xl/worksheets/sheet${names.indexOf(name) + 1}.xml`;
  const cell = (key: string) => {
    const [s, ref] = addresses.get(key)!.split('!');
    return { path: sheet(s), ref };
  };
  await change({ zip, sheet, cell });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

async function replaceCell(zip: JSZip, at: { path: string; ref: string }, xml: (style: string) => string) {
  const text = await zip.file(at.path)!.async('string');
  const re = new RegExp(`<c r="${at.ref}"( s="\\d+")?[^>]*?(?:/>|>.*?</c>)`);
  const m = re.exec(text);
  if (!m) throw new Error(`no cell ${at.ref}`);
  zip.file(at.path, text.replace(re, xml(m[1] ?? '')));
}

describe('the small .xlsx reader gives what SheetJS gives', () => {
  it("the app's own export", () => {
    const r = sameBothWays(exported, '永和镇.xlsx', 'fast');
    expect(r?.parsed).not.toBeNull();
  });

  it('the template filled by openpyxl (inline strings spelled as character references, formulas without results)', () => {
    const tpl = join(dir, 'template.xlsx');
    writeFileSync(tpl, template);
    const spec = join(dir, 'spec.json');
    writeFileSync(
      spec,
      JSON.stringify({
        townships: [
          { code: TOWN.code, name: TOWN.name, file: 'filled.xlsx', cells: { 'HD01.total': 120, 'HD02.total': 0 } },
        ],
      }),
    );
    execFileSync('/usr/bin/python3', [
      join(import.meta.dirname, '..', '..', 'bench', 'fill-templates.py'),
      tpl,
      spec,
      dir,
    ]);
    const bytes = readFileSync(join(dir, 'filled.xlsx'));
    const r = sameBothWays(bytes, 'filled.xlsx', 'fast');
    expect(r?.parsed?.cells.find((c) => c.item === 'HD01' && c.sex === 'total')?.value).toBe(120);
  });

  it('a workbook saved by Excel or WPS with every kind of cell', async () => {
    const totals = [...addresses.keys()].filter(
      (k) => /^[A-Z]D\d\d\.total$/.test(k) && addresses.get(k)!.startsWith('健康!'),
    );
    const bytes = await edit(exported, async ({ zip, cell, sheet }) => {
      // styles: percent, date and a custom format with text, as Excel adds them
      let styles = await zip.file('xl/styles.xml')!.async('string');
      const count = Number(/<cellXfs count="(\d+)"/.exec(styles)![1]);
      styles = styles
        .replace('<numFmts count="1">', '<numFmts count="2"><numFmt numFmtId="200" formatCode="0.0&quot;人&quot;"/>')
        .replace(/<cellXfs count="\d+">/, `<cellXfs count="${count + 3}">`)
        .replace(
          '</cellXfs>',
          '<xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="200" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>',
        );
      zip.file('xl/styles.xml', styles);
      // rich text with a phonetic run, as WPS writes it
      let sst = await zip.file('xl/sharedStrings.xml')!.async('string');
      const unique = Number(/uniqueCount="(\d+)"/.exec(sst)![1]);
      sst = sst
        .replace(/uniqueCount="\d+"/, `uniqueCount="${unique + 1}"`)
        .replace(
          '</sst>',
          '<si><r><rPr><sz val="10"/></rPr><t>1,</t></r><r><t xml:space="preserve">234</t></r><rPh sb="0" eb="1"><t>ヨミ</t></rPh><phoneticPr fontId="1" type="noConversion"/></si></sst>',
        );
      zip.file('xl/sharedStrings.xml', sst);
      const cells: ((s: string) => string)[] = [
        () => `<c r="REF" t="s"><v>${unique}</v></c>`,
        () => '<c r="REF" t="str"><f>TEXT(17,"0")</f><v>17</v></c>',
        () => '<c r="REF" t="b"><v>1</v></c>',
        () => '<c r="REF" t="e"><f>1/0</f><v>#DIV/0!</v></c>',
        () => `<c r="REF" s="${count}"><v>0.25</v></c>`,
        () => `<c r="REF" s="${count + 1}"><v>45000</v></c>`,
        () => `<c r="REF" s="${count + 2}"><v>12.5</v></c>`,
        () => '<c r="REF" t="inlineStr"><is><t>&#x31;&#50;3</t></is></c>',
        (s) => `<c r="REF"${s}><f>SUM(1,2)</f><v>3</v></c>`,
        (s) => `<c r="REF"${s} t="s"><v>${unique}</v></c>`,
      ];
      for (const [i, make] of cells.entries()) {
        const at = cell(totals[i]);
        await replaceCell(zip, at, (s) => make(s).replace('REF', at.ref));
      }
      // a note with a carriage return escape, CRLF and an upper-case entity
      const note = cell(totals[0]);
      await replaceCell(
        zip,
        { path: note.path, ref: note.ref.replace(/^[A-Z]+/, 'I') },
        (s) =>
          `<c r="${note.ref.replace(/^[A-Z]+/, 'I')}"${s} t="inlineStr"><is><t>说明_x000D_&#13;&#10;第二行 &AMP; &amp;lt;</t></is></c>`,
      );
      const wbXml = (await zip.file('xl/workbook.xml')!.async('string')).replace(
        'state="hidden"',
        'state="veryHidden"',
      );
      zip.file('xl/workbook.xml', wbXml);
      expect(sheet('健康')).toBe('xl/worksheets/sheet1.xml');
    });
    const r = sameBothWays(bytes, '编辑过.xlsx', 'fast');
    const codes = new Set(r!.report.problems.map((p) => p.code));
    for (const code of ['text_number', 'not_a_number', 'error_value', 'date_value', 'formula_cached'])
      expect(codes, code).toContain(code);
  });

  it('reads tags by position as it read them by expression: cells closing themselves, prefixed attributes and extension tags, rows out of order', async () => {
    const totals = [...addresses.keys()].filter(
      (k) => /^[A-Z]D\d\d\.total$/.test(k) && addresses.get(k)!.startsWith('健康!'),
    );
    const bytes = await edit(exported, async ({ zip, cell, sheet }) => {
      const [a, b] = [cell(totals[0]), cell(totals[1])];
      await replaceCell(zip, a, (s) => `<c r="${a.ref}"${s}/>`);
      await replaceCell(zip, b, () => `<c r="${b.ref}"/>`);
      const path = sheet('健康');
      let text = await zip.file(path)!.async('string');
      // Excel 2010's row attribute and an extension block (prefixed, but no SpreadsheetML cell), as Excel saves them
      text = text
        .replace(
          '<worksheet ',
          '<worksheet xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ',
        )
        .replace(/<row r="(\d+)"/g, '<row r="$1" x14ac:dyDescent="0.25"')
        .replace(
          '<sheetData>',
          '<mc:AlternateContent><mc:Choice Requires="x14ac"><x14ac:note/></mc:Choice></mc:AlternateContent><sheetData>',
        );
      // two whole rows swapped (a sheet sorted by hand, then saved by a writer that keeps the order it holds)
      const rows = [...text.matchAll(/<row r="\d+"[^>]*>.*?<\/row>/g)].map((m) => m[0]);
      const [r1, r2] = [rows[rows.length - 3], rows[rows.length - 2]];
      text = text.replace(r1 + r2, r2 + r1);
      zip.file(path, text);
    });
    const r = sameBothWays(bytes, '自闭合.xlsx', 'fast');
    expect(r?.report.readable).toBe(true);
  });

  it('hands files it does not read the same way to SheetJS: shared formulas, prefixed XML, too many rows', async () => {
    const [first, second] = [...addresses.keys()].filter((k) => /^HD0[12]\.total$/.test(k)).sort();
    const shared = await edit(exported, async ({ zip, cell }) => {
      const a = cell(first);
      const b = cell(second);
      await replaceCell(
        zip,
        a,
        (s) => `<c r="${a.ref}"${s}><f t="shared" ref="${a.ref}:${b.ref}" si="0">1+1</f><v>2</v></c>`,
      );
      await replaceCell(zip, b, (s) => `<c r="${b.ref}"${s}><f t="shared" si="0"/><v>2</v></c>`);
    });
    sameBothWays(shared, '共享公式.xlsx', 'sheetjs');
    const prefixed = await edit(exported, async ({ zip, sheet }) => {
      const path = sheet('健康');
      const text = await zip.file(path)!.async('string');
      zip.file(
        path,
        text
          .replace(/<(\/?)c([ >])/g, '<$1x:c$2')
          .replace('<worksheet ', '<worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '),
      );
    });
    sameBothWays(prefixed, '前缀.xlsx', 'sheetjs');
    const long = await edit(exported, async ({ zip, sheet }) => {
      const path = sheet('健康');
      const text = await zip.file(path)!.async('string');
      zip.file(
        path,
        text.replace(
          '</sheetData>',
          '<row r="6000"><c r="A6000" t="inlineStr"><is><t>x</t></is></c></row></sheetData>',
        ),
      );
    });
    // SheetJS reads the first 5,001 rows and judges the rest by the sheet's stated dimension: its verdict stands
    sameBothWays(long, '太长.xlsx', 'sheetjs');
  });
});

describe("the reader's shortcuts give SheetJS's text", () => {
  it('whole numbers under "0" and "#,##0", formatted without SheetJS, digit for digit as SheetJS formats them', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const values = [0, -0, 1, -1, 999, 1000, -1000, 1e15 - 1, -(1e15 - 1), 1e15, 0.5, -2.5, 1234.5, Number.NaN];
    for (let i = 0; i < 20_000; i++) values.push(Math.floor((random() - 0.5) * 2 * 10 ** Math.floor(random() * 16)));
    let shortcut = 0;
    for (const fmt of ['0', '#,##0', '0.00', '#,##0.00', 'General'])
      for (const v of values) {
        const text = wholeNumberText(fmt, v);
        if (text === undefined) continue;
        shortcut++;
        expect(text).toBe(XLSX.SSF.format(fmt, v));
      }
    // every whole number below 10^15 under the two formats, nothing else
    expect(shortcut).toBe(2 * (values.length - 5));
  });

  it("a township's labels read again from the memo of inline text cells, as SheetJS reads them", () => {
    // written by the openpyxl test above: every label an inline string
    const bytes = readFileSync(join(dir, 'filled.xlsx'));
    sameBothWays(bytes, 'filled.xlsx', 'fast');
    const before = shortcutUse.inlineCells;
    const again = sameBothWays(bytes, 'filled.xlsx', 'fast');
    expect(shortcutUse.inlineCells - before).toBeGreaterThan(300);
    expect(again?.parsed?.cells.find((c) => c.item === 'HD01' && c.sex === 'total')?.value).toBe(120);
  });

  it("reading the app's own export takes the shortcut", () => {
    const before = shortcutUse.wholeNumbers;
    sameBothWays(exported, '永和镇.xlsx', 'fast');
    expect(shortcutUse.wholeNumbers).toBeGreaterThan(before);
  });
});
