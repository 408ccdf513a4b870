// The body rows that hold values: a data item (合计/女/男, 上年, 增减, 备注), a qualitative indicator's answer,
// and a threshold set by a higher level. Each records where its values went.
import type ExcelJS from 'exceljs';
import type { SexColumn } from '../../shared/framework/schema.ts';
import { cellKey } from '../../shared/returns/schema.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { COL, COLUMN_WIDTHS, address, indicatorUnit, location, type LayoutRow, type SheetLayout } from './layout.ts';
import type { SheetContext } from './write-input.ts';
import {
  CHANGE_FORMAT,
  ERROR_COLOR,
  LOCKED_FILL,
  PERCENT_POINTS_FORMAT,
  lineCount,
  markInput,
  notApplicable,
  numberFormat,
  putText,
  styleCell,
} from './write-style.ts';
import { choiceValidation, numberValidation, thresholdValidation } from './write-validation.ts';

const F = MESSAGES.excel.form;

/** A 无数据 note for a row: one reason for all marked cells, or 合计：…；女：… when they differ. */
export function noDataNote(cells: { sex: SexColumn; reason: string }[]): string {
  if (cells.length === 0) return '';
  const reasons = new Set(cells.map((c) => c.reason));
  const shared = cells[0].reason;
  if (reasons.size === 1 && !/^(合计|女|男)[:：]/.test(shared)) return shared;
  return cells.map((c) => F.noteReason(c.sex, c.reason)).join(F.noteSeparator);
}

export function writeItemRow(
  sc: SheetContext,
  sheet: SheetLayout,
  r: number,
  row: Extract<LayoutRow, { kind: 'item' }>,
) {
  const { ws, template } = sc;
  const { item } = row;
  putText(ws, r, COL.name, item.name, { wrap: true, indent: 1 });
  putText(ws, r, COL.code, item.code, { align: 'center' });
  putText(ws, r, COL.unit, item.unit, { align: 'center' });
  const reasons: { sex: SexColumn; reason: string }[] = [];
  for (const sex of ['total', 'female', 'male'] as const) {
    const col = COL[sex];
    if (!row.columns.includes(sex)) {
      notApplicable(ws, r, col);
      continue;
    }
    const cell = ws.getCell(r, col);
    const stored = sc.cells.get(cellKey(item.code, sex));
    if (stored?.raw) {
      // text kept as typed that is no valid number: written as the text (never as a number), red; the
      // 校验结果 sheet lists its error, and importing the file back reports the same error at this cell
      cell.value = stored.raw;
      styleCell(cell, { align: 'right' });
      cell.font = { ...cell.font, color: { argb: ERROR_COLOR } };
    } else if (stored?.noData && stored.value === null) {
      cell.value = F.noDataMark;
      reasons.push({ sex, reason: stored.noData.reason });
      styleCell(cell, { align: 'center' });
    } else {
      if (stored && stored.value !== null) cell.value = stored.value;
      styleCell(cell, { align: 'right' });
      cell.numFmt = numberFormat(item);
    }
    markInput(cell, template, numberValidation(item, address(r, col)));
    sc.addresses.set(cellKey(item.code, sex), location(sheet.sheetName, address(r, col)));
  }
  // 上年 (合计) and 增减
  const prev = sc.previousCells.get(cellKey(item.code, 'total'));
  const prevCell = ws.getCell(r, COL.previous);
  if (prev?.value !== null && prev?.value !== undefined) prevCell.value = prev.value;
  else if (prev?.noData) prevCell.value = F.noDataMark;
  styleCell(prevCell, { align: prev?.value === null || prev?.value === undefined ? 'center' : 'right' });
  prevCell.numFmt = numberFormat(item);

  const current = sc.cells.get(cellKey(item.code, 'total'))?.value ?? null;
  const previous = prev?.value ?? null;
  const d = address(r, COL.total);
  const g = address(r, COL.previous);
  const points = item.unit === '%';
  const formula = points
    ? `IF(AND(ISNUMBER(${d}),ISNUMBER(${g})),${d}-${g},"")`
    : `IF(AND(ISNUMBER(${d}),ISNUMBER(${g}),${g}<>0),(${d}-${g})/${g}*100,"")`;
  const result =
    current === null || previous === null
      ? ''
      : points
        ? current - previous
        : previous === 0
          ? ''
          : ((current - previous) / previous) * 100;
  const changeCell = ws.getCell(r, COL.change);
  changeCell.value = { formula, result } as ExcelJS.CellFormulaValue;
  styleCell(changeCell, { align: 'right' });
  changeCell.numFmt = points ? PERCENT_POINTS_FORMAT : CHANGE_FORMAT;

  const note = noDataNote(reasons);
  const noteCell = putText(ws, r, COL.note, note, { wrap: true });
  markInput(noteCell, template, null);
  ws.getRow(r).height =
    Math.max(lineCount(item.name, COLUMN_WIDTHS.name), lineCount(note, COLUMN_WIDTHS.note)) * 13 + 6;
}

