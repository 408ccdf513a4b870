// Who has reported for a year: each child region of the office (a county's townships, a city's counties)
// is reported, a draft, or missing; the reporting rate (报送率); and which departments supplied their items.
// A child's return is its current received version, or else a return held in the returns table here
// (entered on its behalf or imported one file at a time).
import type { Region } from '../../shared/api/regions-contract.ts';
import { roundTo } from '../../shared/rules/format.ts';
import { isLockedStatus, type ReturnData } from '../../shared/returns/schema.ts';
import { isSummedAt } from '../../shared/aggregation/merge-returns.ts';
import { getRegion } from '../db/repos/regions-repo.ts';
import { currentSubmissions, localChildReturns, type SubmissionRow } from '../db/repos/submissions-repo.ts';
import { findReturn, type ReturnRow } from '../db/repos/returns-repo.ts';
import type { AppContext } from '../context/app-context.ts';
import { requireReturn, returnData } from '../returns/returns-service.ts';
import { childrenOf, type Office } from './office.ts';
import { submissionsData } from './submissions.ts';
import { APP_LOCALE } from '../../shared/messages.ts';

export type ReportState = 'reported' | 'draft' | 'missing';

export interface ChildInput {
  region: Pick<Region, 'code' | 'name'>;
  /** false: a code not in this machine's region table (accepted with a warning) */
  listed: boolean;
  state: ReportState;
  source: 'file' | 'local' | null;
  submission: SubmissionRow | null;
  localReturnId: number | null;
  data: ReturnData | null;
}

export interface DepartmentInput {
  department: string;
  /** how many of the office's own (not summed) items this department collects */
  items: number;
  state: ReportState;
  submission: SubmissionRow | null;
  data: ReturnData | null;
}

export interface MergeInputs {
  office: Office;
  year: number;
  children: ChildInput[];
  departments: DepartmentInput[];
  /** the office's own return (county-level items, qualitative answers, 上级要求), when started */
  own: ReturnRow | null;
  ownData: ReturnData | null;
}

const stateOf = (status: string | null): ReportState => (status === 'draft' ? 'draft' : 'reported');

/** Gathers every return a merge of this year uses, and how complete they are. */
export function collectInputs(ctx: AppContext, office: Office, year: number): MergeInputs {
  const code = office.region.code;
  const current = currentSubmissions(ctx.db, code, year);
  const childRows = current.filter((s) => s.supplierKind !== 'department');
  const depRows = current.filter((s) => s.supplierKind === 'department');
  const data = new Map<number, ReturnData>();
  submissionsData(ctx, current).forEach((d, i) => {
    data.set(current[i].id, d);
  });

  const childLevel = office.level === 'county' ? 'township' : 'county';
  const local = new Map<string, number>();
  for (const r of localChildReturns(ctx.db, code, childLevel, year)) {
    if (office.level === 'county' && r.planId !== office.planId) continue;
    if (!local.has(r.regionCode)) local.set(r.regionCode, r.id);
  }
  const bySubmission = new Map(childRows.map((s) => [s.regionCode, s]));
  const listed = childrenOf(ctx, office);
  const listedCodes = new Set(listed.map((r) => r.code));
  const extra = childRows
    .filter((s) => !listedCodes.has(s.regionCode))
    .map((s) => ({ code: s.regionCode, name: getRegion(ctx.db, s.regionCode)?.name ?? s.supplierName }));

  const children: ChildInput[] = [
    ...listed.map((r) => ({ region: r, listed: true })),
    ...extra.map((r) => ({ region: r, listed: false })),
  ].map(({ region, listed: isListed }) => {
    const sub = bySubmission.get(region.code);
    if (sub) {
      return {
        region: { code: region.code, name: region.name },
        listed: isListed,
        state: stateOf(sub.fileStatus),
        source: 'file' as const,
        submission: sub,
        localReturnId: null,
        data: data.get(sub.id)!,
      };
    }
    const localId = local.get(region.code);
    if (localId !== undefined) {
      const row = requireReturn(ctx, localId);
      return {
        region: { code: region.code, name: region.name },
        listed: isListed,
        state: stateOf(isLockedStatus(row.status) ? 'submitted' : 'draft'),
        source: 'local' as const,
        submission: null,
        localReturnId: localId,
        data: returnData(ctx, row),
      };
    }
    return {
      region: { code: region.code, name: region.name },
      listed: isListed,
      state: 'missing' as const,
      source: null,
      submission: null,
      localReturnId: null,
      data: null,
    };
  });

  const counts = new Map<string, number>();
  for (const item of office.framework.dataItems)
    if (!isSummedAt(item, office.level)) counts.set(item.department, (counts.get(item.department) ?? 0) + 1);
  const depByName = new Map(depRows.map((s) => [s.department, s]));
  const names = [...new Set([...counts.keys(), ...depByName.keys()])].sort(
    (a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || a.localeCompare(b, APP_LOCALE),
  );
  const departments: DepartmentInput[] = names.map((department) => {
    const sub = depByName.get(department) ?? null;
    return {
      department,
      items: counts.get(department) ?? 0,
      state: sub ? stateOf(sub.fileStatus) : 'missing',
      submission: sub,
      data: sub ? data.get(sub.id)! : null,
    };
  });

  const own = findReturn(ctx.db, code, year, office.planId);
  return { office, year, children, departments, own, ownData: own ? returnData(ctx, own) : null };
}

export interface CompletenessSummary {
  total: number;
  reported: number;
  drafts: number;
  missing: number;
  /** 报送率 in %, one decimal: reported (not drafts) over the listed children */
  rate: number;
}

export function summarizeCompleteness(children: readonly ChildInput[]): CompletenessSummary {
  const listed = children.filter((c) => c.listed);
  const reported = listed.filter((c) => c.state === 'reported').length;
  const drafts = listed.filter((c) => c.state === 'draft').length;
  const total = listed.length;
  return {
    total,
    reported,
    drafts,
    missing: total - reported - drafts,
    rate: total === 0 ? 0 : roundTo((reported / total) * 100, 1),
  };
}
