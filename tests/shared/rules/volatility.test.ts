// 波动较大: relative change against the previous year.
import { describe, expect, it } from 'vitest';
import { evaluateReturn } from '../../../shared/rules/evaluate.ts';
import { volatility } from '../../../shared/rules/volatility.ts';
import { DEFAULT_RULE_OPTIONS } from '../../../shared/rules/options.ts';
import { MINI, T, makeReturn } from '../../fixtures/mini-framework.ts';

describe('volatility()', () => {
  const cases: [number | null, number | null, number, number | null, boolean][] = [
    [12.5, 10, 20, 25, true],
    [12, 10, 20, 20, false], // exactly the threshold is not above it
    [12.01, 10, 20, 20.1, true],
    [7.5, 10, 20, -25, true],
    [8, 10, 20, -20, false],
    [12.5, 10, 30, 25, false],
    [10, 10, 20, 0, false],
    [5, 0, 20, null, true], // away from zero
    [0, 0, 20, 0, false],
    [null, 10, 20, null, false],
    [10, null, 20, null, false],
    [-12, -10, 20, -20, false], // relative to |previous|
    [1.1 * 3, 3, 10, 10, false], // binary noise does not tip the balance
  ];
  it.each(cases)('%o after %o, threshold %o%% → %o, volatile %o', (cur, prev, threshold, change, volatile) => {
    expect(volatility(cur, prev, threshold)).toEqual({ changePercent: change, volatile });
  });
  it('defaults to 20%', () => expect(DEFAULT_RULE_OPTIONS.volatilityPercent).toBe(20));
});

describe('volatility in target results', () => {
  const mmr = (deaths: number, year = 2025) =>
    makeReturn({ year, cells: { 'HD01.total': 1_000_000, 'HD02.total': deaths } });
  const h01 = (current: number, previous: number | null, options = {}) => {
    const history = previous === null ? [] : [mmr(previous, 2024)];
    return evaluateReturn(MINI, mmr(current), history, options).targets.find((t) => t.targetId === T.H01)!;
  };

  it('flags a rise of 25% and says so in the message', () => {
    const r = h01(125, 100);
    expect(r).toMatchObject({ status: 'basically_met', value: 12.5, previous: 10, changePercent: 25, volatile: true });
    // an adverse indicator 上升s; the change is in 个十万分点 from the figures shown, the relative change beside it
    expect(r.message).toBe(
      '12.5/10万，距目标“控制在12/10万以下”差0.5个十万分点，基本实现（差距在0.6个十万分点以内）；比上年上升2.5个十万分点（相对变化25.0%），波动较大，请核实',
    );
  });
  it('flags a fall of 25%', () => {
    const r = h01(75, 100);
    expect(r).toMatchObject({ status: 'met', changePercent: -25, volatile: true });
    expect(r.message).toBe(
      '7.5/10万，已实现目标“控制在12/10万以下”；比上年下降2.5个十万分点（相对变化25.0%），波动较大，请核实',
    );
  });
  it('does not flag 20% exactly', () => {
    expect(h01(96, 80)).toMatchObject({
      changePercent: 20,
      volatile: false,
      message: '9.6/10万，已实现目标“控制在12/10万以下”',
    });
  });
  it('honours options.volatilityPercent', () => {
    expect(h01(125, 100, { volatilityPercent: 30 })).toMatchObject({ changePercent: 25, volatile: false });
  });
  it('flags a move away from zero without a percentage', () => {
    const r = h01(50, 0);
    expect(r).toMatchObject({ previous: 0, changePercent: null, volatile: true });
    expect(r.message).toBe('5.0/10万，已实现目标“控制在12/10万以下”；上年为0，本年为5.0/10万，波动较大，请核实');
  });
  it('leaves changePercent empty without a previous year', () => {
    expect(h01(100, null)).toMatchObject({ previous: null, changePercent: null, volatile: false });
  });
  it('uses year − 1 only, not an older year', () => {
    const r = evaluateReturn(MINI, mmr(125), [mmr(100, 2023)]).targets.find((t) => t.targetId === T.H01)!;
    expect(r).toMatchObject({ previous: null, changePercent: null, volatile: false });
  });
  it('says 提高/降低 for an indicator that should rise, in 个百分点', () => {
    const c01 = (female: number, year: number) =>
      makeReturn({ year, cells: { 'CD01.total': 1000, 'CD01.female': female, 'CD01.male': 1000 - female } });
    const r = evaluateReturn(MINI, c01(300, 2025), [c01(400, 2024)]).targets.find((t) => t.targetId === T.C01)!;
    expect(r.message.endsWith('；比上年降低10.0个百分点（相对变化25.0%），波动较大，请核实')).toBe(true);
  });
  it('applies to reference values too', () => {
    const township = (deaths: number, year: number) =>
      makeReturn({ year, level: 'township', cells: { 'HD01.total': 1_000_000, 'HD02.total': deaths } });
    const r = evaluateReturn(MINI, township(150, 2025), [township(100, 2024)]).targets.find(
      (t) => t.targetId === T.H01,
    )!;
    expect(r).toMatchObject({ status: 'reference', changePercent: 50, volatile: true });
    expect(
      r.message.endsWith(
        '（仅供参考：该指标在县级判定，乡镇不作判定）；比上年上升5.0个十万分点（相对变化50.0%），波动较大，请核实',
      ),
    ).toBe(true);
  });
});
