// The exported workbook's zip is deflated by Node (electron/excel/zip-deflate.ts): every part comes back byte for
// byte, names (Chinese too), order and CRCs kept, and the file passes the import's own zip guard.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { inflateXlsxZip } from '../../../electron/excel/file-guards.ts';
import { deflateStoredZip } from '../../../electron/excel/zip-deflate.ts';

describe('deflateStoredZip', () => {
  it('keeps every part and shrinks the archive', async () => {
    const zip = new JSZip();
    zip.file('xl/workbook.xml', `<workbook>${'<definedNames/>'.repeat(500)}</workbook>`);
    zip.file('xl/worksheets/健康.xml', '健康'.repeat(2000));
    zip.file('empty.txt', '');
    const stored = await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
    const packed = deflateStoredZip(stored);
    expect(packed.length).toBeLessThan(stored.length / 4);
    const back = await JSZip.loadAsync(packed, { checkCRC32: true });
    expect(Object.keys(back.files)).toEqual(Object.keys(zip.files));
    for (const name of Object.keys(zip.files).filter((n) => !zip.files[n].dir)) {
      expect(await back.file(name)!.async('string')).toBe(await zip.file(name)!.async('string'));
    }
    const guarded = inflateXlsxZip(packed, 'a.xlsx');
    expect(guarded.ok).toBe(true);
  });

  it('refuses an archive that is not stored', async () => {
    const zip = new JSZip();
    zip.file('a.txt', 'x'.repeat(1000));
    const deflated = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(() => deflateStoredZip(deflated)).toThrow(/not stored/);
  });
});
