// The grid a workbook is read into, whichever reader made it (the small .xlsx reader or SheetJS), and how a
// cell's text is matched: the vocabulary every reader of the form shares.
import type { SpreadsheetKind } from './file-guards.ts';

/** One cell as the import needs it. */
export interface GridCell {
  /** n number, s text, b boolean, e error, z empty (e.g. a formula without a saved result) */
  t: 'n' | 's' | 'b' | 'e' | 'z';
  v: number | string | boolean | null;
  /** the text Excel shows (number format applied) */
  w: string;
  /** the formula without "=", when the cell has one */
  f: string | null;
  /** the number format, when known */
  z: string | null;
}

export interface GridSheet {
  name: string;
  hidden: boolean;
  /** rows[r][c], 0-based; undefined where empty */
  rows: (GridCell | undefined)[][];
}

export interface GridWorkbook {
  kind: SpreadsheetKind;
  sheets: GridSheet[];
  /** when the workbook was last saved (its document properties), ISO; null when absent or implausible */
  modifiedAt?: string | null;
}

/** A cell's text for matching labels and codes: NFKC (full-width → ASCII), trimmed. */
export function cellText(cell: GridCell | undefined): string {
  if (!cell || cell.v === null) return '';
  const raw = cell.t === 's' ? String(cell.v) : cell.w || String(cell.v);
  return raw.normalize('NFKC').trim();
}

/** Header text: cellText without any whitespace ("合  计" → 合计, "其中：女" → 其中:女). */
export const headerText = (cell: GridCell | undefined) => cellText(cell).replace(/\s+/g, '');
