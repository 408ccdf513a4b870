// The 中期评估 / 终期评估 report as data and as HTML text: every headline number, 序时进度 state, projection and
// list member is the rule engine's for the same year's return (evaluateReturn called here directly, a county
// on its merged values), over a county fixture with returns 2020–2025; the year rule (mid / end year, or the
// latest before it), the API door and the rendered text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/api/dispatch.ts';
import type { EvaluationReport } from '../../../shared/api/report-contract.ts';
import { evaluationReport } from '../../../electron/report/report-service.ts';
import { requireFramework } from '../../../electron/frameworks/plans-service.ts';
import { MESSAGES } from '../../../shared/messages.ts';
import { defaultEvaluationYear, nominalYear } from '../../../shared/report/build-evaluation.ts';
import { formatFixed } from '../../../shared/rules/format.ts';
import { CONVENTION_MSG } from '../../../shared/rules/messages.ts';
import type { Evaluation, TargetResult } from '../../../shared/rules/result.ts';
import { engineEvaluation } from './engine.ts';
import {
  COUNTY,
  END,
  EXPLANATION,
  evaluationFixture,
  MID,
  PLAN,
  SET,
  YEARS,
  type EvaluationFixture,
} from './evaluation-fixture.ts';

const V = MESSAGES.report.evaluation;
let fx: EvaluationFixture;
const engineCache = new Map<string, Evaluation>();
beforeAll(() => {
  fx = evaluationFixture();
}, 120_000);
afterAll(() => fx?.close());

function engine(regionCode: string, year: number): Evaluation {
  const key = `${regionCode}|${year}`;
  if (!engineCache.has(key)) engineCache.set(key, engineEvaluation(fx.backend.ctx, regionCode, year, PLAN));
  return engineCache.get(key)!;
}
const byId = (e: Evaluation) => new Map(e.targets.map((t) => [t.targetId, t]));
const qualitativeCodes = () =>
  new Set(
    requireFramework(fx.backend.ctx, PLAN)
      .indicators.filter((i) => i.kind === 'qualitative')
      .map((i) => i.code),
  );

describe('the evaluation year', () => {
  it('中期 is the plan’s mid year, 终期 its end year', () => {
    expect(nominalYear('midterm', { start: 2021, end: 2030 })).toBe(2025);
    expect(nominalYear('midterm', { start: 2021, end: 2025 })).toBe(2023);
    expect(nominalYear('final', { start: 2021, end: 2030 })).toBe(2030);
    expect(nominalYear('final', { start: 2021, end: 2025 })).toBe(2025);
  });

  it('defaults to the mid / end year, or the latest year with a return before it; never the base year', () => {
    const plan = requireFramework(fx.backend.ctx, PLAN).plan;
    expect(defaultEvaluationYear('midterm', plan, [2020, 2021, 2022, 2023, 2024])).toEqual({
      year: 2023,
      choice: 'nominal',
    });
    expect(defaultEvaluationYear('midterm', plan, [2020, 2021, 2022])).toEqual({ year: 2022, choice: 'latest' });
    expect(defaultEvaluationYear('final', plan, [2020, 2021, 2024])).toEqual({ year: 2024, choice: 'latest' });
    expect(defaultEvaluationYear('final', plan, [2020])).toBeNull();
  });

  it('the service picks it, says why, and refuses a year without a return or not after the base year', () => {
    const mid = evaluationReport(fx.backend.ctx, { regionCode: COUNTY, kind: 'midterm' });
    expect([mid.year, mid.nominalYear, mid.yearChoice]).toEqual([MID, MID, 'nominal']);
    expect(mid.html).toContain(V.yearNote('midterm', 'nominal', MID, MID, 2021, 2025, 2020));
    const short = evaluationReport(fx.backend.ctx, { regionCode: fx.short, kind: 'midterm' });
    expect([short.year, short.yearChoice]).toEqual([2022, 'latest']);
    expect(short.html).toContain('本机尚无2023年的报表，本报告按已有报表的最近年度2022年评估');
    const chosen = evaluationReport(fx.backend.ctx, { regionCode: COUNTY, kind: 'final', year: 2024 });
    expect([chosen.year, chosen.yearChoice]).toEqual([2024, 'chosen']);
    expect(chosen.html).toContain('本报告按所选的2024年评估（早于规划末年）');
    expect(() => evaluationReport(fx.backend.ctx, { regionCode: fx.short, kind: 'final', year: 2025 })).toThrow(
      /2025年没有报表/,
    );
    expect(() => evaluationReport(fx.backend.ctx, { regionCode: COUNTY, kind: 'midterm', year: 2020 })).toThrow(
      MESSAGES.report.errors.yearNotAfterBase(2020, 2020),
    );
  });
});

