// The import's writing half: puts a checked, parsed return into the database in one transaction, replacing what the
// return held (values, 无数据 marks, qualitative answers, thresholds), with an audit entry per changed cell.
// Callers validate first (readReturnWorkbook) and take a backup first: `await backupNow(ctx, 'import')`.
import { AppError } from '../../shared/api/envelope.ts';
import { describeCell } from '../../shared/returns/audit-labels.ts';
import { cellKey, isLockedStatus, type Cell, type ReturnData } from '../../shared/returns/schema.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { appendAudit } from '../db/repos/audit-repo.ts';
import { getRegion } from '../db/repos/regions-repo.ts';
import {
  cellsOf,
  findReturn,
  insertReturn,
  putCell,
  putExplanation,
  putQualitative,
  putThreshold,
  qualitativeOf,
  setReturnStatus,
  thresholdsOf,
  touchReturn,
} from '../db/repos/returns-repo.ts';
import { clearReturnContent, setReturnFramework } from '../db/repos/imports-repo.ts';
import { isoNow, type AppContext } from '../context/app-context.ts';
import { requireFramework } from '../frameworks/plans-service.ts';
import { getProfile } from '../settings/settings-service.ts';

const P = MESSAGES.excel.problem;

export interface WriteImportOptions {
  /** shown in the audit trail */
  fileName?: string;
  /** explanations of warnings (by target id) to store with the return */
  explanations?: Record<string, string>;
}

/**
 * Writes an imported return: creates it, or replaces the content of the region's return for that year and plan.
 * A township's return imported at a county keeps level 'township'. A submitted (locked) return is never overwritten.
 * Synchronous and transactional, so a batch import can wrap several calls in one outer db.transaction.
 */
export function writeImportedReturn(
  ctx: AppContext,
  parsed: ReturnData,
  options: WriteImportOptions = {},
): { returnId: number; created: boolean } {
  if (!getRegion(ctx.db, parsed.regionCode)) throw new AppError('refused', P.regionNotInTable(parsed.regionCode));
  requireFramework(ctx, parsed.planId, parsed.frameworkVersion);
  const at = isoNow(ctx);
  const user = getProfile(ctx)?.userName || MESSAGES.returns.unknownUser;
  return ctx.db.transaction(() => {
    const existing = findReturn(ctx.db, parsed.regionCode, parsed.year, parsed.planId);
    if (existing && isLockedStatus(existing.status)) {
      const name = getRegion(ctx.db, parsed.regionCode)?.name ?? parsed.regionCode;
      throw new AppError('conflict', P.lockedReturn(name, parsed.year));
    }
    const returnId =
      existing?.id ??
      insertReturn(ctx.db, {
        planId: parsed.planId,
        frameworkVersion: parsed.frameworkVersion,
        regionCode: parsed.regionCode,
        level: parsed.level,
        year: parsed.year,
        createdAt: at,
      });
    const before = new Map(existing ? cellsOf(ctx.db, returnId).map((c) => [cellKey(c.item, c.sex), c]) : []);
    const beforeQualitative = existing ? qualitativeOf(ctx.db, returnId) : [];
    const beforeThresholds = existing ? thresholdsOf(ctx.db, returnId) : {};
    if (existing) {
      clearReturnContent(ctx.db, returnId);
      setReturnFramework(ctx.db, returnId, parsed.frameworkVersion, parsed.level, at);
      // changed data must be checked again
      if (existing.status === 'checked') {
        setReturnStatus(ctx.db, returnId, 'draft', at);
        appendAudit(ctx.db, returnId, {
          at,
          userName: user,
          field: 'status',
          oldValue: existing.status,
          newValue: 'draft',
        });
      }
    }
    const after = new Map<string, Cell>();
    for (const cell of parsed.cells) {
      const clean: Cell = {
        item: cell.item,
        sex: cell.sex,
        value: cell.value,
        noData: cell.value === null ? cell.noData : null,
        prefilled: false,
        raw: null,
      };
      after.set(cellKey(cell.item, cell.sex), clean);
      putCell(ctx.db, returnId, clean, at);
    }
    for (const key of new Set([...before.keys(), ...after.keys()])) {
      const old = describeCell(before.get(key));
      const now = describeCell(after.get(key));
      if (old !== now) appendAudit(ctx.db, returnId, { at, userName: user, field: key, oldValue: old, newValue: now });
    }
    for (const answer of parsed.qualitative) putQualitative(ctx.db, returnId, answer);
    for (const [targetId, value] of Object.entries(parsed.externalThresholds))
      putThreshold(ctx.db, returnId, targetId, value);
    const qualitativeText = (list: typeof beforeQualitative) =>
      JSON.stringify([...list].sort((a, b) => a.indicator.localeCompare(b.indicator)));
    if (
      qualitativeText(beforeQualitative) !== qualitativeText(parsed.qualitative) ||
      JSON.stringify(beforeThresholds) !== JSON.stringify(parsed.externalThresholds)
    ) {
      appendAudit(ctx.db, returnId, {
        at,
        userName: user,
        field: 'import:qualitative',
        oldValue: null,
        newValue: `${parsed.qualitative.length}/${Object.keys(parsed.externalThresholds).length}`,
      });
    }
    for (const [key, text] of Object.entries(options.explanations ?? {})) putExplanation(ctx.db, returnId, key, text);
    appendAudit(ctx.db, returnId, {
      at,
      userName: user,
      field: 'import',
      oldValue: null,
      newValue: options.fileName ?? null,
    });
    touchReturn(ctx.db, returnId, at);
    return { returnId, created: !existing };
  })();
}
