// What the writer of a return's workbook is given, and what each sheet's writer shares: declared apart from the
// writers so that they import it downwards (write-return → write-area-sheet → write-item-rows …) without a circle.
import type ExcelJS from 'exceljs';
import type { Framework } from '../../shared/framework/schema.ts';
import type { Cell, QualitativeAnswer, ReturnData, ReturnStatus } from '../../shared/returns/schema.ts';
import type { Evaluation } from '../../shared/rules/result.ts';
import type { ReturnFooter } from '../../shared/returns/footer.ts';
import type { ReviewAnnotations } from './write-review.ts';
import type { PartRewrites } from './zip-deflate.ts';

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
  addSheets?: (wb: ExcelJS.Workbook) => PartRewrites | undefined;
}

export interface SheetContext {
  ws: ExcelJS.Worksheet;
  input: WriteReturnInput;
  cells: Map<string, Cell>;
  previousCells: Map<string, Cell>;
  qualitative: Map<string, QualitativeAnswer>;
  previousQualitative: Map<string, QualitativeAnswer>;
  addresses: Map<string, string>;
  template: boolean;
}
