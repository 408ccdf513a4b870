// Every target rule kind at and around its boundaries.
import { describe, expect, it } from 'vitest';
import type { Framework, TargetRule } from '../../../shared/framework/schema.ts';
import type { ReturnData } from '../../../shared/returns/schema.ts';
import type { TargetStatus } from '../../../shared/rules/result.ts';
import type { RuleOptions } from '../../../shared/rules/options.ts';
import { evaluateReturn } from '../../../shared/rules/evaluate.ts';
import { MINI, T, makeReturn, withIndicator, withRule, type ReturnInput } from '../../fixtures/mini-framework.ts';

interface Case {
  name: string;
  target: string;
  /** replaces the fixture's rule (and text) of that target */
  rule?: TargetRule;
  text?: string;
  framework?: Framework;
  current: ReturnInput;
  history?: ReturnInput[];
  options?: Partial<RuleOptions>;
  status: TargetStatus;
  message?: string;
  value?: number | null;
}

function run(c: Case) {
  const fw = c.framework ?? (c.rule ? withRule(c.target, c.rule, c.text) : MINI);
  const history: ReturnData[] = (c.history ?? []).map((h) => makeReturn(h));
  const evaluation = evaluateReturn(fw, makeReturn(c.current), history, c.options);
  const result = evaluation.targets.find((t) => t.targetId === c.target);
  if (!result) throw new Error(`no result for ${c.target}`);
  return result;
}

function check(cases: Case[]) {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const r = run(c);
    expect(r.status).toBe(c.status);
    if (c.message !== undefined) expect(r.message).toBe(c.message);
    if (c.value !== undefined) expect(r.value).toBe(c.value);
  });
}

/** 孕产妇死亡率 = HD02 / HD01 × 10万, judged at county level, one decimal. Judged in 2025, the mini plan's end year. */
const mmr = (deaths: number, births: number, extra: ReturnInput = {}): ReturnInput => ({
  year: 2025,
  ...extra,
  cells: { 'HD01.total': births, 'HD02.total': deaths, ...extra.cells },
});
const BELOW_12: TargetRule = { kind: 'at_most', value: 12, strict: true };

describe('at_most (孕产妇死亡率 控制在12/10万以下; 基本实现 within 5 % of 12 = 0.6/10万)', () => {
  check([
    {
      name: 'exactly 12, inclusive → met (a value at an inclusive bound meets it, no 预警)',
      target: T.H01,
      current: mmr(3, 25000),
      status: 'met',
      value: 12,
      message: '12.0/10万，已实现目标“控制在12/10万以下”',
    },
    {
      name: 'just below: 11.9 → met, no 预警 for being close',
      target: T.H01,
      current: mmr(119, 1_000_000),
      status: 'met',
      message: '11.9/10万，已实现目标“控制在12/10万以下”',
    },
    {
      name: 'exactly 12, strict (低于12) → 基本实现 (short by nothing, not below)',
      target: T.H01,
      rule: BELOW_12,
      text: '低于12/10万',
      current: mmr(3, 25000),
      status: 'basically_met',
      message: '12.0/10万，未低于目标“低于12/10万”，基本实现（差距在0.6个十万分点以内）',
    },
    {
      name: 'strict 低于12: 11.96 unrounded is below 12 although shown as 12.0 → met',
      target: T.H01,
      rule: BELOW_12,
      text: '低于12/10万',
      current: mmr(299, 2_500_000),
      status: 'met',
      value: 12,
    },
    {
      name: 'just above: 12.1 → 基本实现 with its gap',
      target: T.H01,
      current: mmr(121, 1_000_000),
      status: 'basically_met',
      message: '12.1/10万，距目标“控制在12/10万以下”差0.1个十万分点，基本实现（差距在0.6个十万分点以内）',
    },
    {
      name: 'at the 基本实现 edge: 12.6 → basically_met',
      target: T.H01,
      current: mmr(126, 1_000_000),
      status: 'basically_met',
    },
    {
      name: 'just past it: 12.7 → not_met',
      target: T.H01,
      current: mmr(127, 1_000_000),
      status: 'not_met',
      message: '12.7/10万，高于目标“控制在12/10万以下”0.7个十万分点，与目标仍有差距',
    },
    {
      name: '14.3 → not_met with the value and gap in the unit',
      target: T.H01,
      current: mmr(143, 1_000_000),
      status: 'not_met',
      message: '14.3/10万，高于目标“控制在12/10万以下”2.3个十万分点，与目标仍有差距',
    },
    {
      name: '12.04 is judged as shown (12.0) → met',
      target: T.H01,
      current: mmr(301, 2_500_000),
      status: 'met',
      value: 12,
    },
    {
      name: '12.05 is shown as 12.1 → basically_met',
      target: T.H01,
      current: mmr(241, 2_000_000),
      status: 'basically_met',
      value: 12.1,
    },
    {
      name: 'basicRelative 0 switches 基本实现 off: 12.1 → not_met',
      target: T.H01,
      current: mmr(121, 1_000_000),
      options: { basicRelative: 0 },
      status: 'not_met',
    },
    { name: 'zero deaths → met', target: T.H01, current: mmr(0, 25000), status: 'met', value: 0 },
    {
      name: 'at_most 0 has no 基本实现 margin: 0.1 → not_met',
      target: T.H01,
      rule: { kind: 'at_most', value: 0, strict: false },
      text: '零发生',
      current: mmr(1, 1_000_000),
      status: 'not_met',
    },
  ]);
});

