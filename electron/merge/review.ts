// 退回 at the receiving office: a received version is sent back with an overall remark and a remark per problem
// cell. The review is stored (who, when, what: the office's audit of its reviews) and the annotated copy written:
// the township's own return as received, in the same form, the problem cells red with notes, a 退回意见 sheet.
import { AppError } from '../../shared/api/envelope.ts';
import { MESSAGES } from '../../shared/messages.ts';
import type { SendBack } from '../../shared/returns/review.ts';
import { evaluateReturn } from '../../shared/rules/evaluate.ts';
import { ALERT_LABEL, VERDICT_LABEL } from '../../shared/rules/messages.ts';
import { hasAlert } from '../../shared/rules/result.ts';
import { returnChecksum } from '../excel/checksum.ts';
import { sexColumnsOf } from '../../shared/framework/schema.ts';
import { writeReturnWorkbook } from '../excel/write-return.ts';
import { isoNow, type AppContext } from '../context/app-context.ts';
import { requireFramework } from '../frameworks/plans-service.ts';
import { regionVintage } from '../frameworks/regions-service.ts';
import { userName } from '../settings/settings-service.ts';
import type { ReviewState } from '../../shared/api/merge-contract.ts';
import type { SubmissionRow } from '../db/repos/submissions-repo.ts';
import type { Office } from './office.ts';
import { requireSubmission, submissionData, submissionsData } from './submissions.ts';

const M = MESSAGES.merge.review;

export interface ReviewRecord {
  id: number;
  submissionId: number;
  decision: 'returned' | 'accepted';
  overall: string;
  at: string;
  userName: string;
  remarks: number;
}

export function reviewsOf(ctx: AppContext, submissionId: number): ReviewRecord[] {
  return ctx.db
    .prepare(`SELECT r.id, r.submission_id AS submissionId, r.decision, r.overall, r.at, r.user_name AS userName,
    (SELECT count(*) FROM submission_review_remarks m WHERE m.review_id = r.id) AS remarks
    FROM submission_reviews r WHERE r.submission_id = ? ORDER BY r.id`)
    .all(submissionId) as ReviewRecord[];
}

/** The latest review of each of these versions (none: never reviewed). */
export function latestReviews(ctx: AppContext, submissionIds: readonly number[]): Map<number, ReviewState> {
  const out = new Map<number, ReviewState>();
  if (submissionIds.length === 0) return out;
  const rows = ctx.db
    .prepare(`SELECT r.submission_id AS id, r.decision, r.at, r.user_name AS userName, r.overall FROM submission_reviews r
    WHERE r.id IN (SELECT max(id) FROM submission_reviews WHERE submission_id IN (SELECT value FROM json_each(?)) GROUP BY submission_id)`)
    .all(JSON.stringify(submissionIds)) as (ReviewState & { id: number })[];
  for (const { id, ...review } of rows) out.set(id, review);
  return out;
}

/** 审核通过: the office accepts a received version, with an optional remark (who and when recorded). */
export function acceptVersion(
  ctx: AppContext,
  office: Office,
  year: number,
  submissionId: number,
  remark: string,
): SubmissionRow {
  const row = requireSubmission(ctx, office, submissionId);
  if (row.year !== year) throw new AppError('invalid_request', M.wrongYear(submissionId, year));
  ctx.db
    .prepare('INSERT INTO submission_reviews (submission_id, decision, overall, at, user_name) VALUES (?, ?, ?, ?, ?)')
    .run(row.id, 'accepted', remark, isoNow(ctx), userName(ctx));
  return row;
}

