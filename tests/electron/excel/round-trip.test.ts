// Export then import gives back exactly the same values, notes and 无数据 marks, for every bundled plan, at county
// and township level, from .xlsx and from the same workbook saved as .xls.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { listBundledPlanIds } from '../../../electron/frameworks/bundled.ts';
import { FRAMEWORKS_DIR } from '../../helpers/paths.ts';
import { comparable, openTestApp, regionsOf, storeReturn, type TestApp } from './helpers/app.ts';
import { generateReturn } from './helpers/generate.ts';

const PLANS = listBundledPlanIds(FRAMEWORKS_DIR);

describe('Excel round trip', () => {
  it('covers all five bundled plans', () => {
    expect(PLANS).toHaveLength(5);
  });

  for (const planId of PLANS) {
    for (const level of ['county', 'township'] as const) {
      it(`${planId}: a ${level} return comes back exactly`, async () => {
        const source = openTestApp();
        const target = openTestApp();
        try {
          const r = regionsOf(source, planId);
          const data = generateReturn(source.framework(planId), {
            level,
            regionCode: level === 'county' ? r.county : r.township,
            year: 2024,
            seed: planId.length * 31 + (level === 'county' ? 1 : 2),
          });
          expect(data.cells.some((c) => c.noData !== null)).toBe(true);
          const id = await storeReturn(source, data);
          const stored = await source.call('returns:get', { returnId: id });
          expect(comparable(stored.data)).toEqual(comparable(data));

          const file = await source.call('excel:export-return', { returnId: id });
          expect(file.fileName).toMatch(/\.xlsx$/);
          // a county at the receiving end imports the township's (or its own) return
          await target.call('settings:set-profile', { planId, role: 'county', regionCode: r.county, userName: '李四' });
          const result = await target.call('excel:import', { ...file, acceptWarnings: false });
          expect(result.problems.filter((p) => p.severity !== 'info')).toEqual([]);
          expect(result.written).toBe(true);
          expect(result.identity).toMatchObject({ planId, level, year: 2024, source: 'metadata', kind: 'return' });
          expect(result.problems.map((p) => p.code)).toContain('checksum_matches');
          const back = await target.call('returns:get', { returnId: result.returnId! });
          expect(back.summary.level).toBe(level);
          expect(comparable(back.data)).toEqual(comparable(data));
        } finally {
          source.close();
          target.close();
        }
      });
    }
  }
});

describe('the same workbook saved as .xls', () => {
  let app: TestApp;
  beforeAll(() => {
    app = openTestApp();
  });
  afterAll(() => app.close());

  it('imports to the same values (metadata sheet kept)', async () => {
    const planId = 'jiutai';
    const r = regionsOf(app, planId);
    const data = generateReturn(app.framework(planId), { level: 'county', regionCode: r.county, year: 2023, seed: 99 });
    const id = await storeReturn(app, data);
    const file = await app.call('excel:export-return', { returnId: id });
    const book = XLSX.read(Buffer.from(file.bytesBase64, 'base64'), {
      type: 'buffer',
      cellNF: true,
      cellFormula: true,
    });
    const xls = XLSX.write(book, { type: 'buffer', bookType: 'biff8' }) as Buffer;
    const report = await app.call('excel:validate', { fileName: 'jiutai.xls', bytesBase64: xls.toString('base64') });
    expect(report.counts.errors).toBe(0);
    expect(report.identity?.source).toBe('metadata');
    const { readReturnWorkbook } = await import('../../../electron/excel/read-return.ts');
    const { readContextOf } = await import('../../../electron/excel-io/excel-service.ts');
    const read = readReturnWorkbook(new Uint8Array(xls), 'jiutai.xls', readContextOf(app.backend.ctx));
    expect(read.parsed).not.toBeNull();
    expect(comparable(read.parsed!)).toEqual(comparable(data));
  });

  it('asks before overwriting a return that already holds data, and writes once confirmed', async () => {
    const planId = 'kelan';
    const r = regionsOf(app, planId);
    const first = generateReturn(app.framework(planId), {
      level: 'township',
      regionCode: r.township,
      year: 2022,
      seed: 5,
    });
    const second = generateReturn(app.framework(planId), {
      level: 'township',
      regionCode: r.township,
      year: 2022,
      seed: 6,
    });
    const id = await storeReturn(app, second, 'county');
    const file = await app.call('excel:export-return', { returnId: id });
    await storeReturn(app, first, 'county');
    // the stored return now differs from the file: importing it must ask first
    const unconfirmed = await app.call('excel:import', { ...file, acceptWarnings: false });
    expect(unconfirmed.written).toBe(false);
    expect(unconfirmed.needsConfirmation).toBe(true);
    expect(unconfirmed.problems.find((p) => p.code === 'will_overwrite')?.message).toMatch(/导入将整体替换其内容/);
    const confirmed = await app.call('excel:import', { ...file, acceptWarnings: true });
    expect(confirmed.written).toBe(true);
    const back = await app.call('returns:get', { returnId: confirmed.returnId! });
    expect(comparable(back.data)).toEqual(comparable(second));
    const audit = await app.call('returns:audit', { returnId: confirmed.returnId!, limit: 1000 });
    expect(audit.some((a) => a.field === 'import' && a.newValue === file.fileName)).toBe(true);
  });
});
