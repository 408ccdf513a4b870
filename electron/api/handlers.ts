// One handler per contract entry: thin calls into the services. Every door (IPC, loopback, CLI) uses these.
// Each domain keeps its handlers in handlers/<domain>.ts; add a domain by spreading it in here.
import type { Channel, Output, ParsedInput } from '../../shared/api/contract.ts';
import type { AppContext } from '../services/context.ts';
import { backupsHandlers } from './handlers/backups.ts';
import { plansHandlers } from './handlers/plans.ts';
import { returnsHandlers } from './handlers/returns.ts';
import { shellHandlers } from './handlers/shell.ts';
import { excelHandlers } from './handlers/excel.ts';
import { mergeHandlers } from './handlers/merge.ts';
import { reportHandlers } from './handlers/report.ts';
import { openDataHandlers } from './handlers/open-data.ts';
import { diagnosticsHandlers } from './handlers/diagnostics.ts';

export type Handler<C extends Channel> = (input: ParsedInput<C>) => Output<C> | Promise<Output<C>>;
export type Handlers = { [C in Channel]: Handler<C> };
/** The handlers of the channels whose names start with a prefix. */
export type DomainHandlers<P extends string> = { [C in Channel as C extends `${P}:${string}` ? C : never]: Handler<C> };

export function createHandlers(ctx: AppContext): Handlers {
  return {
    ...plansHandlers(ctx),
    ...returnsHandlers(ctx),
    ...backupsHandlers(ctx),
    ...shellHandlers(ctx),
    ...excelHandlers(ctx),
    ...mergeHandlers(ctx),
    ...reportHandlers(ctx),
    ...openDataHandlers(ctx),
    ...diagnosticsHandlers(ctx),
  };
}
