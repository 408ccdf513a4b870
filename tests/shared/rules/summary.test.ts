// 达标率 as the statistics bureau computes it: (已实现 + 基本实现) ÷ 可监测, 无数据 outside the denominator,
// qualitative targets apart, no percentage from too little data.
import { describe, expect, it } from 'vitest';
import { achievementRate } from '../../../shared/rules/summary.ts';
import { evaluateReturn } from '../../../shared/rules/evaluate.ts';
import { countsOf } from '../../../shared/report/build-report.ts';
import { headlineSentences } from '../../../shared/report/headline.ts';
import { MINI, makeReturn } from '../../fixtures/mini-framework.ts';

describe('achievementRate', () => {
  it('counts 基本实现 as achieved and leaves 无数据 out of the denominator', () => {
    // the national report's example: 54 monitorable, 44 met or basically met → 81.5 %
    const r = achievementRate({ met: 40, basicallyMet: 4, notMet: 10, noData: 6 });
    expect(r).toMatchObject({ measured: 60, monitored: 54, achieved: 44, reason: null });
    expect(r.rate!.toFixed(1)).toBe('81.5');
  });
  it('gives no percentage when fewer than half of the measured targets have data', () => {
    // a draft with 133 of 140 targets empty must not headline 「达标率0.0%」
    expect(achievementRate({ met: 0, basicallyMet: 0, notMet: 7, noData: 133 })).toMatchObject({
      rate: null,
      reason: 'too_few',
      monitored: 7,
    });
    expect(achievementRate({ met: 0, basicallyMet: 0, notMet: 0, noData: 20 })).toMatchObject({
      rate: null,
      reason: 'none_monitored',
    });
    expect(achievementRate({ met: 5, basicallyMet: 0, notMet: 5, noData: 10 }).rate).toBe(50);
  });
});

describe('the headline sentence', () => {
  it('reads 「在可监测的X项指标中，Y项已实现或基本实现目标」 with the engine’s counts, qualitative targets apart', () => {
    const e = evaluateReturn(
      MINI,
      makeReturn({
        year: 2025,
        cells: {
          'HD01.total': 1_000_000,
          'HD02.total': 121,
          'HD03.total': 78.2,
          'HD03.female': 80.1,
          'HD03.male': 76.4,
          'CD01.total': 1000,
          'CD01.female': 300,
          'CD01.male': 700,
          'ED01.total': 1000,
          'ED01.female': 500,
          'FD01.total': 2050,
          'FD01.female': 1000,
          'FD01.male': 1050,
          'PD01.total': 100,
          'PD01.female': 35,
          'PD02.total': 100,
          'PD02.female': 30,
          'VD01.total': 96,
          'SD01.total': 1000,
          'SD01.female': 500,
          'SD01.male': 500,
        },
        external: { 'mini-S-G01-1': 450 },
        qualitative: { F02: 'done', L02: 'in_progress' },
      }),
      [],
    );
    const c = countsOf(e.total);
    expect(c.basicallyMet).toBe(1); // 12.1/10万 against 12
    const [headline, ...rest] = headlineSentences(c);
    expect(headline).toBe(
      `在可监测的${c.monitored}项指标中，${c.met + c.basicallyMet}项已实现或基本实现目标（已实现${c.met}项，基本实现${c.basicallyMet}项），达标率${(((c.met + c.basicallyMet) / c.monitored) * 100).toFixed(1)}%；${c.notMet}项与目标仍有差距。`,
    );
    expect(rest.join('')).toContain(
      '定性目标2项（机制建立、政策落实等，由填报单位自评，单独统计，不计入达标率）：已建立或已实现1项，推进中1项',
    );
  });
  it('says the data are too few instead of a percentage', () => {
    const c = countsOf(
      evaluateReturn(MINI, makeReturn({ year: 2025, cells: { 'HD01.total': 1_000_000, 'HD02.total': 200 } }), []).total,
    );
    expect(c.rate).toBeNull();
    expect(headlineSentences(c)[0]).toMatch(
      /^本级评估的定量指标\d+项中仅1项有数据（不足50%），数据不全，暂不计算达标率/,
    );
  });
});
