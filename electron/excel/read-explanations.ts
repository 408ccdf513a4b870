// The 校验结果 sheet on import: how to recognise it, and the 预警说明 (explanations of warnings) it holds.
import type { Framework } from '../../shared/framework/schema.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { address } from './layout.ts';
import { noteText } from './parse-cell.ts';
import { normaliseCode } from './read-codes.ts';
import { cellText, headerText, type GridSheet } from './grid.ts';
import { ROW_RESULT_HEADER, sheetText } from './sheet-text.ts';
import type { RawProblem } from './import-report.ts';

const P = MESSAGES.excel.problem;
const MAX_EXPLANATION = 500;

/** By its name, or (renamed) by the 目标编号 header in its first 200 rows. */
export const isResultSheet = (sheet: GridSheet) =>
  sheet.name === MESSAGES.excel.form.resultSheet ||
  sheetText(sheet)
    .flags.subarray(0, 200)
    .some((f) => (f & ROW_RESULT_HEADER) !== 0);

/** 预警说明 by target id, from a 校验结果 sheet (目标编号 … 预警说明 columns). */
export function readExplanations(
  sheet: GridSheet,
  framework: Framework,
  problems: RawProblem[],
): Record<string, string> {
  const out: Record<string, string> = {};
  const ids = new Set(framework.areas.flatMap((a) => a.targets).map((t) => t.id));
  const [idHeader, textHeader] = [MESSAGES.excel.result.targetHeaders[0], MESSAGES.excel.result.targetHeaders[7]];
  for (let r = 0; r < sheet.rows.length; r++) {
    const row = sheet.rows[r] ?? [];
    const idCol = row.findIndex((c) => headerText(c) === idHeader);
    const textCol = row.findIndex((c) => headerText(c) === textHeader);
    if (idCol < 0 || textCol < 0) continue;
    for (let rr = r + 1; rr < sheet.rows.length; rr++) {
      const cells = sheet.rows[rr] ?? [];
      const id = normaliseCode(cellText(cells[idCol]));
      if (!ids.has(id)) continue;
      const { text } = noteText(cells[textCol]);
      if (!text) continue;
      if (text.length > MAX_EXPLANATION)
        problems.push({
          severity: 'warning',
          code: 'explanation_too_long',
          sheet: sheet.name,
          cell: address(rr + 1, textCol + 1),
          item: id,
          message: P.explanationTooLong(id),
        });
      else out[id] = text;
    }
    break;
  }
  return out;
}
