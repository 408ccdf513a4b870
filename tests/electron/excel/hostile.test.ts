// Every file from another office is hostile until validated. Each case gets its exact Chinese verdict naming the file
// (and the sheet and cell where there is one), never a crash, and never a write: the database is dumped before and
// after every refused import and must not change (no backup is taken either).
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { ImportResult } from '../../../shared/api/excel-contract.ts';
import { MAX_IMPORT_BYTES } from '../../../shared/api/limits.ts';
import { MESSAGES } from '../../../shared/messages.ts';
import { CONSISTENCY_MSG, INPUT_MSG } from '../../../shared/rules/messages.ts';
import { PARSE_MSG } from '../../../shared/messages/numbers.ts';
import { dumpTables, openTestApp, regionsOf, storeReturn, type TestApp } from './helpers/app.ts';
import { generateReturn } from './helpers/generate.ts';
import { openBook } from './helpers/mutate.ts';
import { deflatedZeros, makeZip } from './helpers/zip.ts';
import { DEFAULT_LIMITS } from '../../../electron/excel/file-guards.ts';

const P = MESSAGES.excel.problem;
const V = MESSAGES.excel.verdict;
const MB = 1024 * 1024;

let app: TestApp;
let exported: Buffer;
let returnId: number;
let county: string;

beforeAll(async () => {
  app = openTestApp();
  county = regionsOf(app, 'jiahe').county;
  const data = generateReturn(app.framework('jiahe'), {
    level: 'county',
    regionCode: county,
    year: 2024,
    seed: 11,
    noDataShare: 0,
  });
  returnId = await storeReturn(app, data);
  const file = await app.call('excel:export-return', { returnId });
  exported = Buffer.from(file.bytesBase64, 'base64');
});
afterAll(() => app.close());

const backups = () => (existsSync(join(app.dir, 'backups')) ? readdirSync(join(app.dir, 'backups')).length : 0);

/** Imports (even accepting warnings): nothing may be written. */
async function refused(bytes: Buffer, fileName: string): Promise<ImportResult> {
  const before = dumpTables(app);
  const backupsBefore = backups();
  const result = await app.call('excel:import', {
    fileName,
    bytesBase64: bytes.toString('base64'),
    acceptWarnings: true,
  });
  expect(result.written).toBe(false);
  expect(result.returnId).toBeNull();
  expect(dumpTables(app)).toEqual(before);
  expect(backups()).toBe(backupsBefore);
  return result;
}

/** An unreadable file: one error naming the file, the verdict saying so. */
async function unreadable(bytes: Buffer, fileName: string, message: string, code: string) {
  const result = await refused(bytes, fileName);
  expect(result.readable).toBe(false);
  expect(result.problems).toEqual([
    { severity: 'error', code, sheet: null, cell: null, location: fileName, item: null, message },
  ]);
  expect(result.verdict).toBe(V.unreadable(message));
  expect(message).toContain(fileName);
  return result;
}

function expectProblem(
  result: ImportResult,
  expected: { code: string; location: string; message: string; severity?: string },
) {
  const found = result.problems.filter((p) => p.code === expected.code && p.location === expected.location);
  expect(
    found.map((p) => ({ severity: p.severity, message: p.message })),
    JSON.stringify(result.problems.slice(0, 5)),
  ).toContainEqual({ severity: expected.severity ?? 'error', message: expected.message });
}

const minimalXlsxParts = () => [
  {
    name: '[Content_Types].xml',
    data: Buffer.from(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    ),
  },
  { name: 'xl/workbook.xml', data: Buffer.from('<?xml version="1.0"?><workbook/>') },
];

