// The sheets a merged return adds to the return form: 汇总说明 (reporting rate, who is missing, how the figures
// were made), 数据来源 (who supplied each data item) and 分单位明细 (every child side by side with the total,
// below-target values marked).
import type ExcelJS from 'exceljs';
import { MESSAGES } from '../../shared/messages.ts';
import { AppendedStrings, fillTextRun } from '../excel/text-rows.ts';
import type { PartRewrite, PartRewrites } from '../excel/zip-deflate.ts';
import { localDate } from '../../shared/returns/dates.ts';
import type { Breakdown, BreakdownRow } from './breakdown.ts';
import { fillValueCells } from './breakdown-cells.ts';
import type { MergedReturn } from './county-aggregate.ts';
import { sourceLabel } from './merge-service.ts';

const S = MESSAGES.merge.sheets;
const SHARED_STRINGS = 'xl/sharedStrings.xml';
const FONT = { name: '宋体', size: 10 } as const;
const THIN = { style: 'thin', color: { argb: 'FF000000' } } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN } as const;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };
const BELOW_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE2E1' } };
const RISK_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
const PAGE = {
  paperSize: 9,
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
} as const;

type PutOptions = {
  bold?: boolean;
  header?: boolean;
  align?: 'left' | 'center' | 'right';
  border?: boolean;
  wrap?: boolean;
  numFmt?: string;
  fill?: ExcelJS.Fill;
};

// One style object per look, shared by every cell that has it: exceljs then writes each look once (it caches the
// style id by object) and keeps no style object per cell, which at thousands of children is most of the memory.
const styles = new Map<string, Partial<ExcelJS.Style>>();
function styleOf(opts: PutOptions): Partial<ExcelJS.Style> {
  const bold = opts.bold ?? opts.header ?? false;
  const horizontal = opts.align ?? (opts.header ? 'center' : 'left');
  const wrapText = opts.wrap ?? false;
  const fill = opts.header ? HEADER_FILL : opts.fill;
  const key = `${bold}|${horizontal}|${wrapText}|${opts.border !== false}|${opts.numFmt ?? ''}|${fill === HEADER_FILL ? 'h' : fill === BELOW_FILL ? 'b' : fill === RISK_FILL ? 'r' : ''}`;
  let style = styles.get(key);
  if (!style) {
    style = { font: { ...FONT, bold }, alignment: { vertical: 'middle', horizontal, wrapText } };
    if (opts.border !== false) style.border = BORDER;
    if (fill) style.fill = fill;
    if (opts.numFmt) style.numFmt = opts.numFmt;
    styles.set(key, style);
  }
  return style;
}

/** A value cell: only its number format and, when marked, a fill. */
const valueStyles = new Map<string, Partial<ExcelJS.Style>>();
function valueStyle(numFmt: string, status: string | null | undefined): Partial<ExcelJS.Style> {
  const fill = status === 'not_met' ? BELOW_FILL : status === 'basically_met' ? RISK_FILL : undefined;
  const key = `${numFmt}|${fill === BELOW_FILL ? 'b' : fill === RISK_FILL ? 'r' : ''}`;
  let style = valueStyles.get(key);
  if (!style) {
    style = fill ? { numFmt, fill } : { numFmt };
    valueStyles.set(key, style);
  }
  return style;
}

function put(ws: ExcelJS.Worksheet, r: number, c: number, value: string | number | null, opts: PutOptions = {}) {
  const cell = ws.getCell(r, c);
  // plain strings and numbers only: nothing a reader could evaluate
  cell.value = value;
  // a merged cell shares its style object with the cells it covers: set the properties on that object
  if (cell.isMerged) Object.assign(cell.style, styleOf(opts));
  else cell.style = styleOf(opts);
  return cell;
}

function title(ws: ExcelJS.Worksheet, text: string, lastCol: number) {
  ws.mergeCells(1, 1, 1, lastCol);
  const cell = put(ws, 1, 1, text, { align: 'center', border: false });
  cell.font = { name: '黑体', size: 14, bold: true };
  ws.getRow(1).height = 26;
}