describe('missing values, 无数据, zero denominator, reference', () => {
  check([
    {
      name: 'blank numerator → no_data',
      target: T.H01,
      current: { cells: { 'HD01.total': 25000, 'HD02.total': null } },
      status: 'no_data',
      message: '缺少数据：孕产妇死亡数未填写',
      value: null,
    },
    {
      name: 'cell absent → no_data',
      target: T.H01,
      current: { cells: { 'HD01.total': 25000 } },
      status: 'no_data',
      message: '缺少数据：孕产妇死亡数未填写',
    },
    {
      name: '无数据 denominator → no_data with the reason',
      target: T.H01,
      current: { cells: { 'HD01.total': { noData: '卫健局未提供' }, 'HD02.total': 3 } },
      status: 'no_data',
      message: '活产数标记为无数据（卫健局未提供）',
    },
    {
      name: '无数据 without reason',
      target: T.H01,
      current: { cells: { 'HD01.total': { noData: '' }, 'HD02.total': 3 } },
      status: 'no_data',
      message: '活产数标记为无数据',
    },
    {
      name: 'invalid cell (negative count) → no_data',
      target: T.H01,
      current: mmr(-3, 25000),
      status: 'no_data',
      message: '孕产妇死亡数填写有误，请先更正',
    },
    {
      name: 'zero denominator → not_applicable',
      target: T.H01,
      current: mmr(0, 0),
      status: 'not_applicable',
      message: '活产数为0，无法计算',
      value: null,
    },
    {
      name: 'county-judged indicator on a township return → reference',
      target: T.H01,
      current: mmr(143, 1_000_000, { level: 'township' }),
      status: 'reference',
      value: 14.3,
      message:
        '14.3/10万，高于目标“控制在12/10万以下”2.3个十万分点，与目标仍有差距（仅供参考：该指标在县级判定，乡镇不作判定）',
    },
    {
      name: 'county-only data on a township return → not_applicable',
      target: T.H02,
      current: { level: 'township', cells: { 'HD03.total': 78 } },
      status: 'not_applicable',
      message: '该指标的数据由县级统计，乡镇报表不适用',
    },
    {
      name: 'township-judged indicator on a township return is judged',
      target: T.C01,
      current: { year: 2025, level: 'township', cells: { 'CD01.total': 100, 'CD01.female': 45, 'CD01.male': 55 } },
      status: 'met',
    },
    {
      name: 'denominator below minDenominator → reference',
      target: T.P01,
      current: { year: 2025, level: 'township', cells: { 'PD01.total': 10, 'PD01.female': 3 } },
      status: 'reference',
      message: '30.0%，已实现目标“达到30%以上”（仅供参考：村委会成员数（合计）（10）小于20，数值不稳定，不作判定）',
    },
    {
      name: 'denominator at minDenominator is judged',
      target: T.P01,
      current: { year: 2025, level: 'township', cells: { 'PD01.total': 20, 'PD01.female': 8 } },
      status: 'met',
      value: 40,
    },
  ]);
});

/** 城镇单位就业人员中女性比例 = CD01 女 / 合计. */
const c01 = (female: number, total = 1000, year = 2025): ReturnInput => ({
  year,
  cells: { 'CD01.total': total, 'CD01.female': female, 'CD01.male': total - female },
});

