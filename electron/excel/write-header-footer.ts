// The frame around an area sheet's body: the header block (title, 表号/制定机关 marks, 填报单位, 年度, the two-row
// column header and the column index row) and the footer (signatures, then the 说明 notes).
import { MESSAGES } from '../../shared/messages.ts';
import { footerDateText } from '../../shared/returns/footer.ts';
import { COL, COLUMN_INDEX, COLUMN_KEYS, LAST_COL, ROW, type SheetLayout } from './layout.ts';
import type { SheetContext } from './write-input.ts';
import { BORDER, HEADER_FILL, lineCount, markInput, putText } from './write-style.ts';

const F = MESSAGES.excel.form;

export function writeHeaderBlock(sc: SheetContext, sheet: SheetLayout) {
  const { ws, input } = sc;
  const county = input.framework.plan.region.name;
  ws.mergeCells(ROW.title, 1, ROW.title, LAST_COL);
  const title = putText(ws, ROW.title, 1, sheet.title, { bold: true, align: 'center', size: 16, border: false });
  title.font = { name: '黑体', size: 16, bold: true };
  ws.getRow(ROW.title).height = 30;

  ws.mergeCells(ROW.plan, 1, ROW.plan, COL.male);
  putText(ws, ROW.plan, 1, F.plan(input.framework.plan.name), { border: false, size: 9 });
  const marks = [
    F.formNumber(sheet.formNumber),
    F.maker(county),
    F.filedWith(county),
    F.validUntil(input.framework.plan.period.end),
  ];
  marks.forEach((text, i) => {
    const r = ROW.marksFirst + i;
    ws.mergeCells(r, COL.previous, r, LAST_COL);
    putText(ws, r, COL.previous, text, { border: false, size: 9 });
  });
  ws.mergeCells(ROW.marksLast, 1, ROW.marksLast, COL.unit);
  putText(ws, ROW.marksLast, 1, F.unitCode(input.region.code), { border: false });
  ws.mergeCells(ROW.unit, 1, ROW.unit, COL.unit);
  putText(ws, ROW.unit, 1, F.unit(input.region.name), { border: false, bold: true });
  ws.mergeCells(ROW.unit, COL.total, ROW.unit, COL.male);
  putText(ws, ROW.unit, COL.total, F.year(input.data.year), { border: false, align: 'center', bold: true });
  ws.mergeCells(ROW.unit, COL.previous, ROW.unit, LAST_COL);
  putText(ws, ROW.unit, COL.previous, sheet.wholeUnit ? F.wholeUnit(sheet.wholeUnit) : '', { border: false });
  for (let r = ROW.plan; r <= ROW.unit; r++) ws.getRow(r).height = 16;

  // two-row column header and the column index row
  const H = F.headers;
  const tall: [keyof typeof COL, string][] = [
    ['name', H.name],
    ['code', H.code],
    ['unit', H.unit],
    ['previous', H.previous],
    ['change', H.change],
    ['note', H.note],
  ];
  for (const [key, text] of tall) {
    ws.mergeCells(ROW.headerTop, COL[key], ROW.headerBottom, COL[key]);
    putText(ws, ROW.headerTop, COL[key], text, { bold: true, align: 'center', fill: HEADER_FILL, wrap: true });
  }
  ws.mergeCells(ROW.headerTop, COL.total, ROW.headerTop, COL.male);
  putText(ws, ROW.headerTop, COL.total, H.current, { bold: true, align: 'center', fill: HEADER_FILL });
  putText(ws, ROW.headerBottom, COL.total, H.total, { bold: true, align: 'center', fill: HEADER_FILL });
  putText(ws, ROW.headerBottom, COL.female, H.female, { bold: true, align: 'center', fill: HEADER_FILL });
  putText(ws, ROW.headerBottom, COL.male, H.male, { bold: true, align: 'center', fill: HEADER_FILL });
  for (let c = 1; c <= LAST_COL; c++) {
    // merged header cells need their border on every cell of the merge
    for (const r of [ROW.headerTop, ROW.headerBottom]) ws.getCell(r, c).border = BORDER;
  }
  COLUMN_KEYS.forEach((key) => {
    putText(ws, ROW.index, COL[key], COLUMN_INDEX[key], { align: 'center', fill: HEADER_FILL, size: 9 });
  });
  ws.getRow(ROW.headerTop).height = 18;
  ws.getRow(ROW.headerBottom).height = 18;
}

/**
 * Writes the footer below the body (a blank row first); returns the last row written. The signed footer is two
 * rows of label and value cells: 单位负责人 | 统计负责人 | 填表人, then 联系电话 | 报出日期. The value cells are
 * input cells (unlocked; yellow in a template), so a township filling the form in Excel or WPS signs it there.
 */
export function writeFooter(sc: SheetContext, first: number): number {
  const { ws, input } = sc;
  const Ft = F.footer;
  let r = first + 1;
  // a template's footer is the township's to fill in; a return's is its own signed footer
  const footer = sc.template
    ? null
    : (input.footer ?? { head: '', statistician: '', filler: input.userName, phone: '', reportedOn: null });
  const rows: [string, string][][] = [
    [
      [Ft.label('head'), footer?.head ?? ''],
      [Ft.label('statistician'), footer?.statistician ?? ''],
      [Ft.label('filler'), footer?.filler ?? ''],
    ],
    [
      [Ft.label('phone'), footer?.phone ?? ''],
      [Ft.label('reportedOn'), footerDateText(footer?.reportedOn ?? null)],
    ],
  ];
  // label column, then the value cells it spans: A | B:C, D | E:F, G | H:I
  const slots: [number, number, number][] = [
    [COL.name, COL.code, COL.unit],
    [COL.total, COL.female, COL.male],
    [COL.previous, COL.change, COL.note],
  ];
  for (const fields of rows) {
    fields.forEach(([label, value], i) => {
      const [l, from, to] = slots[i];
      putText(ws, r, l, label, { border: false, align: 'right' });
      ws.mergeCells(r, from, r, to);
      const cell = putText(ws, r, from, value, { border: false });
      cell.border = { bottom: { style: 'thin' } };
      markInput(cell, sc.template, null);
    });
    ws.getRow(r).height = 20;
    r += 1;
  }
  const N = F.notes;
  const notes = [
    N.heading,
    input.data.level === 'township'
      ? N.whoTownship(input.region.name, input.framework.plan.region.name)
      : N.whoCounty(input.framework.plan.region.name),
    N.checks,
    N.columns,
    N.symbols,
    N.decimals,
    ...(input.data.level !== 'township' ? [N.qualitative] : []),
    ...(sc.template ? [N.template] : []),
  ];
  for (const text of notes) {
    ws.mergeCells(r, 1, r, LAST_COL);
    putText(ws, r, 1, text, { border: false, wrap: true, size: 9 });
    ws.getRow(r).height = lineCount(text, 125) * 12 + 4;
    r += 1;
  }
  return r - 1;
}
