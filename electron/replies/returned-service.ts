// 退回 at the township: the annotated copy the county sent back is imported (hostile until checked: its remarks'
// checksum, its values' checksum, the unit, plan and year, and the very version this computer holds). Nothing of
// the return's values is written: the return becomes 被退回 (editable again, its 报出日期 cleared for the next version) and the remarks are kept, shown at their cells until
// the cell changes. Audited.
import { AppError } from '../../shared/api/envelope.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { appendAudit } from '../db/repos/audit-repo.ts';
import { findReturn, footerOf, getCell, putFooter, setReturnStatus, touchReturn } from '../db/repos/returns-repo.ts';
import { returnChecksum } from '../excel/checksum.ts';
import { readReturnWorkbook } from '../excel/read-return.ts';
import { isoNow, type AppContext } from '../context/app-context.ts';
import { readContextOf } from '../excel-io/excel-service.ts';
import { requireRegion } from '../frameworks/regions-service.ts';
import { describeCell } from '../../shared/returns/audit-labels.ts';
import { returnData } from '../returns/returns-service.ts';
import { userName } from '../settings/settings-service.ts';
import { getProfile } from '../settings/settings-service.ts';

const M = MESSAGES.returns.returned;
const refuse = (message: string): never => {
  throw new AppError('refused', message);
};

export function importReturned(
  ctx: AppContext,
  bytes: Uint8Array,
  fileName: string,
): { returnId: number; remarks: number; message: string } {
  const profile = getProfile(ctx) ?? refuse(MESSAGES.returns.noProfile);
  const { report, meta } = readReturnWorkbook(bytes, fileName, readContextOf(ctx));
  if (!meta) return refuse(M.unreadable(report.verdict));
  const review = meta.review;
  if (!review.ok) {
    if (review.reason === 'not_review') refuse(M.notReview(fileName));
    if (review.reason === 'bad_row') refuse(M.badRow(review.detail ?? ''));
    refuse(M.tampered);
  }
  if (!review.ok) throw new Error('unreachable');
  if (meta.checksum.stated !== meta.checksum.actual) refuse(M.valuesChanged);
  const { identity } = meta;
  if (identity.planId !== profile.planId) refuse(M.otherPlan(identity.planName));
  if (identity.regionCode !== profile.regionCode)
    refuse(M.otherUnit(identity.regionName, identity.year, requireRegion(ctx, profile.regionCode).name));
  const local =
    findReturn(ctx.db, identity.regionCode, identity.year, identity.planId) ??
    refuse(M.noLocal(identity.regionName, identity.year));
  if (returnChecksum(returnData(ctx, local)) !== review.review.reviewOf) refuse(M.otherVersion);

  const at = isoNow(ctx);
  const user = userName(ctx);
  const r = review.review;
  ctx.db.transaction(() => {
    ctx.db.prepare('DELETE FROM return_remarks WHERE return_id = ?').run(local.id);
    const put =
      ctx.db.prepare(`INSERT INTO return_remarks (return_id, seq, item, sex, location, problem, remark, value_then, office, at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    if (r.overall) put.run(local.id, 0, '', '', '', '', r.overall, null, r.officeName, r.reviewedAt);
    r.remarks.forEach((m, i) => {
      put.run(
        local.id,
        i + 1,
        m.item,
        m.sex,
        m.location,
        m.problem,
        m.remark,
        describeCell(getCell(ctx.db, local.id, m.item, m.sex)),
        r.officeName,
        r.reviewedAt,
      );
    });
    if (local.status !== 'returned') {
      setReturnStatus(ctx.db, local.id, 'returned', at);
      appendAudit(ctx.db, local.id, {
        at,
        userName: user,
        field: 'status',
        oldValue: local.status,
        newValue: 'returned',
      });
    }
    // the corrected return is the next version: its 报出日期 is set again when it is resubmitted
    const footer = footerOf(ctx.db, local.id);
    if (footer.reportedOn) {
      putFooter(ctx.db, local.id, { ...footer, reportedOn: null });
      appendAudit(ctx.db, local.id, {
        at,
        userName: user,
        field: 'footer:reportedOn',
        oldValue: footer.reportedOn,
        newValue: null,
      });
    }
    appendAudit(ctx.db, local.id, {
      at,
      userName: user,
      field: 'review:returned',
      oldValue: null,
      newValue: M.audit(r.officeName, r.overall, r.remarks.length),
    });
    touchReturn(ctx.db, local.id, at);
  })();
  return { returnId: local.id, remarks: r.remarks.length, message: M.imported(r.officeName, r.remarks.length) };
}
