// Printing: gathers a stored return, its evaluation by the rule engine (evaluateStored, the one calculation
// path), the earlier years' and, for a county, the townships' returns, and hands them to the pure builders in
// shared/report. Nothing here computes a figure.
import { AppError } from '../../shared/api/envelope.ts';
import type { EvaluationKind, EvaluationReport, Printable, ReportSummary } from '../../shared/api/report-contract.ts';
import { MESSAGES } from '../../shared/messages.ts';
import {
  annualReportDocument,
  defaultEvaluationYear,
  evaluationReportDocument,
  nominalYear,
  returnFormDocument,
  type AnnualReportModel,
  type Counts,
  type EvaluationReportModel,
  type FontSetup,
  type RegionInfo,
  type StoredReturn,
  type YearChoice,
} from '../../shared/report/index.ts';
import { findReturn, historyOf, listReturns, type ReturnRow } from '../db/repos/returns-repo.ts';
import type { AppContext } from '../context/app-context.ts';
import { listChildRegions, regionWithPath } from '../frameworks/regions-service.ts';
import { requireFramework } from '../frameworks/plans-service.ts';
import { frameworkOf } from '../returns/returns-service.ts';
import { evaluateStored } from '../evaluation/return-evaluation.ts';
import { getProfile } from '../settings/settings-service.ts';

const E = MESSAGES.report.errors;

export interface Where {
  regionCode: string;
  year: number;
  planId?: string;
}

function regionInfo(ctx: AppContext, code: string): RegionInfo {
  const region = regionWithPath(ctx, code);
  if (region.level === 'province') throw new AppError('invalid_request', E.notReportable(region.name));
  // a city's return is a merged return like a county's, and printed the same way
  return {
    code: region.code,
    name: region.name,
    fullName: [...region.path.map((r) => r.name), region.name].join(''),
    level: region.level === 'township' ? 'township' : 'county',
  };
}

/** The region's return for the year: under the named plan, else the profile's, else the only one there is. */
function findReportReturn(ctx: AppContext, where: Where): ReturnRow {
  const rows = listReturns(ctx.db, where.regionCode).filter((r) => r.year === where.year);
  const planId = where.planId ?? getProfile(ctx)?.planId;
  const row =
    (planId ? rows.find((r) => r.planId === planId) : undefined) ??
    (!where.planId && rows.length === 1 ? rows[0] : undefined);
  if (row) return row;
  if (!where.planId && rows.length > 1)
    throw new AppError('invalid_request', E.severalPlans(rows.map((r) => r.planId).join('、')));
  throw new AppError('not_found', E.noReturn(regionWithPath(ctx, where.regionCode).name, where.year));
}

const stored = (ctx: AppContext, row: ReturnRow): StoredReturn => evaluateStored(ctx, row);

/** 填表人: the profile's name when the return is this machine's own region. */
function fillerOf(ctx: AppContext, regionCode: string): string {
  const profile = getProfile(ctx);
  return profile && profile.regionCode === regionCode ? profile.userName : '';
}

/** YYYY年M月D日 in local time, from the context's clock. */
function today(ctx: AppContext): string {
  const d = ctx.now();
  return MESSAGES.app.chineseDate(d);
}

export function returnForm(ctx: AppContext, where: Where & { withPrevious?: boolean }): Printable {
  const row = findReportReturn(ctx, where);
  const { doc, html } = returnFormDocument({
    framework: frameworkOf(ctx, row),
    stored: stored(ctx, row),
    region: regionInfo(ctx, row.regionCode),
    userName: fillerOf(ctx, row.regionCode),
    withPrevious: where.withPrevious,
  });
  return { returnId: row.id, title: doc.title, html, landscape: doc.landscape };
}

export interface AnnualReport extends Printable {
  summary: ReportSummary;
  model: AnnualReportModel;
}

/** A county's townships with their return of the row's year, each judged on its own (undefined when none has one). */
function townshipReturns(ctx: AppContext, region: RegionInfo, row: ReturnRow) {
  if (region.level !== 'county') return { townships: undefined, withReturns: 0 };
  const townships = listChildRegions(ctx, region.code)
    .filter((r) => r.level === 'township')
    .map((r) => {
      const t = findReturn(ctx.db, r.code, row.year, row.planId);
      return {
        region: { code: r.code, name: r.name, fullName: `${region.fullName}${r.name}`, level: 'township' as const },
        stored: t && t.level === 'township' ? stored(ctx, t) : null,
      };
    });
  const withReturns = townships.filter((t) => t.stored).length;
  return { townships: withReturns > 0 ? townships : undefined, withReturns };
}

