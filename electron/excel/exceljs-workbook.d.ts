// The type of exceljs's Workbook class loaded on its own (load-exceljs.ts): lib/doc/workbook.js has no declarations.
declare module 'exceljs/lib/doc/workbook.js' {
  import type ExcelJS from 'exceljs';
  const Workbook: typeof ExcelJS.Workbook;
  export = Workbook;
}
