// Entry: opening returns, saving cells (one transaction per user action, audited), status changes.
import { AppError } from '../../shared/api/envelope.ts';
import type { CellEdit, ReturnSummary, ReturnView } from '../../shared/api/returns-contract.ts';
import type { Framework } from '../../shared/framework/schema.ts';
import { cellKey, type Cell, type QualitativeChoice, type ReturnData } from '../../shared/returns/schema.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { appendAudit, auditOf } from '../db/repos/audit-repo.ts';
import {
  cellsOf, confirmPrefilled, explanationsOf, findReturn, getCell, getQualitative, getReturn, historyOf, insertReturn,
  listReturns, putCell, putExplanation, putQualitative, putThreshold, qualitativeOf, thresholdsOf, touchReturn,
  type ReturnRow,
} from '../db/repos/returns-repo.ts';
import { isoNow, type AppContext } from './context.ts';
import { requireFramework } from './plans-service.ts';
import { requireRegion } from './regions-service.ts';
import { getProfile } from './settings-service.ts';

const M = MESSAGES.returns;

export function requireReturn(ctx: AppContext, id: number): ReturnRow {
  const row = getReturn(ctx.db, id);
  if (!row) throw new AppError('not_found', M.notFound(id));
  return row;
}

export const userName = (ctx: AppContext) => getProfile(ctx)?.userName || M.unknownUser;

export function returnData(ctx: AppContext, row: ReturnRow): ReturnData {
  return {
    planId: row.planId, frameworkVersion: row.frameworkVersion, regionCode: row.regionCode, level: row.level, year: row.year,
    cells: cellsOf(ctx.db, row.id), qualitative: qualitativeOf(ctx.db, row.id), externalThresholds: thresholdsOf(ctx.db, row.id),
  };
}

export function summarize(ctx: AppContext, row: ReturnRow, cells = cellsOf(ctx.db, row.id)): ReturnSummary {
  return {
    id: row.id, planId: row.planId, frameworkVersion: row.frameworkVersion, regionCode: row.regionCode,
    regionName: requireRegion(ctx, row.regionCode).name, level: row.level, year: row.year, status: row.status,
    cellsFilled: cells.filter((c) => c.value !== null || c.noData !== null).length,
    prefilledCells: cells.filter((c) => c.prefilled).length, updatedAt: row.updatedAt,
  };
}

export function viewReturn(ctx: AppContext, row: ReturnRow): ReturnView {
  const data = returnData(ctx, row);
  return {
    summary: summarize(ctx, row, data.cells),
    data,
    history: historyOf(ctx.db, row).map((h) => returnData(ctx, h)),
    explanations: explanationsOf(ctx.db, row.id),
  };
}

export function listReturnSummaries(ctx: AppContext, regionCode?: string): ReturnSummary[] {
  return listReturns(ctx.db, regionCode).map((r) => summarize(ctx, r));
}

/** The framework a return was entered under (kept even after a newer version ships). */
export const frameworkOf = (ctx: AppContext, row: ReturnRow): Framework => requireFramework(ctx, row.planId, row.frameworkVersion);

/** Opens the region's return for a year under the profile's plan, creating an empty (or prefilled) one. */
export function openReturn(ctx: AppContext, regionCode: string, year: number, prefill: boolean): ReturnView {
  const profile = getProfile(ctx);
  if (!profile) throw new AppError('refused', M.noProfile);
  const region = requireRegion(ctx, regionCode);
  const existing = findReturn(ctx.db, regionCode, year, profile.planId);
  if (existing) return viewReturn(ctx, existing);
  const framework = requireFramework(ctx, profile.planId);
  const level = region.level === 'township' ? 'township' : 'county';
  const at = isoNow(ctx);
  const id = ctx.db.transaction(() => {
    const newId = insertReturn(ctx.db, { planId: profile.planId, frameworkVersion: framework.version, regionCode, level, year, createdAt: at });
    const previous = prefill ? findReturn(ctx.db, regionCode, year - 1, profile.planId) : null;
    if (previous) {
      const known = new Set(framework.dataItems.map((d) => d.code));
      for (const cell of cellsOf(ctx.db, previous.id)) {
        if (known.has(cell.item) && cell.value !== null) putCell(ctx.db, newId, { ...cell, noData: null, prefilled: true }, at);
      }
      appendAudit(ctx.db, newId, { at, userName: userName(ctx), field: 'prefill', oldValue: null, newValue: String(year - 1) });
    }
    return newId;
  })();
  return viewReturn(ctx, requireReturn(ctx, id));
}

export function requireEditable(row: ReturnRow): void {
  if (row.status === 'submitted') throw new AppError('conflict', M.locked);
}

const describeCell = (c: Pick<Cell, 'value' | 'noData'> | null) =>
  !c ? null : c.noData ? MESSAGES.app.noDataValue(c.noData.reason) : c.value === null ? null : String(c.value);

