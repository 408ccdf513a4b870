// The annual report and the return form as data: every figure is the rule engine's for the same return
// (evaluateReturn called here directly, not through the report's path; a county on its merged values), wording of changes, the township
// comparison, the form's cells, and the API door.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/api/dispatch.ts';
import { findReturn } from '../../../electron/db/repos/returns-repo.ts';
import { annualReport, returnForm } from '../../../electron/report/report-service.ts';
import { frameworkOf, requireReturn, setExplanation, viewReturn } from '../../../electron/returns/returns-service.ts';
import { MESSAGES } from '../../../shared/messages.ts';
import { describeChange, formatValue } from '../../../shared/report/format.ts';
import { buildReturnForm } from '../../../shared/report/build-form.ts';
import { renderReturnForm } from '../../../shared/report/render-form.ts';
import { evaluateReturn } from '../../../shared/rules/evaluate.ts';
import type { Evaluation } from '../../../shared/rules/result.ts';
import { COUNTY, PLAN, reportFixture, YEAR, type ReportFixture } from './fixture.ts';
import { engineEvaluation } from './engine.ts';

let fx: ReportFixture;
beforeAll(() => {
  fx = reportFixture();
});
afterAll(() => fx?.close());

/** The engine's evaluation of a stored return, computed here from the raw view. */
function engine(regionCode: string, year: number): Evaluation {
  return engineEvaluation(fx.backend.ctx, regionCode, year, PLAN);
}

