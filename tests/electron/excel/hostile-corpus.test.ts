// The hostile classes that once passed as 校验通过 (issue 18), each built in the test from the app's own export and
// refused with its exact reason, nothing written: an archive with two entries of one name (or headers that
// disagree), a macro workbook named .xlsx, impossible numbers, a corrupt part read as blank, formulas that point
// outside the workbook. Every import test runs both readers (WDP_XLSX_CROSSCHECK=1).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportResult } from '../../../shared/api/excel-contract.ts';
import { MESSAGES } from '../../../shared/messages.ts';
import { INPUT_MSG } from '../../../shared/rules/messages.ts';
import { PARSE_MSG } from '../../../shared/messages/numbers.ts';
import { parseNumberInput } from '../../../shared/returns/parse-number.ts';
import { plausibleMax } from '../../../shared/returns/plausible.ts';
import { evaluateReturn } from '../../../shared/rules/evaluate.ts';
import { readReturnWorkbook } from '../../../electron/excel/read-return.ts';
import { readContextOf } from '../../../electron/excel-io/excel-service.ts';
import { dumpTables, openTestApp, regionsOf, storeReturn, type TestApp } from './helpers/app.ts';
import { generateReturn } from './helpers/generate.ts';
import { openBook } from './helpers/mutate.ts';
import { partsOf, replaceCell, sheetPart, textOf, withText, zipParts, type Part } from './helpers/hostile-corpus.ts';

const P = MESSAGES.excel.problem;
const V = MESSAGES.excel.verdict;

let app: TestApp;
let exported: Buffer;
let parts: Part[];
let county: string;

beforeAll(async () => {
  app = openTestApp();
  county = regionsOf(app, 'jiahe').county;
  const data = generateReturn(app.framework('jiahe'), {
    level: 'county',
    regionCode: county,
    year: 2024,
    seed: 18,
    noDataShare: 0,
  });
  const returnId = await storeReturn(app, data);
  const file = await app.call('excel:export-return', { returnId });
  exported = Buffer.from(file.bytesBase64, 'base64');
  parts = await partsOf(exported);
});
afterAll(() => app.close());

async function refused(bytes: Buffer, fileName: string): Promise<ImportResult> {
  const before = dumpTables(app);
  const result = await app.call('excel:import', {
    fileName,
    bytesBase64: bytes.toString('base64'),
    acceptWarnings: true,
  });
  expect(result.written).toBe(false);
  expect(dumpTables(app)).toEqual(before);
  return result;
}

async function unreadable(
  bytes: Buffer,
  fileName: string,
  message: string,
  code: string,
  sheet: string | null = null,
  cell: string | null = null,
) {
  const result = await refused(bytes, fileName);
  expect(result.readable).toBe(false);
  const location = sheet === null ? fileName : cell === null ? sheet : `${sheet}!${cell}`;
  expect(result.problems).toEqual([{ severity: 'error', code, sheet, cell, location, item: null, message }]);
  expect(result.verdict).toBe(V.unreadable(message));
  expect(message).toContain(fileName);
  // the sheetjs-only reading gives the same verdict
  const slow = readReturnWorkbook(new Uint8Array(bytes), fileName, {
    ...readContextOf(app.backend.ctx),
    reader: 'sheetjs',
  });
  expect(slow.report.problems).toEqual(result.problems);
}

function expectProblem(
  result: ImportResult,
  expected: { code: string; location: string; message: string; severity?: string },
) {
  const found = result.problems.filter((p) => p.code === expected.code && p.location === expected.location);
  expect(
    found.map((p) => ({ severity: p.severity, message: p.message })),
    JSON.stringify(result.problems.filter((p) => p.severity !== 'info').slice(0, 5)),
  ).toContainEqual({ severity: expected.severity ?? 'error', message: expected.message });
}

