// 回执 at the receiving office: a receipt for a received version, from its latest review (审核通过 or 退回): who
// received it, which return, the SHA-256 of the file received, when and what was decided, the remark. A checksum of its
// own content, and the office's Ed25519 signature over it, so the unit's app can tell an edited or a forged one.
import { createHash } from 'node:crypto';
import { AppError } from '../../shared/api/envelope.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { canonicalReceipt, RECEIPT_FORMAT, type Receipt, type ReceiptBody } from '../../shared/returns/receipt.ts';
import type { AppContext } from '../context/app-context.ts';
import { signingPublicKey, signPayload } from '../frameworks/signing-service.ts';
import { requireFramework } from '../frameworks/plans-service.ts';
import type { Office } from './office.ts';
import { reviewsOf } from './review.ts';
import { requireSubmission } from './submissions.ts';

const M = MESSAGES.merge.receipt;

export const receiptChecksum = (body: ReceiptBody) =>
  createHash('sha256').update(canonicalReceipt(body), 'utf8').digest('hex');

export function writeReceipt(
  ctx: AppContext,
  office: Office,
  year: number,
  submissionId: number,
): { fileName: string; receipt: Receipt; bytes: Buffer } {
  const row = requireSubmission(ctx, office, submissionId);
  if (row.year !== year) throw new AppError('invalid_request', MESSAGES.merge.review.wrongYear(submissionId, year));
  const review = reviewsOf(ctx, row.id).at(-1);
  if (!review) throw new AppError('refused', M.notReviewed(row.supplierName));
  const framework = requireFramework(ctx, row.planId, row.frameworkVersion);
  const body: ReceiptBody = {
    format: RECEIPT_FORMAT,
    version: 1,
    office: { code: office.region.code, name: office.region.name },
    unit: { code: row.regionCode, name: row.supplierName, department: row.department },
    year: row.year,
    plan: { id: row.planId, name: framework.plan.name, frameworkVersion: row.frameworkVersion },
    file: { name: row.fileName, sha256: row.checksum, reportedOn: row.reportedOn, valuesChecksum: row.valuesChecksum },
    decision: review.decision,
    decidedAt: review.at,
    decidedBy: review.userName,
    remark: review.overall,
  };
  const content = { ...body, checksum: receiptChecksum(body) };
  // signed with this office's key, the same key its framework packages carry (the unit has pinned it)
  const receipt: Receipt = {
    ...content,
    signature: { publicKey: signingPublicKey(ctx), value: signPayload(ctx, content) },
  };
  const unit = row.department ? MESSAGES.merge.departmentName(row.department) : row.supplierName;
  return {
    fileName: M.fileName(unit, row.year, review.decision),
    receipt,
    bytes: Buffer.from(`${JSON.stringify(receipt, null, 2)}\n`, 'utf8'),
  };
}