describe('annual report: the numbers are the rule engine’s', () => {
  it('every row carries the engine’s status, value, previous, change and message', () => {
    const expected = engine(COUNTY, YEAR);
    const { model } = annualReport(fx.backend.ctx, { regionCode: COUNTY, year: YEAR });
    const byId = new Map(expected.targets.map((t) => [t.targetId, t]));
    const rows = model.areas.flatMap((a) => a.rows);
    expect(rows.length).toBeGreaterThan(100);
    for (const row of rows) {
      const t = byId.get(row.targetId)!;
      expect({
        id: row.targetId,
        status: row.status,
        value: row.value,
        previous: row.previous,
        change: row.changePercent,
        volatile: row.volatile,
        message: row.message,
      }).toEqual({
        id: t.targetId,
        status: t.status,
        value: t.value,
        previous: t.previous,
        change: t.changePercent,
        volatile: t.volatile,
        message: t.message,
      });
    }
    // nothing dropped but the targets not applicable at this level
    const listed = new Set(rows.map((r) => r.targetId));
    for (const t of expected.targets) expect(listed.has(t.targetId) || t.status === 'not_applicable').toBe(true);
    expect(rows.length + model.areas.reduce((n, a) => n + a.omitted, 0)).toBe(expected.targets.length);
  });

  it('the summary counts are the engine’s totals, per area and overall', () => {
    const expected = engine(COUNTY, YEAR);
    const { model, summary } = annualReport(fx.backend.ctx, { regionCode: COUNTY, year: YEAR });
    const t = expected.total;
    const monitored = t.met + t.basicallyMet + t.notMet;
    expect(model.counts).toMatchObject({
      measured: monitored + t.noData,
      monitored,
      met: t.met,
      basicallyMet: t.basicallyMet,
      notMet: t.notMet,
      noData: t.noData,
      alerts: t.alerts,
    });
    // 达标率 = (已实现 + 基本实现) ÷ 可监测: 无数据 stays out of the denominator, qualitative targets are apart
    expect(summary.rate).toBeCloseTo(((t.met + t.basicallyMet) / monitored) * 100, 10);
    expect(summary.qualitative).toEqual({
      total: t.qualitativeDone + t.qualitativeInProgress + t.qualitativeNotDone + t.qualitativeUnanswered,
      done: t.qualitativeDone,
      inProgress: t.qualitativeInProgress,
      notDone: t.qualitativeNotDone,
      unanswered: t.qualitativeUnanswered,
    });
    for (const area of model.areas) {
      const a = expected.areas.find((x) => x.area === area.area)!;
      expect([area.counts.met, area.counts.basicallyMet, area.counts.notMet, area.counts.noData]).toEqual([
        a.met,
        a.basicallyMet,
        a.notMet,
        a.noData,
      ]);
    }
    expect(summary.volatile).toBe(expected.targets.filter((x) => x.volatile && x.status !== 'not_applicable').length);
  });

  it('the HTML shows each row’s engine value and status, and the summary sentence', () => {
    const expected = engine(COUNTY, YEAR);
    const { model, html } = annualReport(fx.backend.ctx, { regionCode: COUNTY, year: YEAR });
    for (const row of model.areas.flatMap((a) => a.rows)) {
      const tr = html.match(new RegExp(`<tr data-target="${row.targetId}">(.*?)</tr>`))?.[1] ?? '';
      expect(tr).toContain(`>${MESSAGES.report.status[row.status]}<`);
      if (row.kind !== 'qualitative' && row.value !== null)
        expect(tr).toContain(
          formatValue(expected.targets.find((t) => t.targetId === row.targetId)!.value, row.decimals, row.unit),
        );
    }
    const c = model.counts;
    const rate = (Math.round(((c.met + c.basicallyMet) / c.monitored) * 1000) / 10).toFixed(1);
    expect(html).toContain(
      `在可监测的${c.monitored}项指标中，${c.met + c.basicallyMet}项已实现或基本实现目标（已实现${c.met}项，基本实现${c.basicallyMet}项），达标率${rate}%`,
    );
  });

  it('trend charts plot each year’s own evaluation', () => {
    const { model } = annualReport(fx.backend.ctx, { regionCode: COUNTY, year: YEAR });
    const charts = model.areas.flatMap((a) => a.charts);
    expect(charts.length).toBeGreaterThan(8);
    const byYear = new Map(
      [2021, 2022, 2023, 2024].map((y) => [y, new Map(engine(COUNTY, y).targets.map((t) => [t.targetId, t.value]))]),
    );
    for (const chart of charts) {
      for (const p of chart.points) expect(p.value).toBe(byYear.get(p.year)!.get(chart.targetId) ?? null);
    }
    // the example: 村委会成员中女性比例 over the years against its 30% line
    const p31 = charts.find((c) => c.indicator === 'P31')!;
    expect(p31.points.map((p) => p.year)).toEqual([2021, 2022, 2023, 2024]);
    expect(p31.goal).toMatchObject({ low: 30, high: null });
  });

  it('lists at-risk and volatile targets with the explanations entered', () => {
    const row = findReturn(fx.backend.ctx.db, COUNTY, YEAR, PLAN)!;
    const first = annualReport(fx.backend.ctx, { regionCode: COUNTY, year: YEAR }).model.attention;
    expect(first.length).toBeGreaterThan(0);
    expect(first.every((r) => r.hardToMeet || r.volatile)).toBe(true);
    expect(first.every((r) => r.explanation)).toBe(true);
    setExplanation(fx.backend.ctx, row.id, first[0].targetId, '');
    const { model, html } = annualReport(fx.backend.ctx, { regionCode: COUNTY, year: YEAR });
    expect(model.attention[0].explanation).toBeNull();
    expect(html).toContain(MESSAGES.report.annual.unexplained);
    setExplanation(fx.backend.ctx, row.id, first[0].targetId, '样本调整所致。');
    expect(annualReport(fx.backend.ctx, { regionCode: COUNTY, year: YEAR }).html).toContain('样本调整所致。');
  });

  it('a county report puts its townships side by side, each from its own evaluation', () => {
    const { model, summary } = annualReport(fx.backend.ctx, { regionCode: COUNTY, year: YEAR });
    const tw = model.townships!;
    expect(tw.lines).toHaveLength(fx.townships.length);
    expect(summary.townshipReturns).toBe(fx.townships.length - 1);
    const missing = tw.lines[tw.lines.length - 1];
    expect(missing.counts).toBeNull();
    for (const line of tw.lines.slice(0, -1)) {
      const e = engine(line.code, YEAR).total;
      expect(line.counts).toMatchObject({
        monitored: e.met + e.basicallyMet + e.notMet,
        met: e.met,
        basicallyMet: e.basicallyMet,
        notMet: e.notMet,
        noData: e.noData,
      });
    }
    const p31 = tw.charts.find((c) => c.indicator === 'P31')!;
    expect(p31).toBeTruthy();
    p31.bars.forEach((bar, i) => {
      const code = fx.townships[i];
      const expected =
        i === fx.townships.length - 1 ? null : engine(code, YEAR).targets.find((t) => t.targetId === p31.targetId)!;
      expect(bar.value).toBe(expected?.value ?? null);
      expect(bar.status).toBe(expected?.status ?? null);
    });
  });

  it('a township report has no township section and judges county-level targets for reference only', () => {
    const { model } = annualReport(fx.backend.ctx, { regionCode: fx.townships[0], year: YEAR });
    expect(model.townships).toBeNull();
    expect(model.region.fullName).toBe('湖南省郴州市嘉禾县珠泉镇');
    const rows = model.areas.flatMap((a) => a.rows);
    expect(rows.some((r) => r.status === 'reference')).toBe(true);
    expect(model.areas.reduce((n, a) => n + a.omitted, 0)).toBeGreaterThan(0);
  });
});