const numFmt = (decimals: number) => (decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0');

/** Rows written as XML by the last export, for a test that the fast path is used. */
export const notesRowsAsXml = { count: 0 };

/**
 * 汇总说明. With thousands of children listed, their rows are written as XML into the sheet exceljs wrote (the rewrites
 * returned); `asXml: false` has exceljs write every row, as before (a test compares the two).
 */
export function writeNotesSheet(
  wb: ExcelJS.Workbook,
  merged: MergedReturn,
  options: { asXml?: boolean } = {},
): PartRewrites {
  const { office, year } = merged.inputs;
  const ws = wb.addWorksheet(S.notesSheet, { pageSetup: { ...PAGE, orientation: 'portrait' } });
  [14, 30, 12, 14, 34].forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  title(ws, S.notesTitle(office.region.name, year), 5);
  let r = 3;
  for (const note of merged.notes) {
    ws.mergeCells(r, 1, r, 5);
    put(ws, r, 1, note, { border: false, wrap: true });
    ws.getRow(r).height = Math.max(16, Math.ceil([...note].length / 55) * 14 + 4);
    r += 1;
  }
  r += 1;
  const H = S.childHeaders;
  [H.code, H.name, H.state, H.reportedOn, H.file].forEach((h, i) => {
    put(ws, r, i + 1, h, { header: true });
  });
  r += 1;
  const children = merged.inputs.children;
  const texts = (c: (typeof children)[number]) => [
    c.region.code,
    c.region.name,
    MESSAGES.merge.state[c.state],
    localDate(c.submission?.reportedOn),
    c.submission?.fileName ?? (c.source === 'local' ? MESSAGES.merge.page.local : ''),
  ];
  // exceljs writes the first and the last child; the rows between are written as XML (text-rows.ts)
  const run = options.asXml !== false && children.length > 2 ? { first: r, last: r + children.length - 1 } : null;
  children.forEach((c, i) => {
    if (run && i > 0 && i < children.length - 1) return;
    const [code, name, state, date, file] = texts(c);
    put(ws, r + i, 1, code);
    put(ws, r + i, 2, name);
    put(ws, r + i, 3, state, { align: 'center' });
    put(ws, r + i, 4, date, { align: 'center' });
    put(ws, r + i, 5, file);
  });
  r += children.length;
  const deps = merged.inputs.departments.filter((d) => d.submission);
  if (deps.length > 0) {
    r += 1;
    [H.department, H.name, H.state, H.reportedOn, H.file].forEach((h, i) => {
      put(ws, r, i + 1, h, { header: true });
    });
    r += 1;
    for (const d of deps) {
      put(ws, r, 1, d.department);
      put(ws, r, 2, MESSAGES.merge.departmentName(d.department));
      put(ws, r, 3, MESSAGES.merge.state[d.state], { align: 'center' });
      put(ws, r, 4, localDate(d.submission?.reportedOn), { align: 'center' });
      put(ws, r, 5, d.submission?.fileName ?? '');
      r += 1;
    }
  }
  notesRowsAsXml.count = run ? children.length - 2 : 0;
  if (!run) return new Map();
  const strings = new AppendedStrings();
  const rows = children.slice(1, -1).map(texts);
  return new Map<string, PartRewrite>([
    [
      `xl/worksheets/sheet${ws.id}.xml`,
      (written, part) => {
        strings.start(part(SHARED_STRINGS));
        return fillTextRun(written, { ...run, rows }, strings);
      },
    ],
    [SHARED_STRINGS, (written) => strings.appendTo(written)],
  ]);
}

export function writeSourcesSheet(wb: ExcelJS.Workbook, merged: MergedReturn) {
  const { office, year } = merged.inputs;
  const ws = wb.addWorksheet(S.sourcesSheet, {
    views: [{ state: 'frozen', ySplit: 3 }],
    pageSetup: { ...PAGE, orientation: 'portrait', printTitlesRow: '3:3' },
  });
  [9, 40, 12, 28].forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  title(ws, S.sourcesTitle(office.region.name, year), 4);
  const H = S.sourceHeaders;
  [H.code, H.name, H.department, H.source].forEach((h, i) => {
    put(ws, 3, i + 1, h, { header: true });
  });
  const items = new Map(office.framework.dataItems.map((d) => [d.code, d]));
  let r = 4;
  for (const s of merged.result.sources) {
    const item = items.get(s.item)!;
    put(ws, r, 1, s.item, { align: 'center' });
    put(ws, r, 2, item.name);
    put(ws, r, 3, item.department, { align: 'center' });
    put(ws, r, 4, sourceLabel(s));
    r += 1;
  }
}

/** Children side by side; with thousands of children the columns are capped (Excel holds 16,384).
 * exceljs writes everything but the children's value cells, which are thousands of cells per row at a city or
 * with thousands of townships: it writes one cell of each look (to give the look its style number) and the XML
 * of the rest is written straight into the sheet it wrote (breakdown-cells.ts), so no cell object is held per value. */
export function writeBreakdownSheet(wb: ExcelJS.Workbook, merged: MergedReturn, breakdown: Breakdown): PartRewrites {
  const { office, year } = merged.inputs;
  const cols = breakdown.columns;
  const first = 5;
  const last = first + cols.length;
  const noteCol = last + 1;
  const ws = wb.addWorksheet(S.breakdownSheet, {
    views: [{ state: 'frozen', xSplit: 2, ySplit: 3 }],
    pageSetup: { ...PAGE, printTitlesRow: '3:3', printTitlesColumn: 'A:B' },
  });
  [8, 34, 8, 18].forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  for (let c = first; c <= last; c++) ws.getColumn(c).width = 11;
  title(
    ws,
    S.breakdownTitle(
      office.region.name,
      year,
      office.level === 'county' ? MESSAGES.merge.nouns.township : MESSAGES.merge.nouns.county,
    ),
    Math.min(last, 12),
  );
  ws.mergeCells(2, 1, 2, Math.min(last, 12));
  put(ws, 2, 1, S.breakdownLegend, { border: false });
  const H = S.breakdownHeaders;
  [H.code, H.name, H.unit, H.target].forEach((h, i) => {
    put(ws, 3, i + 1, h, { header: true });
  });
  cols.forEach((c, i) => {
    put(ws, 3, first + i, c.state === 'draft' ? `${c.name}${S.draftMark}` : c.name, { header: true, wrap: true });
  });
  put(ws, 3, last, H.total, { header: true });
  put(ws, 3, noteCol, H.totalNote, { header: true });
  ws.getColumn(noteCol).width = 36;
  ws.getRow(3).height = 32;
  // the one cell exceljs writes of each look of value cell, by its look
  const probes = new Map<Partial<ExcelJS.Style>, string>();
  const valueRows: { r: number; row: BreakdownRow; styles: Partial<ExcelJS.Style>[] }[] = [];
  let r = 4;
  const sections: [string, Breakdown['rows']][] = [
    [S.indicatorsSection, breakdown.rows.filter((x) => x.kind === 'indicator')],
    [S.itemsSection, breakdown.rows.filter((x) => x.kind === 'item')],
  ];
  for (const [label, rows] of sections) {
    if (rows.length === 0) continue;
    ws.mergeCells(r, 1, r, Math.min(last, 12));
    put(ws, r, 1, label, { bold: true, border: false });
    r += 1;
    for (const row of rows) {
      put(ws, r, 1, row.code, { align: 'center' });
      put(ws, r, 2, row.label);
      put(ws, r, 3, row.unit === '1/10万' ? MESSAGES.app.common.per100k : row.unit, { align: 'center' });
      put(ws, r, 4, row.target, { wrap: false });
      const fmt = numFmt(row.decimals);
      const excelRow = ws.getRow(r);
      // value cells carry only their number format (and a fill when marked), one shared style per look
      const looks = row.values.map((_, i) => valueStyle(fmt, row.status?.[i]));
      looks.forEach((look, i) => {
        if (probes.has(look)) return;
        const cell = excelRow.getCell(first + i);
        cell.value = row.values[i];
        cell.style = look;
        probes.set(look, cell.address);
      });
      valueRows.push({ r, row, styles: looks });
      const ts = row.totalStatus;
      put(ws, r, last, row.total === null ? '' : row.total, {
        align: 'right',
        bold: true,
        numFmt: fmt,
        fill: ts === 'not_met' ? BELOW_FILL : ts === 'basically_met' ? RISK_FILL : undefined,
      });
      if (row.kind === 'indicator') {
        put(ws, r, noteCol, row.totalNote, { wrap: true });
        if (row.totalNote) ws.getRow(r).height = Math.max(15, Math.ceil([...row.totalNote].length / 17) * 13 + 4);
      }
      r += 1;
    }
  }
  return new Map([
    [
      `xl/worksheets/sheet${ws.id}.xml`,
      (written: Buffer) =>
        fillValueCells(written, {
          first,
          last,
          probes,
          rows: valueRows.map((v) => ({ r: v.r, values: v.row.values, looks: v.styles })),
        }),
    ],
  ]);
}
