// Writes a return (or a blank template) as a styled .xlsx laid out as a Chinese statistical report form, with exceljs:
// one sheet per area (header block, body, footer, 说明), a 校验结果 sheet, and a hidden 元数据 sheet.
// Every text the app writes is a plain string cell: a note starting with = + - @ can never evaluate.
import ExcelJS from 'exceljs';
import type { DataItem, Framework, SexColumn } from '../../shared/framework/schema.ts';
import { cellKey, type Cell, type QualitativeAnswer, type ReturnData } from '../../shared/returns/schema.ts';
import type { Evaluation } from '../../shared/rules/result.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { returnChecksum } from './checksum.ts';
import {
  COL, COLUMN_INDEX, COLUMN_KEYS, COLUMN_WIDTHS, LAST_COL, ROW, address, buildLayout, indicatorUnit, location,
  type LayoutRow, type SheetLayout,
} from './layout.ts';
import { APP_VERSION, META_FORMAT, META_FORMAT_VERSION, META_KEYS, type WorkbookMeta } from './meta.ts';
import { writeResultSheet } from './write-result-sheet.ts';

const F = MESSAGES.excel.form;

export interface WriteReturnInput {
  kind: 'return' | 'template';
  framework: Framework;
  /** the values (a template passes a return with no cells) */
  data: ReturnData;
  region: { code: string; name: string };
  /** last year's return of the same region, for the 上年 column */
  previous: ReturnData | null;
  /** the rule engine's verdict on `data` (exports only; templates have no 校验结果 sheet) */
  evaluation: Evaluation | null;
  /** explanations of warnings, by target id */
  explanations: Record<string, string>;
  /** 填表人 in the footer */
  userName: string;
  regionVintage: number | null;
  now: Date;
  /** the return's status, recorded in the metadata (a county's merge counts drafts apart) */
  status?: 'draft' | 'checked' | 'submitted';
  /** a county department's return: its department (卫健, 教育 …), recorded in the metadata */
  department?: string;
  /** more sheets after the form and its 校验结果 (a merged return's 汇总说明, 数据来源, 分单位明细) */
  addSheets?: (wb: ExcelJS.Workbook) => void;
}

export interface WrittenWorkbook {
  bytes: Buffer;
  /** where each value went: HD01.total → 健康!D11, P01 → 决策!D40, target id → … */
  addresses: Map<string, string>;
}

const FONT_NAME = '宋体';
const FONT = { name: FONT_NAME, size: 10 } as const;
const THIN = { style: 'thin', color: { argb: 'FF000000' } } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN } as const;
const fill = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });
const INPUT_FILL = fill('FFFFF2CC');
const LOCKED_FILL = fill('FFF2F2F2');
const HEADER_FILL = fill('FFE8E8E8');
const SECTION_FILL = fill('FFF7F7F7');

/** CJK text is about two width units per character at 10 pt. */
const lineCount = (text: string, width: number) => {
  const perLine = Math.max(4, Math.floor((width - 1) / 1.9));
  let units = 0;
  for (const ch of text) units += ch.charCodeAt(0) > 0xff ? 1 : 0.55;
  return Math.max(1, Math.ceil(units / perLine));
};

export function numberFormat(item: { valueType: DataItem['valueType']; decimals: number }): string {
  const frac = item.decimals > 0 ? `.${'0'.repeat(item.decimals)}` : '';
  return item.valueType === 'value' ? `0${frac}` : `#,##0${frac}`;
}

const PERCENT_POINTS_FORMAT = '+0.0"个百分点";-0.0"个百分点";0.0"个百分点"';
const CHANGE_FORMAT = '+0.0;-0.0;0.0';

/** A 无数据 note for a row: one reason for all marked cells, or 合计：…；女：… when they differ. */
export function noDataNote(cells: { sex: SexColumn; reason: string }[]): string {
  if (cells.length === 0) return '';
  const reasons = new Set(cells.map((c) => c.reason));
  const shared = cells[0].reason;
  if (reasons.size === 1 && !/^(合计|女|男)[:：]/.test(shared)) return shared;
  return cells.map((c) => F.noteReason(c.sex, c.reason)).join(F.noteSeparator);
}

interface SheetContext {
  ws: ExcelJS.Worksheet;
  input: WriteReturnInput;
  cells: Map<string, Cell>;
  previousCells: Map<string, Cell>;
  qualitative: Map<string, QualitativeAnswer>;
  previousQualitative: Map<string, QualitativeAnswer>;
  addresses: Map<string, string>;
  template: boolean;
}

