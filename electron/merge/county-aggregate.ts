// The merged return of a county (or city) for a year: township items summed over the children's current
// returns, county items from the departments' returns or the county's own entries, ratios recomputed by
// the rule engine from the summed numerators and denominators, and the result judged against the plan's
// targets. Also the 说明 lines: the reporting rate, who is missing, who supplied what.
import { aggregateReturns, type AggregationResult } from '../../shared/aggregation/merge-returns.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { POOL_MSG } from '../../shared/rules/messages.ts';
import type { ReturnData } from '../../shared/returns/schema.ts';
import { evaluateReturn } from '../../shared/rules/evaluate.ts';
import type { Evaluation } from '../../shared/rules/result.ts';
import { yearsWithLocalChildReturns, yearsWithSubmissions } from '../db/repos/submissions-repo.ts';
import { listReturns } from '../db/repos/returns-repo.ts';
import type { AppContext } from '../context/app-context.ts';
import { collectInputs, summarizeCompleteness, type CompletenessSummary, type MergeInputs } from './completeness.ts';
import { childNoun, type Office } from './office.ts';

const M = MESSAGES.merge;

export interface MergedReturn {
  inputs: MergeInputs;
  result: AggregationResult;
  completeness: CompletenessSummary;
  evaluation: Evaluation;
  history: ReturnData[];
  notes: string[];
}

/** The merge itself, from gathered inputs: no evaluation. */
function aggregateInputs(inputs: MergeInputs): AggregationResult {
  const { office, year } = inputs;
  const children = inputs.children.filter((c) => c.data).map((c) => c.data!);
  const departments = inputs.departments
    .filter((d) => d.data)
    .map((d) => ({ department: d.department, data: d.data! }));
  const names = Object.fromEntries(inputs.children.map((c) => [c.region.code, c.region.name]));
  return aggregateReturns(
    office.framework,
    office.level,
    office.region.code,
    year,
    children,
    inputs.ownData ?? undefined,
    {
      departments,
      anyPlan: office.level === 'city',
      names,
    },
  );
}

/** Earlier years' merged returns (or the office's own returns where nothing was merged), for 上年 and trends. */
export function mergedHistory(ctx: AppContext, office: Office, year: number): ReturnData[] {
  const years = new Set<number>([
    ...yearsWithSubmissions(ctx.db, office.region.code),
    ...yearsWithLocalChildReturns(ctx.db, office.region.code),
  ]);
  for (const r of listReturns(ctx.db, office.region.code)) if (r.planId === office.planId) years.add(r.year);
  return [...years]
    .filter((y) => y < year)
    .sort((a, b) => b - a)
    .map((y) => aggregateInputs(collectInputs(ctx, office, y)).data);
}

/**
 * The database as this connection sees it: rows changed through it (total_changes) and commits by any other
 * connection (data_version). Equal versions mean equal merge inputs.
 */
function dataVersion(ctx: AppContext): string {
  const row = ctx.db.prepare('SELECT total_changes() AS t, data_version AS d FROM pragma_data_version').get() as {
    t: number;
    d: number;
  };
  return `${row.t}|${row.d}`;
}

const computed = new WeakMap<AppContext, Map<string, MergedReturn>>();

/**
 * The merged return of an office and year, computed once per state of the database: the merge page's result,
 * breakdown, export, entry overlay and status (and a CLI merge's overview and export) share one computation until
 * anything is written. Callers treat it as read-only.
 */
export function buildMergedReturn(ctx: AppContext, office: Office, year: number): MergedReturn {
  const what = `${office.region.code}|${office.planId}|${office.framework.version}|${year}`;
  const key = `${what}|${dataVersion(ctx)}`;
  let cache = computed.get(ctx);
  const hit = cache?.get(key);
  if (hit) return hit;
  // the same merge at an earlier state of the database is never asked for again (the versions only grow):
  // dropped first, so that thousands of children's returns are never held twice
  if (cache) for (const k of cache.keys()) if (k.startsWith(`${what}|`)) cache.delete(k);
  const merged = computeMergedReturn(ctx, office, year);
  if (!cache || cache.size >= 16) computed.set(ctx, (cache = new Map()));
  cache.set(key, merged);
  return merged;
}

