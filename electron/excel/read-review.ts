// Reads the 退回意见 sheet of an annotated copy (hostile until checked): the overall remark and one remark per row,
// each tied to its cell through the form's addresses; the remarks' checksum must match the one the metadata
// states, so a remark edited (or added) outside the app is refused. Pure.
import { createHash } from 'node:crypto';
import { MESSAGES } from '../../shared/messages.ts';
import { canonicalReview, ReviewRemarkSchema, type ReviewRemark } from '../../shared/returns/review.ts';
import type { WorkbookMeta } from './meta.ts';
import { cellText, headerText, type GridWorkbook } from './grid.ts';

const R = MESSAGES.excel.review;

export interface ReadReview {
  officeCode: string;
  officeName: string;
  reviewedAt: string;
  reviewOf: string;
  overall: string;
  remarks: (ReviewRemark & { location: string })[];
}

export type ReviewReading =
  | { ok: true; review: ReadReview }
  | { ok: false; reason: 'not_review' | 'tampered' | 'bad_row'; detail?: string };

/** `addresses`: where each value was read (HD01.total → 健康!E12), from the return reader. */
export function readReview(
  workbook: GridWorkbook,
  meta: WorkbookMeta | null,
  addresses: Record<string, string>,
): ReviewReading {
  if (!meta?.reviewChecksum || !meta.reviewOffice || !meta.reviewOf || !meta.reviewedAt)
    return { ok: false, reason: 'not_review' };
  const sheet = workbook.sheets.find((s) => s.name === R.sheet);
  if (!sheet) return { ok: false, reason: 'tampered', detail: R.sheet };
  const byLocation = new Map(Object.entries(addresses).map(([key, loc]) => [loc, key]));
  const overallText = cellText(sheet.rows[2]?.[0]);
  const label = R.overallLabel.normalize('NFKC');
  const overall = overallText.startsWith(label) ? overallText.slice(label.length).trim() : overallText;
  const header = sheet.rows.findIndex((row) => headerText(row?.[0]) === R.headers[0]);
  const remarks: ReadReview['remarks'] = [];
  if (header >= 0) {
    for (let r = header + 1; r < sheet.rows.length; r++) {
      const row = sheet.rows[r] ?? [];
      const location = cellText(row[0]);
      if (!location) continue;
      const key = byLocation.get(location);
      if (!key) return { ok: false, reason: 'bad_row', detail: location };
      const [item, sex] = key.split('.');
      // the reader normalises to NFKC; the app writes remarks as typed, so compare the raw text
      const raw = (c: number) => String(row[c]?.v ?? '').trim();
      const parsed = ReviewRemarkSchema.safeParse({ item, sex, problem: raw(3), remark: raw(4) });
      if (!parsed.success) return { ok: false, reason: 'bad_row', detail: location };
      remarks.push({ ...parsed.data, location });
    }
  }
  const rawOverall = String(sheet.rows[2]?.[0]?.v ?? '').trim();
  const overallAsWritten = rawOverall.startsWith(R.overallLabel)
    ? rawOverall.slice(R.overallLabel.length).trim()
    : overall;
  const stated = meta.reviewChecksum;
  const actual = createHash('sha256')
    .update(
      canonicalReview({
        office: meta.reviewOffice,
        reviewedAt: meta.reviewedAt,
        reviewOf: meta.reviewOf,
        overall: overallAsWritten,
        remarks,
      }),
      'utf8',
    )
    .digest('hex');
  if (stated !== actual) return { ok: false, reason: 'tampered' };
  return {
    ok: true,
    review: {
      officeCode: meta.reviewOffice,
      officeName: meta.reviewOfficeName ?? '',
      reviewedAt: meta.reviewedAt,
      reviewOf: meta.reviewOf,
      overall: overallAsWritten,
      remarks,
    },
  };
}