describe('at_least (保持在40%以上; 基本实现 within 1 个百分点)', () => {
  check([
    {
      name: 'exactly 40, inclusive → met',
      target: T.C01,
      current: c01(400),
      status: 'met',
      message: '40.0%，已实现目标“保持在40%以上”',
    },
    { name: '40.1, close to the bound → met, no 预警', target: T.C01, current: c01(401), status: 'met' },
    {
      name: 'exactly 40, strict (高于40%) → basically_met',
      target: T.C01,
      rule: { kind: 'at_least', value: 40, strict: true },
      text: '高于40%',
      current: c01(400),
      status: 'basically_met',
      message: '40.0%，未高于目标“高于40%”，基本实现（差距在1.0个百分点以内）',
    },
    {
      name: 'strict 超过90%: 90.04 % unrounded exceeds 90 → met although shown as 90.0',
      target: T.C01,
      rule: { kind: 'at_least', value: 90, strict: true },
      text: '超过90%',
      current: c01(9004, 10000),
      status: 'met',
      value: 90,
    },
    {
      name: 'just below: 39.9 → basically_met',
      target: T.C01,
      current: c01(399),
      status: 'basically_met',
      message: '39.9%，距目标“保持在40%以上”差0.1个百分点，基本实现（差距在1.0个百分点以内）',
    },
    { name: '39.0 (1 个百分点 short) → basically_met', target: T.C01, current: c01(390), status: 'basically_met' },
    {
      name: '38.9 → not_met with its gap',
      target: T.C01,
      current: c01(389),
      status: 'not_met',
      message: '38.9%，低于目标“保持在40%以上”1.1个百分点，与目标仍有差距',
    },
    {
      name: 'ceiling 100 % (全覆盖): 100.0 → met',
      target: T.C01,
      rule: { kind: 'at_least', value: 100, strict: false },
      text: '全覆盖',
      current: c01(1000),
      status: 'met',
      message: '100.0%，已实现目标“全覆盖”',
    },
    {
      name: 'ceiling 95 %: 99.0 → met (no 预警 near a ceiling)',
      target: T.C01,
      rule: { kind: 'at_least', value: 95, strict: false },
      text: '达到95%以上',
      current: c01(990),
      status: 'met',
    },
    {
      name: 'ceiling 100 %: 99.5 → basically_met',
      target: T.C01,
      rule: { kind: 'at_least', value: 100, strict: false },
      text: '达到100%',
      current: c01(995),
      status: 'basically_met',
    },
    {
      name: 'ceiling 100 %: 98.5 → not_met',
      target: T.C01,
      rule: { kind: 'at_least', value: 100, strict: false },
      text: '达到100%',
      current: c01(985),
      status: 'not_met',
    },
  ]);
});

/** 平均预期寿命（县级 value item）78岁左右 ± 1. */
const life = (v: number): ReturnInput => ({ year: 2025, cells: { 'HD03.total': v } });

describe('about (78岁左右 ± 1)', () => {
  check([
    {
      name: '78 → met',
      target: T.H02,
      current: life(78),
      status: 'met',
      message: '78.00岁，在目标“78岁左右”的范围内（77岁～79岁），已实现',
    },
    { name: 'lower edge 77 → met (inclusive)', target: T.H02, current: life(77), status: 'met' },
    { name: 'upper edge 79 → met (inclusive)', target: T.H02, current: life(79), status: 'met' },
    {
      name: 'just below 76.99 → not_met',
      target: T.H02,
      current: life(76.99),
      status: 'not_met',
      message: '76.99岁，偏离目标“78岁左右”（应在77岁～79岁之间），与目标仍有差距',
    },
    {
      name: 'just above 79.01 → not_met (保持…左右 is two-sided)',
      target: T.H02,
      current: life(79.01),
      status: 'not_met',
    },
    {
      name: 'tolerance 0.5: 78.51 → not_met',
      target: T.H02,
      rule: { kind: 'about', value: 78, tolerance: 0.5 },
      current: life(78.51),
      status: 'not_met',
    },
  ]);
});

describe('about, one-sided (村委会成员中女性比例达到30%左右 ± 1.5)', () => {
  const ABOUT30: TargetRule = { kind: 'about', value: 30, tolerance: 1.5, sides: 'at_least' };
  const p01 = (female: number, year = 2025): ReturnInput => ({
    year,
    cells: { 'PD01.total': 1000, 'PD01.female': female },
  });
  check([
    {
      name: '40 % is well above 30 %左右 → met (not judged on both sides)',
      target: T.P01,
      rule: ABOUT30,
      text: '达到30%左右',
      current: p01(400),
      status: 'met',
      message: '40.0%，已实现目标“达到30%左右”（达到28.5%及以上即为实现）',
    },
    {
      name: 'lower edge 28.5 → met',
      target: T.P01,
      rule: ABOUT30,
      text: '达到30%左右',
      current: p01(285),
      status: 'met',
    },
    {
      name: '28.4 → not_met',
      target: T.P01,
      rule: ABOUT30,
      text: '达到30%左右',
      current: p01(284),
      status: 'not_met',
      message: '28.4%，低于目标“达到30%左右”的下沿28.5%，与目标仍有差距',
    },
    {
      name: 'a year given in the target (2025年达到…) is judged by 序时进度 before it, not as a level',
      target: T.P01,
      rule: ABOUT30,
      text: '2025年达到30%左右',
      current: p01(200, 2023),
      history: [p01(100, 2020)],
      status: 'not_met',
    },
  ]);
  it('2025年达到30%左右 in 2023: 20 % is on 序时进度 from 10 % in 2020 (expected 10 + (28.5−10)×3/5 = 21.1 → behind)', () => {
    const r = run({
      name: '',
      target: T.P01,
      rule: ABOUT30,
      text: '2025年达到30%左右',
      current: p01(200, 2023),
      history: [p01(100, 2020)],
      status: 'not_met',
    });
    expect(r.progress).toMatchObject({
      baseYear: 2020,
      baseValue: 10,
      targetYear: 2025,
      expected: 21.1,
      state: 'behind',
    });
    expect(r.hardToMeet).toBe(true);
  });
});

/** 出生人口性别比 = FD01 男 / 女 × 100: range [103, 107), min inclusive, max strict. */
const sexRatio = (male: number, female = 1000): ReturnInput => ({
  year: 2025,
  cells: { 'FD01.total': male + female, 'FD01.female': female, 'FD01.male': male },
});

