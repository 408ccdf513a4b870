// The merge as the API sees it: each call resolves the office, gathers what it needs and returns plain data
// shaped by shared/api/merge-contract.ts.
import type {
  ChildStatus,
  EntryOverlay,
  Gap,
  ItemSource,
  MergeResult,
  Overview,
  Resubmission,
  ReviewState,
  SubmissionSummary,
} from '../../shared/api/merge-contract.ts';
import type { ItemSource as AggregatedSource } from '../../shared/aggregation/merge-returns.ts';
import { MESSAGES } from '../../shared/messages.ts';
import type { AggregationGap } from '../../shared/aggregation/merge-returns.ts';
import {
  listReceivedFiles,
  listSubmissions,
  yearsWithSubmissions,
  type SubmissionRow,
} from '../db/repos/submissions-repo.ts';
import { getRegion } from '../db/repos/regions-repo.ts';
import type { AppContext } from '../context/app-context.ts';
import { backupNow } from '../backups/backup-service.ts';
import { buildBreakdown } from './breakdown.ts';
import { summarizeCompleteness, type MergeInputs } from './completeness.ts';
import { buildMergedReturn } from './county-aggregate.ts';
import { resolveOffice, type Office } from './office.ts';
import { latestReviews } from './review.ts';
import { chooseVersion, versionsWithDiffs } from './submissions.ts';

const M = MESSAGES.merge;

export interface OfficeYear {
  year: number;
  regionCode?: string;
  planId?: string;
}

export const officeOf = (ctx: AppContext, input: OfficeYear): Office =>
  resolveOffice(ctx, input.regionCode, input.planId);

const officeView = (o: Office) => ({
  code: o.region.code,
  name: o.region.name,
  level: o.level,
  planId: o.planId,
  planName: o.framework.plan.name,
  frameworkVersion: o.framework.version,
});

export const submissionSummary = (s: SubmissionRow, review: ReviewState | null = null): SubmissionSummary => ({
  id: s.id,
  regionCode: s.regionCode,
  supplierKind: s.supplierKind,
  department: s.department,
  supplierName: s.supplierName,
  planId: s.planId,
  frameworkVersion: s.frameworkVersion,
  reportedOn: s.reportedOn,
  madeAt: s.madeAt,
  filler: s.footer.filler,
  phone: s.footer.phone,
  fileStatus: s.fileStatus,
  fileName: s.fileName,
  receivedAt: s.receivedAt,
  verdict: s.verdict,
  isCurrent: s.isCurrent,
  chosenBy: s.chosenBy,
  review,
});

export function sourceLabel(s: AggregatedSource): string {
  if (s.kind === 'children') return M.source.children(s.contributors, s.children);
  if (s.kind === 'department') return M.source.department(s.department);
  return s.kind === 'own' ? M.source.own : M.source.none;
}

const sourceView = (s: AggregatedSource): ItemSource => ({
  item: s.item,
  kind: s.kind,
  department: s.kind === 'department' ? s.department : '',
  contributors: s.kind === 'children' ? s.contributors : 0,
  children: s.kind === 'children' ? s.children : 0,
  label: sourceLabel(s),
});

const gapView = (ctx: AppContext, inputs: MergeInputs, gaps: readonly AggregationGap[]): Gap[] => {
  const names = new Map(inputs.children.map((c) => [c.region.code, c.region.name]));
  return gaps.map((g) => ({
    item: g.item,
    sex: g.sex,
    missingIn: g.missingIn.map((code) => ({ code, name: names.get(code) ?? getRegion(ctx.db, code)?.name ?? code })),
  }));
};

export function overview(ctx: AppContext, input: OfficeYear): Overview {
  const office = officeOf(ctx, input);
  const { inputs } = buildMergedReturn(ctx, office, input.year);
  const versions = new Map<string, number>();
  for (const s of listSubmissions(ctx.db, office.region.code, input.year)) {
    const key = `${s.regionCode}|${s.department}`;
    versions.set(key, (versions.get(key) ?? 0) + 1);
  }
  const reviews = latestReviews(
    ctx,
    [...inputs.children, ...inputs.departments].flatMap((c) => (c.submission ? [c.submission.id] : [])),
  );
  const summary = (s: SubmissionRow) => submissionSummary(s, reviews.get(s.id) ?? null);
  const children: ChildStatus[] = inputs.children.map((c) => ({
    code: c.region.code,
    name: c.region.name,
    listed: c.listed,
    state: c.state,
    source: c.source,
    submission: c.submission ? summary(c.submission) : null,
    versions: versions.get(`${c.region.code}|`) ?? 0,
  }));
  const years = new Set(yearsWithSubmissions(ctx.db, office.region.code));
  return {
    office: officeView(office),
    year: input.year,
    years: [...years].sort((a, b) => b - a),
    completeness: summarizeCompleteness(inputs.children),
    children,
    departments: inputs.departments.map((d) => ({
      department: d.department,
      name: M.departmentName(d.department),
      items: d.items,
      state: d.state,
      submission: d.submission ? summary(d.submission) : null,
    })),
  };
}

