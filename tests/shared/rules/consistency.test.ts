// Layers 1 and 2: input validity and consistency, with the exact Chinese messages.
import { describe, expect, it } from 'vitest';
import type { CellIssue } from '../../../shared/rules/result.ts';
import { evaluateReturn } from '../../../shared/rules/evaluate.ts';
import { MINI, makeReturn, type ReturnInput } from '../../fixtures/mini-framework.ts';

const issuesOf = (input: ReturnInput): CellIssue[] => evaluateReturn(MINI, makeReturn(input), []).issues;
const brief = (i: CellIssue) => ({ severity: i.severity, code: i.code, item: i.item, sex: i.sex, message: i.message });

describe('consistency (layer 2)', () => {
  const cases: [string, ReturnInput['cells'], Omit<CellIssue, never>[]][] = [
    [
      '女 ≤ 合计 violated',
      { 'ED01.total': 100, 'ED01.female': 120 },
      [
        {
          severity: 'error',
          code: 'female_exceeds_total',
          item: 'ED01',
          sex: 'female',
          message: '女性人数（120）大于合计（100），请核对：女 ≤ 合计',
        },
      ],
    ],
    ['女 = 合计 is fine', { 'ED01.total': 100, 'ED01.female': 100 }, []],
    [
      '男 ≤ 合计 violated (女 blank)',
      { 'CD01.total': 100, 'CD01.male': 130 },
      [
        {
          severity: 'error',
          code: 'male_exceeds_total',
          item: 'CD01',
          sex: 'male',
          message: '男性人数（130）大于合计（100），请核对：男 ≤ 合计',
        },
      ],
    ],
    [
      '女 + 男 ≠ 合计',
      { 'CD01.total': 100, 'CD01.female': 40, 'CD01.male': 50 },
      [
        {
          severity: 'error',
          code: 'sum_mismatch',
          item: 'CD01',
          sex: 'total',
          message: '女（40）+ 男（50）= 90，与合计（100）不符，请核对：女 + 男 = 合计',
        },
      ],
    ],
    [
      '女 > 合计 is reported once, not also as a sum mismatch',
      { 'CD01.total': 100, 'CD01.female': 120, 'CD01.male': 10 },
      [
        {
          severity: 'error',
          code: 'female_exceeds_total',
          item: 'CD01',
          sex: 'female',
          message: '女性人数（120）大于合计（100），请核对：女 ≤ 合计',
        },
      ],
    ],
    ['女 + 男 = 合计', { 'CD01.total': 100, 'CD01.female': 45, 'CD01.male': 55 }, []],
    ['sum not checked while a column is blank', { 'CD01.total': 100, 'CD01.female': 45, 'CD01.male': null }, []],
    [
      'sum not checked against 无数据',
      { 'CD01.total': 100, 'CD01.female': 45, 'CD01.male': { noData: '未分性别统计' } },
      [],
    ],
    [
      'amounts: one unit of the last decimal is rounding',
      { 'CD02.total': 10, 'CD02.female': 3.33, 'CD02.male': 6.66 },
      [],
    ],
    [
      'amounts: a real mismatch',
      { 'CD02.total': 10, 'CD02.female': 3.3, 'CD02.male': 6.6 },
      [
        {
          severity: 'error',
          code: 'sum_mismatch',
          item: 'CD02',
          sex: 'total',
          message: '女（3.3）+ 男（6.6）= 9.9，与合计（10）不符，请核对：女 + 男 = 合计',
        },
      ],
    ],
    [
      'amounts: 女 > 合计 says 金额',
      { 'CD02.total': 10, 'CD02.female': 12.5 },
      [
        {
          severity: 'error',
          code: 'female_exceeds_total',
          item: 'CD02',
          sex: 'female',
          message: '女性金额（12.5）大于合计（10），请核对：女 ≤ 合计',
        },
      ],
    ],
    [
      'non-additive value items (预期寿命) are not summed',
      { 'HD03.total': 78, 'HD03.female': 80.5, 'HD03.male': 75.6 },
      [],
    ],
    [
      'numerator > denominator of a rate per 10万',
      { 'HD01.total': 3, 'HD02.total': 5 },
      [
        {
          severity: 'error',
          code: 'numerator_exceeds_denominator',
          item: 'HD02',
          sex: 'total',
          message: '孕产妇死亡数（5）大于活产数（3），“孕产妇死亡率”将超过10万/10万，请核对：孕产妇死亡数 ≤ 活产数',
        },
      ],
    ],
    [
      'numerator > denominator of a % ratio (reported once per cell pair)',
      { 'HD01.total': 100, 'HD04.total': 120 },
      [
        {
          severity: 'error',
          code: 'numerator_exceeds_denominator',
          item: 'HD04',
          sex: 'total',
          message: '剖宫产数（120）大于活产数（100），“剖宫产率”将超过100%，请核对：剖宫产数 ≤ 活产数',
        },
      ],
    ],
    ['numerator = denominator is fine', { 'HD01.total': 100, 'HD04.total': 100 }, []],
    ['a sex ratio (男/女) may pass 100', { 'FD01.total': 2100, 'FD01.female': 1000, 'FD01.male': 1100 }, []],
    [
      '% value above 100',
      { 'VD01.total': 100.5 },
      [
        {
          severity: 'error',
          code: 'percent_out_of_range',
          item: 'VD01',
          sex: 'total',
          message: '100.5% 超出 0～100% 的范围，请核对',
        },
      ],
    ],
    [
      '% value below 0',
      { 'VD01.total': -1 },
      [
        {
          severity: 'error',
          code: 'percent_out_of_range',
          item: 'VD01',
          sex: 'total',
          message: '-1% 超出 0～100% 的范围，请核对',
        },
      ],
    ],
    ['% value at 0 and 100 is fine', { 'VD01.total': 100 }, []],
  ];
  it.each(cases)('%s', (_name, cells, expected) => {
    expect(issuesOf({ cells }).map(brief)).toEqual(expected);
  });
});