describe('range (出生人口性别比控制在103—107)', () => {
  check([
    { name: 'min edge 103.0 inclusive → met', target: T.F01, current: sexRatio(1030), status: 'met' },
    {
      name: 'near min 103.5 → met, no 预警 for being close',
      target: T.F01,
      current: sexRatio(1035),
      status: 'met',
      message: '103.5%，已实现目标“出生人口性别比控制在103—107”',
    },
    {
      name: 'max edge 107.0 strict → not_met',
      target: T.F01,
      current: sexRatio(1070),
      status: 'not_met',
      message: '107.0%，等于目标“出生人口性别比控制在103—107”的上限，不在目标范围内',
    },
    {
      name: 'strict max: 106.96 unrounded is inside although shown as 107.0 → met',
      target: T.F01,
      current: sexRatio(10696, 10000),
      status: 'met',
    },
    {
      name: 'below min 102.9 → not_met',
      target: T.F01,
      current: sexRatio(1029),
      status: 'not_met',
      message: '102.9%，低于目标“出生人口性别比控制在103—107”的下限103%，与目标仍有差距',
    },
    {
      name: 'above max 107.1 → not_met',
      target: T.F01,
      current: sexRatio(1071),
      status: 'not_met',
      message: '107.1%，高于目标“出生人口性别比控制在103—107”的上限107%，与目标仍有差距',
    },
    {
      name: 'min strict: 103.0 → not_met',
      target: T.F01,
      rule: { kind: 'range', min: 103, max: 107, minStrict: true, maxStrict: false },
      current: sexRatio(1030),
      status: 'not_met',
      message: '103.0%，等于目标“出生人口性别比控制在103—107”的下限，不在目标范围内',
    },
    {
      name: 'max non-strict: 107.0 → met',
      target: T.F01,
      rule: { kind: 'range', min: 103, max: 107, minStrict: true, maxStrict: false },
      current: sexRatio(1070),
      status: 'met',
    },
  ]);
});

/** 高中阶段在校生中女生比例 = ED01 女 / 合计: balanced [45, 55]. */
const girls = (female: number, total = 1000, year = 2025): ReturnInput => ({
  year,
  cells: { 'ED01.total': total, 'ED01.female': female },
});

describe('balanced (男女比例保持均衡: 45%–55%)', () => {
  check([
    {
      name: '50.0 → met',
      target: T.E01,
      current: girls(500),
      status: 'met',
      message: '50.0%，在目标“男女比例保持均衡”的均衡范围内（45%～55%），已实现',
    },
    { name: 'low edge 45.0 → met (inclusive), no 预警', target: T.E01, current: girls(450), status: 'met' },
    { name: 'high edge 55.0 → met (inclusive)', target: T.E01, current: girls(550), status: 'met' },
    {
      name: '44.9 → not_met',
      target: T.E01,
      current: girls(449),
      status: 'not_met',
      message: '44.9%，低于目标“男女比例保持均衡”的均衡范围（45%～55%）',
    },
    {
      name: '55.1 → not_met',
      target: T.E01,
      current: girls(551),
      status: 'not_met',
      message: '55.1%，高于目标“男女比例保持均衡”的均衡范围（45%～55%）',
    },
  ]);
});

describe('balanced, toward (性别结构趋于平衡: a movement, not a level)', () => {
  const TOWARD: TargetRule = { kind: 'balanced', low: 45, high: 55, toward: true };
  check([
    {
      name: '40 % after 38 % → met (closer to the band)',
      target: T.E01,
      rule: TOWARD,
      text: '趋于平衡',
      current: girls(400),
      history: [girls(380, 1000, 2024)],
      status: 'met',
      message: '40.0%，比上年（2024年）的38.0%更接近均衡，符合目标“趋于平衡”的方向',
    },
    {
      name: '38 % after 40 % → not_met (moving away)',
      target: T.E01,
      rule: TOWARD,
      text: '趋于平衡',
      current: girls(380),
      history: [girls(400, 1000, 2024)],
      status: 'not_met',
    },
    {
      name: 'inside the band → met',
      target: T.E01,
      rule: TOWARD,
      text: '趋于平衡',
      current: girls(480),
      status: 'met',
    },
  ]);
});

/** 村委会成员中女性比例 (P01) 不低于 党员中女性比例 (P02). */
const p01p02 = (p01Female: number, p02Female: number | null, extra: ReturnInput = {}): ReturnInput => ({
  year: 2025,
  ...extra,
  cells: { 'PD01.total': 100, 'PD01.female': p01Female, 'PD02.total': 100, 'PD02.female': p02Female },
});

