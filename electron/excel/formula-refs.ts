// Formulas whose saved result comes from outside the workbook: a link to another workbook ([1]Sheet1!A1, or a path
// in brackets), a DDE call to another program (cmd|' /C calc'!A0), or a reference to a sheet the workbook does not
// have. Their cached value is never taken: each such cell is an error naming the formula. Runs on the grid both
// readers produce (fast-xlsx.ts and SheetJS), so the two cannot disagree. Pure.
import * as XLSX from 'xlsx';
import { MESSAGES } from '../../shared/messages.ts';
import type { GridWorkbook } from './grid.ts';
import type { RawProblem } from './import-report.ts';

const P = MESSAGES.excel.problem;

const EXTERNAL = /\[(?:\d+|[^\]]*\.(?:xl\w*|csv|et|ods))\]/i;
/** sheet!, 'sheet name'!, and ranges of sheets Sheet1:Sheet3! */
const SHEET_REF = /(?:'((?:[^']|'')+)'|([^\s'!:(),;=+\-*/&^<>{}"[\]]+(?::[^\s'!:(),;=+\-*/&^<>{}"[\]]+)?))!/g;

/** What is wrong with a formula's reach, or null when it stays inside the workbook. */
export function formulaReach(formula: string, sheets: ReadonlySet<string>): { code: string; message: string } | null {
  let reach = REACH.get(formula);
  if (reach === undefined) reach = remember(formula, reachOf(formula));
  else reachMemo.hits++;
  if (reach === 'dde') return { code: 'formula_dde', message: P.formulaDde(formula) };
  if (reach === 'external') return { code: 'formula_external', message: P.formulaExternal(formula) };
  for (const name of reach) {
    if (!sheets.has(name.toLowerCase()))
      return { code: 'formula_missing_sheet', message: P.formulaMissingSheet(formula, name) };
  }
  return null;
}

/** A formula's link to another program or workbook, else the sheet names it refers to, in order. */
function reachOf(formula: string): 'dde' | 'external' | string[] {
  const code = formula.replace(/"(?:[^"]|"")*"/g, '""');
  if (code.includes('|')) return 'dde';
  if (EXTERNAL.test(code)) return 'external';
  const names: string[] = [];
  for (const m of code.matchAll(SHEET_REF))
    names.push(...(m[1] !== undefined ? [m[1].replace(/''/g, "'")] : m[2].split(':')));
  return names;
}

/**
 * reachOf by formula text (bounded): returns filled from one template repeat the same formulas, file after file.
 * Keys are copies (a formula sliced from a file's XML would keep that part alive as long as the cache).
 */
const REACH = new Map<string, 'dde' | 'external' | string[]>();
/** How many formulas' reach came from the memo (a test checks it is used). */
export const reachMemo = { hits: 0 };
function remember(formula: string, reach: 'dde' | 'external' | string[]) {
  if (REACH.size >= 20_000) REACH.clear();
  REACH.set(
    Buffer.from(formula, 'utf16le').toString('utf16le'),
    typeof reach === 'string' ? reach : reach.map((n) => Buffer.from(n, 'utf16le').toString('utf16le')),
  );
  return reach;
}

/** Every formula cell of the workbook that reaches outside it, as an error at its cell. */
export function formulaProblems(workbook: GridWorkbook): RawProblem[] {
  const sheets = new Set(workbook.sheets.map((s) => s.name.toLowerCase()));
  const problems: RawProblem[] = [];
  for (const sheet of workbook.sheets) {
    sheet.rows.forEach((row, r) => {
      row.forEach((cell, c) => {
        if (!cell || cell.f === null) return;
        const reach = formulaReach(cell.f, sheets);
        if (reach)
          problems.push({
            severity: 'error',
            code: reach.code,
            sheet: sheet.name,
            cell: XLSX.utils.encode_cell({ r, c }),
            item: null,
            message: reach.message,
          });
      });
    });
  }
  return problems;
}
