import { AppError } from '../../shared/api/envelope.ts';
import type { PlanSummary } from '../../shared/api/plans-contract.ts';
import { FrameworkSchema, type Framework } from '../../shared/framework/schema.ts';
import {
  getFrameworkVersion,
  insertFrameworkVersion,
  latestVersions,
  listFrameworkVersions,
  storedReleases,
} from '../db/repos/frameworks-repo.ts';
import { bundledPlanVersions, loadBundledFramework, loadCatalogue } from './bundled.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { join } from 'node:path';
import { isoNow, type AppContext } from '../context/app-context.ts';

/**
 * Loads the shipped frameworks: a plan not yet in the database, or shipped in a newer release than its stored
 * versions are built on, is added as a new version (after any local one, so numbers never clash). Older
 * versions stay, so values entered under them keep their meaning (nothing is re-mapped). A county's local
 * adjustments are carried into the new version where the plan's own target is unchanged.
 */
export function loadShippedFrameworks(ctx: AppContext): void {
  const dir = join(ctx.paths.resourcesDir, 'frameworks');
  let frameworks: Framework[];
  try {
    // Only plans shipped in a release the database lacks are assembled and validated: start-up stays cheap.
    const releases = storedReleases(ctx.db);
    const newer = bundledPlanVersions(dir).filter((p) => (releases.get(p.planId) ?? 0) < p.version);
    if (newer.length === 0) return;
    const catalogue = loadCatalogue(dir);
    const latest = new Map(latestVersions(ctx.db).map((v) => [v.planId, v.version]));
    frameworks = newer.map((p) => {
      const shipped = loadBundledFramework(dir, p.planId, catalogue);
      const stored = latest.has(p.planId) ? getFrameworkVersion(ctx.db, p.planId)!.framework : null;
      return stored ? carryAdjustments(shipped, stored) : shipped;
    });
  } catch (error) {
    ctx.startupWarnings.push(MESSAGES.framework.shippedUnloadable((error as Error).message));
    return;
  }
  ctx.db.transaction(() => {
    for (const framework of frameworks) insertFrameworkVersion(ctx.db, framework, 'bundled', isoNow(ctx));
  })();
}

/**
 * The new release numbered after the stored versions, with the stored version's local adjustments re-applied
 * to the targets whose plan rule the release left as it was (a changed plan target drops the adjustment: the
 * plan's new word wins, and the county can adjust again).
 */
function carryAdjustments(shipped: Framework, stored: Framework): Framework {
  const next = structuredClone(shipped);
  next.version = Math.max(shipped.version, stored.version + 1);
  const adjusted = new Map(
    stored.areas
      .flatMap((a) => a.targets)
      .filter((t) => t.adjustment)
      .map((t) => [t.id, t]),
  );
  for (const target of next.areas.flatMap((a) => a.targets)) {
    const local = adjusted.get(target.id);
    if (local?.adjustment && JSON.stringify(local.adjustment.previous) === JSON.stringify(target.rule)) {
      target.rule = local.rule;
      target.adjustment = local.adjustment;
    }
  }
  return FrameworkSchema.parse(next);
}

export function requireFramework(ctx: AppContext, planId: string, version?: number): Framework {
  const row = getFrameworkVersion(ctx.db, planId, version);
  if (!row)
    throw new AppError(
      'not_found',
      version ? MESSAGES.framework.noVersion(planId, version) : MESSAGES.framework.noPlan(planId),
    );
  return row.framework;
}

export function listPlans(ctx: AppContext): PlanSummary[] {
  return latestVersions(ctx.db).map(({ planId, version }) => {
    const row = getFrameworkVersion(ctx.db, planId, version)!;
    const fw = row.framework;
    return {
      plan: fw.plan,
      version,
      origin: row.origin,
      objectives: fw.areas.reduce((n, a) => n + a.objectives.length, 0),
      targets: fw.areas.reduce((n, a) => n + a.targets.length, 0),
      indicators: fw.indicators.length,
      dataItems: fw.dataItems.length,
    };
  });
}

/** Data items and indicators that earlier versions had and this one dropped: shown as retired, never deleted. */
export function retiredItems(ctx: AppContext, framework: Framework) {
  const current = new Set([...framework.dataItems.map((d) => d.code), ...framework.indicators.map((i) => i.code)]);
  const retired = new Map<
    string,
    { code: string; name: string; kind: 'data_item' | 'indicator'; sinceVersion: number }
  >();
  for (const row of listFrameworkVersions(ctx.db, framework.plan.id)) {
    if (row.version >= framework.version) continue;
    for (const d of row.framework.dataItems)
      if (!current.has(d.code))
        retired.set(d.code, { code: d.code, name: d.name, kind: 'data_item', sinceVersion: framework.version });
    for (const i of row.framework.indicators)
      if (!current.has(i.code))
        retired.set(i.code, { code: i.code, name: i.name, kind: 'indicator', sinceVersion: framework.version });
  }
  return [...retired.values()];
}