describe('files that are not (safe) spreadsheets', () => {
  it('an empty file', async () => {
    await unreadable(Buffer.alloc(0), '空文件.xlsx', P.empty('空文件.xlsx'), 'empty_file');
  });

  it('a file over the size limit', async () => {
    const big = Buffer.alloc(MAX_IMPORT_BYTES + 1);
    await unreadable(big, '大文件.xlsx', P.tooLarge('大文件.xlsx', big.length, MAX_IMPORT_BYTES), 'file_too_large');
  });

  it('a picture renamed .xlsx, a PDF renamed .xls', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    await unreadable(png, '照片.xlsx', P.notSpreadsheet('照片.xlsx'), 'not_spreadsheet');
    await unreadable(
      Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'),
      '报表.xls',
      P.notSpreadsheet('报表.xls'),
      'not_spreadsheet',
    );
  });

  it('a Word document, a plain zip archive, an .xlsb', async () => {
    const docx = makeZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'word/document.xml', data: Buffer.from('<w:document/>') },
    ]);
    await unreadable(docx, '通知.xlsx', P.wordDocument('通知.xlsx'), 'word_document');
    await unreadable(
      makeZip([{ name: '报表/说明.txt', data: Buffer.from('hello') }]),
      '报表.xlsx',
      P.plainZip('报表.xlsx'),
      'plain_zip',
    );
    const xlsb = makeZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/workbook.bin', data: Buffer.alloc(10) },
    ]);
    await unreadable(xlsb, '二进制.xlsx', P.xlsb('二进制.xlsx'), 'xlsb');
  });

  it('a zip bomb (150 MB of zeros in a few hundred KB), honest or lying about its size', async () => {
    const zeros = deflatedZeros(150 * MB);
    expect(zeros.length).toBeLessThan(MB);
    const honest = makeZip([
      ...minimalXlsxParts(),
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(0), compressed: zeros, declaredSize: 150 * MB },
    ]);
    await unreadable(honest, '炸弹.xlsx', P.zipBomb('炸弹.xlsx', DEFAULT_LIMITS.maxUncompressedBytes), 'zip_bomb');
    const lying = makeZip([
      ...minimalXlsxParts(),
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(0), compressed: zeros, declaredSize: 1000 },
    ]);
    await unreadable(lying, '伪装.xlsx', P.zipBomb('伪装.xlsx', DEFAULT_LIMITS.maxUncompressedBytes), 'zip_bomb');
  });

  it('a malformed archive: truncated, or an entry that does not inflate', async () => {
    const truncated = exported.subarray(0, Math.floor(exported.length * 0.6));
    await unreadable(truncated, '截断.xlsx', P.corrupt('截断.xlsx'), 'corrupt');
    const garbage = makeZip([
      ...minimalXlsxParts(),
      {
        name: 'xl/worksheets/sheet1.xml',
        data: Buffer.alloc(0),
        compressed: Buffer.from('not deflate data at all, just text'),
        declaredSize: 500,
      },
    ]);
    await unreadable(garbage, '损坏.xlsx', P.corrupt('损坏.xlsx'), 'corrupt');
    const sizeLie = makeZip([
      ...minimalXlsxParts(),
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<worksheet/>'.repeat(100)), declaredSize: 7 },
    ]);
    await unreadable(sizeLie, '尺寸.xlsx', P.corrupt('尺寸.xlsx'), 'corrupt');
  });

  it('an encrypted workbook (password to open), an encrypted zip entry', async () => {
    const cfb = Buffer.concat([
      Buffer.from('d0cf11e0a1b11ae1', 'hex'),
      Buffer.alloc(504),
      Buffer.from('EncryptionInfo', 'utf16le'),
      Buffer.from('EncryptedPackage', 'utf16le'),
    ]);
    await unreadable(cfb, '加密.xlsx', P.encrypted('加密.xlsx'), 'encrypted');
    const zipEnc = makeZip([...minimalXlsxParts().map((e) => ({ ...e, encrypted: true }))]);
    await unreadable(zipEnc, '加密2.xlsx', P.encrypted('加密2.xlsx'), 'encrypted');
  });

  it('a web page saved as .xls, and a binary file named .csv', async () => {
    await unreadable(
      Buffer.from('<html><body><table><tr><td>1</td></tr></table></body></html>'),
      '网页.xls',
      P.htmlXls('网页.xls'),
      'html_xls',
    );
    await unreadable(
      Buffer.from([0x41, 0x00, 0x42, 0x00, 0xff, 0xfe]),
      '数据.csv',
      P.binaryCsv('数据.csv'),
      'binary_csv',
    );
  });

  it('too many sheets, too many rows', async () => {
    const many = XLSX.utils.book_new();
    for (let i = 0; i < 51; i++) XLSX.utils.book_append_sheet(many, XLSX.utils.aoa_to_sheet([['x']]), `S${i}`);
    await unreadable(
      XLSX.write(many, { type: 'buffer', bookType: 'xlsx' }) as Buffer,
      '多表.xlsx',
      P.tooManySheets('多表.xlsx', 51, 50),
      'too_many_sheets',
    );
    const tall = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(tall, XLSX.utils.aoa_to_sheet(Array.from({ length: 5001 }, (_, i) => [i])), '长表');
    const result = await refused(XLSX.write(tall, { type: 'buffer', bookType: 'xlsx' }) as Buffer, '长表.xlsx');
    expect(result.readable).toBe(false);
    expect(result.problems).toEqual([
      {
        severity: 'error',
        code: 'too_many_rows',
        sheet: '长表',
        cell: null,
        location: '长表',
        item: null,
        message: P.tooManyRows('长表', 5000),
      },
    ]);
  });

  it('a spreadsheet that is not a return', async () => {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      book,
      XLSX.utils.aoa_to_sheet([
        ['项目', '金额'],
        ['办公用品', 1200],
      ]),
      '预算',
    );
    const result = await refused(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer, '预算.xlsx');
    expect(result.readable).toBe(true);
    expect(result.problems).toEqual([
      {
        severity: 'error',
        code: 'no_identity',
        sheet: null,
        cell: null,
        location: '预算.xlsx',
        item: null,
        message: P.noIdentity('预算.xlsx'),
      },
    ]);
    expect(result.verdict).toBe(V.errors('预算.xlsx', 1, 0));
  });
});

