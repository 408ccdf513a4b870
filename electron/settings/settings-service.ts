import { AppError } from '../../shared/api/envelope.ts';
import { ProfileSchema, type Profile } from '../../shared/api/settings-contract.ts';
import { getSetting, setSetting } from '../db/repos/settings-repo.ts';
import type { AppContext } from '../context/app-context.ts';
import { requireFramework } from '../frameworks/plans-service.ts';
import { requireRegion } from '../frameworks/regions-service.ts';
import { departmentsOf } from '../../shared/aggregation/department.ts';
import { MESSAGES } from '../../shared/messages.ts';

export function getProfile(ctx: AppContext): Profile | null {
  const raw = getSetting(ctx.db, 'profile');
  if (!raw) return null;
  const parsed = ProfileSchema.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : null;
}

/** The region a role reports for must belong to the plan's county: its townships, the county, or its city. */
export function setProfile(ctx: AppContext, profile: Profile): Profile {
  const framework = requireFramework(ctx, profile.planId);
  const region = requireRegion(ctx, profile.regionCode);
  const county = framework.plan.region.code;
  const countyRow = requireRegion(ctx, county);
  const fits =
    profile.role === 'township'
      ? region.level === 'township' && region.parent === county
      : profile.role === 'county' || profile.role === 'department'
        ? region.code === county
        : region.code === countyRow.parent || (countyRow.level === 'city' && region.code === county);
  if (!fits) {
    const A = MESSAGES.app;
    const expected =
      profile.role === 'township'
        ? A.expectedTownship(framework.plan.region.name)
        : profile.role === 'county'
          ? framework.plan.region.name
          : A.expectedCity(framework.plan.region.name);
    throw new AppError('invalid_request', A.wrongRegion(region.name, expected), [
      { path: 'regionCode', message: A.wrongRegionShort },
    ]);
  }
  if (profile.role === 'department' && !departmentsOf(framework).some((d) => d.department === profile.department)) {
    const message = MESSAGES.merge.noSuchDepartment(profile.department ?? '');
    throw new AppError('invalid_request', message, [{ path: 'department', message }]);
  }
  if (profile.role !== 'department' && profile.department !== undefined)
    profile = {
      planId: profile.planId,
      role: profile.role,
      regionCode: profile.regionCode,
      userName: profile.userName,
    };
  setSetting(ctx.db, 'profile', JSON.stringify(profile));
  return profile;
}

/** Who is working, for the audit trail and the forms (填表人): the profile's user, or the unsigned word before set-up. */
export const userName = (ctx: AppContext) => getProfile(ctx)?.userName || MESSAGES.returns.unknownUser;