export function writeQualitativeRow(
  sc: SheetContext,
  sheet: SheetLayout,
  r: number,
  row: Extract<LayoutRow, { kind: 'qualitative' }>,
) {
  const { ws, template } = sc;
  const { indicator, labels } = row;
  putText(ws, r, COL.name, indicator.name, { wrap: true, indent: 1 });
  putText(ws, r, COL.code, indicator.code, { align: 'center' });
  putText(ws, r, COL.unit, F.qualitativeUnit, { align: 'center' });
  ws.mergeCells(r, COL.total, r, COL.male);
  const answer = sc.qualitative.get(indicator.code);
  const choiceCell = putText(ws, r, COL.total, answer?.choice ? labels[answer.choice] : '', { align: 'center' });
  markInput(choiceCell, template, choiceValidation([labels.done, labels.in_progress, labels.not_done]));
  sc.addresses.set(indicator.code, location(sheet.sheetName, address(r, COL.total)));
  const prev = sc.previousQualitative.get(indicator.code);
  putText(ws, r, COL.previous, prev?.choice ? labels[prev.choice] : '', { align: 'center' });
  putText(ws, r, COL.change, '', { fill: LOCKED_FILL });
  const note = answer?.note ?? '';
  const noteCell = putText(ws, r, COL.note, note, { wrap: true });
  markInput(noteCell, template, null);
  ws.getRow(r).height =
    Math.max(lineCount(indicator.name, COLUMN_WIDTHS.name), lineCount(note, COLUMN_WIDTHS.note)) * 13 + 6;
}

export function writeThresholdRow(
  sc: SheetContext,
  sheet: SheetLayout,
  r: number,
  row: Extract<LayoutRow, { kind: 'threshold' }>,
) {
  const { ws, template } = sc;
  putText(ws, r, COL.name, row.label, { wrap: true, indent: 1 });
  putText(ws, r, COL.code, row.target.id, { align: 'center', wrap: true });
  putText(ws, r, COL.unit, indicatorUnit(row.indicator), { align: 'center' });
  const cell = ws.getCell(r, COL.total);
  const value = sc.input.data.externalThresholds[row.target.id];
  if (value !== undefined) cell.value = value;
  styleCell(cell, { align: 'right' });
  markInput(cell, template, thresholdValidation());
  sc.addresses.set(row.target.id, location(sheet.sheetName, address(r, COL.total)));
  notApplicable(ws, r, COL.female);
  notApplicable(ws, r, COL.male);
  const prev = sc.input.previous?.externalThresholds[row.target.id];
  const prevCell = ws.getCell(r, COL.previous);
  if (prev !== undefined) prevCell.value = prev;
  styleCell(prevCell, { align: 'right' });
  putText(ws, r, COL.change, '', { fill: LOCKED_FILL });
  putText(ws, r, COL.note, '', { fill: LOCKED_FILL });
  ws.getRow(r).height =
    Math.max(lineCount(row.label, COLUMN_WIDTHS.name), lineCount(row.target.id, COLUMN_WIDTHS.code) + 1) * 13 + 6;
}
