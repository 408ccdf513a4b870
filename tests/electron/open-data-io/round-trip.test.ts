// Export then import gives back exactly the same return, through the long CSV, the long JSON and a DHIS2
// dataValueSet, for every bundled plan, at county and township level.
import { describe, expect, it } from 'vitest';
import { listBundledPlanIds } from '../../../electron/frameworks/bundled.ts';
import { FRAMEWORKS_DIR } from '../../helpers/paths.ts';
import { comparable, openTestApp, regionsOf, storeReturn } from '../excel/helpers/app.ts';
import { generateReturn } from '../excel/helpers/generate.ts';

const PLANS = listBundledPlanIds(FRAMEWORKS_DIR);

describe('open data round trip', () => {
  it('covers all five bundled plans', () => {
    expect(PLANS).toHaveLength(5);
  });

  for (const planId of PLANS) {
    for (const level of ['county', 'township'] as const) {
      // JSON shares every check with the CSV after reading: one level is enough for it
      for (const format of level === 'county' ? (['csv'] as const) : (['csv', 'json'] as const)) {
        it(`${planId}: a ${level} return comes back exactly through the long ${format}`, async () => {
          const source = openTestApp();
          const target = openTestApp();
          try {
            const r = regionsOf(source, planId);
            const regionCode = level === 'county' ? r.county : r.township;
            const data = generateReturn(source.framework(planId), {
              level,
              regionCode,
              year: 2024,
              seed: planId.length * 17 + (level === 'county' ? 3 : 4),
            });
            expect(data.cells.some((c) => c.noData !== null)).toBe(true);
            await storeReturn(source, data);

            const file = await source.call('open-data:export', { regionCode, fromYear: 2024, toYear: 2024, format });
            expect(file.fileName.endsWith(`.${format}`)).toBe(true);
            expect(file.returns).toBe(1);
            await target.call('settings:set-profile', {
              planId,
              role: 'county',
              regionCode: r.county,
              userName: '李四',
            });
            const result = await target.call('open-data:import', {
              fileName: file.fileName,
              bytesBase64: file.bytesBase64,
              acceptWarnings: false,
            });
            expect(result.problems.filter((p) => p.severity !== 'info')).toEqual([]);
            expect(result.written).toBe(true);
            expect(result.returns).toEqual([expect.objectContaining({ regionCode, year: 2024, planId, level })]);
            const list = await target.call('returns:list', { regionCode });
            const back = await target.call('returns:get', { returnId: list[0].id });
            expect(comparable(back.data)).toEqual(comparable(data));
          } finally {
            source.close();
            target.close();
          }
        });
      }
    }
  }

  it('a dataValueSet brings the cells back (qualitative answers and thresholds are not DHIS2 data values)', async () => {
    const source = openTestApp();
    const target = openTestApp();
    try {
      const planId = 'taobei';
      const r = regionsOf(source, planId);
      const data = generateReturn(source.framework(planId), {
        level: 'township',
        regionCode: r.township,
        year: 2023,
        seed: 5,
      });
      await storeReturn(source, data);
      const file = await source.call('open-data:export', {
        regionCode: r.township,
        fromYear: 2023,
        toYear: 2023,
        format: 'dhis2-json',
      });
      await target.call('settings:set-profile', { planId, role: 'county', regionCode: r.county, userName: '李四' });
      const result = await target.call('open-data:import', {
        fileName: file.fileName,
        bytesBase64: file.bytesBase64,
        acceptWarnings: false,
      });
      expect(result.format).toBe('dhis2-json');
      expect(result.problems.filter((p) => p.severity !== 'info')).toEqual([]);
      expect(result.written).toBe(true);
      const list = await target.call('returns:list', { regionCode: r.township });
      const back = await target.call('returns:get', { returnId: list[0].id });
      expect(comparable(back.data).cells).toEqual(comparable(data).cells);
    } finally {
      source.close();
      target.close();
    }
  });
});
