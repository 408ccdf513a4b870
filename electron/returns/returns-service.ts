// Entry: opening returns, saving cells (one transaction per user action, audited), status changes.
import { AppError } from '../../shared/api/envelope.ts';
import { latestReceipt } from '../db/repos/receipts-repo.ts';
import type { CellEdit, CellEditInput, ReturnSummary, ReturnView } from '../../shared/api/returns-contract.ts';
import { sexColumnsOf, type Framework } from '../../shared/framework/schema.ts';
import { parseNumberInput } from '../../shared/returns/parse-number.ts';
import { describeCell } from '../../shared/returns/audit-labels.ts';
import { FOOTER_FIELDS, type ReturnFooter } from '../../shared/returns/footer.ts';
import type { ReturnRemark } from '../../shared/returns/review.ts';
import {
  cellKey,
  type Cell,
  type QualitativeChoice,
  type ReturnData,
  type ReturnStatus,
} from '../../shared/returns/schema.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { appendAudit, auditOf } from '../db/repos/audit-repo.ts';
import {
  cellsOf,
  confirmPrefilled,
  explanationsOf,
  findReturn,
  footerOf,
  putFooter,
  getCell,
  getQualitative,
  getReturn,
  historyOf,
  insertReturn,
  listReturns,
  putCell,
  putExplanation,
  putQualitative,
  putThreshold,
  qualitativeOf,
  setReturnStatus,
  thresholdsOf,
  touchReturn,
  type ReturnRow,
} from '../db/repos/returns-repo.ts';
import { isoNow, type AppContext } from '../context/app-context.ts';
import { requireFramework } from '../frameworks/plans-service.ts';
import { requireRegion } from '../frameworks/regions-service.ts';
import { getProfile, userName } from '../settings/settings-service.ts';
import { departmentScope } from '../settings/department-scope.ts';

const M = MESSAGES.returns;

export function requireReturn(ctx: AppContext, id: number): ReturnRow {
  const row = getReturn(ctx.db, id);
  if (!row) throw new AppError('not_found', M.notFound(id));
  return row;
}

export function returnData(ctx: AppContext, row: ReturnRow): ReturnData {
  return {
    planId: row.planId,
    frameworkVersion: row.frameworkVersion,
    regionCode: row.regionCode,
    level: row.level,
    year: row.year,
    cells: cellsOf(ctx.db, row.id),
    qualitative: qualitativeOf(ctx.db, row.id),
    externalThresholds: thresholdsOf(ctx.db, row.id),
  };
}

export function summarize(ctx: AppContext, row: ReturnRow, cells = cellsOf(ctx.db, row.id)): ReturnSummary {
  return {
    id: row.id,
    planId: row.planId,
    frameworkVersion: row.frameworkVersion,
    regionCode: row.regionCode,
    regionName: requireRegion(ctx, row.regionCode).name,
    level: row.level,
    year: row.year,
    status: row.status,
    cellsFilled: cells.filter((c) => c.value !== null || c.noData !== null || c.raw !== null).length,
    prefilledCells: cells.filter((c) => c.prefilled).length,
    updatedAt: row.updatedAt,
    receipt: latestReceipt(ctx.db, row.id),
  };
}

export function viewReturn(ctx: AppContext, row: ReturnRow): ReturnView {
  const data = returnData(ctx, row);
  return {
    summary: summarize(ctx, row, data.cells),
    data,
    history: historyOf(ctx.db, row).map((h) => returnData(ctx, h)),
    explanations: explanationsOf(ctx.db, row.id),
    footer: footerOf(ctx.db, row.id),
    remarks: remarksOf(ctx, row.id),
  };
}

export function listReturnSummaries(ctx: AppContext, regionCode?: string): ReturnSummary[] {
  return listReturns(ctx.db, regionCode).map((r) => summarize(ctx, r));
}

/** The framework a return was entered under (kept even after a newer version ships). */
export const frameworkOf = (ctx: AppContext, row: ReturnRow): Framework =>
  requireFramework(ctx, row.planId, row.frameworkVersion);