/** The 健康 sheet's part, the HD01 合计 cell's reference (D12) and its XML. */
async function hd01() {
  const book = await openBook(exported);
  const location = book.cell('HD01', 'total').location;
  const [sheet, ref] = location.split('!');
  const part = sheetPart(parts, sheet);
  const xml = textOf(parts, part);
  const tag = new RegExp(`<c r="${ref}"([^>]*?)(?:/>|>[\\s\\S]*?</c>)`).exec(xml)!;
  const style = /\ss="\d+"/.exec(tag[1])?.[0] ?? '';
  return { sheet, ref, part, xml, style, location };
}

describe('archives that two readers could read differently', () => {
  it('two entries of the same name, the second with other numbers: refused naming the entry', async () => {
    const { ref, part, xml, style } = await hd01();
    const other = Buffer.from(replaceCell(xml, ref, `<c r="${ref}"${style}><v>999999</v></c>`));
    const bytes = zipParts([...parts, { name: part, data: other }]);
    await unreadable(bytes, '重名.xlsx', P.zipDuplicateEntry('重名.xlsx', part), 'zip_duplicate_entry');
  });

  it('two names that differ only in case', async () => {
    const { part, xml } = await hd01();
    const upper = part.toUpperCase();
    const bytes = zipParts([...parts, { name: upper, data: Buffer.from(xml) }]);
    await unreadable(bytes, '大小写.xlsx', P.zipDuplicateEntry('大小写.xlsx', upper), 'zip_duplicate_entry');
  });

  it('a local header naming another entry than the central directory', async () => {
    const { part } = await hd01();
    const bytes = zipParts(parts.map((p) => (p.name === part ? { ...p, localName: 'xl/worksheets/other.xml' } : p)));
    await unreadable(bytes, '表头不符.xlsx', P.zipHeaderMismatch('表头不符.xlsx', part), 'zip_header_mismatch');
  });
});

describe('a macro-enabled workbook named .xlsx', () => {
  it('a VBA project part', async () => {
    const bytes = zipParts([...parts, { name: 'xl/vbaProject.bin', data: Buffer.from('d0cf11e0a1b11ae1', 'hex') }]);
    await unreadable(bytes, '宏.xlsx', P.macroWorkbook('宏.xlsx'), 'macro_workbook');
  });

  it('the macro-enabled content type', async () => {
    const bytes = zipParts(
      withText(parts, '[Content_Types].xml', (x) =>
        x.replace(
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
          'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
        ),
      ),
    );
    await unreadable(bytes, '宏2.xlsx', P.macroWorkbook('宏2.xlsx'), 'macro_workbook');
  });
});

describe('impossible numbers', () => {
  it('1E+308 and a 20-digit count are errors naming the cell; an implausible count a warning naming the bound', async () => {
    const book = await openBook(exported);
    const huge = book.set('HD01', 'total', 1e308);
    const digits = book.set('HD04', 'total', 12345678901234567000);
    const implausible = book.set('HD03', 'total', 900_000_000);
    const result = await refused(await book.bytes(), '大数.xlsx');
    expectProblem(result, { code: 'not_representable', location: huge, message: INPUT_MSG.notRepresentable('1e+308') });
    expectProblem(result, {
      code: 'not_representable',
      location: digits,
      message: INPUT_MSG.notRepresentable('12345678901234600000'),
    });
    expectProblem(result, {
      severity: 'warning',
      code: 'implausible_value',
      location: implausible,
      message: INPUT_MSG.implausible('人数', '900000000', '县', '50000000'),
    });
  });

  it('the entry grid parser agrees: what the Excel path refuses, typing refuses too', () => {
    const count = { valueType: 'count' as const, decimals: 0, unit: '人' };
    expect(parseNumberInput('12345678901234567000', count)).toEqual({ ok: false, message: PARSE_MSG.tooLarge });
    expect(parseNumberInput('12345678901234567000', { valueType: 'value', decimals: 1, unit: '岁' })).toEqual({
      ok: false,
      message: PARSE_MSG.tooLarge,
    });
    expect(parseNumberInput('9007199254740991', count)).toEqual({ ok: true, value: 9007199254740991 });
    expect(plausibleMax('人', 'township')).toBeLessThan(plausibleMax('人', 'county')!);
  });

  it('the rule engine, which the entry grid runs as well, says the same of a typed value', () => {
    const town = regionsOf(app, 'jiahe').township;
    const fw = app.framework('jiahe');
    const data = generateReturn(fw, { level: 'township', regionCode: town, year: 2024, seed: 3, noDataShare: 0 });
    const cells = data.cells.map((c) =>
      c.item === 'HD03' && c.sex === 'total'
        ? { ...c, value: 20_000_000 }
        : c.item === 'HD01' && c.sex === 'total'
          ? { ...c, value: 1e308 }
          : c,
    );
    const issues = evaluateReturn(fw, { ...data, cells }, []).issues.filter(
      (i) => i.item === 'HD03' || i.item === 'HD01',
    );
    expect(issues.map((i) => [i.item, i.severity, i.code, i.message])).toEqual(
      expect.arrayContaining([
        [
          'HD03',
          'warning',
          'implausible_value',
          INPUT_MSG.implausible('人数', '20000000', '乡镇', String(plausibleMax('人', 'township'))),
        ],
        ['HD01', 'error', 'not_representable', INPUT_MSG.notRepresentable('1e+308')],
      ]),
    );
  });
});