describe('cells that are wrong, each named by sheet and cell', () => {
  it('text where a number belongs, bad thousands separators, "30%" in a count, a negative count', async () => {
    const book = await openBook(exported);
    const text = book.set('HD01', 'total', 'abc');
    const thousands = book.set('HD04', 'total', '1,23');
    const percent = book.set('HD17', 'total', '30%');
    const negative = book.set('HD03', 'total', -5);
    const result = await refused(await book.bytes(), '坏数.xlsx');
    expectProblem(result, { code: 'invalid_number', location: text, message: PARSE_MSG.notANumber('abc') });
    expectProblem(result, { code: 'invalid_number', location: thousands, message: PARSE_MSG.badThousands('1,23') });
    expectProblem(result, { code: 'invalid_number', location: percent, message: PARSE_MSG.percentNotAllowed });
    expectProblem(result, {
      code: 'negative_count',
      location: negative,
      message: INPUT_MSG.negativeCount('人数', '-5'),
    });
    expect(text).toMatch(/^健康!D\d+$/);
    expect(result.verdict).toBe(V.errors('坏数.xlsx', result.counts.errors, result.counts.warnings));
    // the values were changed after export: said as well
    expect(result.problems.some((p) => p.code === 'checksum_changed' && p.severity === 'warning')).toBe(true);
  });

  it('numbers stored as text, full-width digits and thousands separators are read, and said so', async () => {
    const book = await openBook(exported);
    const full = book.set('HD01', 'total', '１２３');
    const sep = book.set('HD04', 'total', '12,345');
    const report = await app.call('excel:validate', {
      fileName: '文本数字.xlsx',
      bytesBase64: (await book.bytes()).toString('base64'),
    });
    expectProblem(report as ImportResult, {
      severity: 'info',
      code: 'text_number',
      location: full,
      message: P.textNumber('１２３', '123'),
    });
    expectProblem(report as ImportResult, {
      severity: 'info',
      code: 'text_number',
      location: sep,
      message: P.textNumber('12,345', '12345'),
    });
  });

  it('无数据 without a reason, a female count above the total, a bad qualitative answer', async () => {
    const book = await openBook(exported);
    const dash = book.set('HD01', 'total', '—');
    book.set('HD01', 'note', null);
    book.set('PD01', 'total', 10);
    const female = book.set('PD01', 'female', 20);
    const choice = book.set('P01', 'total', '差不多');
    const result = await refused(await book.bytes(), '标记.xlsx');
    expectProblem(result, { code: 'no_data_without_reason', location: dash, message: P.noDataWithoutReason });
    expectProblem(result, {
      code: 'female_exceeds_total',
      location: female,
      message: CONSISTENCY_MSG.femaleExceedsTotal('人数', '20', '10'),
    });
    expectProblem(result, {
      code: 'bad_choice',
      location: choice,
      message: P.badChoice('差不多', ['已实现', '推进中', '未实现']),
    });
  });

  it('a formula without a saved result, a date, an error value, TRUE', async () => {
    const book = await openBook(exported);
    const formula = book.set('HD01', 'total', { formula: 'SUM(Z1:Z9)' } as never);
    const date = book.set('HD04', 'total', 45000, 'yyyy-mm-dd');
    const error = book.set('HD17', 'total', { error: '#DIV/0!' } as never);
    const bool = book.set('HD03', 'total', true);
    const result = await refused(await book.bytes(), '公式.xlsx');
    expectProblem(result, { code: 'formula_no_value', location: formula, message: P.formulaNoValue('SUM(Z1:Z9)') });
    expectProblem(result, { code: 'date_value', location: date, message: P.dateValue('2023-03-15') });
    expectProblem(result, { code: 'error_value', location: error, message: P.errorValue('#DIV/0!') });
    expectProblem(result, { code: 'not_a_number', location: bool, message: P.booleanValue('TRUE') });
  });

  it('a duplicated row, a row with numbers but no code', async () => {
    const book = await openBook(exported);
    const first = book.cell('HD01', 'code').location;
    const { row } = book.row('HD04');
    const second = `健康!B${row.number}`;
    row.getCell(2).value = 'HD01';
    const { ws, row: r3 } = book.row('HD17');
    r3.getCell(2).value = null;
    const result = await refused(await book.bytes(), '重复.xlsx');
    expectProblem(result, { code: 'duplicate_code', location: second, message: P.duplicateCode('HD01', first) });
    expectProblem(result, {
      severity: 'warning',
      code: 'row_without_code',
      location: `${ws.name}!D${r3.number}`,
      message: P.rowWithoutCode,
    });
  });
});

