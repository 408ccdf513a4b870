// Parses one number as typed in the entry grid or read from an Excel cell as text.
// Missing is never zero: blank and the usual dash/ellipsis marks give value null.
// Pure: no I/O.
import { countNoun, PARSE_MSG } from '../messages/numbers.ts';
import { isRepresentable } from './plausible.ts';

export interface ParseNumberOptions {
  /** count: non-negative integer; amount: non-negative decimal; value: any decimal */
  valueType: 'count' | 'amount' | 'value';
  /** decimals allowed (the data item's precision) */
  decimals: number;
  /** the item's unit, naming the quantity in messages: 天 → 天数应为整数, 人 → 人数不能为负数 */
  unit: string;
}

export type ParseNumberResult = { ok: true; value: number | null } | { ok: false; message: string };

/** Marks that mean “no number here” (after full-width normalisation and trimming). */
const MISSING_MARKS = new Set(['', '-', '--', '—', '——', '–', '…', '……', '...', '......', '－']);

/** Full-width digits, point, comma, percent and signs → ASCII; ideographic space → space. */
function normalise(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c >= 0xff10 && c <= 0xff19)
      out += String.fromCharCode(c - 0xfee0); // ０-９
    else if (ch === '．') out += '.';
    else if (ch === '，') out += ',';
    else if (ch === '％') out += '%';
    else if (ch === '＋') out += '+';
    else if (ch === '－' || ch === '−' || ch === '﹣') out += '-';
    else if (ch === '\u3000') out += ' ';
    else out += ch;
  }
  return out.trim();
}

const NUMBER_RE = /^([+-]?)(\d[\d,]*)?(?:\.(\d*))?$/;
const GROUPED_RE = /^\d{1,3}(?:,\d{3})+$/;

export function parseNumberInput(text: string, opts: ParseNumberOptions): ParseNumberResult {
  const raw = text.trim();
  if (MISSING_MARKS.has(raw)) return { ok: true, value: null };
  let s = normalise(raw);
  if (MISSING_MARKS.has(s)) return { ok: true, value: null };

  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1).trimEnd();
  }
  const m = NUMBER_RE.exec(s);
  const intPart = m?.[2] ?? '';
  const fracPart = m?.[3] ?? '';
  if (!m || (intPart === '' && fracPart === '')) return { ok: false, message: PARSE_MSG.notANumber(raw) };
  if (intPart.includes(',') && !GROUPED_RE.test(intPart)) return { ok: false, message: PARSE_MSG.badThousands(raw) };
  if (percent && opts.valueType !== 'value') return { ok: false, message: PARSE_MSG.percentNotAllowed };

  const negative = m[1] === '-';
  const digits = `${intPart.replace(/,/g, '') || '0'}.${fracPart || '0'}`;
  let value = Number(digits);
  if (!Number.isFinite(value)) return { ok: false, message: PARSE_MSG.tooLarge };
  if (negative) value = -value;
  if (value === 0) value = 0; // no -0

  const significantDecimals = fracPart.replace(/0+$/, '').length;
  if (value < 0 && opts.valueType === 'count')
    return { ok: false, message: PARSE_MSG.negativeCount(countNoun(opts.unit, 'count')) };
  if (value < 0 && opts.valueType === 'amount') return { ok: false, message: PARSE_MSG.negativeAmount };
  if (opts.valueType === 'count' && significantDecimals > 0)
    return { ok: false, message: PARSE_MSG.notInteger(countNoun(opts.unit, 'count')) };
  if (significantDecimals > opts.decimals) return { ok: false, message: PARSE_MSG.tooManyDecimals(opts.decimals) };
  if (!isRepresentable(value, opts.valueType)) return { ok: false, message: PARSE_MSG.tooLarge };
  return { ok: true, value };
}