describe('relative (不低于党员中女性比例)', () => {
  check([
    {
      name: '30 vs 25 → met',
      target: T.P01_RELATIVE,
      current: p01p02(30, 25),
      status: 'met',
      message: '30.0%，对比党员中女性比例（25.0%），已实现目标“不低于党员中女性比例”',
    },
    { name: 'equal, inclusive → met (no 预警)', target: T.P01_RELATIVE, current: p01p02(25, 25), status: 'met' },
    {
      name: 'equal, strict → not_met',
      target: T.P01_RELATIVE,
      rule: { kind: 'relative', indicator: 'P02', op: 'at_least', strict: true },
      current: p01p02(25, 25),
      status: 'not_met',
      message: '25.0%，与党员中女性比例（25.0%）相同，与目标“不低于党员中女性比例”仍有差距',
    },
    {
      name: 'below → not_met',
      target: T.P01_RELATIVE,
      current: p01p02(20, 25),
      status: 'not_met',
      message: '20.0%，低于党员中女性比例（25.0%），与目标“不低于党员中女性比例”仍有差距',
    },
    {
      name: 'op at_most, above → not_met',
      target: T.P01_RELATIVE,
      rule: { kind: 'relative', indicator: 'P02', op: 'at_most', strict: false },
      text: '不高于党员中女性比例',
      current: p01p02(30, 25),
      status: 'not_met',
      message: '30.0%，高于党员中女性比例（25.0%），与目标“不高于党员中女性比例”仍有差距',
    },
    {
      name: 'other indicator blank → no_data',
      target: T.P01_RELATIVE,
      current: p01p02(30, null),
      status: 'no_data',
      message: '对比指标“党员中女性比例”无数据，无法比较',
    },
  ]);
});

/** 参加基本养老保险的女性人数 (S01) against the 上级 threshold the office fills in. */
const insured = (female: number, threshold?: number): ReturnInput => ({
  year: 2025,
  cells: { 'SD01.total': 1000, 'SD01.female': female, 'SD01.male': 1000 - female },
  external: threshold === undefined ? {} : { [T.S01]: threshold },
});

describe('external (达到上级下达的目标任务)', () => {
  check([
    {
      name: 'no threshold → no_data asking for the 上级要求',
      target: T.S01,
      current: insured(500),
      status: 'no_data',
      message: '缺少上级要求（上级下达的参保任务数），请妇儿工委办公室在本报表的“上级要求”中填写后再判断',
    },
    {
      name: '500 vs 400 → met',
      target: T.S01,
      current: insured(500, 400),
      status: 'met',
      message: '500人，对比上级要求（上级下达的参保任务数：400人），已实现目标“达到上级下达的目标任务”',
    },
    { name: '500 vs 500 inclusive → met', target: T.S01, current: insured(500, 500), status: 'met' },
    {
      name: '500 vs 500, strict → basically_met',
      target: T.S01,
      rule: { kind: 'external', op: 'at_least', strict: true, label: '上级下达的参保任务数' },
      current: insured(500, 500),
      status: 'basically_met',
    },
    {
      name: '500 vs 520 (within 5 %) → basically_met',
      target: T.S01,
      current: insured(500, 520),
      status: 'basically_met',
    },
    {
      name: '500 vs 540 → not_met',
      target: T.S01,
      current: insured(500, 540),
      status: 'not_met',
      message: '500人，低于上级要求（上级下达的参保任务数：540人），与目标“达到上级下达的目标任务”仍有差距',
    },
    {
      name: 'op at_most: 500 vs 450 → not_met',
      target: T.S01,
      rule: { kind: 'external', op: 'at_most', strict: false, label: '上级控制数' },
      current: insured(500, 450),
      status: 'not_met',
      message: '500人，高于上级要求（上级控制数：450人），与目标“达到上级下达的目标任务”仍有差距',
    },
  ]);
});

