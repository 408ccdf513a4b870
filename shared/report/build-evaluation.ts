// The 中期评估 / 终期评估 report (the plans' 监测评估: 「年度监测、5年中期评估和10年终期评估」) as data: for
// each target the base year's value, every year's value, the target, 序时进度, the verdict and the projection
// to the target year, all as the rule engine judged each year's return; per area and overall counts in the
// statistics bureau's form; 提前实现 / 基本实现 / 滞后于序时进度 / 与目标仍有差距 lists with the engine's
// reasons and the office's explanations; qualitative targets apart; a county's townships side by side.
// No verdict is computed here: statuses, 序时进度 and projections are the engine's. Pure.
import { AREA_CODES, type Framework, type Indicator, type PlanMeta, type Target } from '../framework/schema.ts';
import { MESSAGES } from '../messages.ts';
import { compileFramework } from '../rules/compile.ts';
import { POOL_MSG } from '../rules/messages.ts';
import { hasAlert, type Progress, type TargetResult } from '../rules/result.ts';
import {
  chartRank,
  countsOf,
  decimalsOf,
  goalOf,
  MAX_TRENDS_PER_AREA,
  townshipsOf,
  unitOf,
  type ReportInput,
} from './build-report.ts';
import type {
  EvaluationArea,
  EvaluationKind,
  EvaluationReportModel,
  EvaluationRow,
  EvaluationTownship,
  ProgressCounts,
  YearChoice,
} from './evaluation-model.ts';
import type { RegionInfo, StoredReturn, TrendChartModel } from './model.ts';

const R = MESSAGES.report;
const V = R.evaluation;

/** More year columns than this (base year included) print on A4 landscape. */
const MAX_PORTRAIT_COLUMNS = 6;

/** 中期 = the plan's mid year (2025 for 2021–2030, 2023 for 2021–2025); 终期 = its end year. */
export function nominalYear(kind: EvaluationKind, period: PlanMeta['period']): number {
  return kind === 'final' ? period.end : Math.floor((period.start + period.end) / 2);
}

/**
 * The year to evaluate when the user names none: the mid or end year, or the latest year with a return
 * before it when that year has none yet. Null when no year after the base year up to it has a return.
 */
export function defaultEvaluationYear(
  kind: EvaluationKind,
  plan: PlanMeta,
  yearsWithReturn: readonly number[],
): { year: number; choice: YearChoice } | null {
  const nominal = nominalYear(kind, plan.period);
  const candidates = yearsWithReturn.filter((y) => y > plan.baselineYear && y <= nominal);
  if (candidates.length === 0) return null;
  const year = Math.max(...candidates);
  return { year, choice: year === nominal ? 'nominal' : 'latest' };
}

export interface EvaluationInput {
  evaluation: EvaluationKind;
  framework: Framework;
  region: RegionInfo;
  /** the region's returns (any order, base year included), each with its own evaluation by the engine */
  returns: StoredReturn[];
  /** the year evaluated: one of the returns' years */
  year: number;
  yearChoice: YearChoice;
  /** a county's townships with their return of the evaluation year (null when none) */
  townships?: ReportInput['townships'];
  /** YYYY年M月D日 */
  generatedOn: string;
}

const emptyProgress = (): ProgressCounts => ({ judged: 0, ahead: 0, onTrack: 0, behind: 0, noBase: 0 });
const JUDGED = new Set(['met', 'basically_met', 'not_met']);

/** The 序时进度 states of an evaluation's measured targets, counted as the engine gave them. */
function progressCounts(results: readonly TargetResult[], measured: (t: TargetResult) => boolean): ProgressCounts {
  const c = emptyProgress();
  for (const t of results) {
    if (!t.progress || !JUDGED.has(t.status) || !measured(t)) continue;
    c.judged++;
    if (t.progress.state === 'ahead') c.ahead++;
    else if (t.progress.state === 'on_track') c.onTrack++;
    else if (t.progress.state === 'behind') c.behind++;
    else c.noBase++;
  }
  return c;
}

