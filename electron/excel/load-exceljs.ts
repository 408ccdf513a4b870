// exceljs's Workbook class, loaded on the first write (reading, validating and merging never need it). The class
// alone (lib/doc/workbook.js), not the package's main module: that one also loads the streaming reader and writer
// (unzipper, archiver …), which writing a workbook in memory never uses and which were half of the loading time.
/// <reference path="./exceljs-workbook.d.ts" />
import type ExcelJS from 'exceljs';

let workbookClass: Promise<typeof ExcelJS.Workbook> | null = null;

export const loadWorkbookClass = (): Promise<typeof ExcelJS.Workbook> =>
  (workbookClass ??= import('exceljs/lib/doc/workbook.js').then((m) => m.default));