describe('序时进度 and projection (控制在12/10万以下 by 2025, base year 2020)', () => {
  const at = (deaths: number, year: number) => mmr(deaths, 1_000_000, { year });
  check([
    {
      name: 'met before the target year → met, 提前实现',
      target: T.H01,
      current: at(110, 2023),
      status: 'met',
      message: '11.0/10万，已实现目标“控制在12/10万以下”；提前实现2025年目标',
    },
    {
      name: 'not met, no base year → says so, no 预警',
      target: T.H01,
      current: at(160, 2023),
      status: 'not_met',
      message:
        '16.0/10万，高于目标“控制在12/10万以下”4.0个十万分点，与目标仍有差距；缺少基期（2020年）数据，无法计算序时进度',
    },
    {
      name: 'not met but on 序时进度 (20 → 12 by 2025: 2023 expects 15.2; 15.0) → no 预警',
      target: T.H01,
      current: at(150, 2023),
      history: [at(200, 2020)],
      status: 'not_met',
      message:
        '15.0/10万，高于目标“控制在12/10万以下”3.0个十万分点，与目标仍有差距；按序时进度2023年应达到15.2/10万，达到序时进度',
    },
    {
      name: 'behind 序时进度 (16.0 > 15.2) → 预警：预计完成困难',
      target: T.H01,
      current: at(160, 2023),
      history: [at(200, 2020)],
      status: 'not_met',
      message:
        '16.0/10万，高于目标“控制在12/10万以下”4.0个十万分点，与目标仍有差距；按序时进度2023年应达到15.2/10万，滞后于序时进度【预警：预计完成困难】',
    },
  ]);
  it('behind 序时进度 sets hardToMeet with the expected value', () => {
    const r = run({ name: '', target: T.H01, current: at(160, 2023), history: [at(200, 2020)], status: 'not_met' });
    expect(r).toMatchObject({
      hardToMeet: true,
      progress: {
        baseYear: 2020,
        baseValue: 20,
        targetYear: 2025,
        targetValue: 12,
        expected: 15.2,
        state: 'behind',
        projected: null,
      },
    });
  });
  it('on track but the trend of the years entered misses the target → hardToMeet (projection)', () => {
    // 20.0, 19.5, 19.0, 15.2: on 序时进度 in 2023 (15.2 ≤ 15.2) but the line through the four years reaches 13.2 in 2025
    const r = run({
      name: '',
      target: T.H01,
      current: at(152, 2023),
      history: [at(200, 2020), at(195, 2021), at(190, 2022)],
      status: 'not_met',
    });
    expect(r.progress?.state).toBe('on_track');
    expect(r.progress?.projectedMeets).toBe(false);
    expect(r.progress?.projected).toBe(13.2);
    expect(r.hardToMeet).toBe(true);
    expect(r.message).toContain('按2020—2023年趋势推算，2025年约为');
  });
  it('without a base year the projection still runs through the years there are, and names them', () => {
    const r = run({
      name: '',
      target: T.H01,
      current: at(190, 2023),
      history: [at(170, 2021), at(180, 2022)],
      status: 'not_met',
    });
    expect(r.progress).toMatchObject({ state: 'no_base', projectedFrom: 2021, projectedMeets: false });
    expect(r.message).toContain(
      '缺少基期（2020年）数据，无法计算序时进度；按2021—2023年趋势推算，2025年约为21.0/10万，预计完成困难',
    );
    expect(r.hardToMeet).toBe(true);
  });
  it('a projection that hits the target raises no 预警', () => {
    const r = run({
      name: '',
      target: T.H01,
      current: at(140, 2023),
      history: [at(200, 2020), at(180, 2021), at(160, 2022)],
      status: 'not_met',
    });
    expect(r.progress).toMatchObject({ state: 'on_track', projectedMeets: true });
    expect(r.hardToMeet).toBe(false);
  });
  it('a base already meeting the target expects the target itself every year', () => {
    const r = run({
      name: '',
      target: T.H01,
      current: at(130, 2023),
      history: [at(100, 2020)],
      status: 'basically_met',
    });
    expect(r.progress).toMatchObject({ expected: 12, state: 'behind' });
  });
  it('in the target year there is no 序时进度: the verdict stands alone', () => {
    const r = run({ name: '', target: T.H01, current: at(160, 2025), history: [at(200, 2020)], status: 'not_met' });
    expect(r.progress).toBeNull();
    expect(r.hardToMeet).toBe(false);
  });
});

/** 党员中女性比例 (P02) 逐步提高, previous year. */
const p02 = (female: number, year = 2024): ReturnInput => ({
  year,
  cells: { 'PD02.total': 100, 'PD02.female': female },
});
/** 法律援助受援女性人数 (L01) 逐步减少. */
const l01 = (female: number, year = 2024): ReturnInput => ({
  year,
  cells: { 'LD01.total': 1000, 'LD01.female': female },
});
/** C01 保持稳定 against the 2020 baseline. */
const c01y = (female: number, year: number): ReturnInput => c01(female, 1000, year);

