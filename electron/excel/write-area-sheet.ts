// One area's sheet of the form: A4 landscape print setup with the column header repeated on every page, the header
// block, a body row per layout row, the footer, and sheet protection that leaves only the input cells editable.
import type ExcelJS from 'exceljs';
import { MESSAGES } from '../../shared/messages.ts';
import { COL, COLUMN_KEYS, COLUMN_WIDTHS, LAST_COL, ROW, address, type SheetLayout } from './layout.ts';
import { writeFooter, writeHeaderBlock } from './write-header-footer.ts';
import { writeItemRow, writeQualitativeRow, writeThresholdRow } from './write-item-rows.ts';
import type { SheetContext } from './write-input.ts';
import { BORDER, SECTION_FILL, notApplicable, putText } from './write-style.ts';

const F = MESSAGES.excel.form;

function writeAreaRow(ws: ExcelJS.Worksheet, r: number, label: string) {
  putText(ws, r, COL.name, label, { bold: true });
  putText(ws, r, COL.code, '', {});
  putText(ws, r, COL.unit, '', {});
  for (const c of [COL.total, COL.female, COL.male, COL.previous, COL.change]) notApplicable(ws, r, c);
  putText(ws, r, COL.note, '', {});
  ws.getRow(r).height = 18;
}

function writeSectionRow(ws: ExcelJS.Worksheet, r: number, label: string) {
  ws.mergeCells(r, 1, r, LAST_COL);
  putText(ws, r, 1, label, { bold: true, fill: SECTION_FILL });
  for (let c = 2; c <= LAST_COL; c++) ws.getCell(r, c).border = BORDER;
  ws.getRow(r).height = 18;
}

export async function writeAreaSheet(wb: ExcelJS.Workbook, sc0: Omit<SheetContext, 'ws'>, sheet: SheetLayout) {
  const ws = wb.addWorksheet(sheet.sheetName, {
    views: [
      {
        state: 'frozen',
        xSplit: 0,
        ySplit: ROW.index,
        topLeftCell: address(ROW.bodyStart, 1),
        activeCell: address(ROW.bodyStart, COL.total),
      },
    ],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${ROW.headerTop}:${ROW.index}`,
    },
    headerFooter: { oddFooter: F.footerPage, evenFooter: F.footerPage },
  });
  const sc: SheetContext = { ...sc0, ws };
  COLUMN_KEYS.forEach((key) => {
    ws.getColumn(COL[key]).width = COLUMN_WIDTHS[key];
  });
  writeHeaderBlock(sc, sheet);
  let r = ROW.bodyStart;
  for (const row of sheet.rows) {
    if (row.kind === 'area') writeAreaRow(ws, r, row.label);
    else if (row.kind === 'section') writeSectionRow(ws, r, row.label);
    else if (row.kind === 'item') writeItemRow(sc, sheet, r, row);
    else if (row.kind === 'qualitative') writeQualitativeRow(sc, sheet, r, row);
    else writeThresholdRow(sc, sheet, r, row);
    r += 1;
  }
  const last = writeFooter(sc, r);
  ws.pageSetup.printArea = `A1:${address(last, LAST_COL)}`;
  await ws.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatCells: true,
    formatColumns: true,
    formatRows: true,
    insertRows: true,
    deleteRows: true,
    sort: false,
    autoFilter: false,
  });
}