/** Sends a received version back: stores the review and writes the annotated copy. */
export async function sendBack(
  ctx: AppContext,
  office: Office,
  year: number,
  submissionId: number,
  input: SendBack,
): Promise<{ fileName: string; bytes: Buffer }> {
  const row = requireSubmission(ctx, office, submissionId);
  if (row.year !== year) throw new AppError('invalid_request', M.wrongYear(submissionId, year));
  const framework = requireFramework(ctx, row.planId, row.frameworkVersion);
  const items = new Map(framework.dataItems.map((d) => [d.code, d]));
  for (const m of input.remarks) {
    const item = items.get(m.item);
    if (!item || !sexColumnsOf(item).includes(m.sex))
      throw new AppError('invalid_request', M.unknownCell(m.item, m.sex), [
        { path: `remarks.${m.item}.${m.sex}`, message: M.unknownCell(m.item, m.sex) },
      ]);
  }
  const data = submissionData(ctx, row);
  const at = isoNow(ctx);
  ctx.db.transaction(() => {
    const id = Number(
      ctx.db
        .prepare(
          'INSERT INTO submission_reviews (submission_id, decision, overall, at, user_name) VALUES (?, ?, ?, ?, ?)',
        )
        .run(row.id, 'returned', input.overall, at, userName(ctx)).lastInsertRowid,
    );
    const put = ctx.db.prepare(
      'INSERT INTO submission_review_remarks (review_id, seq, item, sex, problem, remark) VALUES (?, ?, ?, ?, ?, ?)',
    );
    input.remarks.forEach((m, seq) => {
      put.run(id, seq, m.item, m.sex, m.problem, m.remark);
    });
  })();
  const { bytes } = await writeReturnWorkbook({
    kind: 'return',
    framework,
    data,
    region: { code: row.regionCode, name: row.supplierName },
    previous: null,
    evaluation: evaluateReturn(framework, data, []),
    explanations: {},
    userName: row.footer.filler,
    footer: { ...row.footer, reportedOn: row.reportedOn },
    regionVintage: regionVintage(ctx) || null,
    now: ctx.now(),
    status: row.fileStatus ?? undefined,
    department: row.department || undefined,
    review: {
      officeCode: office.region.code,
      officeName: office.region.name,
      reviewedAt: at,
      reviewOf: row.valuesChecksum ?? returnChecksum(data),
      overall: input.overall,
      remarks: input.remarks,
    },
  });
  return { fileName: M.fileName(row.supplierName, year), bytes };
}

/**
 * The rule engine's problems with a received version, for the remarks of a send-back: cell issues, then every
 * target short of the plan (尚有差距) or flagged 预警 (波动较大 against the unit's earlier versions held here,
 * 预计完成困难), placed on the cell its value comes from (a ratio's numerator).
 */
export function versionIssues(ctx: AppContext, office: Office, submissionId: number) {
  const row = requireSubmission(ctx, office, submissionId);
  const framework = requireFramework(ctx, row.planId, row.frameworkVersion);
  const earlier = (
    ctx.db
      .prepare(`SELECT id FROM submissions WHERE office_code = ? AND region_code = ? AND department = ? AND year < ? AND is_current = 1
    ORDER BY year DESC`)
      .all(office.region.code, row.regionCode, row.department, row.year) as { id: number }[]
  ).map((r) => requireSubmission(ctx, office, r.id));
  const evaluation = evaluateReturn(framework, submissionData(ctx, row), submissionsData(ctx, earlier));
  const cells = evaluation.issues.map((i) => ({ item: i.item, sex: i.sex, severity: i.severity, message: i.message }));
  const indicators = new Map(framework.indicators.map((i) => [i.code, i]));
  const targets = evaluation.targets.flatMap((t) => {
    const ind = indicators.get(t.indicator);
    const cell = ind?.kind === 'ratio' ? ind.numerator : ind?.kind === 'value' ? ind.source : null;
    if (!ind || !cell || (t.status !== 'not_met' && !hasAlert(t))) return [];
    const flags = [
      t.status === 'not_met' ? VERDICT_LABEL.not_met : '',
      t.hardToMeet ? ALERT_LABEL.hardToMeet : '',
      t.volatile ? ALERT_LABEL.volatile : '',
    ].filter(Boolean);
    return [
      {
        item: cell.item,
        sex: cell.sex,
        severity: 'warning' as const,
        message: M.targetProblem(ind.name, flags, t.message),
      },
    ];
  });
  return [...cells, ...targets];
}
