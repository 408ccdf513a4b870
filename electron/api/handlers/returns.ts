import type { AppContext } from '../../context/app-context.ts';
import {
  confirmPrefilledCells,
  listReturnSummaries,
  openReturn,
  requireReturn,
  returnAudit,
  setCells,
  setExplanation,
  setQualitative,
  setFooter,
  setThreshold,
} from '../../returns/returns-service.ts';
import type { DomainHandlers } from '../handler-types.ts';
import { headlineOf } from '../../../shared/report/headline.ts';
import { entryView, evaluateStored, setStatus } from '../../evaluation/return-evaluation.ts';
import { importReturned } from '../../replies/returned-service.ts';
import { importReceipt } from '../../replies/receipt-service.ts';

export const returnsHandlers = (ctx: AppContext): DomainHandlers<'returns'> => ({
  'returns:list': ({ regionCode }) => listReturnSummaries(ctx, regionCode),
  'returns:open': ({ regionCode, year, prefillFromPreviousYear }) =>
    entryView(ctx, requireReturn(ctx, openReturn(ctx, regionCode, year, prefillFromPreviousYear).summary.id)),
  'returns:get': ({ returnId }) => entryView(ctx, requireReturn(ctx, returnId)),
  // judged as the report and the merge page judge it (a county on its merged values)
  'returns:headline': ({ returnId }) => headlineOf(evaluateStored(ctx, requireReturn(ctx, returnId)).evaluation.total),
  'returns:set-cells': ({ returnId, edits }) => setCells(ctx, returnId, edits),
  'returns:confirm-prefilled': ({ returnId }) => confirmPrefilledCells(ctx, returnId),
  'returns:set-qualitative': ({ returnId, indicator, choice, note }) =>
    setQualitative(ctx, returnId, indicator, choice, note),
  'returns:set-threshold': ({ returnId, targetId, value }) => setThreshold(ctx, returnId, targetId, value),
  'returns:set-explanation': ({ returnId, key, text }) => setExplanation(ctx, returnId, key, text),
  'returns:set-footer': ({ returnId, footer }) => setFooter(ctx, returnId, footer),
  'returns:import-returned': ({ fileName, bytesBase64 }) =>
    importReturned(ctx, Buffer.from(bytesBase64, 'base64'), fileName),
  'returns:import-receipt': ({ fileName, bytesBase64 }) =>
    importReceipt(ctx, Buffer.from(bytesBase64, 'base64'), fileName),
  'returns:set-status': ({ returnId, status, reason }) => setStatus(ctx, returnId, status, reason),
  'returns:audit': ({ returnId, limit }) => returnAudit(ctx, returnId, limit),
});
