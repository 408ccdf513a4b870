// A written workbook is zipped from the parts exceljs renders (render-parts.ts, zip-deflate.ts zipParts), not from
// the stored archive its writeBuffer makes through JSZip: the archive is the same byte for byte (names, the folders'
// entries, order, dates, CRCs, each part deflated alike, parts rewritten on the way), and writing a return takes it.
import ExcelJS from 'exceljs';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { partsRendered, renderParts } from '../../../electron/excel/render-parts.ts';
import { DEFLATE_LEVEL } from '../../../electron/excel/write-return.ts';
import { deflateStoredZip, zipParts, type PartRewrites } from '../../../electron/excel/zip-deflate.ts';
import { plausibleReturn } from '../merge/excel-files.ts';
import { openTestApp } from './helpers/app.ts';
import { writeTownshipReturn } from './helpers/written.ts';

const app = openTestApp();
afterAll(() => app.close());
afterEach(() => vi.useRealTimers());

/** The archive as written before: exceljs's stored zip through JSZip, then deflated part by part. */
const storedThenDeflated = async (wb: ExcelJS.Workbook, rewrites: PartRewrites) =>
  deflateStoredZip(
    Buffer.from(await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as ExcelJS.XlsxWriteOptions)),
    DEFLATE_LEVEL,
    rewrites,
  );

describe('zipping the rendered parts', () => {
  it('makes the archive JSZip stored and deflateStoredZip deflated, byte for byte, and writing a return uses it', async () => {
    const framework = app.framework('jinkouhe');
    const town = { code: '511113100000', name: '永和镇' };
    const data = plausibleReturn(framework, { regionCode: town.code, regionName: town.name, year: 2024 });
    let captured: ExcelJS.Workbook | null = null;
    // a part rewritten on the way, reading another part as it stands
    const rewrites: PartRewrites = new Map([
      [
        'xl/worksheets/sheet1.xml',
        (written, part) => Buffer.concat([written, Buffer.from(`<!-- ${part('xl/workbook.xml')!.length} 字节 -->`)]),
      ],
    ]);
    const before = partsRendered;
    const written = await writeTownshipReturn(framework, data, town, {
      addSheets: (wb) => {
        captured = wb;
        return rewrites;
      },
    });
    expect(partsRendered).toBe(before + 1);
    const wb = captured! as ExcelJS.Workbook;

    // both ways at one frozen time (JSZip dates every entry when it is added), an odd second included
    vi.useFakeTimers({ toFake: ['Date'] });
    for (const at of ['2025-01-15T02:00:00Z', '2031-12-31T23:59:59Z']) {
      vi.setSystemTime(new Date(at));
      const old = await storedThenDeflated(wb, rewrites);
      const parts = zipParts(await renderParts(wb), new Date(), DEFLATE_LEVEL, rewrites);
      expect(parts.length).toBe(old.length);
      expect(parts.equals(old)).toBe(true);
    }
    vi.useRealTimers();
    // the written return is that archive too (its entries' dates aside): same length
    expect(written.bytes.length).toBe((await storedThenDeflated(wb, rewrites)).length);
  });

  it('gives every folder its entry before its first part, as JSZip does', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('健康').getCell('A1').value = '妇女';
    const parts = await renderParts(wb);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-04T05:06:07Z'));
    const mine = zipParts(parts, new Date(), 6);
    const old = deflateStoredZip(
      Buffer.from(await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as ExcelJS.XlsxWriteOptions)),
      6,
    );
    expect(mine.equals(old)).toBe(true);
    expect(mine.includes(Buffer.from('xl/worksheets/'))).toBe(true);
  });
});