/** Opens the region's return for a year under the profile's plan, creating an empty (or prefilled) one. */
export function openReturn(ctx: AppContext, regionCode: string, year: number, prefill: boolean): ReturnView {
  const profile = getProfile(ctx);
  if (!profile) throw new AppError('refused', M.noProfile);
  const region = requireRegion(ctx, regionCode);
  const existing = findReturn(ctx.db, regionCode, year, profile.planId);
  if (existing) return viewReturn(ctx, existing);
  const framework = requireFramework(ctx, profile.planId);
  // a city office's own return is a city return (its merged figures are judged against the city's plan)
  const level = region.level === 'township' ? 'township' : region.level === 'city' ? 'city' : 'county';
  const at = isoNow(ctx);
  const id = ctx.db.transaction(() => {
    const newId = insertReturn(ctx.db, {
      planId: profile.planId,
      frameworkVersion: framework.version,
      regionCode,
      level,
      year,
      createdAt: at,
    });
    // 填表人 is the user who opens it (they can change it)
    if (profile.userName)
      putFooter(ctx.db, newId, { head: '', statistician: '', filler: profile.userName, phone: '', reportedOn: null });
    const previous = prefill ? findReturn(ctx.db, regionCode, year - 1, profile.planId) : null;
    if (previous) {
      // a department copies only its own items
      const scope = departmentScope(ctx, regionCode, framework);
      const known = new Set((scope?.framework ?? framework).dataItems.map((d) => d.code));
      for (const cell of cellsOf(ctx.db, previous.id)) {
        if (known.has(cell.item) && cell.value !== null)
          putCell(ctx.db, newId, { ...cell, noData: null, prefilled: true, raw: null }, at);
      }
      appendAudit(ctx.db, newId, {
        at,
        userName: userName(ctx),
        field: 'prefill',
        oldValue: null,
        newValue: String(year - 1),
      });
    }
    return newId;
  })();
  return viewReturn(ctx, requireReturn(ctx, id));
}

export function requireEditable(row: ReturnRow): void {
  if (row.status === 'accepted') throw new AppError('conflict', M.acceptedNoEdit);
  if (row.status === 'submitted') throw new AppError('conflict', M.locked);
}

/**
 * Any change to what an 已校验 return holds makes it a draft again (it must be checked again): the status is
 * set back and audited in the caller's transaction. Returns the status after the edit.
 */
function draftAfterEdit(ctx: AppContext, row: ReturnRow, at: string, user: string): ReturnStatus {
  if (row.status !== 'checked') return row.status;
  setReturnStatus(ctx.db, row.id, 'draft', at);
  appendAudit(ctx.db, row.id, { at, userName: user, field: 'status', oldValue: row.status, newValue: 'draft' });
  return 'draft';
}

/**
 * Saves a batch of cells (a typed cell or a pasted block) in one transaction; returns the old values for undo.
 * Text that is no valid number is saved as typed (`raw`), so nothing typed is lost; text that is a number after
 * all (the same parser as the grid) is saved as that number.
 */