export function buildEvaluationReport(input: EvaluationInput): EvaluationReportModel {
  const { framework, region, year } = input;
  const plan = framework.plan;
  const baseYear = plan.baselineYear;
  const byYear = new Map<number, StoredReturn>();
  for (const r of input.returns)
    if (r.view.data.year <= year && !byYear.has(r.view.data.year)) byYear.set(r.view.data.year, r);
  const current = byYear.get(year);
  if (!current) throw new Error(`no return for ${year}`);
  const { view, evaluation } = current;
  const years = [...byYear.keys()].sort((a, b) => a - b);
  const columns: number[] = [];
  for (let y = Math.min(baseYear, years[0]); y <= year; y++) columns.push(y);
  const results = new Map<number, Map<string, TargetResult>>(
    [...byYear].map(([y, s]) => [y, new Map(s.evaluation.targets.map((t) => [t.targetId, t]))]),
  );
  const resultOf = (y: number, id: string) => results.get(y)?.get(id) ?? null;
  const indicators = new Map(framework.indicators.map((i) => [i.code, i]));
  const compiled = compileFramework(framework);
  const higherBetter = (code: string) =>
    compiled.indicators[compiled.indicatorIndex.get(code)!]?.direction === 'higher';
  const coverage = new Map(
    evaluation.indicators.filter((v) => v.coverage).map((v) => [v.code, POOL_MSG.coverage(v.coverage!)]),
  );
  const qualitativeCodes = new Set(framework.indicators.filter((i) => i.kind === 'qualitative').map((i) => i.code));
  const measured = (t: TargetResult) => !qualitativeCodes.has(t.indicator);

  const choiceOf = (y: number, ind: Indicator): string | null => {
    if (ind.kind !== 'qualitative') return null;
    const choice = byYear.get(y)?.view.data.qualitative.find((q) => q.indicator === ind.code)?.choice ?? null;
    return choice ? MESSAGES.entry.choices[ind.choices][choice] : null;
  };

  /** The unbroken run of 已实现 ending in the evaluation year: its years, latest first (years without a return skipped). */
  const metRunOf = (id: string): number[] => {
    const run: number[] = [];
    for (let y = year; y > baseYear; y--) {
      const r = resultOf(y, id);
      if (!r) continue;
      if (r.status !== 'met') break;
      run.push(y);
    }
    return run;
  };

  /**
   * The latest 序时进度 with a base value up to the evaluation year: the line from base to target. None when
   * the engine found the base year itself meeting the target (已实现, or 提前实现 behind a 仅供参考): then the
   * target is what every year must keep, and the goal line says so.
   */
  const progressLineOf = (id: string): Progress | null => {
    const base = resultOf(baseYear, id);
    if (base?.status === 'met' || base?.progress?.state === 'ahead') return null;
    for (let y = year; y > baseYear; y--) {
      const p = resultOf(y, id)?.progress;
      if (p && p.baseValue !== null) return p;
    }
    return null;
  };

  const rowOf = (target: Target, result: TargetResult): EvaluationRow => {
    const ind = indicators.get(target.indicator)!;
    const targetYear = target.year ?? plan.period.end;
    // 提前实现: the engine said so (progress 'ahead') this year, or in a year of the unbroken run of 已实现
    // before the target year (a trend target, met by its direction, has no 序时进度 and is never 提前实现)
    const run = result.status === 'met' ? metRunOf(target.id) : [];
    const metSince = run.length > 0 ? run[run.length - 1] : null;
    const early =
      result.status === 'met' &&
      (result.progress?.state === 'ahead' ||
        run.some((y) => y < targetYear && resultOf(y, target.id)?.progress?.state === 'ahead'));
    const explained = hasAlert(result) || result.status === 'not_met' || result.status === 'basically_met';
    return {
      targetId: target.id,
      indicator: ind.code,
      indicatorName: ind.name,
      area: result.area,
      targetText: target.text,
      targetYear,
      unit: unitOf(ind),
      decimals: decimalsOf(ind),
      kind: ind.kind,
      higherBetter: higherBetter(ind.code),
      base: resultOf(baseYear, target.id)?.value ?? result.progress?.baseValue ?? null,
      values: columns
        .filter((y) => y > baseYear)
        .map((y) => ({ year: y, value: resultOf(y, target.id)?.value ?? null })),
      choices: columns.filter((y) => y > baseYear).map((y) => ({ year: y, choice: choiceOf(y, ind) })),
      status: result.status,
      message: result.message,
      hardToMeet: result.hardToMeet,
      volatile: result.volatile,
      progress: result.progress,
      early,
      metSince,
      explanation: explained ? view.explanations[target.id]?.trim() || null : null,
      coverage: ind.kind === 'ratio' ? (coverage.get(ind.code) ?? null) : null,
    };
  };

  const chartOf = (target: Target, result: TargetResult): TrendChartModel | null => {
    const ind = indicators.get(target.indicator)!;
    if (ind.kind === 'qualitative') return null;
    const targetYear = target.year ?? plan.period.end;
    const points: TrendChartModel['points'] = [];
    for (let y = columns[0]; y <= Math.max(year, targetYear); y++)
      points.push({ year: y, value: resultOf(y, target.id)?.value ?? null });
    if (points.filter((p) => p.value !== null).length < 2) return null;
    const line = progressLineOf(target.id);
    const p = result.progress;
    return {
      targetId: target.id,
      indicator: ind.code,
      title: ind.name,
      unit: ind.unit,
      decimals: ind.decimals,
      points,
      goal: goalOf(target, current.view.data.externalThresholds),
      status: result.status,
      progressLine: line
        ? {
            from: { year: line.baseYear, value: line.baseValue! },
            to: { year: line.targetYear, value: line.targetValue },
          }
        : null,
      projection:
        p && p.projected !== null ? { year: p.targetYear, value: p.projected, meets: p.projectedMeets === true } : null,
    };
  };

  const evalResults = new Map(evaluation.targets.map((t) => [t.targetId, t]));
  const qualitative: EvaluationRow[] = [];
  const areas: EvaluationArea[] = framework.areas.map((planArea) => {
    const summary = evaluation.areas.find((a) => a.area === planArea.area)!;
    const rows: EvaluationRow[] = [];
    let omitted = 0;
    const candidates: { rank: number; i: number; chart: TrendChartModel }[] = [];
    for (const target of planArea.targets) {
      const result = evalResults.get(target.id);
      if (!result) continue;
      if (result.status === 'not_applicable') {
        omitted++;
        continue;
      }
      const row = rowOf(target, result);
      if (row.kind === 'qualitative') {
        qualitative.push(row);
        continue;
      }
      rows.push(row);
      const chart = chartOf(target, result);
      if (chart)
        candidates.push({
          rank: chartRank(result, row.indicator, chart.goal !== null) + (chart.progressLine ? 5 : 0),
          i: candidates.length,
          chart,
        });
    }
    const seen = new Set<string>();
    const charts = candidates
      .sort((a, b) => b.rank - a.rank || a.i - b.i)
      .filter((c) => !seen.has(c.chart.indicator) && Boolean(seen.add(c.chart.indicator)))
      .slice(0, MAX_TRENDS_PER_AREA)
      .sort((a, b) => a.i - b.i)
      .map((c) => c.chart);
    const areaResults = evaluation.targets.filter((t) => t.area === planArea.area);
    return {
      area: planArea.area,
      title: MESSAGES.areaTitles[planArea.area],
      counts: countsOf(summary),
      progress: progressCounts(areaResults, measured),
      rows,
      omitted,
      charts,
    };
  });
  areas.sort((a, b) => AREA_CODES.indexOf(a.area) - AREA_CODES.indexOf(b.area));
  qualitative.sort((a, b) => AREA_CODES.indexOf(a.area) - AREA_CODES.indexOf(b.area));

  const rows = areas.flatMap((a) => a.rows).filter((r) => r.status !== 'reference');
  const nominal = nominalYear(input.evaluation, plan.period);
  return {
    kind: 'evaluation-report',
    evaluation: input.evaluation,
    title: V.title(region.name, plan.name, input.evaluation),
    titleLines: V.titleLines(region.name, plan.name, input.evaluation),
    region,
    planName: plan.name,
    period: plan.period,
    baseYear,
    nominalYear: nominal,
    year,
    yearChoice: input.yearChoice,
    years,
    columns,
    dataStatus: R.annual.statusOf(view.summary.status, evaluation.total.cellsFilled, evaluation.total.cellsTotal),
    generatedOn: input.generatedOn,
    counts: countsOf(evaluation.total),
    progress: progressCounts(evaluation.targets, measured),
    lists: {
      early: rows.filter((r) => r.early),
      basic: rows.filter((r) => r.status === 'basically_met'),
      behind: rows.filter((r) => r.progress?.state === 'behind'),
      notMet: rows.filter((r) => r.status === 'not_met'),
    },
    areas,
    qualitative,
    townships:
      region.level === 'county' && input.townships && input.townships.length > 0
        ? townshipLines(framework, input.townships, measured)
        : null,
    landscape: columns.length > MAX_PORTRAIT_COLUMNS,
    notes: V.notes(input.evaluation),
  };
}

function townshipLines(
  framework: Framework,
  townships: NonNullable<ReportInput['townships']>,
  measured: (t: TargetResult) => boolean,
): EvaluationReportModel['townships'] {
  const base = townshipsOf(framework, townships)!;
  const lines: EvaluationTownship[] = base.lines.map((line, i) => {
    const stored = townships[i].stored;
    return { ...line, progress: stored ? progressCounts(stored.evaluation.targets, measured) : null };
  });
  return { lines, charts: base.charts };
}