describe.each([
  ['midterm', MID],
  ['final', END],
] as const)('%s report: the numbers are the rule engine’s', (kind, year) => {
  it('the headline counts, per area and overall, are the engine’s totals of the evaluation year', () => {
    const e = engine(COUNTY, year);
    const report = evaluationReport(fx.backend.ctx, { regionCode: COUNTY, kind });
    const t = e.total;
    const monitored = t.met + t.basicallyMet + t.notMet;
    expect(report.year).toBe(year);
    expect(report.summary).toMatchObject({
      measured: monitored + t.noData,
      monitored,
      met: t.met,
      basicallyMet: t.basicallyMet,
      notMet: t.notMet,
      noData: t.noData,
      alerts: t.alerts,
    });
    expect(report.summary.rate).toBeCloseTo(((t.met + t.basicallyMet) / monitored) * 100, 10);
    for (const area of report.model.areas) {
      const a = e.areas.find((x) => x.area === area.area)!;
      expect([
        area.counts.met,
        area.counts.basicallyMet,
        area.counts.notMet,
        area.counts.noData,
        area.counts.alerts,
      ]).toEqual([a.met, a.basicallyMet, a.notMet, a.noData, a.alerts]);
    }
    const rate = formatFixed(((t.met + t.basicallyMet) / monitored) * 100, 1);
    expect(report.html).toContain(
      `在可监测的${monitored}项指标中，${t.met + t.basicallyMet}项已实现或基本实现目标（已实现${t.met}项，基本实现${t.basicallyMet}项），达标率${rate}%`,
    );
  });

  it('the 序时进度 counts are the engine’s progress states', () => {
    const e = engine(COUNTY, year);
    const q = qualitativeCodes();
    const judged = e.targets.filter(
      (t) => t.progress && ['met', 'basically_met', 'not_met'].includes(t.status) && !q.has(t.indicator),
    );
    const count = (s: string) => judged.filter((t) => t.progress!.state === s).length;
    const report = evaluationReport(fx.backend.ctx, { regionCode: COUNTY, kind });
    expect(report.progress).toEqual({
      judged: judged.length,
      ahead: count('ahead'),
      onTrack: count('on_track'),
      behind: count('behind'),
      noBase: count('no_base'),
    });
    if (kind === 'midterm') {
      // the fixture has every state: the test is not vacuous
      expect([count('ahead'), count('on_track'), count('behind')].every((n) => n > 0)).toBe(true);
      expect(report.html).toContain(
        V.progress(year, judged.length, count('ahead'), count('on_track'), count('behind'), count('no_base')),
      );
    } else {
      expect(judged).toHaveLength(0); // the end year: no 序时进度, the verdict stands alone
      expect(report.html).toContain(V.noProgress(year));
    }
  });

  it('every row: base year value, each year’s value, verdict, message, 序时进度 and projection as the engine gave them', () => {
    const report = evaluationReport(fx.backend.ctx, { regionCode: COUNTY, kind });
    const years = new Map(YEARS.filter((y) => y <= year).map((y) => [y, byId(engine(COUNTY, y))]));
    const current = years.get(year)!;
    const rows = [...report.model.areas.flatMap((a) => a.rows), ...report.model.qualitative];
    expect(rows.length).toBeGreaterThan(100);
    for (const row of rows) {
      const t = current.get(row.targetId)!;
      expect({ status: row.status, message: row.message, progress: row.progress, hardToMeet: row.hardToMeet }).toEqual({
        status: t.status,
        message: t.message,
        progress: t.progress,
        hardToMeet: t.hardToMeet,
      });
      if (row.kind === 'qualitative') continue;
      expect(row.base, row.targetId).toBe(years.get(2020)!.get(row.targetId)?.value ?? null);
      expect(row.values).toEqual(
        [...years.keys()]
          .filter((y) => y > 2020)
          .map((y) => ({ year: y, value: years.get(y)!.get(row.targetId)?.value ?? null })),
      );
    }
    const omitted = report.model.areas.reduce((n, a) => n + a.omitted, 0);
    expect(rows.length + omitted).toBe(current.size);
  });

  it('the lists: 提前实现, 基本实现, 滞后于序时进度, 与目标仍有差距 follow the engine’s verdicts of each year', () => {
    const report = evaluationReport(fx.backend.ctx, { regionCode: COUNTY, kind });
    const results = new Map(YEARS.filter((y) => y <= year).map((y) => [y, byId(engine(COUNTY, y))]));
    const current = results.get(year)!;
    const q = qualitativeCodes();
    const measured = [...current.values()].filter(
      (t) => !q.has(t.indicator) && !['not_applicable', 'reference'].includes(t.status),
    );
    const ids = (xs: { targetId: string }[]) => xs.map((x) => x.targetId).sort();
    const { lists } = report.model;
    expect(ids(lists.basic)).toEqual(ids(measured.filter((t) => t.status === 'basically_met')));
    expect(ids(lists.notMet)).toEqual(ids(measured.filter((t) => t.status === 'not_met')));
    expect(ids(lists.behind)).toEqual(ids(measured.filter((t) => t.progress?.state === 'behind')));
    // 提前实现: met now, and some year of the unbroken run of 已实现 before the target year was judged 'ahead'
    const early = (t: TargetResult) => {
      if (t.status !== 'met') return false;
      if (t.progress?.state === 'ahead') return true;
      for (let y = year - 1; y > 2020; y--) {
        const r = results.get(y)!.get(t.targetId)!;
        if (r.status !== 'met') return false;
        if (r.progress?.state === 'ahead') return true;
      }
      return false;
    };
    expect(ids(lists.early)).toEqual(ids(measured.filter(early)));
    expect(lists.early.length).toBeGreaterThan(0);
    expect(report.lists).toEqual({
      early: lists.early.length,
      basic: lists.basic.length,
      behind: lists.behind.length,
      notMet: lists.notMet.length,
    });
  });

  it('the hand-set indicators land in their groups, with the reasons and the office’s explanations printed', () => {
    const report = evaluationReport(fx.backend.ctx, { regionCode: COUNTY, kind });
    const row = (code: string) => report.model.areas.flatMap((a) => a.rows).find((r) => r.indicator === code)!;
    const e14 = row('E14');
    expect([e14.status, e14.early, e14.metSince, e14.base]).toEqual(['met', true, 2021, SET.E14[2020]]);
    const h12 = row('H12');
    expect(h12.status).toBe('basically_met');
    expect(report.model.lists.basic.map((r) => r.indicator)).toContain('H12');
    const e03 = row('E03');
    expect(e03.status).toBe('not_met');
    const section = (key: string) =>
      report.html.match(new RegExp(`<div class="list" data-list="${key}">(.*?)</table></div>`, 's'))?.[1] ?? '';
    expect(section('early')).toContain(`data-list-row="${e14.targetId}"`);
    expect(section('notMet')).toContain(e03.message.slice(0, 20));
    if (kind === 'midterm') {
      expect(h12.progress).toMatchObject({ state: 'on_track', expected: 88 });
      expect(e03.progress).toMatchObject({ state: 'behind', expected: 97.5, baseValue: 96 });
      expect(e03.hardToMeet).toBe(true);
      expect(e03.explanation).toBe(EXPLANATION);
      expect(section('behind')).toContain(EXPLANATION);
      // 97.0% − 96.0% in 2023: 提高1.0个百分点 (the unit's points, the indicator should rise)
      expect(section('behind')).toContain('2023年为97.00%，比基期2020年提高1.00个百分点。');
    } else {
      expect(h12.progress).toBeNull();
      expect(e14.progress).toBeNull();
      expect(report.html).toContain(V.metSince(2021));
    }
  });

  it('trend charts: every year’s engine value, the target line, the 序时进度 line from base to target, the projection', () => {
    const report = evaluationReport(fx.backend.ctx, { regionCode: COUNTY, kind });
    const charts = report.model.areas.flatMap((a) => a.charts);
    expect(charts.length).toBeGreaterThan(8);
    const years = new Map(YEARS.map((y) => [y, byId(engine(COUNTY, y))]));
    for (const chart of charts) {
      expect(chart.points[0].year).toBe(2020);
      for (const p of chart.points)
        expect(p.value).toBe(p.year <= year ? (years.get(p.year)!.get(chart.targetId)?.value ?? null) : null);
      const row = report.model.areas.flatMap((a) => a.rows).find((r) => r.targetId === chart.targetId)!;
      expect(chart.points[chart.points.length - 1].year).toBe(Math.max(year, row.targetYear));
      // a base year already meeting the target draws no 序时进度 line: the target is what every year keeps
      const base = years.get(2020)!.get(chart.targetId);
      if (base?.status === 'met' || base?.progress?.state === 'ahead')
        expect(chart.progressLine, chart.targetId).toBeNull();
      if (chart.progressLine) {
        expect(chart.progressLine.from).toEqual({ year: 2020, value: row.base });
        expect(chart.progressLine.to.year).toBe(row.targetYear);
      }
      if (row.progress?.projected != null)
        expect(chart.projection).toEqual({
          year: row.targetYear,
          value: row.progress.projected,
          meets: row.progress.projectedMeets,
        });
    }
    if (kind === 'midterm') {
      const withLine = charts.filter((c) => c.progressLine);
      expect(withLine.length).toBeGreaterThan(0);
      expect(report.html).toContain(`>${V.chart.progress}<`);
    }
  });

  it('a county report puts its townships side by side, each from its own evaluation', () => {
    const report = evaluationReport(fx.backend.ctx, { regionCode: COUNTY, kind });
    const tw = report.model.townships!;
    expect(report.summary.townshipReturns).toBe(fx.townships.length);
    for (const line of tw.lines) {
      if (!fx.townships.includes(line.code)) {
        expect(line.counts).toBeNull();
        continue;
      }
      const e = engine(line.code, year);
      expect(line.counts).toMatchObject({
        met: e.total.met,
        basicallyMet: e.total.basicallyMet,
        notMet: e.total.notMet,
        noData: e.total.noData,
      });
      const states = e.targets
        .filter(
          (t) =>
            t.progress &&
            ['met', 'basically_met', 'not_met'].includes(t.status) &&
            !qualitativeCodes().has(t.indicator),
        )
        .map((t) => t.progress!.state);
      expect(line.progress).toMatchObject({
        judged: states.length,
        behind: states.filter((s) => s === 'behind').length,
        ahead: states.filter((s) => s === 'ahead').length,
      });
      expect(report.html).toContain(`data-township="${line.code}"`);
    }
  });

  it('qualitative targets apart, with each year’s answer; 说明 states the conventions', () => {
    const report = evaluationReport(fx.backend.ctx, { regionCode: COUNTY, kind });
    const q = report.model.qualitative;
    expect(q.length).toBe(report.summary.qualitative.total);
    expect(q.every((r) => r.choices.length === year - 2020)).toBe(true);
    expect(report.model.areas.flatMap((a) => a.rows).some((r) => r.kind === 'qualitative')).toBe(false);
    expect(report.html).toContain('<section class="qualitative">');
    expect(report.html).toContain(CONVENTION_MSG.progress);
    expect(report.html).toContain(CONVENTION_MSG.rate(50));
  });
});

describe('report:evaluation through the API', () => {
  it('returns the printable report and its counts; a bad kind is an invalid_request', async () => {
    const ok = await dispatch(fx.backend.handlers, 'report:evaluation', { regionCode: COUNTY, kind: 'midterm' });
    expect(ok.ok).toBe(true);
    if (!ok.ok) return;
    const value = ok.value as EvaluationReport;
    expect(value).toMatchObject({
      kind: 'midterm',
      year: MID,
      nominalYear: MID,
      yearChoice: 'nominal',
      years: [2020, 2021, 2022, 2023],
      landscape: false,
    });
    expect(value.html.startsWith('<!doctype html>')).toBe(true);
    expect('model' in value).toBe(false);
    const bad = await dispatch(fx.backend.handlers, 'report:evaluation', { regionCode: COUNTY, kind: 'yearly' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('invalid_request');
  });
});
