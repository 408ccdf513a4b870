import type { AppContext } from '../../services/context.ts';
import { annualReport, evaluationReport, returnForm } from '../../services/report-service.ts';
import type { DomainHandlers } from '../handlers.ts';

export const reportHandlers = (ctx: AppContext): DomainHandlers<'report'> => ({
  'report:return-form': ({ regionCode, year, planId, withPrevious }) => returnForm(ctx, { regionCode, year, planId, withPrevious }),
  'report:annual': ({ regionCode, year, planId }) => {
    const { model: _model, ...printable } = annualReport(ctx, { regionCode, year, planId });
    return printable;
  },
  'report:evaluation': ({ regionCode, kind, year, planId }) => {
    const { model: _model, ...report } = evaluationReport(ctx, { regionCode, kind, year, planId });
    return report;
  },
});
