// Finds the form's rows in the area sheets by their code, not by position (people insert rows and reformat), and
// the columns by their header text.
import type { Framework } from '../../shared/framework/schema.ts';
import { SEX_LABEL } from '../../shared/rules/messages.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { HEADER_ALIASES, address, location } from './layout.ts';
import type { CellNote } from './parse-cell.ts';
import { DASHES, INDICATOR_CODE, ITEM_CODE, TARGET_ID, normaliseCode } from './read-codes.ts';
import { cellText, type GridSheet, type GridWorkbook } from './grid.ts';
import { ROW_COLUMN_HEADER, ROW_FOOTER, ROW_HEADER_BLOCK, sheetText } from './sheet-text.ts';
import type { RawProblem } from './import-report.ts';

const P = MESSAGES.excel.problem;
const FORM = MESSAGES.excel.form;

type ColKey = keyof typeof HEADER_ALIASES;
type ColumnMap = Partial<Record<ColKey, number>>;

/** A coded row: its sheet, its 0-based row index, and that sheet's columns (0-based). */
export interface RowRef {
  sheet: GridSheet;
  r: number;
  cols: ColumnMap;
}

export interface Located {
  rows: Map<string, RowRef>;
  sheetsWithRows: Set<string>;
  problems: RawProblem[];
}

/** Where a cell of a located row is, for a problem. */
export const cellAt = (ref: RowRef, col: number) => ({ sheet: ref.sheet.name, cell: address(ref.r + 1, col + 1) });

/** A cell reader's notes as problems at that cell. */
export const notesAt = (ref: RowRef, col: number, item: string, notes: CellNote[]): RawProblem[] =>
  notes.map((n) => ({ ...n, ...cellAt(ref, col), item }));

/**
 * The column header: the row with a 代码 column, and the labels in it and the two rows below (two-row headers).
 * Searched from row `from` (a CSV of a whole workbook holds one table after another) over at most 80 rows.
 */
function findHeader(sheet: GridSheet, from = 0): { first: number; last: number; cols: ColumnMap } | null {
  const { header, flags } = sheetText(sheet);
  const limit = Math.min(sheet.rows.length, from + 80);
  for (let r = from; r < limit; r++) {
    if (!(flags[r] & ROW_COLUMN_HEADER)) continue;
    const cols: ColumnMap = {};
    let last = r;
    for (let rr = r; rr < Math.min(r + 3, sheet.rows.length); rr++) {
      const cells = header[rr];
      let any = false;
      for (let c = 0; c < cells.length; c++) {
        const text = cells[c];
        if (!text) continue;
        for (const key of Object.keys(HEADER_ALIASES) as ColKey[]) {
          if (HEADER_ALIASES[key].includes(text)) {
            any = true;
            // the leftmost label wins; 本年 and the 合计 below it land on the same column
            if (cols[key] === undefined) cols[key] = c;
          }
        }
      }
      if (any) last = rr;
      else if (rr > r) break;
    }
    return { first: r, last, cols };
  }
  return null;
}

interface FrameworkCodes {
  items: Set<string>;
  indicators: Set<string>;
  targets: Set<string>;
  /** each data item's sexes, by its code (the first item of a code, as find gave it) */
  sexOf: Map<string, Framework['dataItems'][number]['sex']>;
}

/**
 * The codes a sheet's rows are looked up in, built once per framework object: a merge reads hundreds of files under
 * the same framework (frameworks are never changed once loaded; a new version is a new object).
 */
const CODES = new WeakMap<Framework, FrameworkCodes>();
function codesOf(framework: Framework): FrameworkCodes {
  const hit = CODES.get(framework);
  if (hit) return hit;
  const sexOf = new Map<string, Framework['dataItems'][number]['sex']>();
  for (const d of framework.dataItems) if (!sexOf.has(d.code)) sexOf.set(d.code, d.sex);
  const codes: FrameworkCodes = {
    items: new Set(framework.dataItems.map((d) => d.code)),
    indicators: new Set(framework.indicators.filter((i) => i.kind === 'qualitative').map((i) => i.code)),
    targets: new Set(
      framework.areas
        .flatMap((a) => a.targets)
        .filter((t) => t.rule.kind === 'external')
        .map((t) => t.id),
    ),
    sexOf,
  };
  CODES.set(framework, codes);
  return codes;
}

