// Edits an exported workbook the way someone at another office might (or a hostile file would): by code, with exceljs.
import ExcelJS from 'exceljs';

export type Column = 'name' | 'code' | 'unit' | 'total' | 'female' | 'male' | 'note';
const COLUMN: Record<Column, number> = { name: 1, code: 2, unit: 3, total: 4, female: 5, male: 6, note: 9 };

export interface Book {
  wb: ExcelJS.Workbook;
  /** the row holding a code, anywhere in the visible sheets */
  row: (code: string) => { ws: ExcelJS.Worksheet; row: ExcelJS.Row };
  /** the cell of a code's row in a column, with its 健康!D12 location */
  cell: (code: string, column: Column) => { cell: ExcelJS.Cell; location: string };
  /** sets a value; numFmt on a fresh style object (exceljs shares style objects between cells) */
  set: (code: string, column: Column, value: ExcelJS.CellValue, numFmt?: string) => string;
  bytes: () => Promise<Buffer>;
}

export async function openBook(bytes: Buffer): Promise<Book> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const row = (code: string) => {
    for (const ws of wb.worksheets) {
      if (ws.state !== 'visible') continue;
      for (let r = 1; r <= ws.rowCount; r++) {
        const candidate = ws.getRow(r);
        if (candidate.getCell(2).value === code) return { ws, row: candidate };
      }
    }
    throw new Error(`no row with code ${code}`);
  };
  const cell = (code: string, column: Column) => {
    const { ws, row: found } = row(code);
    const c = found.getCell(COLUMN[column]);
    return { cell: c, location: `${ws.name}!${c.address}` };
  };
  return {
    wb,
    row,
    cell,
    set(code, column, value, numFmt) {
      const { cell: c, location } = cell(code, column);
      c.value = value;
      if (numFmt) c.style = { ...c.style, numFmt };
      return location;
    },
    bytes: async () => Buffer.from(await wb.xlsx.writeBuffer()),
  };
}