describe('files that do not fit this computer', () => {
  it('a header that disagrees with the metadata (a template reused for another unit)', async () => {
    const book = await openBook(exported);
    for (const ws of book.wb.worksheets)
      if (ws.state === 'visible' && ws.getCell('A5').value) ws.getCell('A5').value = '单位代码：431024100000';
    const result = await refused(await book.bytes(), '套用.xlsx');
    expect(result.identity).toBeNull();
    expectProblem(result, {
      code: 'meta_header_mismatch',
      location: '健康!A5',
      message: P.metaHeaderMismatch('单位代码', county, '431024100000'),
    });
  });

  it('sheets whose headers name different units', async () => {
    const book = await openBook(exported);
    book.wb.getWorksheet('教育')!.getCell('A5').value = '单位代码：431024100000';
    const result = await refused(await book.bytes(), '混合.xlsx');
    expectProblem(result, {
      code: 'header_conflict',
      location: '教育!A5',
      message: P.headerConflict('单位代码', `健康!A5：${county}`, '431024100000'),
    });
  });

  it('a plan this computer does not have', async () => {
    const book = await openBook(exported);
    const meta = book.wb.getWorksheet(MESSAGES.excel.form.metaSheet)!;
    meta.getCell('B4').value = 'nowhere';
    const result = await refused(await book.bytes(), '他县.xlsx');
    expect(result.problems).toEqual([
      {
        severity: 'error',
        code: 'unknown_plan',
        sheet: null,
        cell: null,
        location: '他县.xlsx',
        item: null,
        message: P.unknownPlan('nowhere'),
      },
    ]);
  });

  it("a unit outside the plan's county", async () => {
    const book = await openBook(exported);
    book.wb.removeWorksheet(book.wb.getWorksheet(MESSAGES.excel.form.metaSheet)!.id);
    for (const ws of book.wb.worksheets) if (ws.getCell('A5').value) ws.getCell('A5').value = '单位代码：140929000000';
    const result = await refused(await book.bytes(), '外县.xlsx');
    expect(
      result.problems.find((p) => p.code === 'region_outside_plan')?.message,
      JSON.stringify(result.problems),
    ).toBe(P.regionOutsidePlan('140929000000', '嘉禾县妇女发展规划（2021-2025年）', '湖南省郴州市嘉禾县'));
  });

  it('a return already submitted (locked) here', async () => {
    const other = generateReturn(app.framework('jiahe'), {
      level: 'county',
      regionCode: county,
      year: 2024,
      seed: 12,
      noDataShare: 0,
    });
    const book = await openBook(exported);
    const v = other.cells.find((c) => c.item === 'HD01' && c.sex === 'total')!.value!;
    book.set('HD01', 'total', v + 1);
    const bytes = await book.bytes();
    await app.call('returns:set-status', { returnId, status: 'submitted' }).catch(() => null);
    const row = app.backend.ctx.db.prepare('SELECT status FROM returns WHERE id = ?').get(returnId) as {
      status: string;
    };
    if (row.status !== 'submitted')
      app.backend.ctx.db.prepare("UPDATE returns SET status = 'submitted' WHERE id = ?").run(returnId);
    try {
      const result = await refused(bytes, '已报送.xlsx');
      expect(result.problems[0]).toMatchObject({
        severity: 'error',
        code: 'locked_return',
        location: '已报送.xlsx',
        message: P.lockedReturn('嘉禾县', 2024),
      });
    } finally {
      app.backend.ctx.db.prepare("UPDATE returns SET status = 'draft' WHERE id = ?").run(returnId);
    }
  });

  it('a file for another plan than this computer reports under', async () => {
    const kelan = regionsOf(app, 'kelan');
    await app.call('settings:set-profile', { planId: 'kelan', role: 'county', regionCode: kelan.county, userName: '' });
    try {
      const result = await refused(exported, '嘉禾.xlsx');
      expect(result.problems[0]).toMatchObject({
        code: 'other_plan',
        message: P.otherPlan('嘉禾县妇女发展规划（2021-2025年）', app.framework('kelan').plan.name),
      });
    } finally {
      await app.call('settings:set-profile', { planId: 'jiahe', role: 'county', regionCode: county, userName: '张三' });
    }
  });
});

describe('a fault of the program itself', () => {
  it('still gives a verdict naming the file, not a crash', async () => {
    const { readReturnWorkbook } = await import('../../../electron/excel/read-return.ts');
    const { readContextOf } = await import('../../../electron/excel-io/excel-service.ts');
    const ctx = {
      ...readContextOf(app.backend.ctx),
      history: () => {
        throw new Error('boom');
      },
    };
    const result = readReturnWorkbook(new Uint8Array(exported), '正常.xlsx', ctx);
    expect(result.parsed).toBeNull();
    expect(result.report.readable).toBe(false);
    expect(result.report.problems).toEqual([
      {
        severity: 'error',
        code: 'internal',
        sheet: null,
        cell: null,
        location: '正常.xlsx',
        item: null,
        message: P.internal('正常.xlsx', 'boom'),
      },
    ]);
  });
});
