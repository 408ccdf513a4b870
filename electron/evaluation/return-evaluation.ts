// A stored return as the rule engine judges it: the one calculation path for entry status, Excel export and
// printed reports. A township return is judged on its own cells; a county's (or city's) own return is judged
// on its merged values: township items summed from the townships' current returns, county items from the
// departments or the office's own entries (see electron/merge), with the merged earlier years as history.
import { AppError } from '../../shared/api/envelope.ts';
import type { ReturnSummary } from '../../shared/api/returns-contract.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { cellKey, type SettableStatus } from '../../shared/returns/schema.ts';
import { evaluateReturn } from '../../shared/rules/evaluate.ts';
import { describeAlert, unexplainedAlerts } from '../../shared/returns/blockers.ts';
import { hasAlert, type Evaluation } from '../../shared/rules/result.ts';
import { appendAudit } from '../db/repos/audit-repo.ts';
import { footerOf, putFooter, setReturnStatus, type ReturnRow } from '../db/repos/returns-repo.ts';
import { localDate } from '../../shared/returns/dates.ts';
import { buildMergedReturn, mergedHistory } from '../merge/county-aggregate.ts';
import { resolveOffice } from '../merge/office.ts';
import { isoNow, type AppContext } from '../context/app-context.ts';
import { getProfile } from '../settings/settings-service.ts';
import { departmentScope, scopedData } from '../settings/department-scope.ts';
import { frameworkOf, requireReturn, summarize, viewReturn } from '../returns/returns-service.ts';
import { userName } from '../settings/settings-service.ts';
import { latestReceipt } from '../db/repos/receipts-repo.ts';

const M = MESSAGES.returns;

export function evaluateStored(ctx: AppContext, row: ReturnRow) {
  const view = viewReturn(ctx, row);
  // A county department is judged on its own items only (its scope): nothing to merge there, and nothing
  // outside its scope (another department's item, a township sum) can raise an issue or a 预警 it must explain.
  const scope = departmentScope(ctx, row.regionCode, frameworkOf(ctx, row));
  if (scope) {
    const data = scopedData(scope, view.data);
    const history = view.history.map((h) => scopedData(scope, h));
    return { view: { ...view, data, history }, evaluation: evaluateReturn(scope.framework, data, history) };
  }
  if (row.level === 'township' || getProfile(ctx)?.role === 'department')
    return { view, evaluation: evaluateReturn(frameworkOf(ctx, row), view.data, view.history) };
  const merged = buildMergedReturn(ctx, resolveOffice(ctx, row.regionCode, row.planId), row.year);
  return { view: { ...view, data: merged.result.data, history: merged.history }, evaluation: merged.evaluation };
}

/** A return as the entry screen opens it: a county's earlier years are its merged returns (上年, trends). */
export function entryView(ctx: AppContext, row: ReturnRow) {
  const view = viewReturn(ctx, row);
  if (row.level === 'township' || getProfile(ctx)?.role === 'department') return view;
  return { ...view, history: mergedHistory(ctx, resolveOffice(ctx, row.regionCode, row.planId), row.year) };
}

/** 预警 that need an explanation before submission: targets hard to meet or volatile. */
export function warningKeys(evaluation: Evaluation): string[] {
  return evaluation.targets.filter(hasAlert).map((t) => t.targetId);
}

/**
 * 已校验 needs no errors and no unconfirmed prefilled cells; 已报送 also needs every warning explained, each
 * refused one named by area and indicator, and sets the footer's 报出日期 to today unless the user set one before
 * (it can be corrected until submission). A submitted return goes back to 草稿 only with a reason (audited).
 */
export function setStatus(ctx: AppContext, returnId: number, status: SettableStatus, reason?: string): ReturnSummary {
  const row = requireReturn(ctx, returnId);
  const why = reason?.trim() ?? '';
  // 审核通过 (from the office's receipt) locks the version the office accepted: only the office can send it back
  if (row.status === 'accepted')
    throw new AppError('refused', M.acceptedLocked(latestReceipt(ctx.db, returnId)?.office ?? M.office));
  if (status === 'draft' && row.status === 'submitted' && !why)
    throw new AppError('refused', M.reopenNeedsReason, [{ path: 'reason', message: M.reopenNeedsReason }]);
  if (status !== 'draft') {
    const { view, evaluation } = evaluateStored(ctx, row);
    const errors = evaluation.issues.filter((i) => i.severity === 'error');
    if (errors.length > 0)
      throw new AppError(
        'refused',
        M.hasErrors(errors.length),
        errors.slice(0, 50).map((e) => ({ path: cellKey(e.item, e.sex), message: e.message })),
      );
    if (view.summary.prefilledCells > 0) throw new AppError('refused', M.hasPrefilled(view.summary.prefilledCells));
    if (status === 'submitted') {
      const missing = unexplainedAlerts(evaluation, view.explanations);
      if (missing.length > 0) {
        const framework = frameworkOf(ctx, row);
        throw new AppError(
          'refused',
          M.unexplained(missing.length),
          missing.map((t) => ({ path: t.targetId, message: `${describeAlert(framework, t)}：${M.needsExplanation}` })),
        );
      }
    }
  }
  const at = isoNow(ctx);
  ctx.db.transaction(() => {
    setReturnStatus(ctx.db, returnId, status, at);
    appendAudit(ctx.db, returnId, {
      at,
      userName: userName(ctx),
      field: 'status',
      oldValue: row.status,
      newValue: status,
    });
    const footer = footerOf(ctx.db, returnId);
    if (status === 'submitted' && !footer.reportedOn) {
      const today = localDate(ctx.now().toISOString());
      putFooter(ctx.db, returnId, { ...footer, reportedOn: today });
      appendAudit(ctx.db, returnId, {
        at,
        userName: userName(ctx),
        field: 'footer:reportedOn',
        oldValue: null,
        newValue: today,
      });
    }
    if (status === 'draft' && row.status !== 'draft' && why)
      appendAudit(ctx.db, returnId, {
        at,
        userName: userName(ctx),
        field: 'status-reason',
        oldValue: null,
        newValue: why,
      });
  })();
  return summarize(ctx, requireReturn(ctx, returnId));
}
