// A sheet's texts as every reader of the form matches them, built once per sheet in one pass: identify, locate-rows,
// read-footer and the 校验结果 check each walked the grid and looked up the same cells' texts again (about 3,900
// look-ups a township's file, a cold worker's cost); now each cell is looked up once and each row classified once.
import { MESSAGES } from '../../shared/messages.ts';
import { cellText, headerText, plainAscii, rawText, type GridSheet } from './grid.ts';
import { BLOCK_LABEL, FOOTER_START, HEADER_ALIASES } from './layout.ts';

/** a cell of the row is a 代码 column label (the column header row) */
export const ROW_COLUMN_HEADER = 1;
/** a cell starts the footer (单位负责人…, 说明：) */
export const ROW_FOOTER = 2;
/** a cell is a label of a form's header block (表号:, 填报单位: …, …监测统计表) */
export const ROW_HEADER_BLOCK = 4;
/** a cell is the 校验结果 sheet's 目标编号 header */
export const ROW_RESULT_HEADER = 8;

const RESULT_ID = MESSAGES.excel.result.targetHeaders[0];

/** The flags one header text gives its row. */
export function textFlags(t: string): number {
  let flags = 0;
  if (HEADER_ALIASES.code.includes(t)) flags |= ROW_COLUMN_HEADER;
  if (FOOTER_START.test(t)) flags |= ROW_FOOTER;
  if (BLOCK_LABEL.test(t)) flags |= ROW_HEADER_BLOCK;
  if (t === RESULT_ID) flags |= ROW_RESULT_HEADER;
  return flags;
}

export interface SheetText {
  /** cellText of each cell, by row and column ('' where empty; as long as the grid's row) */
  text: string[][];
  /** headerText of each cell, likewise */
  header: string[][];
  /** each row's ROW_* flags */
  flags: Uint8Array;
}

/** How many sheets were indexed (a test proves the readers share one index a sheet). */
export const sheetTextStats = { built: 0 };

const BUILT = new WeakMap<GridSheet, SheetText>();
const EMPTY: string[] = [];

/** The sheet's text index, built on first use (a grid is never changed once read). */
export function sheetText(sheet: GridSheet): SheetText {
  const hit = BUILT.get(sheet);
  if (hit) return hit;
  const n = sheet.rows.length;
  const text: string[][] = new Array(n);
  const header: string[][] = new Array(n);
  const flags = new Uint8Array(n);
  for (let r = 0; r < n; r++) {
    const row = sheet.rows[r];
    if (!row || row.length === 0) {
      text[r] = EMPTY;
      header[r] = EMPTY;
      continue;
    }
    const t: string[] = new Array(row.length);
    const h: string[] = new Array(row.length);
    let f = 0;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (!cell || cell.v === null) {
        t[c] = '';
        h[c] = '';
        continue;
      }
      // numbers and codes (printable ASCII without spaces) are their own texts (as cellText and headerText give
      // them, which look them up in their caches first, where such texts are never put) and set no flag
      const raw = rawText(cell);
      if (plainAscii(raw)) {
        t[c] = raw;
        h[c] = raw;
        continue;
      }
      t[c] = cellText(cell);
      const ht = headerText(cell);
      h[c] = ht;
      // every label matched here starts or ends with a Chinese character: codes and numbers never set a flag
      if (ht.length > 0 && (ht.charCodeAt(0) >= 0x80 || ht.charCodeAt(ht.length - 1) >= 0x80)) f |= flagsOf(ht);
    }
    text[r] = t;
    header[r] = h;
    flags[r] = f;
  }
  const built = { text, header, flags };
  BUILT.set(sheet, built);
  sheetTextStats.built++;
  return built;
}

/** textFlags by text (labels repeat file after file; bounded). */
const FLAGS = new Map<string, number>();
function flagsOf(t: string): number {
  const hit = FLAGS.get(t);
  if (hit !== undefined) return hit;
  if (FLAGS.size >= 20_000) FLAGS.clear();
  const f = textFlags(t);
  FLAGS.set(t, f);
  return f;
}
