// The first half of reading an open-data file: bytes → records (text by long-format field) with where each came
// from, or the reason the file cannot be read. Every file is hostile until checked: size, binary content,
// encoding (UTF-8 with or without BOM, else GB18030 with a warning), CSV syntax, JSON syntax, row and field limits,
// header names. Four shapes: the long CSV (Chinese or field-name headers), the long JSON ({format, rows}), a
// DHIS2 dataValueSet ({dataValues}) and ADX XML (read-adx), both mapped back through the office's mapping. Pure.
import { MESSAGES } from '../../shared/messages.ts';
import { parseCsv, unneutralise } from '../../shared/open-data/csv.ts';
import { fieldOfHeader } from '../../shared/open-data/long-csv.ts';
import { LONG_FIELDS, OPEN_DATA_FORMAT } from '../../shared/open-data/long-format.ts';
import { DataValueSchema } from '../../shared/open-data/dhis2.ts';
import { readAdx } from './read-adx.ts';
import {
  OPEN_DATA_LIMITS,
  fileProblem,
  reverseMapping,
  type Field,
  type Fields,
  type IncomingRecord,
  type ReadRecords,
  type RecordContext,
  type RecordProblem,
} from './records.ts';

const P = MESSAGES.openData.problem;

/** Fields that carry free text: un-neutralised when read from our CSV (a leading apostrophe we added). */
const TEXT_FIELDS = new Set<Field>([
  'regionName',
  'planName',
  'name',
  'rawText',
  'noDataReason',
  'note',
  'source',
  'target',
  'rule',
  'message',
]);

function decode(bytes: Uint8Array): { text: string; gbk: boolean } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''), gbk: false };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), gbk: true };
  }
}

export function readRecords(
  bytes: Uint8Array,
  fileName: string,
  ctx: RecordContext,
  limits = OPEN_DATA_LIMITS,
): ReadRecords {
  if (bytes.length === 0)
    return { ok: false, format: null, problems: [fileProblem(fileName, 'empty_file', P.empty(fileName))] };
  if (bytes.length > limits.maxBytes)
    return {
      ok: false,
      format: null,
      problems: [fileProblem(fileName, 'file_too_large', P.tooLarge(fileName, bytes.length, limits.maxBytes))],
    };
  if (bytes.subarray(0, 8192).includes(0))
    return { ok: false, format: null, problems: [fileProblem(fileName, 'binary', P.binary(fileName))] };
  const { text, gbk } = decode(bytes);
  const notes = gbk ? [fileProblem(fileName, 'gbk', P.gbk, 'warning')] : [];
  const head = text.trimStart();
  if (head.startsWith('{') || head.startsWith('[')) return readJson(text, fileName, ctx, limits, notes);
  if (head.startsWith('<')) return readAdx(text, fileName, ctx, limits, notes);
  return readLongCsv(text, fileName, limits, notes);
}

function readLongCsv(
  text: string,
  fileName: string,
  limits: typeof OPEN_DATA_LIMITS,
  notes: RecordProblem[],
): ReadRecords {
  const parsed = parseCsv(text, { maxRows: limits.maxRows + 1, maxFieldChars: limits.maxFieldChars });
  if (!parsed.ok)
    return {
      ok: false,
      format: 'long-csv',
      problems: [...notes, fileProblem(fileName, `csv_${parsed.code}`, P.csvBroken(parsed.line, parsed.code))],
    };
  const [header = [], ...body] = parsed.rows;
  const columns = header.map((h) => fieldOfHeader(h.replace(/^\uFEFF/, '')));
  const known = columns.filter((c): c is Field => c !== null);
  if (known.length < 4 || !known.includes('code'))
    return {
      ok: false,
      format: null,
      problems: [...notes, fileProblem(fileName, 'not_open_data', P.notOurs(fileName))],
    };
  const problems: RecordProblem[] = [...notes];
  const seen = new Set<Field>();
  for (const c of known) {
    if (seen.has(c))
      return {
        ok: false,
        format: 'long-csv',
        problems: [
          ...problems,
          fileProblem(fileName, 'duplicate_header', P.duplicateHeader(MESSAGES.openData.headers[c])),
        ],
      };
    seen.add(c);
  }
  const missing = (['kind', 'regionCode', 'year', 'code', 'value'] as Field[]).filter((f) => !seen.has(f));
  if (missing.length > 0)
    return {
      ok: false,
      format: 'long-csv',
      problems: [
        ...problems,
        fileProblem(fileName, 'missing_header', P.missingHeader(missing.map((f) => MESSAGES.openData.headers[f]))),
      ],
    };
  const unknown = header.filter((h, i) => columns[i] === null && h.trim() !== '');
  if (unknown.length > 0) problems.push(fileProblem(fileName, 'unknown_header', P.unknownHeader(unknown), 'info'));
  const records = body.map((cells, i): IncomingRecord => {
    const row = i + 2;
    const fields: Fields = {};
    columns.forEach((f, c) => {
      if (f === null) return;
      const raw = cells[c] ?? '';
      fields[f] = TEXT_FIELDS.has(f) ? unneutralise(raw) : raw.trim();
    });
    return { order: row, at: (f) => P.at(fileName, row, f ? MESSAGES.openData.headers[f] : null), fields };
  });
  return { ok: true, format: 'long-csv', records, problems };
}

const asText = (v: unknown): string | null =>
  v === null || v === undefined
    ? ''
    : typeof v === 'string'
      ? v
      : typeof v === 'number'
        ? Number.isFinite(v)
          ? String(v)
          : null
        : typeof v === 'boolean'
          ? String(v)
          : null;

