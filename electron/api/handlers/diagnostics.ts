import type { AppContext } from '../../context/app-context.ts';
import { exportDiagnostics } from '../../diagnostics/diagnostics-service.ts';
import type { DomainHandlers } from '../handler-types.ts';

export const diagnosticsHandlers = (ctx: AppContext): DomainHandlers<'diagnostics'> => ({
  'diagnostics:export': async () => {
    const path = await exportDiagnostics(ctx);
    return { saved: path !== null, path };
  },
});
