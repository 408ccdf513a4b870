// Reads .xlsx, .xls and .csv bytes into plain grids with SheetJS, behind the file guards. CSV is decoded here
// (UTF-8 or GB18030) and read as raw text, so "1,234", "30%" and "１２３" reach the number parser untouched.
// Never throws: every failure is a guard verdict. An .xlsx is inflated once, by the guard; its parts go to the small
// reader (fast-xlsx.ts) and only a file that reader declines goes to SheetJS.
import { isDeepStrictEqual } from 'node:util';
import * as XLSX from 'xlsx';
import { MESSAGES } from '../../shared/messages.ts';
import {
  DEFAULT_LIMITS,
  decodeCsv,
  inflateXlsxZip,
  sniffFile,
  type FileLimits,
  type GuardFailure,
  type SpreadsheetKind,
} from './file-guards.ts';
import { plausibleSavedAt, readXlsxParts } from './fast-xlsx.ts';
import type { GridCell, GridSheet, GridWorkbook } from './grid.ts';

const P = MESSAGES.excel.problem;

/** The saved time from the document properties (SheetJS's reading), as plausibleSavedAt judges it. */
function savedAt(book: XLSX.WorkBook): string | null {
  return plausibleSavedAt(book.Props?.ModifiedDate ?? book.Props?.CreatedDate);
}

/** Which reader made the grid: the small .xlsx reader, or SheetJS (.xls, .csv and .xlsx files it declines). */
export type GridReader = 'fast' | 'sheetjs';
export type ReadWorkbookResult =
  | { ok: true; workbook: GridWorkbook; reader: GridReader }
  | ({ ok: false } & GuardFailure);

/**
 * `auto` (the default): the small reader when it can; `sheetjs`: always SheetJS. With WDP_XLSX_CROSSCHECK=1 in the
 * environment (the test suite sets it) every file the small reader takes is read by SheetJS as well and any
 * difference throws, so every import test runs both readers on the same bytes.
 */
export type ReaderChoice = 'auto' | 'sheetjs';

const toGridCell = (cell: XLSX.CellObject): GridCell => {
  const t = cell.t === 'd' ? 'n' : cell.t;
  const v = cell.v === undefined ? null : cell.v instanceof Date ? cell.v.getTime() : cell.v;
  return {
    t,
    v,
    w: cell.w ?? (v === null ? '' : String(v)),
    f: cell.f ?? null,
    z: typeof cell.z === 'string' ? cell.z : null,
  };
};

export function readWorkbookBytes(
  bytes: Uint8Array,
  fileName: string,
  limits: FileLimits = DEFAULT_LIMITS,
  choice: ReaderChoice = 'auto',
): ReadWorkbookResult {
  const sniff = sniffFile(bytes, fileName, limits);
  if (!sniff.ok) return sniff;
  if (sniff.kind === 'xlsx') {
    const zip = inflateXlsxZip(bytes, fileName, limits);
    if (!zip.ok) return zip;
    if (choice === 'auto') {
      const workbook = readXlsxParts(zip.parts, limits, zip.texts);
      zip.parts.clear();
      zip.texts.clear();
      if (workbook) {
        if (process.env.WDP_XLSX_CROSSCHECK === '1') crossCheck(workbook, bytes, fileName, limits);
        return { ok: true, workbook, reader: 'fast' };
      }
    }
  }
  return readWithSheetJs(bytes, fileName, sniff.kind, limits);
}

function crossCheck(fast: GridWorkbook, bytes: Uint8Array, fileName: string, limits: FileLimits): void {
  const slow = readWithSheetJs(bytes, fileName, 'xlsx', limits);
  if (!slow.ok || !isDeepStrictEqual(fast, slow.workbook)) {
    const where = slow.ok ? firstDifference(fast, slow.workbook) : slow.message;
    throw new Error(`readers disagree on ${fileName}: ${where}`);
  }
}

