// 退回 at the receiving office: a received version is sent back with an overall remark and a remark per problem
// cell. The review is stored (who, when, what: the office's audit of its reviews) and the annotated copy written:
// the township's own return as received, in the same form, the problem cells red with notes, a 退回意见 sheet.
import { AppError } from '../../shared/api/envelope.ts';
import { MESSAGES } from '../../shared/messages.ts';
import type { SendBack } from '../../shared/returns/review.ts';
import { evaluateReturn } from '../../shared/rules/evaluate.ts';
import { returnChecksum } from '../excel/checksum.ts';
import { sexColumnsOf } from '../excel/layout.ts';
import { writeReturnWorkbook } from '../excel/write-return.ts';
import { isoNow, type AppContext } from '../services/context.ts';
import { requireFramework } from '../services/plans-service.ts';
import { regionVintage } from '../services/regions-service.ts';
import { userName } from '../services/returns-service.ts';
import type { Office } from './office.ts';
import { requireSubmission, submissionData } from './submissions.ts';

const M = MESSAGES.merge.review;

export interface ReviewRecord { id: number; submissionId: number; decision: 'returned' | 'accepted'; overall: string; at: string; userName: string; remarks: number }

export function reviewsOf(ctx: AppContext, submissionId: number): ReviewRecord[] {
  return ctx.db.prepare(`SELECT r.id, r.submission_id AS submissionId, r.decision, r.overall, r.at, r.user_name AS userName,
    (SELECT count(*) FROM submission_review_remarks m WHERE m.review_id = r.id) AS remarks
    FROM submission_reviews r WHERE r.submission_id = ? ORDER BY r.id`).all(submissionId) as ReviewRecord[];
}

/** Sends a received version back: stores the review and writes the annotated copy. */
export async function sendBack(ctx: AppContext, office: Office, year: number, submissionId: number, input: SendBack): Promise<{ fileName: string; bytes: Buffer }> {
  const row = requireSubmission(ctx, office, submissionId);
  if (row.year !== year) throw new AppError('invalid_request', M.wrongYear(submissionId, year));
  const framework = requireFramework(ctx, row.planId, row.frameworkVersion);
  const items = new Map(framework.dataItems.map((d) => [d.code, d]));
  for (const m of input.remarks) {
    const item = items.get(m.item);
    if (!item || !sexColumnsOf(item).includes(m.sex)) throw new AppError('invalid_request', M.unknownCell(m.item, m.sex), [{ path: `remarks.${m.item}.${m.sex}`, message: M.unknownCell(m.item, m.sex) }]);
  }
  const data = submissionData(ctx, row);
  const at = isoNow(ctx);
  ctx.db.transaction(() => {
    const id = Number(ctx.db.prepare('INSERT INTO submission_reviews (submission_id, decision, overall, at, user_name) VALUES (?, ?, ?, ?, ?)')
      .run(row.id, 'returned', input.overall, at, userName(ctx)).lastInsertRowid);
    const put = ctx.db.prepare('INSERT INTO submission_review_remarks (review_id, seq, item, sex, problem, remark) VALUES (?, ?, ?, ?, ?, ?)');
    input.remarks.forEach((m, seq) => put.run(id, seq, m.item, m.sex, m.problem, m.remark));
  })();
  const { bytes } = await writeReturnWorkbook({
    kind: 'return', framework, data, region: { code: row.regionCode, name: row.supplierName }, previous: null,
    evaluation: evaluateReturn(framework, data, []), explanations: {}, userName: row.footer.filler,
    footer: { ...row.footer, reportedOn: row.reportedOn }, regionVintage: regionVintage(ctx) || null, now: ctx.now(),
    status: row.fileStatus ?? undefined, department: row.department || undefined,
    review: {
      officeCode: office.region.code, officeName: office.region.name, reviewedAt: at, reviewOf: row.valuesChecksum ?? returnChecksum(data),
      overall: input.overall, remarks: input.remarks,
    },
  });
  return { fileName: M.fileName(row.supplierName, year), bytes };
}

/** The rule engine's problems with a received version, for the remarks of a send-back. */
export function versionIssues(ctx: AppContext, office: Office, submissionId: number) {
  const row = requireSubmission(ctx, office, submissionId);
  const framework = requireFramework(ctx, row.planId, row.frameworkVersion);
  return evaluateReturn(framework, submissionData(ctx, row), []).issues.map((i) => ({ item: i.item, sex: i.sex, severity: i.severity, message: i.message }));
}
