import { headlineFrom } from '../../../shared/report/headline.ts';
import type { AppContext } from '../../context/app-context.ts';
import { annualReport, evaluationReport, returnForm } from '../../report/report-service.ts';
import type { DomainHandlers } from '../handler-types.ts';

export const reportHandlers = (ctx: AppContext): DomainHandlers<'report'> => ({
  'report:return-form': ({ regionCode, year, planId, withPrevious }) =>
    returnForm(ctx, { regionCode, year, planId, withPrevious }),
  'report:annual': ({ regionCode, year, planId, fonts }) => {
    const { model, ...printable } = annualReport(ctx, { regionCode, year, planId }, fonts);
    return { ...printable, headline: headlineFrom(model.counts) };
  },
  'report:evaluation': ({ regionCode, kind, year, planId, fonts }) => {
    const { model, ...report } = evaluationReport(ctx, { regionCode, kind, year, planId }, fonts);
    return { ...report, headline: headlineFrom(model.counts) };
  },
});
