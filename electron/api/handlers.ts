// One handler per contract entry: thin calls into the services. Every door (IPC, loopback, CLI) uses these.
// Each domain keeps its handlers in handlers/<domain>.ts; add a domain by spreading it in here.
import type { AppContext } from '../context/app-context.ts';
import { backupsHandlers } from './handlers/backups.ts';
import { plansHandlers } from './handlers/plans.ts';
import { returnsHandlers } from './handlers/returns.ts';
import { shellHandlers } from './handlers/shell.ts';
import { excelHandlers } from './handlers/excel.ts';
import { mergeHandlers } from './handlers/merge.ts';
import { reportHandlers } from './handlers/report.ts';
import { openDataHandlers } from './handlers/open-data.ts';
import { diagnosticsHandlers } from './handlers/diagnostics.ts';
import type { Handlers } from './handler-types.ts';

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