export function setCells(ctx: AppContext, returnId: number, input: CellEditInput[]) {
  const row = requireReturn(ctx, returnId);
  requireEditable(row);
  const framework = frameworkOf(ctx, row);
  const items = new Map(framework.dataItems.map((d) => [d.code, d]));
  const scope = departmentScope(ctx, row.regionCode, framework);
  const edits: CellEdit[] = input.map((edit) => {
    const path = cellKey(edit.item, edit.sex);
    const item = items.get(edit.item);
    if (!item)
      throw new AppError('invalid_request', M.unknownItem(edit.item), [{ path, message: M.unknownItem(edit.item) }]);
    const refused = scope?.refusal(edit.item);
    if (refused) throw new AppError('refused', refused, [{ path, message: refused }]);
    if (!sexColumnsOf(item).includes(edit.sex))
      throw new AppError('invalid_request', M.noSuchColumn(item.name, edit.sex), [
        { path, message: M.noSuchColumn(item.name, edit.sex) },
      ]);
    const noData = edit.noData ?? null;
    const raw = edit.raw ?? null;
    if (edit.value !== null && noData !== null)
      throw new AppError('invalid_request', M.valueAndNoData, [{ path, message: M.valueAndNoData }]);
    if (raw !== null && (edit.value !== null || noData !== null))
      throw new AppError('invalid_request', M.rawAndValue, [{ path, message: M.rawAndValue }]);
    if (raw !== null) {
      const parsed = parseNumberInput(raw, { valueType: item.valueType, decimals: item.decimals, unit: item.unit });
      if (parsed.ok) return { item: edit.item, sex: edit.sex, value: parsed.value, noData: null, raw: null };
    }
    return { item: edit.item, sex: edit.sex, value: edit.value, noData, raw };
  });
  const at = isoNow(ctx);
  const user = userName(ctx);
  return ctx.db.transaction(() => {
    const previous: CellEdit[] = [];
    let changed = false;
    for (const edit of edits) {
      const before = getCell(ctx.db, returnId, edit.item, edit.sex);
      previous.push({
        item: edit.item,
        sex: edit.sex,
        value: before?.value ?? null,
        noData: before?.noData ?? null,
        raw: before?.raw ?? null,
      });
      const after: Cell = {
        item: edit.item,
        sex: edit.sex,
        value: edit.value,
        noData: edit.noData,
        prefilled: false,
        raw: edit.raw,
      };
      if (describeCell(before) === describeCell(after) && !before?.prefilled) continue;
      changed = true;
      putCell(ctx.db, returnId, after, at);
      appendAudit(ctx.db, returnId, {
        at,
        userName: user,
        field: cellKey(edit.item, edit.sex),
        oldValue: describeCell(before),
        newValue: describeCell(after),
      });
    }
    const status = changed ? draftAfterEdit(ctx, row, at, user) : row.status;
    touchReturn(ctx.db, returnId, at);
    return { previous, updatedAt: at, status };
  })();
}

export function confirmPrefilledCells(ctx: AppContext, returnId: number) {
  const row = requireReturn(ctx, returnId);
  requireEditable(row);
  const at = isoNow(ctx);
  const user = userName(ctx);
  return ctx.db.transaction(() => {
    const confirmed = confirmPrefilled(ctx.db, returnId, at);
    if (confirmed > 0)
      appendAudit(ctx.db, returnId, {
        at,
        userName: user,
        field: 'prefill-confirmed',
        oldValue: null,
        newValue: String(confirmed),
      });
    const status = confirmed > 0 ? draftAfterEdit(ctx, row, at, user) : row.status;
    touchReturn(ctx.db, returnId, at);
    return { confirmed, status };
  })();
}

export function setQualitative(
  ctx: AppContext,
  returnId: number,
  indicator: string,
  choice: QualitativeChoice | null,
  note: string,
) {
  const row = requireReturn(ctx, returnId);
  requireEditable(row);
  const framework = frameworkOf(ctx, row);
  if (!framework.indicators.some((i) => i.code === indicator && i.kind === 'qualitative'))
    throw new AppError('invalid_request', M.unknownItem(indicator));
  if (departmentScope(ctx, row.regionCode, framework)) throw new AppError('refused', MESSAGES.merge.countyOwnAnswer);
  const at = isoNow(ctx);
  const user = userName(ctx);
  return ctx.db.transaction(() => {
    const before = getQualitative(ctx.db, returnId, indicator);
    putQualitative(ctx.db, returnId, { indicator, choice, note });
    const oldValue = before ? `${before.choice ?? ''} ${before.note}`.trim() : null;
    const newValue = `${choice ?? ''} ${note}`.trim();
    appendAudit(ctx.db, returnId, { at, userName: user, field: indicator, oldValue, newValue });
    const status = (oldValue ?? '') !== newValue ? draftAfterEdit(ctx, row, at, user) : row.status;
    touchReturn(ctx.db, returnId, at);
    return { updatedAt: at, status };
  })();
}

