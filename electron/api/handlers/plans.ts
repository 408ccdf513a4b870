import type { AppContext } from '../../context/app-context.ts';
import { listPlans, requireFramework, retiredItems } from '../../frameworks/plans-service.ts';
import { listChildRegions, regionWithPath } from '../../frameworks/regions-service.ts';
import { getProfile, setProfile } from '../../settings/settings-service.ts';
import type { DomainHandlers } from '../handler-types.ts';
import {
  catalogueDataItems,
  catalogueIndicators,
  declareLocalIndicator,
  newPlan,
  previewTarget,
  setPlanTarget,
} from '../../plans/plan-author-service.ts';
import { adjustTarget } from '../../plans/framework-adjust-service.ts';
import { exportFrameworkPackage, importFrameworkPackage, signingInfo } from '../../plans/framework-package-service.ts';

export const plansHandlers = (ctx: AppContext): DomainHandlers<'settings' | 'plans' | 'regions'> => ({
  'settings:get-profile': () => getProfile(ctx),
  'settings:set-profile': (profile) => setProfile(ctx, profile),
  'plans:list': () => listPlans(ctx),
  'plans:get-framework': ({ planId, version }) => {
    const framework = requireFramework(ctx, planId, version);
    return { framework, retired: retiredItems(ctx, framework) };
  },
  'plans:adjust-target': ({ planId, targetId, value, tolerance, band, note }) =>
    adjustTarget(ctx, planId, targetId, { value, tolerance, band }, note),
  'plans:export-package': ({ planId }) => exportFrameworkPackage(ctx, planId),
  'plans:import-package': ({ fileName, bytesBase64, repin }) =>
    importFrameworkPackage(ctx, fileName, Buffer.from(bytesBase64, 'base64'), { repin }),
  'plans:new': (input) => newPlan(ctx, input),
  'plans:set-target': ({ planId, target, sample }) => setPlanTarget(ctx, planId, target, sample),
  'plans:catalogue': ({ planId }) => catalogueIndicators(ctx, planId),
  'plans:catalogue-items': ({ planId }) => catalogueDataItems(ctx, planId),
  'plans:declare-local': ({ planId, indicator, dataItems }) =>
    declareLocalIndicator(ctx, planId, { indicator, dataItems }),
  'plans:preview-target': ({ planId, target, sample }) => previewTarget(ctx, planId, target, sample),
  'plans:signing-info': ({ planId }) => signingInfo(ctx, planId),
  'regions:get': ({ code }) => regionWithPath(ctx, code),
  'regions:children': ({ code }) => listChildRegions(ctx, code),
});