describe('trend: increase / decrease / stable', () => {
  check([
    {
      name: 'increase: 26 after 25 → met',
      target: T.P02,
      current: p02(26),
      history: [p02(25, 2023)],
      status: 'met',
      message: '26.0%，比上年（2023年）的25.0%提高1.0个百分点，符合目标“逐步提高”',
    },
    {
      name: 'increase: equal → not_met',
      target: T.P02,
      current: p02(25),
      history: [p02(25, 2023)],
      status: 'not_met',
      message: '25.0%，与上年（2023年）的25.0%持平，未体现目标“逐步提高”',
    },
    {
      name: 'increase: fall → not_met (wrong side)',
      target: T.P02,
      current: p02(24),
      history: [p02(25, 2023)],
      status: 'not_met',
      message: '24.0%，比上年（2023年）的25.0%降低1.0个百分点，与目标“逐步提高”方向不符',
    },
    {
      name: 'increase: no previous year → no_data naming the year',
      target: T.P02,
      current: p02(26),
      history: [p02(20, 2021)],
      status: 'no_data',
      message: '缺少上年（2023年）的数据，无法判断“逐步提高”',
    },
    {
      name: 'increase: previous year blank → no_data',
      target: T.P02,
      current: p02(26),
      history: [{ year: 2023, cells: { 'PD02.total': 100 } }],
      status: 'no_data',
    },
    {
      name: 'increase: later years in history are ignored',
      target: T.P02,
      current: p02(26),
      history: [p02(30, 2025), p02(25, 2023)],
      status: 'met',
    },
    {
      name: 'history order does not matter',
      target: T.P02,
      current: p02(26),
      history: [p02(10, 2020), p02(25, 2023), p02(12, 2022)],
      status: 'met',
    },
    {
      name: 'decrease: 90 after 100 → met',
      target: T.L01,
      current: l01(90),
      history: [l01(100, 2023)],
      status: 'met',
      message: '90人，比上年（2023年）的100人下降10人，符合目标“逐步减少”',
    },
    {
      name: 'decrease: rise → not_met',
      target: T.L01,
      current: l01(110),
      history: [l01(100, 2023)],
      status: 'not_met',
      message: '110人，比上年（2023年）的100人上升10人，与目标“逐步减少”方向不符',
    },
    {
      name: 'decrease: on a ratio in 1/10万',
      target: T.H01,
      rule: { kind: 'trend', direction: 'decrease', basis: 'previous_year', years: 1 },
      text: '逐步下降',
      current: mmr(100, 1_000_000, { year: 2024 }),
      history: [{ ...mmr(120, 1_000_000), year: 2023 }],
      status: 'met',
      message: '10.0/10万，比上年（2023年）的12.0/10万下降2.0个十万分点，符合目标“逐步下降”',
    },
    {
      name: 'stable vs baseline: +1 point of 40 (≤ 5%) → met',
      target: T.C01_STABLE,
      current: c01y(410, 2024),
      history: [c01y(400, 2020)],
      status: 'met',
      message: '41.0%，与基线年（2020年）的40.0%相比保持稳定，符合目标“保持稳定”',
    },
    {
      name: 'stable vs baseline: exactly 5% → met',
      target: T.C01_STABLE,
      current: c01y(420, 2024),
      history: [c01y(400, 2020)],
      status: 'met',
    },
    {
      name: 'stable vs baseline: +3 points → not_met',
      target: T.C01_STABLE,
      current: c01y(430, 2024),
      history: [c01y(400, 2020)],
      status: 'not_met',
      message: '43.0%，与基线年（2020年）的40.0%相比变化超过5%，未体现目标“保持稳定”',
    },
    {
      name: 'stable with stableTolerance 0.5 points: +1 → not_met',
      target: T.C01_STABLE,
      rule: { kind: 'trend', direction: 'stable', basis: 'baseline', years: 1, stableTolerance: 0.5 },
      current: c01y(410, 2024),
      history: [c01y(400, 2020)],
      status: 'not_met',
      message: '41.0%，与基线年（2020年）的40.0%相比变化超过0.5个百分点，未体现目标“保持稳定”',
    },
    {
      name: 'stable: no baseline return → no_data',
      target: T.C01_STABLE,
      current: c01y(410, 2024),
      history: [c01y(400, 2023)],
      status: 'no_data',
      message: '缺少基线年（2020年）的数据，无法判断“保持稳定”',
    },
    {
      name: 'stable: the baseline year itself → not_applicable',
      target: T.C01_STABLE,
      current: c01y(410, 2020),
      status: 'not_applicable',
      message: '本年为基线年（2020年）或更早，不作趋势判断',
    },
  ]);
});

/** 剖宫产率 (H03) = HD04 / HD01 × 100, 上升趋势减缓. */
const csection = (rate: number, year: number): ReturnInput => ({
  year,
  cells: { 'HD01.total': 1000, 'HD04.total': rate * 10 },
});
const SLOWING4: TargetRule = { kind: 'trend', direction: 'slowing_increase', basis: 'previous_year', years: 4 };

