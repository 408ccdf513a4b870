// One handler per contract entry: thin calls into the services. Every door (IPC, loopback, CLI) uses these.
import type { Channel, Output, ParsedInput } from '../../shared/api/contract.ts';
import type { AppContext } from '../services/context.ts';
import { listPlans, requireFramework, retiredItems } from '../services/plans-service.ts';
import { listChildRegions, regionWithPath } from '../services/regions-service.ts';
import { getProfile, setProfile } from '../services/settings-service.ts';

export type Handler<C extends Channel> = (input: ParsedInput<C>) => Output<C> | Promise<Output<C>>;
export type Handlers = { [C in Channel]: Handler<C> };

export function createHandlers(ctx: AppContext): Handlers {
  return {
    'settings:get-profile': () => getProfile(ctx),
    'settings:set-profile': (profile) => setProfile(ctx, profile),
    'plans:list': () => listPlans(ctx),
    'plans:get-framework': ({ planId, version }) => {
      const framework = requireFramework(ctx, planId, version);
      return { framework, retired: retiredItems(ctx, framework) };
    },
    'regions:get': ({ code }) => regionWithPath(ctx, code),
    'regions:children': ({ code }) => listChildRegions(ctx, code),
  };
}
