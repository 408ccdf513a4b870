// The annotated copy of a return sent back (退回): the township's own return in the same form, every cell with a
// remark filled red with a note (批注) saying what is wrong, and a 退回意见 sheet first: the office, the overall
// remark, then one row per remark (位置, 代码, 指标, 问题, 意见). Its metadata carries a checksum of the remarks.
import { createHash } from 'node:crypto';
import type ExcelJS from 'exceljs';
import type { Framework } from '../../shared/framework/schema.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { localDateTime } from '../../shared/returns/dates.ts';
import { canonicalReview } from '../../shared/returns/review.ts';
import { SEX_LABEL } from '../../shared/rules/messages.ts';
import { putText } from './write-style.ts';

const R = MESSAGES.excel.review;
const REMARK_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
const REMARK_FONT_COLOR = 'FF9C0006';

export interface ReviewAnnotations {
  officeCode: string;
  officeName: string;
  /** ISO time of the review */
  reviewedAt: string;
  /** the values checksum of the version reviewed */
  reviewOf: string;
  overall: string;
  remarks: { item: string; sex: 'total' | 'female' | 'male'; problem: string; remark: string }[];
}

export const reviewChecksum = (r: ReviewAnnotations) =>
  createHash('sha256')
    .update(
      canonicalReview({
        office: r.officeCode,
        reviewedAt: r.reviewedAt,
        reviewOf: r.reviewOf,
        overall: r.overall,
        remarks: r.remarks,
      }),
      'utf8',
    )
    .digest('hex');

/** Fills the 退回意见 sheet (added first, before the form) and marks the problem cells of the form. */
export function writeReview(
  wb: ExcelJS.Workbook,
  ws: ExcelJS.Worksheet,
  review: ReviewAnnotations,
  framework: Framework,
  unit: string,
  year: number,
  addresses: Map<string, string>,
) {
  const names = new Map(framework.dataItems.map((d) => [d.code, d.name]));
  ws.getColumn(1).width = 14;
  ws.getColumn(2).width = 8;
  ws.getColumn(3).width = 36;
  ws.getColumn(4).width = 40;
  ws.getColumn(5).width = 40;
  ws.mergeCells(1, 1, 1, 5);
  putText(ws, 1, 1, R.title(unit, year), { bold: true, size: 14, border: false });
  ws.mergeCells(2, 1, 2, 5);
  putText(ws, 2, 1, R.office(review.officeName, localDateTime(review.reviewedAt)), { border: false });
  ws.mergeCells(3, 1, 3, 5);
  putText(ws, 3, 1, `${R.overallLabel}${review.overall}`, { border: false, wrap: true, bold: true });
  ws.getRow(3).height = Math.max(18, Math.ceil(review.overall.length / 70) * 16);
  ws.mergeCells(4, 1, 4, 5);
  putText(ws, 4, 1, R.howTo, { border: false, wrap: true, size: 9 });
  ws.getRow(4).height = 30;
  R.headers.forEach((h, i) => {
    putText(ws, 6, i + 1, h, { bold: true, align: 'center' });
  });
  let r = 7;
  for (const m of review.remarks) {
    const key = `${m.item}.${m.sex}`;
    const where = addresses.get(key) ?? '';
    const texts = [where, m.item, `${names.get(m.item) ?? m.item}（${SEX_LABEL[m.sex]}）`, m.problem, m.remark];
    texts.forEach((text, i) => {
      putText(ws, r, i + 1, text, { wrap: true });
    });
    // wrapped text needs its rows: a CJK character takes about two width units, so ~width/2 per line
    const lines = Math.max(
      1,
      ...texts.map((text, i) =>
        Math.ceil(text.length / Math.max(1, Math.floor((ws.getColumn(i + 1).width ?? 10) / 2 - 1))),
      ),
    );
    ws.getRow(r).height = Math.max(18, lines * 15);
    r += 1;
    // the cell itself: red, with the remark as a note
    const cut = where.lastIndexOf('!');
    if (cut <= 0) continue;
    const sheet = wb.getWorksheet(where.slice(0, cut));
    if (!sheet) continue;
    const cell = sheet.getCell(where.slice(cut + 1));
    cell.fill = REMARK_FILL;
    cell.font = { ...(cell.font ?? {}), color: { argb: REMARK_FONT_COLOR }, bold: true };
    cell.note = R.note(m.remark, m.problem);
  }
  if (review.remarks.length === 0) putText(ws, r, 1, R.noRemarks, { border: false });
  ws.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
}
