// 规划管理: an office without a shipped plan makes its own, by copying a shipped plan (relabelled for its region)
// and setting each target as its plan states it. Every change is a new version; the plan travels to townships
// and departments as a signed framework package (framework-package-service).
import { AppError } from '../../shared/api/envelope.ts';
import {
  copyPlan,
  emptyPlan,
  judgeSample,
  withLocalIndicator,
  withTarget,
  type LocalIndicatorInput,
  type TargetInput,
} from '../../shared/framework/author.ts';
import type { Framework } from '../../shared/framework/schema.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { VERDICT_LABEL } from '../../shared/rules/messages.ts';
import { getFrameworkVersion, insertFrameworkVersion } from '../db/repos/frameworks-repo.ts';
import { loadCatalogue, listBundledPlanIds } from '../frameworks/bundled.ts';
import { join } from 'node:path';
import { isoNow, type AppContext } from '../context/app-context.ts';
import { requireFramework } from '../frameworks/plans-service.ts';
import { requireRegion } from '../frameworks/regions-service.ts';
import { getProfile, setProfile } from '../settings/settings-service.ts';

const M = MESSAGES.planAuthor;

/** copyFrom: a shipped (or local) plan to copy; absent: start from the bare shared catalogue */
export interface NewPlanInput {
  id: string;
  regionCode: string;
  name: string;
  start: number;
  end: number;
  baselineYear: number;
  copyFrom?: string;
}

const catalogue = (ctx: AppContext) => loadCatalogue(join(ctx.paths.resourcesDir, 'frameworks'));
const isShipped = (ctx: AppContext, planId: string) =>
  listBundledPlanIds(join(ctx.paths.resourcesDir, 'frameworks')).includes(planId);

/** The office may author for its own region only (a computer without a profile becomes that office). */
function requireOffice(ctx: AppContext, regionCode: string) {
  const profile = getProfile(ctx);
  if (profile && (profile.regionCode !== regionCode || (profile.role !== 'county' && profile.role !== 'city'))) {
    throw new AppError('refused', M.notOwnOffice(requireRegion(ctx, profile.regionCode).name));
  }
  return profile;
}

export function newPlan(ctx: AppContext, input: NewPlanInput) {
  if (!/^[a-z]+$/.test(input.id)) throw new AppError('invalid_request', M.badId, [{ path: 'id', message: M.badId }]);
  if (getFrameworkVersion(ctx.db, input.id) || isShipped(ctx, input.id))
    throw new AppError('conflict', M.idTaken(input.id), [{ path: 'id', message: M.idTaken(input.id) }]);
  if (!(input.baselineYear <= input.start && input.start <= input.end))
    throw new AppError('invalid_request', M.period(input.start, input.end, input.baselineYear));
  const region = requireRegion(ctx, input.regionCode);
  if (region.level !== 'county' && region.level !== 'city')
    throw new AppError('invalid_request', M.regionLevel(region.name), [
      { path: 'regionCode', message: M.regionLevel(region.name) },
    ]);
  const profile = requireOffice(ctx, region.code);
  const parent = region.parent ? requireRegion(ctx, region.parent) : null;
  const grand = parent?.parent ? requireRegion(ctx, parent.parent) : null;
  const fullName = [grand?.name, parent?.name, region.name].filter(Boolean).join('');
  const label = {
    id: input.id,
    name: input.name.trim(),
    region: { code: region.code, name: region.name, fullName },
    start: input.start,
    end: input.end,
    baselineYear: input.baselineYear,
  };
  const framework = input.copyFrom ? copyPlan(requireFramework(ctx, input.copyFrom), label) : emptyPlan(label);
  ctx.db.transaction(() => {
    insertFrameworkVersion(ctx.db, framework, 'imported', isoNow(ctx));
    // the office now reports under its own plan
    setProfile(ctx, {
      planId: framework.plan.id,
      role: region.level === 'city' ? 'city' : 'county',
      regionCode: region.code,
      userName: profile?.userName ?? '',
    });
  })();
  return {
    planId: framework.plan.id,
    version: framework.version,
    message: (input.copyFrom ? M.created : M.createdFromCatalogue)(framework.plan.name, framework.plan.id),
  };
}

const sampleText = (framework: Framework, targetId: string, sample: number | undefined) => {
  if (sample === undefined) return null;
  try {
    const r = judgeSample(framework, targetId, sample);
    return { status: r.status, message: M.sample(sample, VERDICT_LABEL[r.status], r.message) };
  } catch (error) {
    return { status: null, message: (error as Error).message };
  }
};

/** Sets (adds or changes) or removes one target of an authored plan; a new version, checked before it is stored. */
/** The framework with one target added, changed or removed; a contradictory rule is the user's request refused. */
function applyTarget(ctx: AppContext, current: Framework, input: TargetInput | { remove: string }) {
  try {
    return withTarget(current, catalogue(ctx), input);
  } catch (error) {
    throw new AppError('invalid_request', (error as Error).message);
  }
}

export function setPlanTarget(
  ctx: AppContext,
  planId: string,
  input: TargetInput | { remove: string },
  sample?: number,
) {
  const current = requireFramework(ctx, planId);
  if (isShipped(ctx, planId)) throw new AppError('refused', M.notAuthored(current.plan.name));
  requireOffice(ctx, current.plan.region.code);
  const { framework: next, targetId } = applyTarget(ctx, current, input);
  ctx.db.transaction(() => insertFrameworkVersion(ctx.db, next, 'imported', isoNow(ctx)))();
  return {
    version: next.version,
    targetId,
    message: M.saved(next.version),
    sample: 'remove' in input ? null : sampleText(next, targetId, sample),
  };
}

/** Declares (or redefines) one of the plan's own indicators with a local code, and the data items it needs. */
export function declareLocalIndicator(ctx: AppContext, planId: string, input: LocalIndicatorInput) {
  const current = requireFramework(ctx, planId);
  if (isShipped(ctx, planId)) throw new AppError('refused', M.notAuthored(current.plan.name));
  requireOffice(ctx, current.plan.region.code);
  let next: Framework;
  try {
    next = withLocalIndicator(current, catalogue(ctx), input);
  } catch (error) {
    throw new AppError('invalid_request', (error as Error).message);
  }
  ctx.db.transaction(() => insertFrameworkVersion(ctx.db, next, 'imported', isoNow(ctx)))();
  return { version: next.version, message: M.localSaved(input.indicator.code, next.version) };
}

/** Every indicator of the shared catalogue, area by area (a target can be added for any of them), and a plan's local ones. */
export function catalogueIndicators(ctx: AppContext, planId?: string) {
  const shared = catalogue(ctx).flatMap((c) => c.indicators);
  const local = planId ? (requireFramework(ctx, planId).local?.indicators ?? []) : [];
  return [...shared, ...local];
}

/** Every data item of the shared catalogue, and a plan's local ones (the names of numerators and denominators). */
export function catalogueDataItems(ctx: AppContext, planId?: string) {
  const shared = catalogue(ctx).flatMap((c) => c.dataItems);
  const local = planId ? (requireFramework(ctx, planId).local?.dataItems ?? []) : [];
  return [...shared, ...local];
}

/** How a sample value would be judged under a target of a plan (nothing stored). */
export function previewTarget(ctx: AppContext, planId: string, input: TargetInput, sample: number) {
  const { framework: next, targetId } = applyTarget(ctx, requireFramework(ctx, planId), input);
  return sampleText(next, targetId, sample)!;
}