function styleCell(cell: ExcelJS.Cell, opts: { bold?: boolean; align?: 'left' | 'center' | 'right'; wrap?: boolean; fill?: ExcelJS.Fill; indent?: number; size?: number; border?: boolean }) {
  cell.font = { ...FONT, bold: opts.bold ?? false, size: opts.size ?? FONT.size };
  cell.alignment = { vertical: 'middle', horizontal: opts.align ?? 'left', wrapText: opts.wrap ?? false, indent: opts.indent ?? 0 };
  if (opts.border !== false) cell.border = BORDER;
  if (opts.fill) cell.fill = opts.fill;
}

function putText(ws: ExcelJS.Worksheet, row: number, col: number, text: string, opts: Parameters<typeof styleCell>[1] = {}) {
  const cell = ws.getCell(row, col);
  // a plain string value: exceljs writes it as a shared string, never a formula
  cell.value = text;
  styleCell(cell, opts);
  return cell;
}

function notApplicable(ws: ExcelJS.Worksheet, row: number, col: number) {
  putText(ws, row, col, F.notApplicable, { align: 'center', fill: LOCKED_FILL });
}

/** Input cells: unlocked, yellow in a template, with the data validation the format allows. */
function markInput(cell: ExcelJS.Cell, template: boolean, validation: ExcelJS.DataValidation | null) {
  cell.protection = { locked: false };
  if (template) cell.fill = INPUT_FILL;
  if (validation) cell.dataValidation = validation;
}

function numberValidation(item: DataItem, ref: string): ExcelJS.DataValidation {
  const V = F.validation;
  const marks = `${ref}="${F.noDataMark}",${ref}="无数据"`;
  const percent = item.valueType === 'value' && item.unit === '%';
  const formula = item.valueType === 'count' ? `OR(AND(ISNUMBER(${ref}),${ref}>=0,${ref}=INT(${ref})),${marks})`
    : item.valueType === 'amount' ? `OR(AND(ISNUMBER(${ref}),${ref}>=0),${marks})`
    : percent ? `OR(AND(ISNUMBER(${ref}),${ref}>=0,${ref}<=100),${marks})`
    : `OR(ISNUMBER(${ref}),${marks})`;
  const [title, text] = item.valueType === 'count' ? [V.countTitle, V.count]
    : item.valueType === 'amount' ? [V.amountTitle, V.amount(item.decimals)]
    : [V.valueTitle, percent ? V.percent(item.decimals) : V.value(item.decimals)];
  return {
    type: 'custom', allowBlank: true, formulae: [formula],
    showErrorMessage: true, errorStyle: 'warning', errorTitle: title, error: text,
    showInputMessage: true, promptTitle: title, prompt: text,
  };
}

