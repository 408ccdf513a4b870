// The office that merges: a county (its children are townships) or a city (its children are counties),
// with the plan whose framework its merged return is made under.
import { AppError } from '../../shared/api/envelope.ts';
import type { Region } from '../../shared/api/regions-contract.ts';
import type { Framework } from '../../shared/framework/schema.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { childRegions, getRegion } from '../db/repos/regions-repo.ts';
import { latestVersions } from '../db/repos/frameworks-repo.ts';
import type { AppContext } from '../context/app-context.ts';
import { requireFramework } from '../frameworks/plans-service.ts';
import { requireRegion } from '../frameworks/regions-service.ts';
import { getProfile } from '../settings/settings-service.ts';

const M = MESSAGES.merge;

export interface Office {
  region: Region;
  level: 'county' | 'city';
  planId: string;
  /** the latest framework version of the plan: the merged return is made under it */
  framework: Framework;
}

/**
 * The merging office for a region: the profile's plan when the profile reports for that region, else (a
 * county) the plan made for that county, or (a city) `planId`, or the plan of one of its counties.
 */
export function resolveOffice(ctx: AppContext, regionCode?: string, planId?: string): Office {
  const profile = getProfile(ctx);
  const code = regionCode ?? profile?.regionCode;
  if (!code) throw new AppError('refused', MESSAGES.returns.noProfile);
  const region = requireRegion(ctx, code);
  if (region.level !== 'county' && region.level !== 'city')
    throw new AppError('invalid_request', M.notAnOffice(region.name));
  const level = region.level;
  let plan = planId ?? (profile && profile.regionCode === code && profile.role === level ? profile.planId : undefined);
  if (!plan) {
    const plans = latestVersions(ctx.db).map((v) => requireFramework(ctx, v.planId, v.version));
    const match =
      level === 'county'
        ? plans.find((f) => f.plan.region.code === code)
        : // a city's own plan first, else the plan of one of its counties
          (plans.find((f) => f.plan.region.code === code) ??
          plans.find((f) => getRegion(ctx.db, f.plan.region.code)?.parent === code));
    if (!match) throw new AppError('not_found', M.noPlanFor(region.name));
    plan = match.plan.id;
  }
  return { region, level, planId: plan, framework: requireFramework(ctx, plan) };
}

/** The regions that report to the office: a county's townships, a city's counties. */
export function childrenOf(ctx: AppContext, office: Office): Region[] {
  const want = office.level === 'county' ? 'township' : 'county';
  return childRegions(ctx.db, office.region.code).filter((r) => r.level === want);
}

/** The kind of child an office merges, for messages. */
export const childNoun = (office: Office) => (office.level === 'county' ? M.nouns.township : M.nouns.county);