describe('trend: slowing_increase (上升趋势减缓)', () => {
  check([
    {
      name: 'years 3: +3, +2, +1 → met',
      target: T.H03,
      current: csection(36, 2024),
      history: [csection(30, 2021), csection(33, 2022), csection(35, 2023)],
      status: 'met',
      message: '2021—2024年逐年变化为 +3.0、+2.0、+1.0个百分点，上升趋势减缓，符合目标“剖宫产率上升趋势减缓”',
    },
    {
      name: 'years 3: +3, +2, +2.5 → not_met',
      target: T.H03,
      current: csection(37.5, 2024),
      history: [csection(30, 2021), csection(33, 2022), csection(35, 2023)],
      status: 'not_met',
      message: '2021—2024年逐年变化为 +3.0、+2.0、+2.5个百分点，增幅未逐年减小，与目标“剖宫产率上升趋势减缓”不符',
    },
    {
      name: 'years 3: equal rises +2, +2, +2 → not_met',
      target: T.H03,
      current: csection(36, 2024),
      history: [csection(30, 2021), csection(32, 2022), csection(34, 2023)],
      status: 'not_met',
    },
    {
      name: 'years 3: rise then fall +3, +1, −1 → met',
      target: T.H03,
      current: csection(33, 2024),
      history: [csection(30, 2021), csection(33, 2022), csection(34, 2023)],
      status: 'met',
    },
    {
      name: 'years 3: fall then rise −1, +2, +1 → not_met',
      target: T.H03,
      current: csection(32, 2024),
      history: [csection(30, 2021), csection(29, 2022), csection(31, 2023)],
      status: 'not_met',
    },
    {
      name: 'years 3 with only two earlier years → no_data naming 2021',
      target: T.H03,
      current: csection(36, 2024),
      history: [csection(33, 2022), csection(35, 2023)],
      status: 'no_data',
      message: '缺少2021年的数据，无法判断“剖宫产率上升趋势减缓”（需要2021—2024年连续4年的数据）',
    },
    {
      name: 'years 3 with a blank year → no_data naming it',
      target: T.H03,
      current: csection(36, 2024),
      history: [csection(30, 2021), { year: 2022, cells: { 'HD01.total': 1000 } }, csection(35, 2023)],
      status: 'no_data',
      message: '缺少2022年的数据，无法判断“剖宫产率上升趋势减缓”（需要2021—2024年连续4年的数据）',
    },
    {
      name: 'years 4 with three earlier years → no_data naming 2020',
      target: T.H03,
      rule: SLOWING4,
      current: csection(36, 2024),
      history: [csection(30, 2021), csection(33, 2022), csection(35, 2023)],
      status: 'no_data',
      message: '缺少2020年的数据，无法判断“剖宫产率上升趋势减缓”（需要2020—2024年连续5年的数据）',
    },
    {
      name: 'years 4 without history → no_data naming all four years',
      target: T.H03,
      rule: SLOWING4,
      current: csection(36, 2024),
      status: 'no_data',
      message:
        '缺少2020年、2021年、2022年、2023年的数据，无法判断“剖宫产率上升趋势减缓”（需要2020—2024年连续5年的数据）',
    },
    {
      name: 'years 4: +4, +3, +2, +1 → met',
      target: T.H03,
      rule: SLOWING4,
      current: csection(36, 2024),
      history: [csection(26, 2020), csection(30, 2021), csection(33, 2022), csection(35, 2023)],
      status: 'met',
      message: '2020—2024年逐年变化为 +4.0、+3.0、+2.0、+1.0个百分点，上升趋势减缓，符合目标“剖宫产率上升趋势减缓”',
    },
    {
      name: 'years 4: +2, +3, +2, +1 → not_met',
      target: T.H03,
      rule: SLOWING4,
      current: csection(36, 2024),
      history: [csection(28, 2020), csection(30, 2021), csection(33, 2022), csection(35, 2023)],
      status: 'not_met',
    },
  ]);
});

describe('qualitative', () => {
  check([
    {
      name: 'done → met',
      target: T.F02,
      current: { qualitative: { F02: 'done' } },
      status: 'met',
      message: '已建立，达到目标“建立家庭教育指导服务体系”',
      value: null,
    },
    {
      name: 'in_progress → in_progress (not a 预警)',
      target: T.F02,
      current: { qualitative: { F02: 'in_progress' } },
      status: 'in_progress',
      message: '推进中，尚未达到目标“建立家庭教育指导服务体系”',
    },
    {
      name: 'not_done → not_met',
      target: T.F02,
      current: { qualitative: { F02: 'not_done' } },
      status: 'not_met',
      message: '未建立，未达到目标“建立家庭教育指导服务体系”',
    },
    {
      name: 'null → no_data',
      target: T.F02,
      current: { qualitative: { F02: null } },
      status: 'no_data',
      message: '尚未评估，请选择“已建立”“推进中”或“未建立”',
    },
    { name: 'no answer → no_data', target: T.F02, current: {}, status: 'no_data' },
    {
      name: 'progress labels: done → 已实现',
      target: T.L02,
      current: { qualitative: { L02: 'done' } },
      status: 'met',
      message: '已实现，达到目标“妇女权益保障法治化水平持续提升”',
    },
    {
      name: 'progress labels: null → no_data',
      target: T.L02,
      current: {},
      status: 'no_data',
      message: '尚未评估，请选择“已实现”“推进中”或“未实现”',
    },
    {
      name: 'county-judged, township return answered → reference',
      target: T.L02,
      current: { level: 'township', qualitative: { L02: 'not_done' } },
      status: 'reference',
      message: '未实现，未达到目标“妇女权益保障法治化水平持续提升”（仅供参考：该指标在县级判定，乡镇不作判定）',
    },
    {
      name: 'county-judged, township return unanswered → not_applicable',
      target: T.L02,
      current: { level: 'township' },
      status: 'not_applicable',
    },
  ]);
});

describe('judge level and minimum denominator on the indicator', () => {
  it('reports referenceOnly on the indicator value', () => {
    const fw = withIndicator('E01', { judgeLevel: 'county' });
    const e = evaluateReturn(fw, makeReturn({ ...girls(500), level: 'township' }), []);
    expect(e.indicators.find((i) => i.code === 'E01')).toEqual({
      code: 'E01',
      value: 50,
      numerator: 500,
      denominator: 1000,
      referenceOnly: true,
      coverage: null,
    });
    expect(e.targets.find((t) => t.targetId === T.E01)?.status).toBe('reference');
  });
});
