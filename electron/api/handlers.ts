// One handler per contract entry: thin calls into the services. Every door (IPC, loopback, CLI) uses these.
// Each domain keeps its handlers in handlers/<domain>.ts; add a domain to HANDLER_DOMAINS with the channel prefixes it
// answers. A domain's module (and the services under it) is loaded at the first call of one of its channels, so a
// command line call loads only what it uses: `wdp merge` never loads the report renderer or the plan author.
import { CHANNELS, type Channel } from '../../shared/api/contract.ts';
import type { AppContext } from '../context/app-context.ts';
import type { Handlers } from './handler-types.ts';

type Make = (ctx: AppContext) => Partial<Handlers>;
interface Domain {
  prefixes: readonly string[];
  load: () => Promise<Make>;
}

export const HANDLER_DOMAINS: readonly Domain[] = [
  { prefixes: ['settings', 'plans', 'regions'], load: async () => (await import('./handlers/plans.ts')).plansHandlers },
  { prefixes: ['returns'], load: async () => (await import('./handlers/returns.ts')).returnsHandlers },
  { prefixes: ['backups'], load: async () => (await import('./handlers/backups.ts')).backupsHandlers },
  { prefixes: ['shell'], load: async () => (await import('./handlers/shell.ts')).shellHandlers },
  { prefixes: ['excel'], load: async () => (await import('./handlers/excel.ts')).excelHandlers },
  { prefixes: ['merge'], load: async () => (await import('./handlers/merge.ts')).mergeHandlers },
  { prefixes: ['report'], load: async () => (await import('./handlers/report.ts')).reportHandlers },
  { prefixes: ['open-data'], load: async () => (await import('./handlers/open-data.ts')).openDataHandlers },
  { prefixes: ['diagnostics'], load: async () => (await import('./handlers/diagnostics.ts')).diagnosticsHandlers },
];

/** Every channel has its domain's handler: checked when compiling (the modules are only named, not loaded). */
type Declared = ReturnType<
  | typeof import('./handlers/plans.ts').plansHandlers
  | typeof import('./handlers/returns.ts').returnsHandlers
  | typeof import('./handlers/backups.ts').backupsHandlers
  | typeof import('./handlers/shell.ts').shellHandlers
  | typeof import('./handlers/excel.ts').excelHandlers
  | typeof import('./handlers/merge.ts').mergeHandlers
  | typeof import('./handlers/report.ts').reportHandlers
  | typeof import('./handlers/open-data.ts').openDataHandlers
  | typeof import('./handlers/diagnostics.ts').diagnosticsHandlers
>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const EVERY_CHANNEL_HANDLED: Same<keyof UnionToIntersection<Declared>, Channel> = true;
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

const domainOf = (channel: Channel): Domain => {
  const prefix = channel.slice(0, channel.indexOf(':'));
  const domain = HANDLER_DOMAINS.find((d) => d.prefixes.includes(prefix));
  if (!domain) throw new Error(`no handlers for ${channel}`); // a programming error, caught by the contract test
  return domain;
};

export function createHandlers(ctx: AppContext): Handlers {
  const made = new Map<Domain, Promise<Partial<Handlers>>>();
  const handlers: Partial<Record<Channel, (input: unknown) => Promise<unknown>>> = {};
  for (const channel of CHANNELS) {
    const domain = domainOf(channel);
    handlers[channel] = async (input) => {
      let domainHandlers = made.get(domain);
      if (!domainHandlers) {
        domainHandlers = domain.load().then((make) => make(ctx));
        made.set(domain, domainHandlers);
      }
      const handler = (await domainHandlers)[channel] as (input: unknown) => unknown;
      return handler(input);
    };
  }
  return handlers as unknown as Handlers;
}