describe('input validity (layer 1)', () => {
  const cases: [string, ReturnInput['cells'], Omit<CellIssue, never>[]][] = [
    [
      'negative count',
      { 'HD01.total': -3 },
      [{ severity: 'error', code: 'negative_count', item: 'HD01', sex: 'total', message: '人数不能为负数（-3）' }],
    ],
    [
      'fraction of a person',
      { 'HD01.total': 2.5 },
      [{ severity: 'error', code: 'not_integer', item: 'HD01', sex: 'total', message: '人数应为整数（2.5）' }],
    ],
    [
      'count in 例 says 例数',
      { 'HD04.total': -1 },
      [{ severity: 'error', code: 'negative_count', item: 'HD04', sex: 'total', message: '例数不能为负数（-1）' }],
    ],
    [
      'negative amount',
      { 'CD02.total': -1.5 },
      [{ severity: 'error', code: 'negative_amount', item: 'CD02', sex: 'total', message: '此项不能为负数（-1.5）' }],
    ],
    [
      'too many decimals',
      { 'CD02.total': 3.333 },
      [
        {
          severity: 'error',
          code: 'too_many_decimals',
          item: 'CD02',
          sex: 'total',
          message: '3.333 的小数位数过多，最多保留2位小数',
        },
      ],
    ],
    ['decimals within precision (binary noise tolerated)', { 'CD02.total': 0.1 + 0.2, 'VD01.total': 95.3 }, []],
    [
      'not finite',
      { 'HD03.total': Number.NaN },
      [{ severity: 'error', code: 'invalid_value', item: 'HD03', sex: 'total', message: '数值无效，请重新填写' }],
    ],
    [
      'invalid cells do not take part in consistency',
      { 'ED01.total': -5, 'ED01.female': 3 },
      [{ severity: 'error', code: 'negative_count', item: 'ED01', sex: 'total', message: '人数不能为负数（-5）' }],
    ],
    [
      'prefilled value not yet confirmed',
      { 'HD01.total': { value: 1200, prefilled: true, raw: null } },
      [
        {
          severity: 'warning',
          code: 'prefilled_unconfirmed',
          item: 'HD01',
          sex: 'total',
          message: '沿用上年数值（1200），尚未确认，请核实后确认',
        },
      ],
    ],
  ];
  it.each(cases)('%s', (_name, cells, expected) => {
    expect(issuesOf({ cells }).map(brief)).toEqual(expected);
  });

  it('warns about cells outside the framework, unknown columns, duplicates and value + 无数据', () => {
    const data = makeReturn({ cells: { 'HD01.total': 100 } });
    data.cells.push(
      { item: 'HD99', sex: 'total', value: 1, noData: null, prefilled: false, raw: null },
      { item: 'HD01', sex: 'female', value: 1, noData: null, prefilled: false, raw: null },
      { item: 'HD01', sex: 'total', value: 120, noData: { reason: '暂缺' }, prefilled: false, raw: null },
    );
    const e = evaluateReturn(MINI, data, []);
    expect(e.issues.map(brief)).toEqual([
      {
        severity: 'warning',
        code: 'unknown_item',
        item: 'HD99',
        sex: 'total',
        message: '数据项 HD99 不在本规划的指标框架中，已忽略',
      },
      {
        severity: 'warning',
        code: 'unknown_column',
        item: 'HD01',
        sex: 'female',
        message: '数据项 HD01 没有“女”栏，已忽略',
      },
      {
        severity: 'warning',
        code: 'duplicate_cell',
        item: 'HD01',
        sex: 'total',
        message: '该格重复出现，以最后一次填写为准',
      },
      {
        severity: 'warning',
        code: 'value_and_no_data',
        item: 'HD01',
        sex: 'total',
        message: '既填写了数值又标记为无数据，请二选一（暂按已填数值计算）',
      },
    ]);
    expect(e.indicators.find((i) => i.code === 'H01')?.denominator).toBe(120);
  });
});
