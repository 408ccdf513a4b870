// 回执 at the unit: the receipt the receiving office gave, imported as a hostile file — size, JSON, strict schema,
// its own checksum, then that it is for this computer's unit (and department), plan and year, and for the version
// this computer holds, signed with the office key this computer pinned. Kept with the return (never changing its
// values); a receipt of 审核通过 makes the return 审核通过 (locked). The home page shows the latest.
import { AppError } from '../../shared/api/envelope.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { RECEIPT_MAX_BYTES, ReceiptSchema } from '../../shared/returns/receipt.ts';
import { localDate } from '../../shared/returns/dates.ts';
import { footerDateText } from '../../shared/returns/footer.ts';
import { appendAudit } from '../db/repos/audit-repo.ts';
import { insertReceipt } from '../db/repos/receipts-repo.ts';
import { findReturn, setReturnStatus } from '../db/repos/returns-repo.ts';
import { returnChecksum } from '../excel/checksum.ts';
import { receiptChecksum } from '../merge/receipt.ts';
import { isoNow, type AppContext } from '../context/app-context.ts';
import { requireRegion } from '../frameworks/regions-service.ts';
import { returnData } from '../returns/returns-service.ts';
import { userName } from '../settings/settings-service.ts';
import { getProfile } from '../settings/settings-service.ts';
import { pinKey, pinnedKey } from '../plans/framework-package-service.ts';
import { fingerprint, verifyPayload } from '../frameworks/signing-service.ts';

const M = MESSAGES.returns.receipt;
const refuse = (message: string): never => {
  throw new AppError('refused', message);
};

export function importReceipt(
  ctx: AppContext,
  bytes: Uint8Array,
  fileName: string,
): { returnId: number; message: string } {
  const profile = getProfile(ctx) ?? refuse(MESSAGES.returns.noProfile);
  if (bytes.length > RECEIPT_MAX_BYTES) refuse(M.tooLarge(fileName, RECEIPT_MAX_BYTES / 1024));
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    refuse(M.notReceipt(fileName));
  }
  const parsed = ReceiptSchema.safeParse(json);
  if (!parsed.success) {
    const isReceipt =
      typeof json === 'object' && json !== null && (json as { format?: unknown }).format === 'wdp-monitor/receipt';
    if (isReceipt && !('signature' in (json as object))) refuse(M.unsigned);
    return refuse(isReceipt ? M.badField(parsed.error.issues[0]?.path.join('.') ?? '') : M.notReceipt(fileName));
  }
  const { checksum, signature, ...body } = parsed.data;
  if (receiptChecksum(body) !== checksum) refuse(M.tampered);
  if (!verifyPayload({ ...body, checksum }, signature.publicKey, signature.value)) refuse(M.badSignature);
  // the office's key: the one this computer pinned (with the first framework package or receipt), else pinned now
  const pinned = pinnedKey(ctx, profile.planId);
  const got = fingerprint(signature.publicKey);
  if (pinned && pinned.publicKey !== signature.publicKey)
    refuse(M.otherKey(body.office.name, got, pinned.fingerprint, pinned.regionName));
  const own = requireRegion(ctx, profile.regionCode).name;
  if (body.unit.code !== profile.regionCode || body.unit.department !== (profile.department ?? '')) {
    refuse(
      M.otherUnit(
        body.unit.department ? MESSAGES.merge.departmentName(body.unit.department) : body.unit.name,
        body.year,
        own,
      ),
    );
  }
  if (body.plan.id !== profile.planId) refuse(M.otherPlan(body.plan.name));
  const local = findReturn(ctx.db, body.unit.code, body.year, body.plan.id) ?? refuse(M.noLocal(own, body.year));
  if (body.file.valuesChecksum && returnChecksum(returnData(ctx, local)) !== body.file.valuesChecksum)
    refuse(M.otherVersion);

  const at = isoNow(ctx);
  const user = userName(ctx);
  const added = ctx.db.transaction(() => {
    if (!pinned)
      pinKey(ctx, profile.planId, {
        publicKey: signature.publicKey,
        fingerprint: got,
        regionCode: body.office.code,
        regionName: body.office.name,
        pinnedAt: at,
      });
    const info = insertReceipt(ctx.db, local.id, body, checksum, at);
    if (info.changes > 0)
      appendAudit(ctx.db, local.id, {
        at,
        userName: user,
        field: 'review:receipt',
        oldValue: null,
        newValue: M.audit(body.office.name, body.decision, footerDateText(localDate(body.decidedAt)), body.remark),
      });
    // 审核通过: the version the office accepted is locked at this office for good (a receipt never unlocks)
    if (body.decision === 'accepted' && local.status !== 'accepted') {
      setReturnStatus(ctx.db, local.id, 'accepted', at);
      appendAudit(ctx.db, local.id, {
        at,
        userName: user,
        field: 'status',
        oldValue: local.status,
        newValue: 'accepted',
      });
    }
    return info.changes > 0;
  })();
  const message = (added ? M.imported : M.again)(
    body.office.name,
    body.decision,
    footerDateText(localDate(body.decidedAt)),
  );
  return { returnId: local.id, message: pinned ? message : message + M.pinnedNow(body.office.name, got) };
}
