// What every reader of open data (long CSV, long JSON, DHIS2 dataValueSet, ADX) gives: records with where each
// came from, and problems located at their row, element or attribute; declared apart so that the readers import it
// downwards (read-records → read-adx → records) without a circle.
import type { ProblemSeverity } from '../../shared/api/excel-contract.ts';
import { MAX_IMPORT_BYTES } from '../../shared/api/limits.ts';
import type { Dhis2Mapping } from '../../shared/open-data/dhis2.ts';
import type { LongRow } from '../../shared/open-data/long-format.ts';

export const OPEN_DATA_LIMITS = { maxBytes: MAX_IMPORT_BYTES, maxRows: 200_000, maxFieldChars: 5000 };

export type Field = keyof LongRow;
export type Fields = Partial<Record<Field, string>>;

/** One incoming value with where it is: a CSV row, rows[i] of the JSON, or dataValues[i]. */
export interface IncomingRecord {
  /** for sorting problems: the row (1-based, header = 1) or the index */
  order: number;
  at: (field: Field | null) => string;
  fields: Fields;
}

export interface RecordProblem {
  severity: ProblemSeverity;
  code: string;
  order: number;
  location: string;
  item: string | null;
  message: string;
}

export type RecordFormat = 'long-csv' | 'long-json' | 'dhis2-json' | 'adx';

export type ReadRecords =
  | { ok: true; format: RecordFormat; records: IncomingRecord[]; problems: RecordProblem[] }
  | { ok: false; format: RecordFormat | null; problems: RecordProblem[] };

export const fileProblem = (
  fileName: string,
  code: string,
  message: string,
  severity: ProblemSeverity = 'error',
): RecordProblem => ({ severity, code, order: 0, location: fileName, item: null, message });

export interface RecordContext {
  /** the mapping a dataValueSet is read back through */
  mapping: Dhis2Mapping | null;
}

/** The mapping read backwards: a DHIS2 identifier → our item code / region code; our own codes pass as they are. */
export function reverseMapping(m: Dhis2Mapping | null) {
  const reverse = (rec: Record<string, string> | undefined) =>
    new Map(Object.entries(rec ?? {}).map(([k, v]) => [v, k]));
  const items = reverse(m?.dataElements);
  const units = reverse(m?.orgUnits);
  return {
    item: (de: string): string | null => items.get(de) ?? (/^[HECPSFVL]D\d{2}$/.test(de) ? de : null),
    region: (ou: string): string | null => units.get(ou) ?? (/^\d{12}$/.test(ou) ? ou : null),
  };
}
