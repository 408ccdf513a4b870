// A merged return's pooled ratios in the hidden 元数据 sheet, one row each after the metadata keys, so a city
// merging the county's exported return pools the same pairs (never the county's summed cells, which may come
// from different townships). Columns: pooledRatio | indicator | numerator cell | denominator cell | numerator |
// denominator | units | of | unit level | missing codes (、) | missing names (、). Every value as text.
import type ExcelJS from 'exceljs';
import { MESSAGES } from '../../shared/messages.ts';
import { PooledRatioSchema, type PooledRatio } from '../../shared/returns/schema.ts';
import { cellText, type GridSheet } from './grid.ts';
import type { RawProblem } from './import-report.ts';

const POOLED_KEY = 'pooledRatio';
const SEP = '、';

export function writePooledRows(
  ws: ExcelJS.Worksheet,
  firstRow: number,
  pooled: Readonly<Record<string, PooledRatio>>,
): void {
  Object.entries(pooled).forEach(([code, p], i) => {
    const values = [
      POOLED_KEY,
      code,
      p.numeratorCell,
      p.denominatorCell,
      p.numerator === null ? '' : String(p.numerator),
      p.denominator === null ? '' : String(p.denominator),
      String(p.units),
      String(p.of),
      p.unitLevel,
      p.missingIn.map((m) => m.code).join(SEP),
      p.missingIn.map((m) => m.name).join(SEP),
    ];
    values.forEach((v, c) => {
      ws.getCell(firstRow + i, c + 1).value = v;
    });
  });
}

/** The pooled ratios a metadata sheet holds; a row that does not read is reported (warning) and left out. */
export function readPooledRows(sheet: GridSheet, problems: RawProblem[]): Record<string, PooledRatio> | undefined {
  const out: Record<string, PooledRatio> = {};
  sheet.rows.forEach((row, r) => {
    if (cellText(row?.[0]) !== POOLED_KEY) return;
    const text = (c: number) => cellText(row?.[c]);
    const num = (c: number) => (text(c) === '' ? null : Number(text(c)));
    const codes = text(9) === '' ? [] : text(9).split(SEP);
    const names = text(10) === '' ? [] : text(10).split(SEP);
    const parsed = PooledRatioSchema.safeParse({
      numeratorCell: text(2),
      denominatorCell: text(3),
      numerator: num(4),
      denominator: num(5),
      units: num(6),
      of: num(7),
      unitLevel: text(8),
      missingIn: codes.map((code, i) => ({ code, name: names[i] ?? code })),
    });
    if (!parsed.success || !/^[A-Z]\d{2}$/.test(text(1))) {
      problems.push({
        severity: 'warning',
        code: 'bad_pooled_ratio',
        sheet: sheet.name,
        cell: `A${r + 1}`,
        item: null,
        message: MESSAGES.excel.problem.badPooledRatio(text(1) || '?'),
      });
      return;
    }
    out[text(1)] = parsed.data;
  });
  return Object.keys(out).length > 0 ? out : undefined;
}