export function setThreshold(ctx: AppContext, returnId: number, targetId: string, value: number | null) {
  const row = requireReturn(ctx, returnId);
  requireEditable(row);
  const framework = frameworkOf(ctx, row);
  const target = framework.areas.flatMap((a) => a.targets).find((t) => t.id === targetId);
  if (target?.rule.kind !== 'external') throw new AppError('invalid_request', M.notExternal(targetId));
  if (departmentScope(ctx, row.regionCode, framework)) throw new AppError('refused', MESSAGES.merge.countyOwnAnswer);
  const at = isoNow(ctx);
  const user = userName(ctx);
  return ctx.db.transaction(() => {
    const before = thresholdsOf(ctx.db, returnId)[targetId];
    putThreshold(ctx.db, returnId, targetId, value);
    appendAudit(ctx.db, returnId, {
      at,
      userName: user,
      field: `threshold:${targetId}`,
      oldValue: before === undefined ? null : String(before),
      newValue: value === null ? null : String(value),
    });
    const status = (before ?? null) !== value ? draftAfterEdit(ctx, row, at, user) : row.status;
    touchReturn(ctx.db, returnId, at);
    return { updatedAt: at, status };
  })();
}

export function setExplanation(ctx: AppContext, returnId: number, key: string, text: string) {
  const row = requireReturn(ctx, returnId);
  requireEditable(row);
  const at = isoNow(ctx);
  ctx.db.transaction(() => {
    putExplanation(ctx.db, returnId, key, text);
    appendAudit(ctx.db, returnId, {
      at,
      userName: userName(ctx),
      field: `explanation:${key}`,
      oldValue: null,
      newValue: text.trim() || null,
    });
    touchReturn(ctx.db, returnId, at);
  })();
  return { updatedAt: at };
}

/**
 * Saves the signed footer; each changed field is audited (footer:head …). The footer is no data the rules judge,
 * so an 已校验 return stays 已校验; a submitted one is locked like its cells.
 */
export function setFooter(ctx: AppContext, returnId: number, footer: ReturnFooter) {
  const row = requireReturn(ctx, returnId);
  requireEditable(row);
  const at = isoNow(ctx);
  const user = userName(ctx);
  ctx.db.transaction(() => {
    const before = footerOf(ctx.db, returnId);
    const changed = FOOTER_FIELDS.filter((f) => (before[f] ?? '') !== (footer[f] ?? ''));
    if (changed.length === 0) return;
    putFooter(ctx.db, returnId, footer);
    for (const f of changed)
      appendAudit(ctx.db, returnId, {
        at,
        userName: user,
        field: `footer:${f}`,
        oldValue: before[f] || null,
        newValue: footer[f] || null,
      });
    touchReturn(ctx.db, returnId, at);
  })();
  return { footer: footerOf(ctx.db, returnId), updatedAt: at };
}

export const returnAudit = (ctx: AppContext, returnId: number, limit: number) => {
  requireReturn(ctx, returnId);
  return auditOf(ctx.db, returnId, limit);
};

interface RawRemark {
  item: string;
  sex: string;
  location: string;
  problem: string;
  remark: string;
  value_then: string | null;
  office: string;
  at: string;
}

/** The remarks of the office that sent the return back (退回); a cell remark is fixed once the cell changed. */
function remarksOf(ctx: AppContext, returnId: number): ReturnRemark[] {
  const rows = ctx.db
    .prepare(
      'SELECT item, sex, location, problem, remark, value_then, office, at FROM return_remarks WHERE return_id = ? ORDER BY seq',
    )
    .all(returnId) as RawRemark[];
  return rows.map((m) => ({
    item: m.item,
    sex: m.sex,
    location: m.location,
    problem: m.problem,
    remark: m.remark,
    office: m.office,
    at: m.at,
    fixed: m.item !== '' && describeCell(getCell(ctx.db, returnId, m.item, m.sex)) !== m.value_then,
  }));
}
