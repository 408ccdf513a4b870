// CSV as Chinese Excel, WPS, LibreOffice, pandas and R read it: UTF-8 with a byte-order mark (without it Chinese
// Excel guesses GBK and shows 乱码), RFC 4180 quoting, CRLF line ends. Text that a spreadsheet would run as a
// formula (leading =, +, -, @, tab or CR: the OWASP CSV-injection list) is prefixed with an apostrophe, and a text
// that itself begins with an apostrophe gets one more, so reading back strips exactly one and nothing is lost.
// Numbers are written by us (String(number)) and never prefixed. Pure.

export const BOM = '\uFEFF';

/** A field for the CSV: a number (written as is), a text (neutralised, quoted when needed) or empty. */
export type CsvField = string | number | null;

const FORMULA_START = /^[=+\-@\t\r']/;

/** Text that cannot start a formula in any spreadsheet (OWASP): a leading apostrophe when it could. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The inverse of neutralise for a text field read back from our own CSV. */
export function unneutralise(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

const quote = (text: string) =>
  /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;

function field(value: CsvField): string {
  if (value === null) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    return String(value);
  }
  return quote(neutralise(value));
}

/** The whole file: BOM, header row, data rows, CRLF. */
export function writeCsv(header: readonly string[], rows: readonly (readonly CsvField[])[]): string {
  const lines = [header.map((h) => quote(h)).join(','), ...rows.map((r) => r.map(field).join(','))];
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

export type CsvParse =
  | { ok: true; rows: string[][] }
  | { ok: false; code: 'unterminated_quote' | 'too_many_rows' | 'field_too_long' | 'stray_quote'; line: number };

export interface CsvLimits {
  maxRows: number;
  maxFieldChars: number;
}

/**
 * RFC 4180 reader: quoted fields with "" escapes and line breaks inside, CRLF or LF, a trailing line end or not.
 * Refuses (with the physical line) an unterminated quote, a quote inside an unquoted field, too many rows or an
 * over-long field. The text must already be decoded (BOM removed).
 */
export function parseCsv(text: string, limits: CsvLimits): CsvParse {
  const rows: string[][] = [];
  let row: string[] = [];
  let fieldText = '';
  let i = 0;
  let line = 1;
  let quoted = false;
  let fieldStart = true;
  const endField = () => {
    row.push(fieldText);
    fieldText = '';
    fieldStart = true;
  };
  const endRow = (): boolean => {
    endField();
    if (!(row.length === 1 && row[0] === '')) rows.push(row);
    row = [];
    return rows.length <= limits.maxRows;
  };
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          fieldText += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        // after a closing quote only a separator or a line end may follow
        if (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n')
          return { ok: false, code: 'stray_quote', line };
        continue;
      }
      if (ch === '\n') line++;
      fieldText += ch;
      i++;
    } else if (ch === '"') {
      if (!fieldStart) return { ok: false, code: 'stray_quote', line };
      quoted = true;
      fieldStart = false;
      i++;
    } else if (ch === ',') {
      endField();
      i++;
    } else if (ch === '\r' || ch === '\n') {
      if (!endRow()) return { ok: false, code: 'too_many_rows', line };
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
    } else {
      fieldText += ch;
      fieldStart = false;
      i++;
    }
    if (fieldText.length > limits.maxFieldChars) return { ok: false, code: 'field_too_long', line };
  }
  if (quoted) return { ok: false, code: 'unterminated_quote', line };
  if (fieldText !== '' || row.length > 0) {
    if (!endRow()) return { ok: false, code: 'too_many_rows', line };
  }
  return { ok: true, rows };
}
