// The long format as CSV: Chinese headers and Chinese labels for the coded fields (栏 合计/女/男, 评估结果
// 已实现 …), so a person reads it in Excel; the JSON carries the codes. Reading maps a header row back to field
// names (the Chinese header or the JSON field name) and gives each data row as text by field. Pure.
import { MESSAGES } from '../messages.ts';
import { writeCsv, type CsvField } from './csv.ts';
import { LONG_FIELDS, type LongRow } from './long-format.ts';

const O = MESSAGES.openData;

const label = <K extends string>(map: Record<K, string>, key: K | null): string | null =>
  key === null ? null : map[key];

function csvValue(row: LongRow, field: keyof LongRow): CsvField {
  switch (field) {
    case 'kind':
      return O.kind[row.kind];
    case 'level':
      return O.level[row.level];
    case 'column':
      return label(O.column, row.column);
    case 'returnStatus':
      return O.status[row.returnStatus];
    case 'choice':
      return label(O.choice, row.choice);
    case 'verdict':
      return label(O.verdictLabel, row.verdict);
    case 'progress':
      return label(O.progress, row.progress);
    case 'hardToMeet':
    case 'volatile':
      return row[field] === null ? null : row[field] ? O.yes : O.no;
    default: {
      const v = row[field];
      return typeof v === 'boolean' ? (v ? O.yes : O.no) : (v as CsvField);
    }
  }
}

/** The CSV text (BOM, header, rows). */
export function longRowsToCsv(rows: readonly LongRow[]): string {
  return writeCsv(
    LONG_FIELDS.map((f) => O.headers[f]),
    rows.map((r) => LONG_FIELDS.map((f) => csvValue(r, f))),
  );
}

/** A header cell → field name: the Chinese header or the JSON field name, trimmed. */
export function fieldOfHeader(text: string): keyof LongRow | null {
  const t = text.trim();
  for (const f of LONG_FIELDS) if (O.headers[f] === t || f === t) return f;
  return null;
}

/** Reverse look-up of a label map (also accepting the code itself): 女 → female, female → female. */
export function codeOfLabel<K extends string>(map: Record<K, string>, text: string): K | null {
  const t = text.trim();
  for (const [k, v] of Object.entries(map) as [K, string][]) if (v === t || k === t) return k;
  return null;
}
