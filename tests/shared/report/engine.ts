// The rule engine's evaluation of a stored return, computed in the tests directly (not through the report's
// path): a township on its own cells, a county on its merged values (townships summed, its own county items).
import type { AppContext } from '../../../electron/context/app-context.ts';
import { findReturn } from '../../../electron/db/repos/returns-repo.ts';
import { buildMergedReturn } from '../../../electron/merge/county-aggregate.ts';
import { resolveOffice } from '../../../electron/merge/office.ts';
import { frameworkOf, viewReturn } from '../../../electron/returns/returns-service.ts';
import { evaluateReturn } from '../../../shared/rules/evaluate.ts';
import type { Evaluation } from '../../../shared/rules/result.ts';

export function engineEvaluation(ctx: AppContext, regionCode: string, year: number, planId: string): Evaluation {
  const row = findReturn(ctx.db, regionCode, year, planId)!;
  const framework = frameworkOf(ctx, row);
  if (row.level === 'township') {
    const view = viewReturn(ctx, row);
    return evaluateReturn(framework, view.data, view.history);
  }
  const merged = buildMergedReturn(ctx, resolveOffice(ctx, regionCode, planId), year);
  return evaluateReturn(framework, merged.result.data, merged.history);
}
