// Reads one input cell of an imported workbook: a number (typed, as text, full-width, with separators, as a
// percentage, or a formula's saved result), a 无数据 mark, or blank; anything else is a problem with a Chinese
// message. Numbers as text reuse the entry grid's parser. Pure.
import * as XLSX from 'xlsx';
import type { DataItem } from '../../shared/framework/schema.ts';
import { parseNumberInput } from '../../shared/returns/parse-number.ts';
import { formatRaw } from '../../shared/rules/format.ts';
import { MESSAGES } from '../../shared/messages.ts';
import type { ProblemSeverity } from '../../shared/api/excel-contract.ts';
import type { GridCell } from './grid.ts';

const P = MESSAGES.excel.problem;

export interface CellNote {
  severity: ProblemSeverity;
  code: string;
  message: string;
}

export type CellReading =
  | { kind: 'blank'; notes: CellNote[] }
  | { kind: 'value'; value: number; notes: CellNote[] }
  /** 无数据, —, 不详, 不适用 …: the reason comes from 备注 (不详/不适用 are reasons themselves) */
  | { kind: 'mark'; mark: string; notes: CellNote[] }
  | { kind: 'error'; notes: CellNote[] };

/** Words meaning "no figure here", beside the dash and ellipsis marks the number parser knows. */
const NO_DATA_WORDS = new Set(['无数据', '不详', '不适用']);
/** Marks that carry their own reason when 备注 is empty. */
export const SELF_EXPLAINING_MARKS = new Set(['不详', '不适用']);

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** Binary noise from formulas and float storage (0.1 + 0.2) removed: 15 significant digits, as Excel shows. */
const clean = (x: number) => (x === 0 ? 0 : Number(x.toPrecision(15)));

/** A number format with a % outside quotes. */
const isPercentFormat = (fmt: string | null) => !!fmt && /%/.test(fmt.replace(/"[^"]*"/g, ''));

type NumberSpec = Pick<DataItem, 'valueType' | 'decimals' | 'unit'>;

/**
 * `typed`: the file keeps types (.xlsx/.xls), so a number stored as text is worth a note;
 * `csv`: everything is text, so only unusual spellings (full-width, separators, %) get one.
 */
export function readNumberCell(cell: GridCell | undefined, spec: NumberSpec, source: 'typed' | 'csv'): CellReading {
  const notes: CellNote[] = [];
  if (!cell) return { kind: 'blank', notes };
  if (cell.f !== null && (cell.t === 'z' || cell.v === null)) {
    return {
      kind: 'error',
      notes: [{ severity: 'error', code: 'formula_no_value', message: P.formulaNoValue(cell.f) }],
    };
  }
  if (cell.t === 'z' || cell.v === null) return { kind: 'blank', notes };
  if (cell.f !== null)
    notes.push({
      severity: 'info',
      code: 'formula_cached',
      message: P.formulaCached(cell.f, cell.w || String(cell.v)),
    });
  const percentItem = spec.valueType === 'value' && spec.unit === '%';

  if (cell.t === 'e')
    return {
      kind: 'error',
      notes: [{ severity: 'error', code: 'error_value', message: P.errorValue(cell.w || String(cell.v)) }],
    };
  if (cell.t === 'b')
    return {
      kind: 'error',
      notes: [{ severity: 'error', code: 'not_a_number', message: P.booleanValue(cell.w || String(cell.v)) }],
    };
  if (cell.t === 'n') {
    const v = Number(cell.v);
    if (cell.z && cell.z !== 'General' && XLSX.SSF.is_date(cell.z)) {
      return { kind: 'error', notes: [{ severity: 'error', code: 'date_value', message: P.dateValue(cell.w) }] };
    }
    if (isPercentFormat(cell.z)) {
      if (!percentItem)
        return {
          kind: 'error',
          notes: [{ severity: 'error', code: 'percent_not_allowed', message: P.percentFormatNotAllowed(cell.w) }],
        };
      const value = clean(v * 100);
      notes.push({ severity: 'info', code: 'percent_format', message: P.percentFormat(cell.w, formatRaw(value)) });
      return { kind: 'value', value, notes };
    }
    return { kind: 'value', value: clean(v), notes };
  }

  // text
  const raw = String(cell.v);
  const trimmed = raw.trim();
  if (trimmed === '') return { kind: 'blank', notes };
  const word = trimmed.normalize('NFKC').replace(/\s+/g, '');
  if (NO_DATA_WORDS.has(word)) return { kind: 'mark', mark: word, notes };
  const parsed = parseNumberInput(trimmed, { valueType: spec.valueType, decimals: spec.decimals, unit: spec.unit });
  if (!parsed.ok)
    return { kind: 'error', notes: [...notes, { severity: 'error', code: 'invalid_number', message: parsed.message }] };
  if (parsed.value === null) return { kind: 'mark', mark: trimmed, notes };
  const value = parsed.value;
  if (/[%％]$/.test(trimmed))
    notes.push({ severity: 'info', code: 'percent_text', message: P.percentText(trimmed, formatRaw(value)) });
  else if (source === 'typed' || !PLAIN_NUMBER.test(trimmed))
    notes.push({ severity: 'info', code: 'text_number', message: P.textNumber(trimmed, formatRaw(value)) });
  return { kind: 'value', value, notes };
}

/** The text of a note cell exactly as written (no NFKC: a reason keeps its full-width punctuation). */
export function noteText(cell: GridCell | undefined): { text: string; note: CellNote | null } {
  if (!cell || cell.v === null || cell.t === 'z') return { text: '', note: null };
  const note =
    cell.f !== null
      ? {
          severity: 'info' as const,
          code: 'formula_cached',
          message: P.formulaCached(cell.f, cell.w || String(cell.v)),
        }
      : null;
  const text = cell.t === 's' ? String(cell.v) : cell.w || String(cell.v);
  return { text: text.trim(), note };
}