describe('a corrupt part is an error, never a blank', () => {
  it('a shared-string index out of range: refused naming the sheet and cell', async () => {
    const { sheet, ref, part, style } = await hd01();
    const bytes = zipParts(
      withText(parts, part, (x) => replaceCell(x, ref, `<c r="${ref}"${style} t="s"><v>99999</v></c>`)),
    );
    await unreadable(bytes, '断串.xlsx', P.danglingString('断串.xlsx', sheet, ref, 99999), 'corrupt_part', sheet, ref);
  });

  it('a style index out of range', async () => {
    const { sheet, ref, part } = await hd01();
    const bytes = zipParts(withText(parts, part, (x) => replaceCell(x, ref, `<c r="${ref}" s="9999"><v>5</v></c>`)));
    await unreadable(
      bytes,
      '断样式.xlsx',
      P.danglingStyle('断样式.xlsx', sheet, ref, 9999),
      'corrupt_part',
      sheet,
      ref,
    );
  });

  it('a sheet part the workbook names but the archive lacks', async () => {
    const { sheet, part } = await hd01();
    const bytes = zipParts(parts.filter((p) => p.name !== part));
    await unreadable(bytes, '缺表.xlsx', P.missingPart('缺表.xlsx', sheet, part), 'corrupt_part', sheet);
  });
});

describe('formulas that point outside the workbook', () => {
  const cases: [string, string, string][] = [
    ['external', '[1]Sheet1!$A$1', 'formula_external'],
    ['DDE', "cmd|' /C calc'!A0", 'formula_dde'],
    ['missing sheet', '不存在的表!A1', 'formula_missing_sheet'],
  ];
  for (const [what, formula, code] of cases) {
    it(`a ${what} reference: the cached value is not taken`, async () => {
      const { ref, part, style, location } = await hd01();
      const escaped = formula.replace(/&/g, '&amp;').replace(/'/g, '&apos;');
      const bytes = zipParts(
        withText(parts, part, (x) => replaceCell(x, ref, `<c r="${ref}"${style}><f>${escaped}</f><v>42</v></c>`)),
      );
      const result = await refused(bytes, '外部.xlsx');
      const message =
        code === 'formula_external'
          ? P.formulaExternal(formula)
          : code === 'formula_dde'
            ? P.formulaDde(formula)
            : P.formulaMissingSheet(formula, '不存在的表');
      expectProblem(result, { code, location, message });
    });
  }

  it('an externalLink part alone is refused too', async () => {
    const bytes = zipParts([
      ...parts,
      { name: 'xl/externalLinks/externalLink1.xml', data: Buffer.from('<externalLink/>') },
    ]);
    await unreadable(
      bytes,
      '外链.xlsx',
      P.externalLinkPart('外链.xlsx', 'xl/externalLinks/externalLink1.xml'),
      'external_link',
    );
  });
});