function readJson(
  text: string,
  fileName: string,
  ctx: RecordContext,
  limits: typeof OPEN_DATA_LIMITS,
  notes: RecordProblem[],
): ReadRecords {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      format: null,
      problems: [...notes, fileProblem(fileName, 'bad_json', P.badJson(fileName, (error as Error).message))],
    };
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc))
    return {
      ok: false,
      format: null,
      problems: [...notes, fileProblem(fileName, 'not_open_data', P.notOurs(fileName))],
    };
  const obj = doc as Record<string, unknown>;
  if (Array.isArray(obj.rows) && obj.format === OPEN_DATA_FORMAT)
    return readLongJson(obj.rows, fileName, limits, notes);
  if (Array.isArray(obj.dataValues)) return readDataValueSet(obj, fileName, ctx, limits, notes);
  return { ok: false, format: null, problems: [...notes, fileProblem(fileName, 'not_open_data', P.notOurs(fileName))] };
}

function readLongJson(
  rows: unknown[],
  fileName: string,
  limits: typeof OPEN_DATA_LIMITS,
  notes: RecordProblem[],
): ReadRecords {
  if (rows.length > limits.maxRows)
    return {
      ok: false,
      format: 'long-json',
      problems: [...notes, fileProblem(fileName, 'too_many_rows', P.tooManyRows(rows.length, limits.maxRows))],
    };
  const problems: RecordProblem[] = [...notes];
  const records: IncomingRecord[] = [];
  rows.forEach((row, i) => {
    const at = (f: Field | null) => `${fileName} rows[${i}]${f ? `.${f}` : ''}`;
    if (!row || typeof row !== 'object' || Array.isArray(row)) {
      problems.push({
        severity: 'error',
        code: 'bad_row',
        order: i,
        location: at(null),
        item: null,
        message: P.badShape(`rows[${i}]`, '应为对象'),
      });
      return;
    }
    const fields: Fields = {};
    for (const f of LONG_FIELDS) {
      const t = asText((row as Record<string, unknown>)[f]);
      if (t === null || t.length > limits.maxFieldChars) {
        problems.push({
          severity: 'error',
          code: 'bad_field',
          order: i,
          location: at(f),
          item: null,
          message: P.badShape(`rows[${i}].${f}`, '应为文字、数值、true/false 或 null'),
        });
        return;
      }
      fields[f] = TEXT_FIELDS.has(f) ? t : t.trim();
    }
    records.push({ order: i, at, fields });
  });
  return { ok: true, format: 'long-json', records, problems };
}

/** A dataValueSet mapped back: dataElement → item, categoryOptionCombo → 栏, orgUnit → region, period → year. */
function readDataValueSet(
  obj: Record<string, unknown>,
  fileName: string,
  ctx: RecordContext,
  limits: typeof OPEN_DATA_LIMITS,
  notes: RecordProblem[],
): ReadRecords {
  const values = obj.dataValues as unknown[];
  if (values.length > limits.maxRows)
    return {
      ok: false,
      format: 'dhis2-json',
      problems: [...notes, fileProblem(fileName, 'too_many_rows', P.tooManyRows(values.length, limits.maxRows))],
    };
  const m = ctx.mapping;
  const back = reverseMapping(m);
  const cocs = new Map(Object.entries(m?.categoryOptionCombos ?? {}).map(([k, v]) => [v, k]));
  const top = (k: string) => (typeof obj[k] === 'string' ? (obj[k] as string) : undefined);
  const problems: RecordProblem[] = [...notes];
  const records: IncomingRecord[] = [];
  values.forEach((raw, i) => {
    const at = (f: string | null) => P.atValue(fileName, i, f);
    const parsed = DataValueSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      problems.push({
        severity: 'error',
        code: 'bad_data_value',
        order: i,
        location: at(issue.path.join('.') || null),
        item: null,
        message: P.badShape(`dataValues[${i}]${issue.path.length ? `.${issue.path.join('.')}` : ''}`, issue.message),
      });
      return;
    }
    const v = parsed.data;
    const where: Partial<Record<Field, string>> = {
      code: 'dataElement',
      column: 'categoryOptionCombo',
      regionCode: 'orgUnit',
      year: 'period',
      value: 'value',
      noDataReason: 'comment',
    };
    const fail = (field: string, message: string) =>
      problems.push({ severity: 'error', code: 'unmapped', order: i, location: at(field), item: null, message });
    const item = back.item(v.dataElement);
    const coc = v.categoryOptionCombo ?? undefined;
    const sex = coc === undefined ? 'total' : (cocs.get(coc) ?? null);
    const ou = v.orgUnit ?? top('orgUnit');
    const region = ou === undefined ? null : back.region(ou);
    const period = v.period ?? top('period') ?? '';
    let ok = true;
    if (item === null) {
      fail('dataElement', P.unmappedDataElement(v.dataElement));
      ok = false;
    }
    if (sex === null) {
      fail('categoryOptionCombo', P.unmappedCoc(coc!));
      ok = false;
    }
    if (region === null) {
      fail('orgUnit', P.unmappedOrgUnit(ou ?? ''));
      ok = false;
    }
    if (!/^\d{4}$/.test(period)) {
      fail('period', P.badPeriod(period));
      ok = false;
    }
    if (!ok) return;
    const value = v.value === null || v.value === undefined ? '' : String(v.value);
    records.push({
      order: i,
      at: (f) => at(f ? (where[f] ?? null) : null),
      fields: {
        kind: 'item',
        regionCode: region!,
        year: period,
        planId: m?.planId ?? '',
        code: item!,
        column: sex!,
        value,
        noDataReason: value === '' ? (v.comment ?? '') : '',
      },
    });
  });
  return { ok: true, format: 'dhis2-json', records, problems };
}