/** Finds every coded row in the area sheets. */
export function locateRows(workbook: GridWorkbook, skip: Set<string>, framework: Framework): Located {
  const problems: RawProblem[] = [];
  const rows = new Map<string, RowRef>();
  const sheetsWithRows = new Set<string>();
  const { items, indicators, targets, sexOf } = codesOf(framework);
  for (const sheet of workbook.sheets) {
    if (skip.has(sheet.name)) continue;
    const header = findHeader(sheet);
    if (!header) {
      const hasCodes = sheet.rows.some((row) => row?.some((c) => ITEM_CODE.test(normaliseCode(cellText(c)))));
      if (hasCodes)
        problems.push({
          severity: 'error',
          code: 'no_header_row',
          sheet: sheet.name,
          cell: null,
          item: null,
          message: P.noHeaderRow(sheet.name),
        });
      continue;
    }
    let { cols } = header;
    if (cols.total === undefined) {
      problems.push({
        severity: 'error',
        code: 'no_header_row',
        sheet: sheet.name,
        cell: address(header.first + 1, (cols.code ?? 0) + 1),
        item: null,
        message: P.noHeaderRow(sheet.name),
      });
      continue;
    }
    const { text, flags } = sheetText(sheet);
    let needsFemale = false;
    let needsMale = false;
    let needsNote = false;
    for (let r = header.last + 1; r < sheet.rows.length; r++) {
      const rowFlags = flags[r];
      // tables stacked one under the other (a CSV of a whole workbook): after a footer, or at the next table's own
      // header block or column header, the next table starts; its columns are found again
      if (rowFlags & ROW_FOOTER) {
        const next = findHeader(sheet, r + 1);
        if (!next || next.cols.total === undefined) break;
        cols = next.cols;
        r = next.last;
        continue;
      }
      if (rowFlags & ROW_COLUMN_HEADER) {
        const next = findHeader(sheet, r)!;
        if (next.cols.total !== undefined) cols = next.cols;
        r = next.last;
        continue;
      }
      if (rowFlags & ROW_HEADER_BLOCK) continue;
      const texts = text[r];
      const codeText = normaliseCode(texts[cols.code!] ?? '');
      const valueTexts = (['total', 'female', 'male'] as const).map((k) =>
        cols[k] === undefined ? '' : (texts[cols[k]!] ?? ''),
      );
      const isKnown = items.has(codeText) || indicators.has(codeText) || targets.has(codeText);
      if (!isKnown) {
        if (ITEM_CODE.test(codeText) || INDICATOR_CODE.test(codeText) || TARGET_ID.test(codeText)) {
          problems.push({
            severity: 'warning',
            code: 'unknown_code',
            sheet: sheet.name,
            cell: address(r + 1, cols.code! + 1),
            item: codeText,
            message: P.unknownCode(codeText),
          });
        } else if (codeText !== FORM.columnIndex.code && valueTexts.some((t) => !DASHES.has(t))) {
          const c = valueTexts.findIndex((t) => !DASHES.has(t));
          const col = cols[(['total', 'female', 'male'] as const)[c]]!;
          problems.push({
            severity: 'warning',
            code: 'row_without_code',
            sheet: sheet.name,
            cell: address(r + 1, col + 1),
            item: null,
            message: P.rowWithoutCode,
          });
        }
        continue;
      }
      const seen = rows.get(codeText);
      if (seen) {
        const first = location(seen.sheet.name, address(seen.r + 1, seen.cols.code! + 1));
        problems.push({
          severity: 'error',
          code: 'duplicate_code',
          sheet: sheet.name,
          cell: address(r + 1, cols.code! + 1),
          item: codeText,
          message: P.duplicateCode(codeText, first),
        });
        continue;
      }
      rows.set(codeText, { sheet, r, cols });
      sheetsWithRows.add(sheet.name);
      const sex = sexOf.get(codeText);
      if (sex !== undefined) {
        if (sex !== 'single') needsFemale = true;
        if (sex === 'total_female_male') needsMale = true;
      }
      needsNote = true;
    }
    if (needsFemale && cols.female === undefined)
      problems.push({
        severity: 'warning',
        code: 'missing_column',
        sheet: sheet.name,
        cell: null,
        item: null,
        message: P.missingColumn(sheet.name, SEX_LABEL.female),
      });
    if (needsMale && cols.male === undefined)
      problems.push({
        severity: 'warning',
        code: 'missing_column',
        sheet: sheet.name,
        cell: null,
        item: null,
        message: P.missingColumn(sheet.name, SEX_LABEL.male),
      });
    if (needsNote && cols.note === undefined)
      problems.push({
        severity: 'warning',
        code: 'missing_column',
        sheet: sheet.name,
        cell: null,
        item: null,
        message: P.missingColumn(sheet.name, FORM.headers.note),
      });
  }
  return { rows, sheetsWithRows, problems };
}
