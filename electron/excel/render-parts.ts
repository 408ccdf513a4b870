// exceljs's XLSX.write (lib/xlsx/xlsx.js) up to its zip: the same steps in the same order, with each part kept as
// it is rendered, by name in the order written. exceljs would hand them to JSZip, whose stored archive costs its
// CRC-32 of every byte in pure JavaScript (~15 ms of a 300-township county return) and is then read back to be
// deflated; zip-deflate.ts zips these parts natively instead. The steps are exceljs's own methods (exceljs is pinned:
// a test compares the archive with the one its writeBuffer makes, byte for byte).
import type ExcelJS from 'exceljs';

type Part = string | Buffer | Uint8Array;
interface PartSink {
  append(data: Part, options: { name: string; base64?: boolean }): void;
}
type Step = (zip: PartSink, model: unknown) => Promise<void>;
/** the methods of exceljs's XLSX class that its write calls, which its typings leave out */
interface XlsxSteps {
  prepareModel(model: unknown, options: object): void;
  addContentTypes: Step;
  addOfficeRels: Step;
  addWorkbookRels: Step;
  addWorksheets: Step;
  addSharedStrings: Step;
  addDrawings: Step;
  addTables: Step;
  addThemes: Step;
  addStyles: Step;
  addMedia: Step;
  addApp: Step;
  addCore: Step;
  addWorkbook: Step;
}

/** How many workbooks were rendered here (a test checks that writing a return uses it). */
export let partsRendered = 0;

/** The workbook's parts as exceljs writes them, by name in its order, without zipping them. */
export async function renderParts(wb: ExcelJS.Workbook): Promise<Map<string, Buffer>> {
  const xlsx = wb.xlsx as unknown as XlsxSteps;
  const parts = new Map<string, Buffer>();
  const zip: PartSink = {
    append: (data, { name, base64 }) => {
      const bytes = typeof data === 'string' ? Buffer.from(data, base64 ? 'base64' : 'utf8') : data;
      parts.set(name, Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes));
    },
  };
  const { model } = wb as unknown as { model: unknown };
  xlsx.prepareModel(model, {});
  await xlsx.addContentTypes(zip, model);
  await xlsx.addOfficeRels(zip, model);
  await xlsx.addWorkbookRels(zip, model);
  await xlsx.addWorksheets(zip, model);
  await xlsx.addSharedStrings(zip, model); // always after worksheets
  await xlsx.addDrawings(zip, model);
  await xlsx.addTables(zip, model);
  await Promise.all([xlsx.addThemes(zip, model), xlsx.addStyles(zip, model)]);
  await xlsx.addMedia(zip, model);
  await Promise.all([xlsx.addApp(zip, model), xlsx.addCore(zip, model)]);
  await xlsx.addWorkbook(zip, model);
  partsRendered++;
  return parts;
}
