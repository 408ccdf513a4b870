// The annual monitoring report (年度监测报告) of a region and year, as data: the rule engine's evaluation of
// the region's return arranged per area, the warnings with their explanations, the series for the charts
// (each year's own evaluation) and, for a county, its townships side by side. No figure is computed here
// that the engine does not give: counts and the 达标率 come from the engine's summary (achievementRate). Pure.
import { AREA_CODES, type Framework, type Indicator, type Target, type TargetRule } from '../framework/schema.ts';
import { MESSAGES } from '../messages.ts';
import { compileFramework } from '../rules/compile.ts';
import { POOL_MSG } from '../rules/messages.ts';
import { hasAlert, type AreaSummary, type TargetResult } from '../rules/result.ts';
import { achievementRate } from '../rules/summary.ts';
import type {
  AnnualReportModel,
  BarChartModel,
  Counts,
  RegionInfo,
  ReportArea,
  ReportRow,
  StoredReturn,
  TownshipLine,
  TrendChartModel,
} from './model.ts';

const R = MESSAGES.report;

export interface ReportInput {
  framework: Framework;
  region: RegionInfo;
  current: StoredReturn;
  /** the region's earlier returns (any order), each with its own evaluation: the series of the charts */
  history: StoredReturn[];
  /** a county's townships with their return of the year (null when none) */
  townships?: { region: RegionInfo; stored: StoredReturn | null }[];
  /** YYYY-MM-DD */
  generatedOn: string;
}

/** Indicators drawn first when they have data: the plans' headline figures. */
const FEATURED_INDICATORS = ['P31', 'P29', 'H04', 'H03', 'P14'];
export const MAX_TRENDS_PER_AREA = 4;
const MAX_TOWNSHIP_CHARTS = 6;

export function countsOf(s: Omit<AreaSummary, 'area'>): Counts {
  const r = achievementRate(s);
  const q = {
    done: s.qualitativeDone,
    inProgress: s.qualitativeInProgress,
    notDone: s.qualitativeNotDone,
    unanswered: s.qualitativeUnanswered,
  };
  return {
    measured: r.measured,
    monitored: r.monitored,
    met: s.met,
    basicallyMet: s.basicallyMet,
    notMet: s.notMet,
    noData: s.noData,
    alerts: s.alerts,
    rate: r.rate,
    rateReason: r.reason,
    qualitative: { total: q.done + q.inProgress + q.notDone + q.unanswered, ...q },
  };
}

/** The goal a chart draws for a target: a line or a band, in the indicator's unit. */
export function goalOf(target: Target, thresholds: Record<string, number>): TrendChartModel['goal'] {
  const rule: TargetRule = target.rule;
  const label = R.annual.chartTarget(target.text);
  switch (rule.kind) {
    case 'at_least':
      return { low: rule.value, high: null, label };
    case 'at_most':
      return { low: null, high: rule.value, label };
    case 'about':
      return { low: rule.value - rule.tolerance, high: rule.value + rule.tolerance, label };
    case 'range':
      return { low: rule.min, high: rule.max, label };
    case 'balanced':
      return { low: rule.low, high: rule.high, label };
    case 'external': {
      const v = thresholds[target.id];
      if (v === undefined) return null;
      return rule.op === 'at_least' ? { low: v, high: null, label } : { low: null, high: v, label };
    }
    default:
      return null;
  }
}

export const unitOf = (ind: Indicator) => (ind.kind === 'qualitative' ? '' : ind.unit);
export const decimalsOf = (ind: Indicator) => (ind.kind === 'qualitative' ? 0 : ind.decimals);

/** Higher first: featured, not met, hard to meet, basically met, volatile, with a goal. */
export function chartRank(result: TargetResult, indicator: string, hasGoal: boolean): number {
  let rank = 0;
  const featured = FEATURED_INDICATORS.indexOf(indicator);
  if (featured >= 0) rank += 100 - featured;
  if (result.status === 'not_met') rank += 40;
  else if (result.status === 'basically_met') rank += 25;
  if (result.hardToMeet) rank += 30;
  if (result.volatile) rank += 20;
  if (hasGoal) rank += 10;
  return rank;
}

