// Writes a return (or a blank template) as a styled .xlsx laid out as a Chinese statistical report form, with exceljs:
// one sheet per area (header block, body, footer, 说明), a 校验结果 sheet, and a hidden 元数据 sheet.
// Every text the app writes is a plain string cell: a note starting with = + - @ can never evaluate.
// exceljs is loaded on the first write only (reading, validating and merging never need it).
import type ExcelJS from 'exceljs';
import type { Framework } from '../../shared/framework/schema.ts';
import { cellKey, type ReturnData, type ReturnStatus } from '../../shared/returns/schema.ts';
import type { Evaluation } from '../../shared/rules/result.ts';
import type { ReturnFooter } from '../../shared/returns/footer.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { buildLayout } from './layout.ts';
import { APP_VERSION } from './meta.ts';
import { writeAreaSheet } from './write-area-sheet.ts';
import { writeMetaSheet } from './write-meta-sheet.ts';
import { writeResultSheet } from './write-result-sheet.ts';
import { writeReview, type ReviewAnnotations } from './write-review.ts';
import { deflateStoredZip, type PartRewrites } from './zip-deflate.ts';

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
  /** 填表人 in the footer when no footer is given */
  userName: string;
  /** the signed footer (表尾); a template leaves it blank for the township to fill in */
  footer?: ReturnFooter;
  regionVintage: number | null;
  now: Date;
  /** the return's status, recorded in the metadata as its entry workflow (a county's merge counts drafts apart) */
  status?: ReturnStatus;
  /** a county department's return: its department (卫健, 教育 …), recorded in the metadata */
  department?: string;
  /** an annotated copy sent back (退回): a 退回意见 sheet first, the problem cells red with notes */
  review?: ReviewAnnotations;
  /** more sheets after the form and its 校验结果 (a merged return's 汇总说明, 数据来源, 分单位明细); may return parts
   * to rewrite once exceljs has written them (cells too many to hold as exceljs objects, written as XML) */
  addSheets?: (wb: ExcelJS.Workbook) => PartRewrites | void;
}

export interface WrittenWorkbook {
  bytes: Buffer;
  /** where each value went: HD01.total → 健康!D11, P01 → 决策!D40, target id → … */
  addresses: Map<string, string>;
}

/** Builds the workbook. A template is the same form with empty input cells marked yellow. */
export async function writeReturnWorkbook(input: WriteReturnInput): Promise<WrittenWorkbook> {
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
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
  const reviewSheet = input.review ? wb.addWorksheet(MESSAGES.excel.review.sheet) : null;
  for (const sheet of layout.sheets) await writeAreaSheet(wb, sc0, sheet);
  if (reviewSheet && input.review) writeReview(wb, reviewSheet, input.review, input.framework, input.region.name, input.data.year, addresses);
  if (input.kind === 'return' && input.evaluation) writeResultSheet(wb, input, input.evaluation, addresses);
  const rewrites = input.addSheets?.(wb) ?? undefined;
  writeMetaSheet(wb, input);
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  shareStyles(wb);
  // parts stored by exceljs (JSZip's deflate is pure JavaScript), then deflated natively
  const bytes = deflateStoredZip(Buffer.from(await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as ExcelJS.XlsxWriteOptions)), 6, rewrites);
  return { bytes, addresses };
}

/**
 * Cells that look alike get one style object: exceljs builds a style object per cell (each font, border, fill set on
 * it), and on writing turns each distinct object into XML to find its style number, most of a return's write. It
 * remembers the number by object, so one object per look is turned into XML once. What is written is the same.
 */
function shareStyles(wb: ExcelJS.Workbook): void {
  const byLook = new Map<string, Partial<ExcelJS.Style>>();
  const byObject = new WeakMap<object, Partial<ExcelJS.Style>>();
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => {
    const style = cell.style;
    if (!style) return;
    let shared = byObject.get(style);
    if (!shared) {
      const look = JSON.stringify(style);
      shared = byLook.get(look);
      if (!shared) byLook.set(look, (shared = style));
      byObject.set(style, shared);
    }
    if (shared !== style) cell.style = shared;
  })));
}