/** Saves a batch of cells (a typed cell or a pasted block) in one transaction; returns the old values for undo. */
export function setCells(ctx: AppContext, returnId: number, edits: CellEdit[]) {
  const row = requireReturn(ctx, returnId);
  requireEditable(row);
  const framework = frameworkOf(ctx, row);
  const items = new Map(framework.dataItems.map((d) => [d.code, d]));
  for (const edit of edits) {
    const item = items.get(edit.item);
    if (!item) throw new AppError('invalid_request', M.unknownItem(edit.item), [{ path: cellKey(edit.item, edit.sex), message: M.unknownItem(edit.item) }]);
    const allowed = item.sex === 'single' ? ['total'] : item.sex === 'total_female' ? ['total', 'female'] : ['total', 'female', 'male'];
    if (!allowed.includes(edit.sex)) throw new AppError('invalid_request', M.noSuchColumn(item.name, edit.sex), [{ path: cellKey(edit.item, edit.sex), message: M.noSuchColumn(item.name, edit.sex) }]);
    if (edit.value !== null && edit.noData !== null) throw new AppError('invalid_request', M.valueAndNoData, [{ path: cellKey(edit.item, edit.sex), message: M.valueAndNoData }]);
  }
  const at = isoNow(ctx);
  const user = userName(ctx);
  const previous = ctx.db.transaction(() => {
    const old: CellEdit[] = [];
    for (const edit of edits) {
      const before = getCell(ctx.db, returnId, edit.item, edit.sex);
      old.push({ item: edit.item, sex: edit.sex, value: before?.value ?? null, noData: before?.noData ?? null });
      const after: Cell = { item: edit.item, sex: edit.sex, value: edit.value, noData: edit.noData, prefilled: false };
      if (describeCell(before) === describeCell(after) && !before?.prefilled) continue;
      putCell(ctx.db, returnId, after, at);
      appendAudit(ctx.db, returnId, { at, userName: user, field: cellKey(edit.item, edit.sex), oldValue: describeCell(before), newValue: describeCell(after) });
    }
    touchReturn(ctx.db, returnId, at);
    return old;
  })();
  return { previous, updatedAt: at };
}

export function confirmPrefilledCells(ctx: AppContext, returnId: number) {
  const row = requireReturn(ctx, returnId);
  requireEditable(row);
  const at = isoNow(ctx);
  const confirmed = ctx.db.transaction(() => {
    const n = confirmPrefilled(ctx.db, returnId, at);
    if (n > 0) appendAudit(ctx.db, returnId, { at, userName: userName(ctx), field: 'prefill-confirmed', oldValue: null, newValue: String(n) });
    touchReturn(ctx.db, returnId, at);
    return n;
  })();
  return { confirmed };
}

export function setQualitative(ctx: AppContext, returnId: number, indicator: string, choice: QualitativeChoice | null, note: string) {
  const row = requireReturn(ctx, returnId);
  requireEditable(row);
  const framework = frameworkOf(ctx, row);
  if (!framework.indicators.some((i) => i.code === indicator && i.kind === 'qualitative')) throw new AppError('invalid_request', M.unknownItem(indicator));
  const at = isoNow(ctx);
  ctx.db.transaction(() => {
    const before = getQualitative(ctx.db, returnId, indicator);
    putQualitative(ctx.db, returnId, { indicator, choice, note });
    appendAudit(ctx.db, returnId, { at, userName: userName(ctx), field: indicator, oldValue: before ? `${before.choice ?? ''} ${before.note}`.trim() : null, newValue: `${choice ?? ''} ${note}`.trim() });
    touchReturn(ctx.db, returnId, at);
  })();
  return { updatedAt: at };
}

export function setThreshold(ctx: AppContext, returnId: number, targetId: string, value: number | null) {
  const row = requireReturn(ctx, returnId);
  requireEditable(row);
  const framework = frameworkOf(ctx, row);
  const target = framework.areas.flatMap((a) => a.targets).find((t) => t.id === targetId);
  if (!target || target.rule.kind !== 'external') throw new AppError('invalid_request', M.notExternal(targetId));
  const at = isoNow(ctx);
  ctx.db.transaction(() => {
    const before = thresholdsOf(ctx.db, returnId)[targetId];
    putThreshold(ctx.db, returnId, targetId, value);
    appendAudit(ctx.db, returnId, { at, userName: userName(ctx), field: `threshold:${targetId}`, oldValue: before === undefined ? null : String(before), newValue: value === null ? null : String(value) });
    touchReturn(ctx.db, returnId, at);
  })();
  return { updatedAt: at };
}

export function setExplanation(ctx: AppContext, returnId: number, key: string, text: string) {
  const row = requireReturn(ctx, returnId);
  requireEditable(row);
  const at = isoNow(ctx);
  ctx.db.transaction(() => {
    putExplanation(ctx.db, returnId, key, text);
    appendAudit(ctx.db, returnId, { at, userName: userName(ctx), field: `explanation:${key}`, oldValue: null, newValue: text.trim() || null });
    touchReturn(ctx.db, returnId, at);
  })();
  return { updatedAt: at };
}

export const returnAudit = (ctx: AppContext, returnId: number, limit: number) => {
  requireReturn(ctx, returnId);
  return auditOf(ctx.db, returnId, limit);
};
