// Every level has a plan: 白城市 authors its own plan and merges 洮北区 (shipped plan) with 镇赉县 (an authored plan
// that does not collect one indicator) by item code; totals and pooled rates equal sums computed here, and the
// item 镇赉县 does not collect is a gap, never a zero.
import { afterEach, describe, expect, it } from 'vitest';
import { importBatch } from '../../../electron/merge/batch-import.ts';
import { resolveOffice } from '../../../electron/merge/office.ts';
import { mergeResult } from '../../../electron/merge/merge-service.ts';
import { newPlan, setPlanTarget } from '../../../electron/plans/plan-author-service.ts';
import { requireFramework } from '../../../electron/frameworks/plans-service.ts';
import { openTestBackend, type TestBackend } from '../../helpers/backend.ts';
import { CITY, COUNTY, cellOf, file, jsonReader, townshipReturn } from './helpers.ts';

const now = () => new Date('2025-02-10T02:00:00Z');
const ZHENLAI = '220821000000';
const open: TestBackend[] = [];
afterEach(() => {
  while (open.length) open.pop()!.dispose();
});

describe('a city with its own plan', () => {
  it('merges counties under different plans by item code, judged against the city’s plan', async () => {
    // 镇赉县's plan, without 孕产妇系统管理率 (H04) among its strategy targets
    const zl = openTestBackend({ now });
    open.push(zl);
    newPlan(zl.ctx, {
      id: 'zhenlai',
      regionCode: ZHENLAI,
      name: '镇赉县妇女发展规划（2021-2030年）',
      start: 2021,
      end: 2030,
      baselineYear: 2020,
      copyFrom: 'taobei',
    });
    const h04 = requireFramework(zl.ctx, 'zhenlai')
      .areas.flatMap((a) => a.targets)
      .filter((t) => t.indicator === 'H04');
    for (const t of h04) setPlanTarget(zl.ctx, 'zhenlai', { remove: t.id });
    const zlFw = requireFramework(zl.ctx, 'zhenlai');
    expect(zlFw.indicators.some((i) => i.code === 'H04')).toBe(false);

    const city = openTestBackend({ now });
    open.push(city);
    newPlan(city.ctx, {
      id: 'baicheng',
      regionCode: CITY,
      name: '白城市妇女发展规划（2021-2030年）',
      start: 2021,
      end: 2030,
      baselineYear: 2020,
      copyFrom: 'taobei',
    });
    const office = resolveOffice(city.ctx);
    expect(office).toMatchObject({ level: 'city', planId: 'baicheng' });
    const tbFw = requireFramework(city.ctx, 'taobei');
    const h04i = tbFw.indicators.find((i) => i.code === 'H04')!;
    if (h04i.kind !== 'ratio') throw new Error('H04 is a rate');
    const [num, den] = [h04i.numerator, h04i.denominator];
    const denKey = `${den.item}.${den.sex}`;
    expect(zlFw.dataItems.some((d) => d.code === den.item)).toBe(true); // the denominator (活产数) other rates still use
    expect(zlFw.dataItems.some((d) => d.code === num.item)).toBe(false); // the numerator only H04 used
    const tb = {
      ...townshipReturn(tbFw, COUNTY, 2024, { [`${num.item}.${num.sex}`]: 1100, [denKey]: 1180 }),
      level: 'county' as const,
    };
    const zlCells: Record<string, number> = { [denKey]: 800 };
    const zlReturn = { ...townshipReturn(zlFw, ZHENLAI, 2024, zlCells), level: 'county' as const };
    const verdicts = await importBatch(
      city.ctx,
      office,
      2024,
      [file('洮北区.json', tb, { supplierName: '洮北区' }), file('镇赉县.json', zlReturn, { supplierName: '镇赉县' })],
      jsonReader,
    );
    expect(verdicts.map((v) => v.verdict)).not.toContain('rejected');
    expect(verdicts[1].problems.map((p) => p.message).join()).toContain('zhenlai');

    const result = mergeResult(city.ctx, { year: 2024 });
    expect(cellOf(result.data, denKey)?.value).toBe(1180 + 800);
    // 镇赉县 does not collect H04's items: the city's figure is 洮北区's alone, 镇赉县 a gap, not a zero
    expect(cellOf(result.data, `${num.item}.${num.sex}`)?.value).toBe(1100);
    expect(result.gaps.find((g) => g.item === num.item)?.missingIn.map((m) => m.code)).toEqual([ZHENLAI]);
    // the pooled rate counts only the county that has both: 1100 / 1180, never 1100 / 1980
    const rate = result.data.pooledRatios?.H04;
    expect(rate).toMatchObject({ numerator: 1100, denominator: 1180 });
  });
});