export function buildAnnualReport(input: ReportInput): AnnualReportModel {
  const { framework, region, current } = input;
  const { view, evaluation } = current;
  const data = view.data;
  const indicators = new Map(framework.indicators.map((i) => [i.code, i]));
  const compiled = compileFramework(framework);
  const quoted = new Map(compiled.targets.map((t) => [t.target.id, t.text]));
  const higherBetter = (code: string) =>
    compiled.indicators[compiled.indicatorIndex.get(code)!]?.direction === 'higher';
  const results = new Map(evaluation.targets.map((t) => [t.targetId, t]));
  const coverage = new Map(
    evaluation.indicators.filter((v) => v.coverage).map((v) => [v.code, POOL_MSG.coverage(v.coverage!)]),
  );
  const byYear = new Map<number, Map<string, TargetResult>>();
  for (const h of input.history)
    if (h.view.data.year < data.year && !byYear.has(h.view.data.year))
      byYear.set(h.view.data.year, new Map(h.evaluation.targets.map((t) => [t.targetId, t])));
  byYear.set(data.year, results);
  const years = [...byYear.keys()].sort((a, b) => a - b);
  const previousData = input.history.find((h) => h.view.data.year === data.year - 1)?.view.data;
  const choiceOf = (answers: typeof data.qualitative | undefined, ind: Indicator) => {
    if (ind.kind !== 'qualitative') return null;
    const choice = answers?.find((q) => q.indicator === ind.code)?.choice ?? null;
    return choice ? MESSAGES.entry.choices[ind.choices][choice] : null;
  };

  const rowOf = (target: Target, result: TargetResult): ReportRow => {
    const ind = indicators.get(target.indicator)!;
    return {
      targetId: target.id,
      indicator: ind.code,
      indicatorName: ind.name,
      area: result.area,
      targetText: quoted.get(target.id) ?? target.text,
      unit: unitOf(ind),
      decimals: decimalsOf(ind),
      kind: ind.kind,
      status: result.status,
      value: result.value,
      previous: result.previous,
      changePercent: result.changePercent,
      volatile: result.volatile,
      hardToMeet: result.hardToMeet,
      progress: result.progress?.state ?? null,
      higherBetter: higherBetter(ind.code),
      message: result.message,
      choice: choiceOf(data.qualitative, ind),
      previousChoice: choiceOf(previousData?.qualitative, ind),
      explanation: hasAlert(result) ? view.explanations[target.id]?.trim() || null : null,
      coverage: ind.kind === 'ratio' ? (coverage.get(ind.code) ?? null) : null,
    };
  };

  const areas: ReportArea[] = framework.areas.map((planArea) => {
    const summary = evaluation.areas.find((a) => a.area === planArea.area)!;
    const rows: ReportRow[] = [];
    let omitted = 0;
    const candidates: { rank: number; chart: TrendChartModel }[] = [];
    for (const target of planArea.targets) {
      const result = results.get(target.id);
      if (!result) continue;
      if (result.status === 'not_applicable') {
        omitted++;
        continue;
      }
      rows.push(rowOf(target, result));
      const ind = indicators.get(target.indicator)!;
      if (ind.kind === 'qualitative') continue;
      const points = years.map((year) => ({ year, value: byYear.get(year)!.get(target.id)?.value ?? null }));
      if (points.filter((p) => p.value !== null).length < 2) continue;
      const goal = goalOf(target, data.externalThresholds);
      candidates.push({
        rank: chartRank(result, ind.code, goal !== null),
        chart: {
          targetId: target.id,
          indicator: ind.code,
          title: ind.name,
          unit: ind.unit,
          decimals: ind.decimals,
          points,
          goal,
          status: result.status,
        },
      });
    }
    const seen = new Set<string>();
    const charts = candidates
      .map((c, i) => ({ ...c, i }))
      .sort((a, b) => b.rank - a.rank || a.i - b.i)
      .filter((c) => !seen.has(c.chart.indicator) && Boolean(seen.add(c.chart.indicator)))
      .slice(0, MAX_TRENDS_PER_AREA)
      .sort((a, b) => a.i - b.i)
      .map((c) => c.chart);
    return {
      area: planArea.area,
      title: MESSAGES.areaTitles[planArea.area],
      counts: countsOf(summary),
      rows,
      omitted,
      charts,
    };
  });
  // the plan's area order is the catalogue's; keep AREA_CODES order regardless of how the plan lists them
  areas.sort((a, b) => AREA_CODES.indexOf(a.area) - AREA_CODES.indexOf(b.area));

  const counts = countsOf(evaluation.total);
  const allRows = areas.flatMap((a) => a.rows);
  const measuredRows = allRows.filter((r) => r.kind !== 'qualitative');
  const attention = measuredRows.filter((r) => r.hardToMeet || r.volatile);
  const names = (rows: ReportRow[]) => [...new Set(rows.map((r) => r.indicatorName))];

  return {
    kind: 'annual-report',
    title: R.annual.title(region.name, data.year),
    region,
    year: data.year,
    planName: framework.plan.name,
    dataStatus: R.annual.statusOf(view.summary.status, evaluation.total.cellsFilled, evaluation.total.cellsTotal),
    generatedOn: input.generatedOn,
    counts,
    volatile: evaluation.targets.filter((t) => t.volatile && t.status !== 'not_applicable').length,
    lists: {
      basic: names(measuredRows.filter((r) => r.status === 'basically_met')),
      notMet: names(measuredRows.filter((r) => r.status === 'not_met')),
      behind: names(measuredRows.filter((r) => r.status !== 'met' && r.progress === 'behind')),
      ahead: names(measuredRows.filter((r) => r.status === 'met' && r.progress === 'ahead')),
    },
    areas,
    attention,
    townships:
      region.level === 'county' && input.townships && input.townships.length > 0
        ? townshipsOf(framework, input.townships)
        : null,
    notes: R.annual.notes,
  };
}

