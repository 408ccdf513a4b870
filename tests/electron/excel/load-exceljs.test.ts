// exceljs is loaded as its Workbook class alone (not the package's main module with its streaming reader and
// writer): the same class, and no file of electron/ loads the whole package at run time.
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadWorkbookClass } from '../../../electron/excel/load-exceljs.ts';
import { sourcesUnder } from '../../helpers/import-graph.ts';

describe('loading exceljs', () => {
  it('is the Workbook class of the package', async () => {
    expect(await loadWorkbookClass()).toBe(ExcelJS.Workbook);
  });

  it('is the only way electron/ loads exceljs at run time (type imports aside)', () => {
    const whole = sourcesUnder('electron').filter((file) =>
      /import\(\s*'exceljs'\s*\)|^import (?!type )[^;]*from 'exceljs'/m.test(readFileSync(file, 'utf8')),
    );
    expect(whole).toEqual([]);
  });
});
