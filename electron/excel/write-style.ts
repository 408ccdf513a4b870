// The look of the exported form: fonts, borders and fills, the cell helpers that apply them, number formats,
// and the row height that fits wrapped CJK text.
import type ExcelJS from 'exceljs';
import type { DataItem } from '../../shared/framework/schema.ts';
import { MESSAGES } from '../../shared/messages.ts';

const F = MESSAGES.excel.form;

const FONT_NAME = '宋体';
const FONT = { name: FONT_NAME, size: 10 } as const;
const THIN = { style: 'thin', color: { argb: 'FF000000' } } as const;
export const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN } as const;
const fill = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });
/** Text of a cell that is no valid number (kept as typed): dark red, as in the entry grid. */
export const ERROR_COLOR = 'FFC00000';
const INPUT_FILL = fill('FFFFF2CC');
export const LOCKED_FILL = fill('FFF2F2F2');
export const HEADER_FILL = fill('FFE8E8E8');
export const SECTION_FILL = fill('FFF7F7F7');

/** CJK text is about two width units per character at 10 pt. */
export const lineCount = (text: string, width: number) => {
  const perLine = Math.max(4, Math.floor((width - 1) / 1.9));
  let units = 0;
  for (const ch of text) units += ch.charCodeAt(0) > 0xff ? 1 : 0.55;
  return Math.max(1, Math.ceil(units / perLine));
};

export function numberFormat(item: { valueType: DataItem['valueType']; decimals: number }): string {
  const frac = item.decimals > 0 ? `.${'0'.repeat(item.decimals)}` : '';
  return item.valueType === 'value' ? `0${frac}` : `#,##0${frac}`;
}

export const PERCENT_POINTS_FORMAT = '+0.0"个百分点";-0.0"个百分点";0.0"个百分点"';
export const CHANGE_FORMAT = '+0.0;-0.0;0.0';

export interface CellStyle {
  bold?: boolean;
  align?: 'left' | 'center' | 'right';
  wrap?: boolean;
  fill?: ExcelJS.Fill;
  indent?: number;
  size?: number;
  border?: boolean;
}

export function styleCell(cell: ExcelJS.Cell, opts: CellStyle) {
  cell.font = { ...FONT, bold: opts.bold ?? false, size: opts.size ?? FONT.size };
  cell.alignment = {
    vertical: 'middle',
    horizontal: opts.align ?? 'left',
    wrapText: opts.wrap ?? false,
    indent: opts.indent ?? 0,
  };
  if (opts.border !== false) cell.border = BORDER;
  if (opts.fill) cell.fill = opts.fill;
}

export function putText(ws: ExcelJS.Worksheet, row: number, col: number, text: string, opts: CellStyle = {}) {
  const cell = ws.getCell(row, col);
  // a plain string value: exceljs writes it as a shared string, never a formula
  cell.value = text;
  styleCell(cell, opts);
  return cell;
}

export function notApplicable(ws: ExcelJS.Worksheet, row: number, col: number) {
  putText(ws, row, col, F.notApplicable, { align: 'center', fill: LOCKED_FILL });
}

/** Input cells: unlocked, yellow in a template, with the data validation the format allows. */
export function markInput(cell: ExcelJS.Cell, template: boolean, validation: ExcelJS.DataValidation | null) {
  cell.protection = { locked: false };
  if (template) cell.fill = INPUT_FILL;
  if (validation) cell.dataValidation = validation;
}