/** Whether an indicator's figures exist in township returns (its items are collected by townships). */
function townshipData(framework: Framework, ind: Indicator): boolean {
  const level = (code: string) => framework.dataItems.find((d) => d.code === code)?.level;
  if (ind.kind === 'ratio')
    return level(ind.numerator.item) === 'township' && level(ind.denominator.item) === 'township';
  if (ind.kind === 'value') return level(ind.source.item) === 'township';
  return false;
}

export function townshipsOf(
  framework: Framework,
  townships: NonNullable<ReportInput['townships']>,
): AnnualReportModel['townships'] {
  const lines: TownshipLine[] = townships.map(({ region, stored }) => ({
    code: region.code,
    name: region.name,
    status: stored ? (MESSAGES.report.form.status[stored.view.summary.status] ?? stored.view.summary.status) : null,
    counts: stored ? countsOf(stored.evaluation.total) : null,
  }));
  const indicators = new Map(framework.indicators.map((i) => [i.code, i]));
  const candidates: { rank: number; i: number; chart: BarChartModel }[] = [];
  let i = 0;
  for (const area of framework.areas) {
    for (const target of area.targets) {
      const ind = indicators.get(target.indicator)!;
      if (ind.kind === 'qualitative' || !townshipData(framework, ind)) continue;
      const bars = townships.map(({ region, stored }) => {
        const result = stored?.evaluation.targets.find((t) => t.targetId === target.id) ?? null;
        return { label: region.name, value: result?.value ?? null, status: result?.status ?? null };
      });
      if (bars.filter((b) => b.value !== null).length < 2) continue;
      const goal = goalOf(target, {});
      const featured = FEATURED_INDICATORS.indexOf(ind.code);
      candidates.push({
        rank: (featured >= 0 ? 100 - featured : 0) + (goal ? 10 : 0) + (ind.judgeLevel === 'township' ? 5 : 0),
        i: i++,
        chart: {
          targetId: target.id,
          indicator: ind.code,
          title: ind.name,
          unit: ind.unit,
          decimals: ind.decimals,
          bars,
          goal,
        },
      });
    }
  }
  const seen = new Set<string>();
  const charts = candidates
    .sort((a, b) => b.rank - a.rank || a.i - b.i)
    .filter((c) => !seen.has(c.chart.indicator) && Boolean(seen.add(c.chart.indicator)))
    .slice(0, MAX_TOWNSHIP_CHARTS)
    .map((c) => c.chart);
  return { lines, charts };
}