const summaryOf = (c: Counts, volatile: number, townshipReturns: number): ReportSummary => ({
  measured: c.measured,
  monitored: c.monitored,
  met: c.met,
  basicallyMet: c.basicallyMet,
  notMet: c.notMet,
  noData: c.noData,
  alerts: c.alerts,
  volatile,
  rate: c.rate,
  qualitative: c.qualitative,
  townshipReturns,
});

export function annualReport(ctx: AppContext, where: Where, fonts?: FontSetup): AnnualReport {
  const row = findReportReturn(ctx, where);
  const region = regionInfo(ctx, row.regionCode);
  const history = historyOf(ctx.db, row).map((h) => stored(ctx, h));
  const { townships, withReturns } = townshipReturns(ctx, region, row);
  const { model, doc, html } = annualReportDocument(
    {
      framework: frameworkOf(ctx, row),
      region,
      current: stored(ctx, row),
      history,
      townships,
      generatedOn: today(ctx),
    },
    fonts,
  );
  return {
    returnId: row.id,
    title: doc.title,
    html,
    landscape: doc.landscape,
    model,
    summary: summaryOf(model.counts, model.volatile, withReturns),
  };
}

export interface EvaluationWhere {
  regionCode: string;
  kind: EvaluationKind;
  year?: number;
  planId?: string;
}
export interface EvaluationReportResult extends EvaluationReport {
  model: EvaluationReportModel;
}

/** The region's returns under one plan: the named one, else the profile's, else the only one there is. */
function planReturns(ctx: AppContext, where: { regionCode: string; planId?: string }): ReturnRow[] {
  const all = listReturns(ctx.db, where.regionCode);
  const planId = where.planId ?? getProfile(ctx)?.planId;
  const rows = planId ? all.filter((r) => r.planId === planId) : [];
  if (rows.length > 0 || where.planId) return rows;
  const plans = [...new Set(all.map((r) => r.planId))];
  if (plans.length > 1) throw new AppError('invalid_request', E.severalPlans(plans.join('、')));
  return all;
}

/**
 * The 中期评估 / 终期评估 report: the year evaluated is the one asked for, else the plan's mid or end year, or
 * the latest year with a return before it (the report says which and why). Every year's return is judged by
 * the rule engine on its own (a county on its merged values); the builder only arranges the verdicts.
 */
export function evaluationReport(ctx: AppContext, where: EvaluationWhere, fonts?: FontSetup): EvaluationReportResult {
  const rows = planReturns(ctx, where);
  const name = () => regionWithPath(ctx, where.regionCode).name;
  const planId = rows[0]?.planId ?? where.planId ?? getProfile(ctx)?.planId;
  if (!planId) throw new AppError('not_found', MESSAGES.report.page.noReturn);
  const plan = rows.length > 0 ? frameworkOf(ctx, rows[0]).plan : requireFramework(ctx, planId).plan;
  let year: number;
  let choice: YearChoice;
  if (where.year !== undefined) {
    if (where.year <= plan.baselineYear)
      throw new AppError('invalid_request', E.yearNotAfterBase(where.year, plan.baselineYear));
    year = where.year;
    choice = year === nominalYear(where.kind, plan.period) ? 'nominal' : 'chosen';
  } else {
    const chosen = defaultEvaluationYear(
      where.kind,
      plan,
      rows.map((r) => r.year),
    );
    if (!chosen)
      throw new AppError(
        'not_found',
        E.noEvaluationYear(name(), where.kind, plan.baselineYear + 1, nominalYear(where.kind, plan.period)),
      );
    ({ year, choice } = chosen);
  }
  const row = rows.find((r) => r.year === year);
  if (!row) throw new AppError('not_found', E.noReturn(name(), year));
  const region = regionInfo(ctx, row.regionCode);
  const returns = [row, ...historyOf(ctx.db, row)].map((r) => stored(ctx, r));
  const { townships, withReturns } = townshipReturns(ctx, region, row);
  const { model, doc, html } = evaluationReportDocument(
    {
      evaluation: where.kind,
      framework: frameworkOf(ctx, row),
      region,
      returns,
      year,
      yearChoice: choice,
      townships,
      generatedOn: today(ctx),
    },
    fonts,
  );
  const volatile = returns[0].evaluation.targets.filter((t) => t.volatile && t.status !== 'not_applicable').length;
  const l = model.lists;
  return {
    returnId: row.id,
    title: doc.title,
    html,
    landscape: doc.landscape,
    model,
    kind: where.kind,
    year,
    nominalYear: model.nominalYear,
    yearChoice: choice,
    years: model.years,
    summary: summaryOf(model.counts, volatile, withReturns),
    progress: model.progress,
    lists: { early: l.early.length, basic: l.basic.length, behind: l.behind.length, notMet: l.notMet.length },
  };
}
