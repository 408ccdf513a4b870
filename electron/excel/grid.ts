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

/** The text a cell's cellText and headerText start from ('' for an empty cell). */
export const rawText = (cell: GridCell): string => (cell.t === 's' ? String(cell.v) : cell.w || String(cell.v));

/** A cell's text for matching labels and codes: NFKC (full-width → ASCII), trimmed. */
export function cellText(cell: GridCell | undefined): string {
  if (!cell || cell.v === null) return '';
  const raw = cell.t === 's' ? String(cell.v) : cell.w || String(cell.v);
  // every cell is looked at several times (codes, headers, footers) and labels repeat file after file: numbers and
  // codes (printable ASCII without spaces) are their own text; others are normalised once each
  // the cache first: the small reader hands out one string object per label, whose hash is then known
  const hit = NORMALISED.get(raw);
  if (hit !== undefined) return hit;
  if (plainAscii(raw)) return raw;
  return remember(NORMALISED, raw, raw.normalize('NFKC').trim());
}

/** Header text: cellText without any whitespace ("合  计" → 合计, "其中：女" → 其中:女). */
export function headerText(cell: GridCell | undefined): string {
  if (!cell || cell.v === null) return '';
  const raw = cell.t === 's' ? String(cell.v) : cell.w || String(cell.v);
  const hit = HEADER.get(raw);
  if (hit !== undefined) return hit;
  if (plainAscii(raw)) return raw;
  return remember(HEADER, raw, cellText(cell).replace(/\s+/g, ''));
}

/** Printable ASCII without white space (short texts only): NFKC, trimming and removing spaces leave it as it is. */
export function plainAscii(text: string): boolean {
  // one native match instead of a loop over the characters (slow while the code is still cold)
  return PLAIN_ASCII.test(text);
}
const PLAIN_ASCII = /^[\x21-\x7e]{0,24}$/;

/** cellText and headerText by the raw text (bounded). */
const NORMALISED = new Map<string, string>();
const HEADER = new Map<string, string>();
function remember(cache: Map<string, string>, raw: string, text: string): string {
  if (cache.size >= 20_000) cache.clear();
  // copies: a text sliced from a file's XML would keep that whole part alive as long as the cache
  const key = ownCopy(raw);
  cache.set(key, text === raw ? key : ownCopy(text));
  return text;
}
const ownCopy = (text: string) => (text.length > 0 ? Buffer.from(text, 'utf16le').toString('utf16le') : text);
