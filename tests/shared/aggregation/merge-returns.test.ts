// Township returns merged into the county return; ratios recomputed, never averaged.
import { describe, expect, it } from 'vitest';
import { ReturnDataSchema } from '../../../shared/returns/schema.ts';
import { aggregateReturns } from '../../../shared/aggregation/merge-returns.ts';
import { evaluateReturn } from '../../../shared/rules/evaluate.ts';
import { COUNTY, MINI, T, TOWN_A, TOWN_B, makeReturn } from '../../fixtures/mini-framework.ts';

const cellOf = (
  data: { cells: { item: string; sex: string; value: number | null; noData: { reason: string } | null }[] },
  key: string,
) => {
  const [item, sex] = key.split('.');
  return data.cells.find((c) => c.item === item && c.sex === sex);
};

describe('aggregateReturns', () => {
  // 30% of 10 and 50% of 100 girls: pooled 53/110 = 48.18…%, not the 40% average of the rates
  const townA = makeReturn({
    level: 'township',
    region: TOWN_A,
    cells: {
      'ED01.total': 10,
      'ED01.female': 3,
      'HD01.total': 400,
      'HD02.total': null,
      'CD01.total': 100,
      'CD01.female': 40,
      'CD01.male': 60,
      'HD03.total': 99,
    },
    qualitative: { F02: 'not_done' },
  });
  const townB = makeReturn({
    level: 'township',
    region: TOWN_B,
    cells: {
      'ED01.total': 100,
      'ED01.female': 50,
      'HD01.total': 600,
      'HD02.total': { noData: '未统计' },
      'CD01.total': 200,
      'CD01.female': { noData: '未分性别' },
      'CD01.male': { value: 110, prefilled: true, raw: null },
    },
  });
  const own = makeReturn({
    level: 'county',
    region: COUNTY,
    cells: { 'HD03.total': 78.35, 'HD03.female': 80.2, 'HD03.male': 76.6, 'VD01.total': 96.5, 'ED01.total': 999 },
    qualitative: { F02: 'done', L02: 'in_progress' },
    external: { [T.S01]: 480 },
  });
  const { data, gaps } = aggregateReturns(MINI, 'county', COUNTY, 2024, [townA, townB], own);

  it('is a valid county return', () => {
    expect(() => ReturnDataSchema.parse(data)).not.toThrow();
    expect(data).toMatchObject({
      planId: 'mini',
      frameworkVersion: 1,
      regionCode: COUNTY,
      level: 'county',
      year: 2024,
    });
  });
  it('sums township items per sex column', () => {
    expect(cellOf(data, 'ED01.total')?.value).toBe(110);
    expect(cellOf(data, 'ED01.female')?.value).toBe(53);
    expect(cellOf(data, 'HD01.total')?.value).toBe(1000);
    expect(cellOf(data, 'CD01.total')?.value).toBe(300);
    expect(cellOf(data, 'CD01.female')?.value).toBe(40);
    expect(cellOf(data, 'CD01.male')?.value).toBe(170);
    expect(cellOf(data, 'CD01.male')).toMatchObject({ prefilled: true, raw: null });
  });
  it('gives the pooled share 53/110, not the mean of the rates', () => {
    const e = evaluateReturn(MINI, data, []);
    const e01 = e.indicators.find((i) => i.code === 'E01')!;
    expect(e01).toMatchObject({ numerator: 53, denominator: 110 });
    expect(e01.value).toBe((53 / 110) * 100);
    expect(e01.value).toBeCloseTo(48.1818, 4);
    expect(e01.value).not.toBeCloseTo(40, 0);
    expect(e.targets.find((t) => t.targetId === T.E01)?.value).toBe(48.2);
  });
  it('takes county-level and non-additive items, answers and thresholds from the county’s own entries', () => {
    expect(cellOf(data, 'HD03.total')?.value).toBe(78.35);
    expect(cellOf(data, 'HD03.female')?.value).toBe(80.2);
    expect(cellOf(data, 'VD01.total')?.value).toBe(96.5);
    expect(data.qualitative).toEqual([
      { indicator: 'F02', choice: 'done', note: '' },
      { indicator: 'L02', choice: 'in_progress', note: '' },
    ]);
    expect(data.externalThresholds).toEqual({ [T.S01]: 480 });
  });
  it('ignores the county’s own entries for summed items and townships’ entries for county items', () => {
    expect(cellOf(data, 'ED01.total')?.value).toBe(110);
    expect(cellOf(data, 'HD03.total')?.value).not.toBe(99);
  });
  it('reports which children lacked a summed cell', () => {
    expect(gaps).toContainEqual({ item: 'HD02', sex: 'total', missingIn: [TOWN_A, TOWN_B] });
    expect(gaps).toContainEqual({ item: 'CD01', sex: 'female', missingIn: [TOWN_B] });
    expect(gaps).toContainEqual({ item: 'PD01', sex: 'total', missingIn: [TOWN_A, TOWN_B] });
    expect(gaps.find((g) => g.item === 'ED01')).toBeUndefined();
    expect(gaps.find((g) => g.item === 'HD03')).toBeUndefined();
  });
  it('leaves a cell blank when no child has it, 无数据 when every child marked it so', () => {
    expect(cellOf(data, 'HD02.total')).toMatchObject({ value: null, noData: null });
    const both = aggregateReturns(MINI, 'county', COUNTY, 2024, [
      makeReturn({ level: 'township', region: TOWN_A, cells: { 'HD02.total': { noData: '未统计' } } }),
      makeReturn({ level: 'township', region: TOWN_B, cells: { 'HD02.total': { noData: '未统计' } } }),
    ]);
    expect(cellOf(both.data, 'HD02.total')).toMatchObject({ value: null, noData: { reason: '各乡镇均标记为无数据' } });
  });
  it('sums amounts without binary noise', () => {
    const r = aggregateReturns(MINI, 'county', COUNTY, 2024, [
      makeReturn({ level: 'township', region: TOWN_A, cells: { 'CD02.total': 0.1 } }),
      makeReturn({ level: 'township', region: TOWN_B, cells: { 'CD02.total': 0.2 } }),
    ]);
    expect(cellOf(r.data, 'CD02.total')?.value).toBe(0.3);
  });
  it('treats a child’s invalid value as missing', () => {
    const r = aggregateReturns(MINI, 'county', COUNTY, 2024, [
      makeReturn({ level: 'township', region: TOWN_A, cells: { 'HD01.total': -5 } }),
      makeReturn({ level: 'township', region: TOWN_B, cells: { 'HD01.total': 100 } }),
    ]);
    expect(cellOf(r.data, 'HD01.total')?.value).toBe(100);
    expect(r.gaps).toContainEqual({ item: 'HD01', sex: 'total', missingIn: [TOWN_A] });
  });
  it('works without own entries', () => {
    const r = aggregateReturns(MINI, 'county', COUNTY, 2024, [townA]);
    expect(cellOf(r.data, 'HD03.total')).toMatchObject({ value: null, noData: null });
    expect(r.data.qualitative).toEqual([]);
    expect(r.data.externalThresholds).toEqual({});
  });
  it('refuses children of another year or plan, duplicates, and own entries of another region', () => {
    expect(() =>
      aggregateReturns(MINI, 'county', COUNTY, 2024, [makeReturn({ level: 'township', region: TOWN_A, year: 2023 })]),
    ).toThrow(`乡镇 ${TOWN_A} 的报表年份为2023年，与汇总年份2024年不符`);
    expect(() => aggregateReturns(MINI, 'county', COUNTY, 2024, [{ ...townA, planId: 'other' }])).toThrow(
      `乡镇 ${TOWN_A} 的报表属于规划 other，与汇总规划 mini 不符`,
    );
    expect(() => aggregateReturns(MINI, 'county', COUNTY, 2024, [townA, townA])).toThrow(
      `乡镇 ${TOWN_A} 的报表重复出现`,
    );
    expect(() => aggregateReturns(MINI, 'county', COUNTY, 2024, [townA], { ...own, regionCode: TOWN_B })).toThrow(
      `县级自填报表的区划代码 ${TOWN_B} 与汇总区划 ${COUNTY} 不符`,
    );
  });
});

