// A cell holding text that is no valid number is exported as that text (never as a number), its error is on the
// 校验结果 sheet as every other error is, and importing the file back refuses it with the same message at the cell.
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { openTestApp, regionsOf } from './helpers/app.ts';

describe('export of a return with raw (invalid) text', () => {
  it('writes the text, lists the error, and the import refuses it at the same cell', async () => {
    const source = openTestApp();
    const target = openTestApp();
    try {
      const { county } = regionsOf(source, 'kelan');
      await source.call('settings:set-profile', {
        planId: 'kelan',
        role: 'county',
        regionCode: county,
        userName: '李娜',
      });
      const { summary } = await source.call('returns:open', {
        regionCode: county,
        year: 2025,
        prefillFromPreviousYear: false,
      });
      await source.call('returns:set-cells', {
        returnId: summary.id,
        edits: [
          { item: 'VD09', sex: 'total', value: 365 },
          { item: 'VD10', sex: 'total', value: null, raw: '12.5' },
        ],
      });
      const file = await source.call('excel:export-return', { returnId: summary.id });
      const wb = XLSX.read(Buffer.from(file.bytesBase64, 'base64'), { type: 'buffer' });

      const hits: { sheet: string; ref: string; cell: XLSX.CellObject }[] = [];
      for (const name of wb.SheetNames) {
        const ws = wb.Sheets[name];
        for (const ref of Object.keys(ws).filter((k) => !k.startsWith('!'))) {
          const rowOf = XLSX.utils.decode_cell(ref).r;
          const code = ws[XLSX.utils.encode_cell({ r: rowOf, c: 1 })]?.v;
          if (code === 'VD10' && ws[ref].v !== 'VD10' && (ws[ref].v === '12.5' || ws[ref].v === 12.5))
            hits.push({ sheet: name, ref, cell: ws[ref] });
        }
      }
      expect(hits).toHaveLength(1);
      expect(hits[0].cell.t).toBe('s');
      const results = wb.SheetNames.map((n) => XLSX.utils.sheet_to_csv(wb.Sheets[n])).join('\n');
      expect(results).toContain('天数应为整数');

      await target.call('settings:set-profile', {
        planId: 'kelan',
        role: 'county',
        regionCode: county,
        userName: '王芳',
      });
      const result = await target.call('excel:import', { ...file, acceptWarnings: true });
      expect(result.written).toBe(false);
      expect(result.problems).toContainEqual(
        expect.objectContaining({
          severity: 'error',
          item: 'VD10',
          message: '天数应为整数',
          location: `${hits[0].sheet}!${hits[0].ref}`,
        }),
      );
    } finally {
      source.close();
      target.close();
    }
  });
});
