// A written return hands exceljs one style object per look (write-return.ts shareStyles): cells, the empty ones
// included, rows and columns. exceljs turns each style object it has not seen into XML to find its style number,
// which for a row or cell object of its own each was most of the time of writing; counted here at exceljs's styles.
import { createRequire } from 'node:module';
import { afterAll, describe, expect, it } from 'vitest';
import { plausibleReturn } from '../merge/excel-files.ts';
import { openTestApp } from './helpers/app.ts';
import { writeTownshipReturn } from './helpers/written.ts';

const require = createRequire(import.meta.url);
const StylesXform = require('exceljs/lib/xlsx/xform/style/styles-xform.js') as {
  prototype: { _addStyle: (style: unknown) => number };
};

const app = openTestApp();
afterAll(() => app.close());

describe('style objects handed to exceljs', () => {
  it('are about one per look', async () => {
    const framework = app.framework('jinkouhe');
    const town = { code: '511113100000', name: '永和镇' };
    const data = plausibleReturn(framework, { regionCode: town.code, regionName: town.name, year: 2024 });
    const original = StylesXform.prototype._addStyle;
    const ids: number[] = [];
    StylesXform.prototype._addStyle = function (this: unknown, style: unknown) {
      const id = original.call(this, style);
      ids.push(id);
      return id;
    };
    try {
      await writeTownshipReturn(framework, data, town);
    } finally {
      StylesXform.prototype._addStyle = original;
    }
    const looks = new Set(ids).size;
    expect(looks).toBeGreaterThan(10);
    // a look reached by two objects (key order, a cell's type) is fine; one per row or per cell was hundreds
    expect(ids.length).toBeLessThan(looks * 2);
  });
});
