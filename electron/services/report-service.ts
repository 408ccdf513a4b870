// Printing: gathers a stored return, its evaluation by the rule engine (evaluateStored, the one calculation
// path), the earlier years' and, for a county, the townships' returns, and hands them to the pure builders in
// shared/report. Nothing here computes a figure.
import { AppError } from '../../shared/api/envelope.ts';
import type { Printable, ReportSummary } from '../../shared/api/report-contract.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { annualReportDocument, returnFormDocument, type AnnualReportModel, type FontSetup, type RegionInfo, type StoredReturn } from '../../shared/report/index.ts';
import { findReturn, historyOf, listReturns, type ReturnRow } from '../db/repos/returns-repo.ts';
import type { AppContext } from './context.ts';
import { listChildRegions, regionWithPath } from './regions-service.ts';
import { frameworkOf } from './returns-service.ts';
import { evaluateStored } from './return-evaluation.ts';
import { getProfile } from './settings-service.ts';

const E = MESSAGES.report.errors;

export interface Where { regionCode: string; year: number; planId?: string }

export function regionInfo(ctx: AppContext, code: string): RegionInfo {
  const region = regionWithPath(ctx, code);
  if (region.level === 'province') throw new AppError('invalid_request', E.notReportable(region.name));
  // a city's return is a merged return like a county's, and printed the same way
  return { code: region.code, name: region.name, fullName: [...region.path.map((r) => r.name), region.name].join(''), level: region.level === 'township' ? 'township' : 'county' };
}

/** The region's return for the year: under the named plan, else the profile's, else the only one there is. */
export function findReportReturn(ctx: AppContext, where: Where): ReturnRow {
  const rows = listReturns(ctx.db, where.regionCode).filter((r) => r.year === where.year);
  const planId = where.planId ?? getProfile(ctx)?.planId;
  const row = (planId ? rows.find((r) => r.planId === planId) : undefined) ?? (!where.planId && rows.length === 1 ? rows[0] : undefined);
  if (row) return row;
  if (!where.planId && rows.length > 1) throw new AppError('invalid_request', E.severalPlans(rows.map((r) => r.planId).join('、')));
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
    framework: frameworkOf(ctx, row), stored: stored(ctx, row), region: regionInfo(ctx, row.regionCode),
    userName: fillerOf(ctx, row.regionCode), withPrevious: where.withPrevious,
  });
  return { returnId: row.id, title: doc.title, html, landscape: doc.landscape };
}

export interface AnnualReport extends Printable { summary: ReportSummary; model: AnnualReportModel }

export function annualReport(ctx: AppContext, where: Where, fonts?: FontSetup): AnnualReport {
  const row = findReportReturn(ctx, where);
  const region = regionInfo(ctx, row.regionCode);
  const history = historyOf(ctx.db, row).map((h) => stored(ctx, h));
  const townships = region.level === 'county'
    ? listChildRegions(ctx, region.code).filter((r) => r.level === 'township').map((r) => {
      const t = findReturn(ctx.db, r.code, row.year, row.planId);
      return { region: { code: r.code, name: r.name, fullName: `${region.fullName}${r.name}`, level: 'township' as const }, stored: t && t.level === 'township' ? stored(ctx, t) : null };
    })
    : undefined;
  const withReturns = townships?.filter((t) => t.stored).length ?? 0;
  const { model, doc, html } = annualReportDocument({
    framework: frameworkOf(ctx, row), region, current: stored(ctx, row), history,
    townships: withReturns > 0 ? townships : undefined, generatedOn: today(ctx),
  }, fonts);
  const c = model.counts;
  return {
    returnId: row.id, title: doc.title, html, landscape: doc.landscape, model,
    summary: {
      measured: c.measured, monitored: c.monitored, met: c.met, basicallyMet: c.basicallyMet, notMet: c.notMet, noData: c.noData,
      alerts: c.alerts, volatile: model.volatile, rate: c.rate, qualitative: c.qualitative, townshipReturns: withReturns,
    },
  };
}
