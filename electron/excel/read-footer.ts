// The signed footer (表尾) on import: 单位负责人, 统计负责人, 填表人, 联系电话, 报出日期, from the form sheets. A label is
// found anywhere in a sheet ("报出日期：2025年1月10日"); its value follows the colon, or (typed into the next cell) in
// the next non-empty cell of the row, where an Excel date counts too. Every value is checked like any input: a bad
// one is a warning at its cell and is not read. The first sheet's value wins; a different one elsewhere is flagged. Pure.
import {
  FOOTER_FIELDS,
  ReturnFooterSchema,
  parseFooterDate,
  type FooterField,
  type ReturnFooter,
} from '../../shared/returns/footer.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { address, location } from './layout.ts';
import type { GridCell, GridSheet } from './grid.ts';
import { sheetText } from './sheet-text.ts';
import type { RawProblem } from './import-report.ts';

const P = MESSAGES.excel.problem;
const LABELS = MESSAGES.excel.form.footer.labels;
const LABEL_RE = new RegExp(`^(${FOOTER_FIELDS.map((f) => LABELS[f]).join('|')})\\s*[:：]?\\s*(.*)$`, 's');
const FIELD_OF = new Map(FOOTER_FIELDS.map((f) => [LABELS[f], f] as const));
/** Excel's day numbers for 2000-01-01 … 2100-12-31 */
const SERIAL_MIN = 36526;
const SERIAL_MAX = 73415;

/** An Excel date (a day number formatted as a date) as YYYY-MM-DD. */
function serialDate(cell: GridCell): string | null {
  if (
    cell.t !== 'n' ||
    typeof cell.v !== 'number' ||
    !Number.isInteger(cell.v) ||
    cell.v < SERIAL_MIN ||
    cell.v > SERIAL_MAX
  )
    return null;
  if (cell.z && !/[ymd年月日]/i.test(cell.z)) return null;
  return new Date(Date.UTC(1899, 11, 30) + cell.v * 86400000).toISOString().slice(0, 10);
}

interface Found {
  field: FooterField;
  text: string;
  cell: GridCell | null;
  sheet: string;
  at: string;
}

function findInSheet(sheet: GridSheet): Found[] {
  const found: Found[] = [];
  const { text: texts } = sheetText(sheet);
  sheet.rows.forEach((row, r) => {
    const rowTexts = texts[r];
    (row ?? []).forEach((_cell, c) => {
      const m = LABEL_RE.exec(rowTexts[c]);
      if (!m) return;
      const field = FIELD_OF.get(m[1])!;
      let text = m[2].trim();
      let valueCell: GridCell | null = null;
      let at = address(r + 1, c + 1);
      if (text === '' || (field === 'reportedOn' && parseFooterDate(text).kind === 'blank')) {
        // typed into the next cell of the row (not another label)
        for (let k = c + 1; k < (row ?? []).length; k++) {
          const next = row?.[k];
          if (!next || rowTexts[k] === '') continue;
          if (!LABEL_RE.test(rowTexts[k])) {
            valueCell = next;
            text = rowTexts[k];
            at = address(r + 1, k + 1);
          }
          break;
        }
      }
      found.push({ field, text, cell: valueCell, sheet: sheet.name, at });
    });
  });
  return found;
}

export function readFooter(sheets: readonly GridSheet[], problems: RawProblem[]): ReturnFooter {
  const out: ReturnFooter = { head: '', statistician: '', filler: '', phone: '', reportedOn: null };
  const seen = new Map<FooterField, Found & { value: string }>();
  for (const sheet of sheets) {
    for (const f of findInSheet(sheet)) {
      let value: string | null;
      if (f.field === 'reportedOn') {
        const serial = f.cell ? serialDate(f.cell) : null;
        const parsed = serial ? { kind: 'date' as const, iso: serial } : parseFooterDate(f.text);
        if (parsed.kind === 'blank') continue;
        if (parsed.kind === 'invalid') {
          problems.push({
            severity: 'warning',
            code: 'footer_bad_date',
            sheet: f.sheet,
            cell: f.at,
            item: null,
            message: P.footerBadDate(f.text.slice(0, 40)),
          });
          continue;
        }
        value = parsed.iso;
      } else {
        if (f.text === '') continue;
        const checked = ReturnFooterSchema.shape[f.field].safeParse(f.text.normalize('NFKC'));
        if (!checked.success) {
          problems.push({
            severity: 'warning',
            code: 'footer_bad_value',
            sheet: f.sheet,
            cell: f.at,
            item: null,
            message: P.footerBadValue(LABELS[f.field], checked.error.issues[0]?.message ?? ''),
          });
          continue;
        }
        value = String(checked.data);
      }
      const first = seen.get(f.field);
      if (!first) {
        seen.set(f.field, { ...f, value });
        if (f.field === 'reportedOn') out.reportedOn = value;
        else out[f.field] = value;
      } else if (first.value !== value) {
        problems.push({
          severity: 'warning',
          code: 'footer_conflict',
          sheet: f.sheet,
          cell: f.at,
          item: null,
          message: P.footerConflict(LABELS[f.field], location(first.sheet, first.at), first.value, value),
        });
      }
    }
  }
  return out;
}