/** A backup before the first file of a batch is written. */
export async function beginImport(ctx: AppContext, input: OfficeYear) {
  officeOf(ctx, input);
  const file = await backupNow(ctx, 'import');
  return { backup: file.split(/[\\/]/).pop() ?? null };
}

export function received(ctx: AppContext, input: OfficeYear) {
  const office = officeOf(ctx, input);
  const names = new Map(listSubmissions(ctx.db, office.region.code, input.year).map((s) => [s.id, s.supplierName]));
  return listReceivedFiles(ctx.db, office.region.code, input.year).map((f) => ({
    id: f.id,
    fileName: f.fileName,
    receivedAt: f.receivedAt,
    verdict: f.verdict,
    regionCode: f.regionCode,
    supplierName:
      f.submissionId !== null
        ? (names.get(f.submissionId) ?? null)
        : f.regionCode
          ? (getRegion(ctx.db, f.regionCode)?.name ?? null)
          : null,
    submissionId: f.submissionId,
    problems: f.problems,
  }));
}

export function resubmissions(ctx: AppContext, input: OfficeYear): Resubmission[] {
  const office = officeOf(ctx, input);
  const slots = new Map<string, SubmissionRow[]>();
  for (const s of listSubmissions(ctx.db, office.region.code, input.year)) {
    const key = `${s.regionCode}|${s.department}`;
    slots.set(key, [...(slots.get(key) ?? []), s]);
  }
  const labels = new Map(office.framework.dataItems.map((d) => [d.code, d.name]));
  const reviews = latestReviews(
    ctx,
    [...slots.values()].flat().map((s) => s.id),
  );
  const out: Resubmission[] = [];
  for (const rows of slots.values()) {
    if (rows.length < 2) continue;
    const { regionCode, department } = rows[0];
    const name = department
      ? M.departmentName(department)
      : (getRegion(ctx.db, regionCode)?.name ?? rows[rows.length - 1].supplierName);
    out.push({
      regionCode,
      department,
      name,
      versions: versionsWithDiffs(ctx, office, input.year, regionCode, department).map((v) => ({
        submission: submissionSummary(v.submission, reviews.get(v.submission.id) ?? null),
        changes: v.diff.cells.map((c) => ({
          ...c,
          label: `${c.item} ${labels.get(c.item) ?? ''}（${M.sexLabel[c.sex]}）`,
        })),
        answers: v.diff.answers,
      })),
    });
  }
  return out;
}

export function chooseSubmission(ctx: AppContext, input: OfficeYear & { submissionId: number }): SubmissionSummary {
  const row = chooseVersion(ctx, officeOf(ctx, input), input.submissionId);
  return submissionSummary(row, latestReviews(ctx, [row.id]).get(row.id) ?? null);
}

export function mergeResult(ctx: AppContext, input: OfficeYear): MergeResult {
  const office = officeOf(ctx, input);
  const merged = buildMergedReturn(ctx, office, input.year);
  return {
    office: officeView(office),
    completeness: merged.completeness,
    data: merged.result.data,
    gaps: gapView(ctx, merged.inputs, merged.result.gaps),
    sources: merged.result.sources.map(sourceView),
    evaluation: merged.evaluation,
    notes: merged.notes,
  };
}

export function breakdown(ctx: AppContext, input: OfficeYear) {
  const office = officeOf(ctx, input);
  return buildBreakdown(buildMergedReturn(ctx, office, input.year));
}

/** For the office's own entry screen: the cells it does not enter (summed, or supplied by a department). */
export function entryOverlay(ctx: AppContext, input: OfficeYear): EntryOverlay {
  const office = officeOf(ctx, input);
  const { inputs, result } = buildMergedReturn(ctx, office, input.year);
  // Locked: what others supplied (summed from the children, or a department's). An item nobody sent stays
  // the office's own to enter.
  const lockedItems = new Set(
    result.sources.filter((s) => s.kind === 'children' || s.kind === 'department').map((s) => s.item),
  );
  const locked = result.sources.filter((s) => lockedItems.has(s.item)).map(sourceView);
  const cells = result.data.cells.filter((c) => lockedItems.has(c.item) && (c.value !== null || c.noData !== null));
  return {
    office: officeView(office),
    completeness: summarizeCompleteness(inputs.children),
    cells,
    locked,
    gaps: gapView(ctx, inputs, result.gaps),
    pooledRatios: result.data.pooledRatios ?? {},
  };
}