function computeMergedReturn(ctx: AppContext, office: Office, year: number): MergedReturn {
  const inputs = collectInputs(ctx, office, year);
  const result = aggregateInputs(inputs);
  const history = mergedHistory(ctx, office, year);
  const evaluation = evaluateReturn(office.framework, result.data, history);
  const completeness = summarizeCompleteness(inputs.children);
  return {
    inputs,
    result,
    completeness,
    evaluation,
    history,
    notes: mergeNotes(inputs, result, completeness, evaluation),
  };
}

/** 说明 of the merged return: how many reported, who is missing or a draft, who supplied what, how ratios were made. */
function mergeNotes(
  inputs: MergeInputs,
  result: AggregationResult,
  c: CompletenessSummary,
  evaluation?: Evaluation,
): string[] {
  const { office } = inputs;
  const noun = childNoun(office);
  const names = (state: string) =>
    inputs.children.filter((x) => x.listed && x.state === state).map((x) => x.region.name);
  const notes = [M.notes.rate(office.region.name, noun, c.total, c.reported, c.drafts, c.rate)];
  const missing = names('missing');
  if (missing.length > 0) notes.push(M.notes.missing(noun, missing));
  const drafts = names('draft');
  if (drafts.length > 0) notes.push(M.notes.drafts(drafts));
  const unlisted = inputs.children
    .filter((x) => !x.listed && x.data)
    .map((x) => `${x.region.name}（${x.region.code}）`);
  if (unlisted.length > 0) notes.push(M.notes.unlisted(unlisted));
  notes.push(M.notes.ratios);
  const pooled = pooledNotes(office.framework.indicators, evaluation);
  if (pooled.length > 0) notes.push(M.notes.pooled(pooled.length, pooled));
  const byDep = new Map<string, number>();
  let own = 0;
  for (const s of result.sources) {
    if (s.kind === 'department') byDep.set(s.department, (byDep.get(s.department) ?? 0) + 1);
    if (s.kind === 'own') own++;
  }
  if (byDep.size > 0)
    notes.push(M.notes.departments([...byDep].map(([d, n]) => M.notes.departmentItems(M.departmentName(d), n))));
  if (own > 0) notes.push(M.notes.own(office.region.name, own));
  const codes = new Map(inputs.children.map((x) => [x.region.code, x.region.name]));
  const gapItems = new Map<string, Set<string>>();
  for (const g of result.gaps) {
    const set = gapItems.get(g.item) ?? new Set<string>();
    for (const code of g.missingIn) set.add(codes.get(code) ?? code);
    gapItems.set(g.item, set);
  }
  if (gapItems.size > 0) {
    const items = new Map(office.framework.dataItems.map((d) => [d.code, d.name]));
    const parts = [...gapItems]
      .slice(0, 8)
      .map(([item, set]) => M.notes.gapItem(item, items.get(item) ?? item, [...set]));
    notes.push(M.notes.gaps(gapItems.size, parts, gapItems.size > 8));
  }
  return notes;
}

/** 「H06 适龄妇女宫颈癌人群筛查率：由2个乡镇（共4个）汇总计算；缺少：丙乡、丁镇」 for each ratio pooled over only some units. */
function pooledNotes(indicators: readonly { code: string; name: string }[], evaluation?: Evaluation): string[] {
  if (!evaluation) return [];
  const names = new Map(indicators.map((i) => [i.code, i.name]));
  return evaluation.indicators
    .filter((v) => v.coverage)
    .map((v) => M.notes.pooledItem(v.code, names.get(v.code) ?? v.code, POOL_MSG.coverage(v.coverage!)));
}
