// Writes a return (or a blank template) as a styled .xlsx laid out as a Chinese statistical report form, with exceljs:
// one sheet per area (header block, body, footer, 说明), a 校验结果 sheet, and a hidden 元数据 sheet.
// Every text the app writes is a plain string cell: a note starting with = + - @ can never evaluate.
// exceljs is loaded on the first write only (load-exceljs.ts).
import type ExcelJS from 'exceljs';
import { cellKey } from '../../shared/returns/schema.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { buildLayout } from './layout.ts';
import { loadWorkbookClass } from './load-exceljs.ts';
import { APP_VERSION } from './meta.ts';
import { writeAreaSheet } from './write-area-sheet.ts';
import { writeMetaSheet } from './write-meta-sheet.ts';
import { writeResultSheet } from './write-result-sheet.ts';
import { writeReview } from './write-review.ts';
import { renderParts } from './render-parts.ts';
import { zipParts } from './zip-deflate.ts';
import type { WriteReturnInput } from './write-input.ts';

const F = MESSAGES.excel.form;

/**
 * zlib's fastest level: a county return of 300 townships deflates in ~24 ms of CPU instead of ~38 at level 6, for a
 * file 12% larger (326 KB against 292; 30 townships 183 KB against 158), still far below any mail or USB limit.
 */
export const DEFLATE_LEVEL = 1;

export interface WrittenWorkbook {
  bytes: Buffer;
  /** where each value went: HD01.total → 健康!D11, P01 → 决策!D40, target id → … */
  addresses: Map<string, string>;
}

/** Builds the workbook. A template is the same form with empty input cells marked yellow. */
export async function writeReturnWorkbook(input: WriteReturnInput): Promise<WrittenWorkbook> {
  const Workbook = await loadWorkbookClass();
  const wb = new Workbook();
  wb.creator = `${MESSAGES.app.title} ${APP_VERSION}`;
  wb.lastModifiedBy = wb.creator;
  wb.created = input.now;
  wb.modified = input.now;
  wb.title = F.workbookTitle(input.region.name, input.data.year);
  const layout = buildLayout(input.framework, input.data.level, input.data);
  const addresses = new Map<string, string>();
  const sc0 = {
    input,
    cells: new Map(input.data.cells.map((c) => [cellKey(c.item, c.sex), c])),
    previousCells: new Map((input.previous?.cells ?? []).map((c) => [cellKey(c.item, c.sex), c])),
    qualitative: new Map(input.data.qualitative.map((q) => [q.indicator, q])),
    previousQualitative: new Map((input.previous?.qualitative ?? []).map((q) => [q.indicator, q])),
    addresses,
    template: input.kind === 'template',
  };
  const reviewSheet = input.review ? wb.addWorksheet(MESSAGES.excel.review.sheet) : null;
  for (const sheet of layout.sheets) await writeAreaSheet(wb, sc0, sheet);
  if (reviewSheet && input.review)
    writeReview(wb, reviewSheet, input.review, input.framework, input.region.name, input.data.year, addresses);
  if (input.kind === 'return' && input.evaluation) writeResultSheet(wb, input, input.evaluation, addresses);
  const rewrites = input.addSheets?.(wb) ?? undefined;
  writeMetaSheet(wb, input);
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  shareStyles(wb);
  // the parts as exceljs renders them, zipped natively (JSZip's deflate and CRC are pure JavaScript), dated as the
  // archive JSZip would have made now
  const bytes = zipParts(await renderParts(wb), new Date(), DEFLATE_LEVEL, rewrites);
  return { bytes, addresses };
}

/**
 * Cells that look alike get one style object: exceljs builds a style object per cell (each font, border, fill set on
 * it), and on writing turns each distinct object into XML to find its style number, most of a return's write. It
 * remembers the number by object, so one object per look is turned into XML once. What is written is the same.
 * Every cell is visited, the empty ones too (borders of blank cells, the cells a merge covers), which eachRow and
 * eachCell would skip, and so are rows and columns: each row has a style object of its own (mostly empty), which was
 * most of the distinct objects left.
 */
function shareStyles(wb: ExcelJS.Workbook): void {
  const byLook = new Map<string, Partial<ExcelJS.Style>>();
  const byObject = new WeakMap<object, Partial<ExcelJS.Style>>();
  // a cell, a row (whose style exceljs's typings leave out) or a column
  const share = (holder: { style?: Partial<ExcelJS.Style> }) => {
    const style = holder.style;
    if (!style) return;
    let shared = byObject.get(style);
    if (!shared) {
      const look = JSON.stringify(style);
      shared = byLook.get(look);
      if (!shared) byLook.set(look, (shared = style));
      byObject.set(style, shared);
    }
    if (shared !== style) holder.style = shared;
  };
  wb.eachSheet((ws) => {
    for (const column of ws.columns ?? []) share(column);
    // findRow and findCell create nothing: a row or cell that does not exist stays so
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.findRow(r);
      if (!row) continue;
      share(row as { style?: Partial<ExcelJS.Style> });
      for (let c = 1; c <= row.cellCount; c++) {
        const cell = row.findCell(c);
        if (cell) share(cell);
      }
    }
  });
}
