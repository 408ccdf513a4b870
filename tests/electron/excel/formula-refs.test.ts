// A formula's reach (another program, another workbook, a sheet the workbook lacks) is decoded once per formula
// text and remembered; the verdict still depends on the workbook's own sheets. Both the first and the remembered
// reading must give what the reading without a memo gave (kept here as it was).
import { describe, expect, it } from 'vitest';
import { formulaReach, reachMemo } from '../../../electron/excel/formula-refs.ts';
import { MESSAGES } from '../../../shared/messages.ts';

const P = MESSAGES.excel.problem;
const EXTERNAL = /\[(?:\d+|[^\]]*\.(?:xl\w*|csv|et|ods))\]/i;
const SHEET_REF = /(?:'((?:[^']|'')+)'|([^\s'!:(),;=+\-*/&^<>{}"[\]]+(?::[^\s'!:(),;=+\-*/&^<>{}"[\]]+)?))!/g;

/** The reading before the memo, verbatim. */
function before(formula: string, sheets: ReadonlySet<string>): { code: string; message: string } | null {
  const code = formula.replace(/"(?:[^"]|"")*"/g, '""');
  if (code.includes('|')) return { code: 'formula_dde', message: P.formulaDde(formula) };
  if (EXTERNAL.test(code)) return { code: 'formula_external', message: P.formulaExternal(formula) };
  for (const m of code.matchAll(SHEET_REF)) {
    const names = m[1] !== undefined ? [m[1].replace(/''/g, "'")] : m[2].split(':');
    for (const name of names) {
      if (!sheets.has(name.toLowerCase()))
        return { code: 'formula_missing_sheet', message: P.formulaMissingSheet(formula, name) };
    }
  }
  return null;
}

describe('the reach of a formula', () => {
  it('first and remembered, under different workbooks, as it was read without a memo', () => {
    const formulas = [
      'SUM(D10:D12)',
      'IF(AND(ISNUMBER(D11),ISNUMBER(G11),G11<>0),(D11-G11)/G11*100,"")',
      '健康!D10+决策!E7',
      "'社 保'!A1*2",
      "'it''s'!B2",
      'Sheet1:Sheet3!A1',
      'SUM(健康:法律!D10)',
      '不存在的表!A1',
      '[1]Sheet1!A1',
      "'C:\\\\data\\\\[book.xlsx]Sheet1'!A1",
      "cmd|' /C calc'!A0",
      '"a|b"&健康!A1',
      '"[x.xlsx]"&A1',
      'HEALTH!A1+health!B1',
    ];
    const workbooks = [
      new Set(['健康', '决策', '社 保', "it's", 'sheet1', 'sheet2', 'sheet3', '法律', 'health']),
      new Set(['健康']),
      new Set<string>(),
    ];
    const hits = reachMemo.hits;
    for (let round = 0; round < 2; round++)
      for (const sheets of workbooks)
        for (const f of formulas)
          expect(formulaReach(f, sheets), `${f} / ${[...sheets]}`).toStrictEqual(before(f, sheets));
    // every formula after its first reading came from the memo
    expect(reachMemo.hits - hits).toBe(formulas.length * (2 * workbooks.length - 1));
  });
});