function writeItemRow(sc: SheetContext, sheet: SheetLayout, r: number, row: Extract<LayoutRow, { kind: 'item' }>) {
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
    if (stored?.noData && stored.value === null) {
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
  const formula = points ? `IF(AND(ISNUMBER(${d}),ISNUMBER(${g})),${d}-${g},"")` : `IF(AND(ISNUMBER(${d}),ISNUMBER(${g}),${g}<>0),(${d}-${g})/${g}*100,"")`;
  const result = current === null || previous === null ? '' : points ? current - previous : previous === 0 ? '' : ((current - previous) / previous) * 100;
  const changeCell = ws.getCell(r, COL.change);
  changeCell.value = { formula, result } as ExcelJS.CellFormulaValue;
  styleCell(changeCell, { align: 'right' });
  changeCell.numFmt = points ? PERCENT_POINTS_FORMAT : CHANGE_FORMAT;

  const note = noDataNote(reasons);
  const noteCell = putText(ws, r, COL.note, note, { wrap: true });
  markInput(noteCell, template, null);
  ws.getRow(r).height = Math.max(lineCount(item.name, COLUMN_WIDTHS.name), lineCount(note, COLUMN_WIDTHS.note)) * 13 + 6;
}

function writeQualitativeRow(sc: SheetContext, sheet: SheetLayout, r: number, row: Extract<LayoutRow, { kind: 'qualitative' }>) {
  const { ws, template } = sc;
  const { indicator, labels } = row;
  putText(ws, r, COL.name, indicator.name, { wrap: true, indent: 1 });
  putText(ws, r, COL.code, indicator.code, { align: 'center' });
  putText(ws, r, COL.unit, F.qualitativeUnit, { align: 'center' });
  ws.mergeCells(r, COL.total, r, COL.male);
  const answer = sc.qualitative.get(indicator.code);
  const choiceCell = putText(ws, r, COL.total, answer?.choice ? labels[answer.choice] : '', { align: 'center' });
  const options = [labels.done, labels.in_progress, labels.not_done];
  markInput(choiceCell, template, {
    type: 'list', allowBlank: true, formulae: [`"${options.join(',')}"`],
    showErrorMessage: true, errorStyle: 'stop', errorTitle: F.validation.choiceTitle, error: F.validation.choice(options),
    showInputMessage: true, promptTitle: F.validation.choiceTitle, prompt: F.validation.choice(options),
  });
  sc.addresses.set(indicator.code, location(sheet.sheetName, address(r, COL.total)));
  const prev = sc.previousQualitative.get(indicator.code);
  putText(ws, r, COL.previous, prev?.choice ? labels[prev.choice] : '', { align: 'center' });
  putText(ws, r, COL.change, '', { fill: LOCKED_FILL });
  const note = answer?.note ?? '';
  const noteCell = putText(ws, r, COL.note, note, { wrap: true });
  markInput(noteCell, template, null);
  ws.getRow(r).height = Math.max(lineCount(indicator.name, COLUMN_WIDTHS.name), lineCount(note, COLUMN_WIDTHS.note)) * 13 + 6;
}

function writeThresholdRow(sc: SheetContext, sheet: SheetLayout, r: number, row: Extract<LayoutRow, { kind: 'threshold' }>) {
  const { ws, template } = sc;
  putText(ws, r, COL.name, row.label, { wrap: true, indent: 1 });
  putText(ws, r, COL.code, row.target.id, { align: 'center', wrap: true });
  putText(ws, r, COL.unit, indicatorUnit(row.indicator), { align: 'center' });
  const cell = ws.getCell(r, COL.total);
  const value = sc.input.data.externalThresholds[row.target.id];
  if (value !== undefined) cell.value = value;
  styleCell(cell, { align: 'right' });
  markInput(cell, template, {
    type: 'decimal', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [0],
    showErrorMessage: true, errorStyle: 'warning', errorTitle: F.validation.valueTitle, error: F.validation.value(4),
  });
  sc.addresses.set(row.target.id, location(sheet.sheetName, address(r, COL.total)));
  notApplicable(ws, r, COL.female);
  notApplicable(ws, r, COL.male);
  const prev = sc.input.previous?.externalThresholds[row.target.id];
  const prevCell = ws.getCell(r, COL.previous);
  if (prev !== undefined) prevCell.value = prev;
  styleCell(prevCell, { align: 'right' });
  putText(ws, r, COL.change, '', { fill: LOCKED_FILL });
  putText(ws, r, COL.note, '', { fill: LOCKED_FILL });
  ws.getRow(r).height = Math.max(lineCount(row.label, COLUMN_WIDTHS.name), lineCount(row.target.id, COLUMN_WIDTHS.code) + 1) * 13 + 6;
}

function writeHeaderBlock(sc: SheetContext, sheet: SheetLayout) {
  const { ws, input } = sc;
  const county = input.framework.plan.region.name;
  ws.mergeCells(ROW.title, 1, ROW.title, LAST_COL);
  const title = putText(ws, ROW.title, 1, sheet.title, { bold: true, align: 'center', size: 16, border: false });
  title.font = { name: '黑体', size: 16, bold: true };
  ws.getRow(ROW.title).height = 30;

  ws.mergeCells(ROW.plan, 1, ROW.plan, COL.male);
  putText(ws, ROW.plan, 1, F.plan(input.framework.plan.name), { border: false, size: 9 });
  const marks = [F.formNumber(sheet.formNumber), F.maker(county), F.filedWith(county), F.validUntil(input.framework.plan.period.end)];
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
  const tall: [keyof typeof COL, string][] = [['name', H.name], ['code', H.code], ['unit', H.unit], ['previous', H.previous], ['change', H.change], ['note', H.note]];
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
  COLUMN_KEYS.forEach((key) => putText(ws, ROW.index, COL[key], COLUMN_INDEX[key], { align: 'center', fill: HEADER_FILL, size: 9 }));
  ws.getRow(ROW.headerTop).height = 18;
  ws.getRow(ROW.headerBottom).height = 18;
}

function writeFooter(sc: SheetContext, first: number): number {
  const { ws, input } = sc;
  const Ft = F.footer;
  let r = first + 1;
  const parts: [number, number, string][] = [
    [COL.name, COL.name, Ft.head], [COL.code, COL.unit, Ft.statistician], [COL.total, COL.female, Ft.filler(input.userName)],
    [COL.male, COL.previous, Ft.phone], [COL.change, LAST_COL, Ft.date],
  ];
  for (const [from, to, text] of parts) {
    if (to > from) ws.mergeCells(r, from, r, to);
    putText(ws, r, from, text, { border: false });
  }
  ws.getRow(r).height = 20;
  r += 1;
  const N = F.notes;
  const notes = [
    N.heading,
    input.data.level === 'township' ? N.whoTownship(input.region.name, input.framework.plan.region.name) : N.whoCounty(input.framework.plan.region.name),
    N.checks, N.columns, N.symbols, N.decimals,
    ...(input.data.level === 'county' ? [N.qualitative] : []),
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

async function writeAreaSheet(wb: ExcelJS.Workbook, sc0: Omit<SheetContext, 'ws'>, sheet: SheetLayout) {
  const ws = wb.addWorksheet(sheet.sheetName, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: ROW.index, topLeftCell: address(ROW.bodyStart, 1), activeCell: address(ROW.bodyStart, COL.total) }],
    pageSetup: {
      paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${ROW.headerTop}:${ROW.index}`,
    },
    headerFooter: { oddFooter: F.footerPage, evenFooter: F.footerPage },
  });
  const sc: SheetContext = { ...sc0, ws };
  COLUMN_KEYS.forEach((key) => { ws.getColumn(COL[key]).width = COLUMN_WIDTHS[key]; });
  writeHeaderBlock(sc, sheet);
  let r = ROW.bodyStart;
  for (const row of sheet.rows) {
    if (row.kind === 'area') {
      putText(ws, r, COL.name, row.label, { bold: true });
      putText(ws, r, COL.code, '', {});
      putText(ws, r, COL.unit, '', {});
      for (const c of [COL.total, COL.female, COL.male, COL.previous, COL.change]) notApplicable(ws, r, c);
      putText(ws, r, COL.note, '', {});
      ws.getRow(r).height = 18;
    } else if (row.kind === 'section') {
      ws.mergeCells(r, 1, r, LAST_COL);
      putText(ws, r, 1, row.label, { bold: true, fill: SECTION_FILL });
      for (let c = 2; c <= LAST_COL; c++) ws.getCell(r, c).border = BORDER;
      ws.getRow(r).height = 18;
    } else if (row.kind === 'item') writeItemRow(sc, sheet, r, row);
    else if (row.kind === 'qualitative') writeQualitativeRow(sc, sheet, r, row);
    else writeThresholdRow(sc, sheet, r, row);
    r += 1;
  }
  const last = writeFooter(sc, r);
  ws.pageSetup.printArea = `A1:${address(last, LAST_COL)}`;
  await ws.protect('', {
    selectLockedCells: true, selectUnlockedCells: true, formatCells: true, formatColumns: true, formatRows: true,
    insertRows: true, deleteRows: true, sort: false, autoFilter: false,
  });
}

function writeMetaSheet(wb: ExcelJS.Workbook, input: WriteReturnInput) {
  const ws = wb.addWorksheet(F.metaSheet, { state: 'hidden' });
  const meta: WorkbookMeta = {
    format: META_FORMAT, formatVersion: META_FORMAT_VERSION, kind: input.kind,
    planId: input.data.planId, planName: input.framework.plan.name, frameworkVersion: input.data.frameworkVersion,
    regionCode: input.region.code, regionName: input.region.name, level: input.data.level, year: input.data.year,
    appVersion: APP_VERSION, regionVintage: input.regionVintage ?? undefined, exportedAt: input.now.toISOString(),
    checksum: returnChecksum(input.data), status: input.status ?? '', department: input.department ?? '',
  };
  ws.getColumn(1).width = 18;
  ws.getColumn(2).width = 70;
  ws.getColumn(3).width = 24;
  META_KEYS.forEach((key, i) => {
    const value = meta[key];
    ws.getCell(i + 1, 1).value = key;
    // every value as text: the reader parses them with the metadata schema
    ws.getCell(i + 1, 2).value = value === undefined ? '' : String(value);
    ws.getCell(i + 1, 3).value = MESSAGES.excel.meta.labels[key] ?? '';
  });
  ws.getCell(META_KEYS.length + 2, 1).value = MESSAGES.excel.meta.note;
}

/** Builds the workbook. A template is the same form with empty input cells marked yellow. */
export async function writeReturnWorkbook(input: WriteReturnInput): Promise<WrittenWorkbook> {
  const wb = new ExcelJS.Workbook();
  wb.creator = `${MESSAGES.app.title} ${APP_VERSION}`;
  wb.lastModifiedBy = wb.creator;
  wb.created = input.now;
  wb.modified = input.now;
  wb.title = F.workbookTitle(input.region.name, input.data.year);
  const layout = buildLayout(input.framework, input.data.level, input.data);
  const addresses = new Map<string, string>();
  const sc0 = {
    input,
    cells: new Map(input.data.cells.map((c) => [cellKey(c.item, c.sex), c])),
    previousCells: new Map((input.previous?.cells ?? []).map((c) => [cellKey(c.item, c.sex), c])),
    qualitative: new Map(input.data.qualitative.map((q) => [q.indicator, q])),
    previousQualitative: new Map((input.previous?.qualitative ?? []).map((q) => [q.indicator, q])),
    addresses,
    template: input.kind === 'template',
  };
  for (const sheet of layout.sheets) await writeAreaSheet(wb, sc0, sheet);
  if (input.kind === 'return' && input.evaluation) writeResultSheet(wb, input, input.evaluation, addresses);
  input.addSheets?.(wb);
  writeMetaSheet(wb, input);
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  return { bytes, addresses };
}
