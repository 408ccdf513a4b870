// A county adjusts a numeric target of its plan locally (e.g. a higher bar agreed by the 妇儿工委). The change
// is a new framework version: returns entered under the old version keep it, and the version travels to the
// townships as a framework package. The plan's own rule is kept with the adjustment.
import { AppError } from '../../shared/api/envelope.ts';
import { checkFramework } from '../../shared/framework/assemble.ts';
import { FrameworkSchema, type TargetRule } from '../../shared/framework/schema.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { insertFrameworkVersion } from '../db/repos/frameworks-repo.ts';
import { isoNow, type AppContext } from '../context/app-context.ts';
import { requireFramework } from '../frameworks/plans-service.ts';
import { getProfile } from '../settings/settings-service.ts';

const M = MESSAGES.frameworkAdjust;

/** What a county may change: the value of a bound or 左右 target, the tolerances the plans leave to convention. */
export interface TargetChange {
  value?: number;
  /** 左右 tolerance, or the 保持稳定 margin */
  tolerance?: number;
  /** the balanced band of the female share (%) */
  band?: { low: number; high: number };
}

function adjustedRule(rule: TargetRule, change: TargetChange): TargetRule {
  const { value, tolerance, band } = change;
  switch (rule.kind) {
    case 'at_least':
    case 'at_most':
      if (value === undefined) throw new AppError('invalid_request', M.needValue);
      return { ...rule, value };
    case 'about': {
      const v = value ?? rule.value;
      const t = tolerance ?? (value === undefined ? rule.tolerance : Math.max(0.1, Math.round(v * 0.05 * 10) / 10));
      if (!(t > 0)) throw new AppError('invalid_request', M.needTolerance);
      return { ...rule, value: v, tolerance: t };
    }
    case 'balanced':
      if (!band) throw new AppError('invalid_request', M.needBand);
      return { ...rule, low: band.low, high: band.high };
    case 'trend':
      if (rule.direction !== 'stable' || tolerance === undefined) throw new AppError('refused', M.notNumeric);
      return { ...rule, stableTolerance: tolerance };
    default:
      throw new AppError('refused', M.notNumeric);
  }
}

export function adjustTarget(
  ctx: AppContext,
  planId: string,
  targetId: string,
  change: number | TargetChange,
  note: string,
) {
  const profile = getProfile(ctx);
  if (!profile || profile.planId !== planId || (profile.role !== 'county' && profile.role !== 'city'))
    throw new AppError('refused', M.countyOnly);
  const current = requireFramework(ctx, planId);
  const next = structuredClone(current);
  const target = next.areas.flatMap((a) => a.targets).find((t) => t.id === targetId);
  if (!target) throw new AppError('not_found', M.noTarget(targetId));
  const at = isoNow(ctx);
  const version = current.version + 1;
  const original = target.adjustment?.previous ?? target.rule;
  target.rule = adjustedRule(target.rule, typeof change === 'number' ? { value: change } : change);
  target.adjustment = { previous: original, note: note.trim(), at, version };
  next.version = version;
  const framework = FrameworkSchema.parse(next);
  const problems = checkFramework(framework);
  if (problems.length > 0) throw new AppError('invalid_request', problems.join('；'));
  ctx.db.transaction(() => insertFrameworkVersion(ctx.db, framework, 'imported', at))();
  return { version };
}
