// Ratios of a merged return pooled only over the children that have both the numerator and the denominator:
// a township that marks the numerator 无数据 (or leaves the denominator blank) leaves both, so the county's
// rate never divides one population's numerator by another population's denominator.
import { describe, expect, it } from 'vitest';
import { aggregateReturns } from '../../../shared/aggregation/merge-returns.ts';
import { ReturnDataSchema, type ReturnData } from '../../../shared/returns/schema.ts';
import { evaluateReturn } from '../../../shared/rules/evaluate.ts';
import { POOL_MSG } from '../../../shared/rules/messages.ts';
import { COUNTY, T, TOWN_A, TOWN_B, makeReturn, withRule } from '../../fixtures/mini-framework.ts';

const TOWN_C = '431024102000';
const TOWN_D = '431024103000';
const NAMES = { [TOWN_A]: '甲镇', [TOWN_B]: '乙乡', [TOWN_C]: '丙乡', [TOWN_D]: '丁镇' };
// C01 城镇单位就业人员中女性比例 = CD01.female / CD01.total, here judged against 75 %
const FW = withRule(T.C01, { kind: 'at_least', value: 75, strict: false }, '达到75%以上');
const cellOf = (data: ReturnData, key: string) => data.cells.find((c) => `${c.item}.${c.sex}` === key);

// 甲 3000/3600 and 乙 2135/2561 have both; 丙 marks the numerator 无数据; 丁 leaves the denominator blank
const towns = [
  makeReturn({ level: 'township', region: TOWN_A, cells: { 'CD01.total': 3600, 'CD01.female': 3000 } }),
  makeReturn({ level: 'township', region: TOWN_B, cells: { 'CD01.total': 2561, 'CD01.female': 2135 } }),
  makeReturn({
    level: 'township',
    region: TOWN_C,
    cells: { 'CD01.total': 3100, 'CD01.female': { noData: '未分性别统计' } },
  }),
  makeReturn({ level: 'township', region: TOWN_D, cells: { 'CD01.total': null, 'CD01.female': 900 } }),
];

describe('pooled ratios of a merged return', () => {
  const { data } = aggregateReturns(FW, 'county', COUNTY, 2024, towns, undefined, { names: NAMES });

  it('keeps the item sums as true sums of what was reported', () => {
    expect(cellOf(data, 'CD01.female')?.value).toBe(6035);
    expect(cellOf(data, 'CD01.total')?.value).toBe(9261);
  });

  it('pools the ratio only over the townships that have both cells, naming the others', () => {
    expect(() => ReturnDataSchema.parse(data)).not.toThrow();
    expect(data.pooledRatios?.C01).toEqual({
      numeratorCell: 'CD01.female',
      denominatorCell: 'CD01.total',
      numerator: 5135,
      denominator: 6161,
      units: 2,
      of: 4,
      unitLevel: 'township',
      missingIn: [
        { code: TOWN_C, name: '丙乡' },
        { code: TOWN_D, name: '丁镇' },
      ],
    });
  });

  it('judges the county on 5135/6161 = 83.3 %, not 6035/9261 = 65.2 %', () => {
    const e = evaluateReturn(FW, data, []);
    const c01 = e.indicators.find((i) => i.code === 'C01')!;
    expect(c01).toMatchObject({ numerator: 5135, denominator: 6161 });
    expect(c01.value).toBeCloseTo((5135 / 6161) * 100, 9);
    expect(c01.coverage).toEqual({ units: 2, of: 4, unitLevel: 'township', missing: ['丙乡', '丁镇'] });
    const target = e.targets.find((t) => t.targetId === T.C01)!;
    expect(target).toMatchObject({ value: 83.3, status: 'met' });
  });

  it('says from how many townships the rate is pooled and which are missing', () => {
    const e = evaluateReturn(FW, data, []);
    const c01 = e.indicators.find((i) => i.code === 'C01')!;
    expect(POOL_MSG.coverage(c01.coverage!)).toBe('由2个乡镇（共4个）汇总计算；缺少：丙乡、丁镇');
    expect(POOL_MSG.coverage({ units: 3, of: 5, unitLevel: 'county', missing: ['甲县', '乙区'] })).toBe(
      '由3个县（区）（共5个）汇总计算；缺少：甲县、乙区',
    );
  });

  it('has no coverage note when every township has both cells', () => {
    const both = aggregateReturns(FW, 'county', COUNTY, 2024, towns.slice(0, 2), undefined, { names: NAMES }).data;
    expect(both.pooledRatios?.C01).toMatchObject({
      numerator: 5135,
      denominator: 6161,
      units: 2,
      of: 2,
      missingIn: [],
    });
    const c01 = evaluateReturn(FW, both, []).indicators.find((i) => i.code === 'C01')!;
    expect(c01).toMatchObject({ numerator: 5135, denominator: 6161, coverage: null });
  });

  it('pools nothing for a ratio no township reported any cell of', () => {
    expect(data.pooledRatios?.E01).toBeUndefined();
    const target = evaluateReturn(FW, data, []).targets.find((t) => t.targetId === T.E01)!;
    expect(target.message).toContain('未填写');
  });

  it('names region codes when the caller knows no names', () => {
    const plain = aggregateReturns(FW, 'county', COUNTY, 2024, towns).data;
    expect(plain.pooledRatios?.C01.missingIn).toEqual([
      { code: TOWN_C, name: TOWN_C },
      { code: TOWN_D, name: TOWN_D },
    ]);
  });

  it('gives no rate when no township has both cells, and says why', () => {
    const none = aggregateReturns(FW, 'county', COUNTY, 2024, [towns[2], towns[3]], undefined, { names: NAMES }).data;
    expect(none.pooledRatios?.C01).toMatchObject({ numerator: null, denominator: null, units: 0, of: 2 });
    const e = evaluateReturn(FW, none, []);
    expect(e.indicators.find((i) => i.code === 'C01')?.value).toBeNull();
    const target = e.targets.find((t) => t.targetId === T.C01)!;
    expect(target.status).toBe('no_data');
    expect(target.message).toBe('没有一个乡镇同时填报了分子和分母（缺少：丙乡、丁镇），无法汇总计算');
  });

  it('raises no numerator-over-denominator error made only by the gaps', () => {
    // H03 剖宫产率 = HD04 / HD01. 甲 90 of 100 births; 乙 reports 3000 caesareans with births blank:
    // the summed 3090 caesareans exceed the summed 100 births only because the populations differ
    const gapsOnly = aggregateReturns(
      FW,
      'county',
      COUNTY,
      2024,
      [
        makeReturn({ level: 'township', region: TOWN_A, cells: { 'HD01.total': 100, 'HD04.total': 90 } }),
        makeReturn({ level: 'township', region: TOWN_B, cells: { 'HD04.total': 3000 } }),
      ],
      undefined,
      { names: NAMES },
    ).data;
    expect(cellOf(gapsOnly, 'HD04.total')?.value).toBe(3090);
    const e = evaluateReturn(FW, gapsOnly, []);
    expect(e.issues.filter((i) => i.code === 'numerator_exceeds_denominator')).toEqual([]);
    expect(e.indicators.find((i) => i.code === 'H03')).toMatchObject({
      numerator: 90,
      denominator: 100,
      coverage: { units: 1, of: 2, missing: ['乙乡'] },
    });
    // without the pair the same cells are an error, as before
    const e2 = evaluateReturn(FW, { ...gapsOnly, pooledRatios: undefined }, []);
    expect(e2.issues.map((i) => i.code)).toContain('numerator_exceeds_denominator');
  });

  it('also pools last year’s merged return for 上年', () => {
    const last = aggregateReturns(
      FW,
      'county',
      COUNTY,
      2023,
      towns.map((t) => ({ ...t, year: 2023 })),
      undefined,
      { names: NAMES },
    ).data;
    const e = evaluateReturn(FW, data, [last]);
    expect(e.targets.find((t) => t.targetId === T.C01)?.previous).toBe(83.3);
  });
});