describe('aggregateReturns when nothing was received for an item', () => {
  it('keeps the county’s own figure for a township item no township sent, and sums where townships did', () => {
    const townA = makeReturn({ level: 'township', region: TOWN_A, cells: { 'ED01.total': 10, 'ED01.female': 3 } });
    const own = makeReturn({
      level: 'county',
      region: COUNTY,
      cells: { 'ED01.total': 999, 'HD01.total': 5000, 'HD02.total': 1 },
    });
    const { data, sources } = aggregateReturns(MINI, 'county', COUNTY, 2024, [townA], own);
    expect(cellOf(data, 'ED01.total')?.value).toBe(10);
    expect(cellOf(data, 'HD01.total')?.value).toBe(5000);
    expect(sources.find((s) => s.item === 'ED01')).toMatchObject({ kind: 'children' });
    expect(sources.find((s) => s.item === 'HD01')).toMatchObject({ kind: 'own' });
  });

  it('gives the county’s own return unchanged when no township has reported', () => {
    const own = makeReturn({ level: 'county', region: COUNTY, cells: { 'ED01.total': 200, 'ED01.female': 90 } });
    const { data } = aggregateReturns(MINI, 'county', COUNTY, 2024, [], own);
    expect(cellOf(data, 'ED01.total')?.value).toBe(200);
    expect(cellOf(data, 'ED01.female')?.value).toBe(90);
  });
});