describe('change against last year', () => {
  it('percentages in 个百分点, ‰ in 个千分点, per 10万 in 个十万分点, counts in their unit, from the figures shown', () => {
    expect(describeChange(48.3, 47.9, '%', 1, true)).toBe('提高0.4个百分点');
    expect(describeChange(2.1, 2.4, '‰', 1, true)).toBe('降低0.3个千分点');
    // an adverse indicator (孕产妇死亡率) falls and rises: 下降 / 上升, and the difference matches the numbers shown
    expect(describeChange(14.3, 15.1, '1/10万', 1, false)).toBe('下降0.8个十万分点');
    expect(describeChange(17.4, 15.1, '1/10万', 1, false)).toBe('上升2.3个十万分点');
    expect(describeChange(14.34, 15.06, '1/10万', 1, false)).toBe('下降0.8个十万分点');
    expect(describeChange(12, 10, '人', 0, false)).toBe('增加2人');
    expect(describeChange(78.12, 78.12, '岁', 2, true)).toBe('持平');
    expect(describeChange(50, null, '%', 1, true)).toBe('');
  });
});

describe('return form', () => {
  it('a township form lists the township items with 本年 and 上年, 无数据 as … with its reason', () => {
    const ctx = fx.backend.ctx;
    const row = findReturn(ctx.db, fx.townships[0], YEAR, PLAN)!;
    const framework = frameworkOf(ctx, row);
    const view = viewReturn(ctx, row);
    const model = buildReturnForm({
      framework,
      stored: { view, evaluation: evaluateReturn(framework, view.data, view.history) },
      region: { code: row.regionCode, name: '珠泉镇', fullName: '湖南省郴州市嘉禾县珠泉镇', level: 'township' },
      userName: '',
    });
    const items = model.areas.flatMap((a) => a.rows);
    expect(items.length).toBe(framework.dataItems.filter((d) => d.level === 'township').length);
    expect(model.omittedItems).toBe(framework.dataItems.filter((d) => d.level === 'county').length);
    expect(model.landscape).toBe(true);
    const pd30 = items.find((r) => r.code === 'PD30')!;
    expect(pd30.current[1]).toEqual({ kind: 'no_data', reason: '本年未开展此项统计' });
    const last = view.history
      .find((h) => h.year === YEAR - 1)!
      .cells.find((c) => c.item === 'PD30' && c.sex === 'female')!;
    expect(pd30.previous![1]).toMatchObject({ kind: 'value', value: last.value });
    expect(model.noData.join()).toContain('PD30');
    expect(model.marks.map((m) => m.value)).toContain('妇监1—8表');
  });

  it('a cell holding text that is no valid number prints as that text (escaped, marked), never as blank or a number', () => {
    const ctx = fx.backend.ctx;
    const row = findReturn(ctx.db, fx.townships[0], YEAR, PLAN)!;
    const framework = frameworkOf(ctx, row);
    const stored = viewReturn(ctx, row);
    const cells = [
      ...stored.data.cells.filter((c) => !(c.item === 'PD30' && c.sex === 'total')),
      { item: 'PD30', sex: 'total' as const, value: null, noData: null, prefilled: false, raw: '<12.5>' },
    ];
    const view = { ...stored, data: { ...stored.data, cells } };
    const model = buildReturnForm({
      framework,
      stored: { view, evaluation: evaluateReturn(framework, view.data, view.history) },
      region: { code: row.regionCode, name: '珠泉镇', fullName: '湖南省郴州市嘉禾县珠泉镇', level: 'township' },
      userName: '',
    });
    const pd30 = model.areas.flatMap((a) => a.rows).find((r) => r.code === 'PD30')!;
    expect(pd30.current[0]).toEqual({ kind: 'raw', text: '<12.5>' });
    const html = renderReturnForm(model).body;
    expect(html).toContain('&lt;12.5&gt;');
    expect(html).not.toContain('<12.5>');
  });

  it('the county form through the service: header block, every area, signatures, 说明, landscape', () => {
    const form = returnForm(fx.backend.ctx, { regionCode: COUNTY, year: YEAR });
    expect(form.landscape).toBe(true);
    for (const text of [
      '嘉禾县妇女发展规划监测统计表',
      '妇监1—8表',
      '制定机关',
      '备案机关',
      '备案文号',
      '有效期至',
      '2025年12月',
      '填报单位（盖章）',
      '单位负责人',
      '统计负责人',
      '填表人',
      '王芳',
      '报出日期',
      '说明',
      '一、妇女与健康（妇监1表）',
      '七、妇女与环境（妇监7表）',
      '甲',
      '乙',
      '丙',
    ]) {
      expect(form.html).toContain(text);
    }
    expect(form.html).toContain('size: A4 landscape');
    const portrait = returnForm(fx.backend.ctx, { regionCode: COUNTY, year: YEAR, withPrevious: false });
    expect(portrait.landscape).toBe(false);
    expect(portrait.html).toContain('size: A4 portrait');
    expect(portrait.html).not.toContain('>上年<');
  });
});

describe('through the API contract', () => {
  it('report:annual and report:return-form answer with HTML and a summary', async () => {
    const annual = await dispatch(fx.backend.handlers, 'report:annual', { regionCode: COUNTY, year: YEAR });
    expect(annual.ok).toBe(true);
    if (!annual.ok) return;
    const value = annual.value as { html: string; landscape: boolean; summary: { met: number } };
    expect(value.html.startsWith('<!doctype html>')).toBe(true);
    expect(value.landscape).toBe(false);
    expect(value.summary.met).toBe(engine(COUNTY, YEAR).total.met);
    const form = await dispatch(fx.backend.handlers, 'report:return-form', { regionCode: COUNTY, year: YEAR });
    expect(form.ok).toBe(true);
  });

  it('a year without a return is a not_found error in Chinese', async () => {
    const result = await dispatch(fx.backend.handlers, 'report:annual', { regionCode: COUNTY, year: 2019 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('not_found');
    expect(result.error.message).toBe(MESSAGES.report.errors.noReturn('嘉禾县', 2019));
    expect(requireReturn(fx.backend.ctx, findReturn(fx.backend.ctx.db, COUNTY, YEAR, PLAN)!.id)).toBeTruthy();
  });
});