describe('the engine given a pooled pair', () => {
  const county = makeReturn({ level: 'county', region: COUNTY, cells: { 'CD01.total': 9261, 'CD01.female': 6035 } });
  const pair = {
    numeratorCell: 'CD01.female',
    denominatorCell: 'CD01.total',
    numerator: 5135,
    denominator: 6161,
    units: 2,
    of: 4,
    unitLevel: 'township' as const,
    missingIn: [
      { code: TOWN_C, name: '丙乡' },
      { code: TOWN_D, name: '丁镇' },
    ],
  };

  it('takes the pair instead of the summed cells', () => {
    const e = evaluateReturn(FW, { ...county, pooledRatios: { C01: pair } }, []);
    expect(e.indicators.find((i) => i.code === 'C01')).toMatchObject({ numerator: 5135, denominator: 6161 });
  });

  it('ignores a pair that stands for other cells', () => {
    const e = evaluateReturn(FW, { ...county, pooledRatios: { C01: { ...pair, numeratorCell: 'CD01.male' } } }, []);
    expect(e.indicators.find((i) => i.code === 'C01')).toMatchObject({
      numerator: 6035,
      denominator: 9261,
      coverage: null,
    });
  });

  it('without a pair divides the cells as before', () => {
    const e = evaluateReturn(FW, county, []);
    expect(e.indicators.find((i) => i.code === 'C01')).toMatchObject({ numerator: 6035, denominator: 9261 });
  });
});

describe('a city pooling its counties', () => {
  const C2 = '431025000000';
  const C3 = '431026000000';
  const CITY = '431000000000';
  const countyA: ReturnData = {
    ...makeReturn({ level: 'county', region: COUNTY, cells: { 'CD01.total': 9261, 'CD01.female': 6035 } }),
    pooledRatios: {
      C01: {
        numeratorCell: 'CD01.female',
        denominatorCell: 'CD01.total',
        numerator: 5135,
        denominator: 6161,
        units: 2,
        of: 4,
        unitLevel: 'township',
        missingIn: [],
      },
    },
  };
  const countyB = makeReturn({ level: 'county', region: C2, cells: { 'CD01.total': 1000, 'CD01.female': 850 } });
  const countyC = makeReturn({
    level: 'county',
    region: C3,
    cells: { 'CD01.total': 500, 'CD01.female': { noData: '未统计' } },
  });

  it('takes each county’s pooled pair, else its cells, and leaves out counties without both', () => {
    const { data } = aggregateReturns(FW, 'city', CITY, 2024, [countyA, countyB, countyC], undefined, {
      anyPlan: true,
      names: { [COUNTY]: '测试县', [C2]: '二县', [C3]: '三区' },
    });
    expect(data.pooledRatios?.C01).toMatchObject({
      numerator: 5985,
      denominator: 7161,
      units: 2,
      of: 3,
      unitLevel: 'county',
      missingIn: [{ code: C3, name: '三区' }],
    });
    expect(cellOf(data, 'CD01.total')?.value).toBe(10761);
    const e = evaluateReturn(FW, data, []);
    expect(e.indicators.find((i) => i.code === 'C01')?.value).toBeCloseTo((5985 / 7161) * 100, 9);
  });
});