function firstDifference(a: GridWorkbook, b: GridWorkbook): string {
  if (a.sheets.length !== b.sheets.length) return `sheets ${a.sheets.length} ≠ ${b.sheets.length}`;
  for (let i = 0; i < a.sheets.length; i++) {
    const x = a.sheets[i];
    const y = b.sheets[i];
    if (x.name !== y.name || x.hidden !== y.hidden) return `sheet ${i}: ${x.name}/${x.hidden} ≠ ${y.name}/${y.hidden}`;
    if (x.rows.length !== y.rows.length) return `${x.name}: rows ${x.rows.length} ≠ ${y.rows.length}`;
    for (let r = 0; r < x.rows.length; r++) {
      const n = Math.max(x.rows[r].length, y.rows[r].length);
      for (let c = 0; c < n; c++) {
        if (!isDeepStrictEqual(x.rows[r][c], y.rows[r][c]) || c in x.rows[r] !== c in y.rows[r]) {
          return `${x.name}!${XLSX.utils.encode_cell({ r, c })}: ${JSON.stringify(x.rows[r][c])} ≠ ${JSON.stringify(y.rows[r][c])}`;
        }
      }
      if (x.rows[r].length !== y.rows[r].length)
        return `${x.name} row ${r + 1}: length ${x.rows[r].length} ≠ ${y.rows[r].length}`;
    }
  }
  return 'same cells, different structure';
}

function readWithSheetJs(
  bytes: Uint8Array,
  fileName: string,
  kind: SpreadsheetKind,
  limits: FileLimits,
): ReadWorkbookResult {
  let book: XLSX.WorkBook;
  try {
    const common = {
      dense: true,
      cellFormula: true,
      cellNF: true,
      cellText: true,
      cellDates: false,
      sheetStubs: true,
      sheetRows: limits.maxRows + 1,
    } as const;
    book =
      kind === 'csv'
        ? XLSX.read(decodeCsv(bytes), { ...common, type: 'string', raw: true })
        : XLSX.read(bytes, { ...common, type: 'buffer', WTF: false });
  } catch (error) {
    const message = String((error as Error)?.message ?? error);
    if (/password|encrypt/i.test(message)) return { ok: false, code: 'encrypted', message: P.encrypted(fileName) };
    return { ok: false, code: 'corrupt', message: P.corrupt(fileName) };
  }
  const names = book.SheetNames ?? [];
  if (names.length === 0) return { ok: false, code: 'no_sheets', message: P.noSheets(fileName) };
  if (names.length > limits.maxSheets)
    return { ok: false, code: 'too_many_sheets', message: P.tooManySheets(fileName, names.length, limits.maxSheets) };
  const sheets: GridSheet[] = [];
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    const ws = book.Sheets[name];
    const hidden = (book.Workbook?.Sheets?.[i]?.Hidden ?? 0) !== 0;
    if (!ws) {
      sheets.push({ name, hidden, rows: [] });
      continue;
    }
    const data = (ws['!data'] ?? []) as (XLSX.CellObject[] | undefined)[];
    const full = ws['!fullref'] ?? ws['!ref'];
    if (full) {
      const range = XLSX.utils.decode_range(full);
      if (range.e.r + 1 > limits.maxRows && data.length > limits.maxRows) {
        return { ok: false, code: 'too_many_rows', message: P.tooManyRows(name, limits.maxRows), sheet: name };
      }
    }
    const rows: (GridCell | undefined)[][] = [];
    for (let r = 0; r < Math.min(data.length, limits.maxRows); r++) {
      const row = data[r];
      const out: (GridCell | undefined)[] = [];
      if (row)
        for (let c = 0; c < Math.min(row.length, limits.maxColumns); c++) if (row[c]) out[c] = toGridCell(row[c]);
      rows.push(out);
    }
    sheets.push({ name, hidden, rows });
  }
  return { ok: true, workbook: { kind, sheets, modifiedAt: kind === 'csv' ? null : savedAt(book) }, reader: 'sheetjs' };
}
