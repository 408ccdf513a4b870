// Reads every located row into a ReturnData (data items, qualitative answers, thresholds set by a higher level),
// with where each value was found, and notes the rows the form expects but the file lacks.
import type { Framework } from '../../shared/framework/schema.ts';
import type { ReturnData } from '../../shared/returns/schema.ts';
import type { ReturnIdentity } from '../../shared/api/excel-contract.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { address, buildLayout, location, type LayoutRow } from './layout.ts';
import { notesAt, type Located, type RowRef } from './locate-rows.ts';
import { readNumberCell } from './parse-cell.ts';
import { readItemRow } from './read-item-row.ts';
import { readQualitativeRow } from './read-qualitative-row.ts';
import type { RawProblem } from './import-report.ts';
import type { Collected } from './collected.ts';

const P = MESSAGES.excel.problem;

export interface Assembled {
  data: ReturnData;
  addresses: Record<string, string>;
  problems: RawProblem[];
}

/** A threshold set by a higher level: a plain number in the 合计 column. */
function readThresholdRow(ref: RowRef, code: string, source: 'typed' | 'csv', out: Collected) {
  const row = ref.sheet.rows[ref.r] ?? [];
  const col = ref.cols.total!;
  out.addresses[code] = location(ref.sheet.name, address(ref.r + 1, col + 1));
  const reading = readNumberCell(row[col], { valueType: 'value', decimals: 4, unit: '' }, source);
  out.problems.push(
    ...notesAt(
      ref,
      col,
      code,
      reading.notes.map((n) => (n.severity === 'error' ? { ...n, message: P.badThreshold(n.message) } : n)),
    ),
  );
  if (reading.kind === 'value') out.thresholds[code] = reading.value;
}

type CodedRow = Extract<LayoutRow, { kind: 'item' | 'qualitative' | 'threshold' }>;
const codeOf = (r: CodedRow) =>
  r.kind === 'item' ? r.item.code : r.kind === 'qualitative' ? r.indicator.code : r.target.id;

/** Each sheet of a framework's bare form with its coded rows, and the framework's items and indicators by code: once
 * per framework (and level), not once a file (a merge reads hundreds of files under one framework object). */
interface FormCodes {
  sheets: Map<string, { area: LayoutSheetArea; coded: CodedRow[] }[]>;
  items: Map<string, Framework['dataItems'][number]>;
  indicators: Map<string, Framework['indicators'][number]>;
}
type LayoutSheetArea = ReturnType<typeof buildLayout>['sheets'][number]['area'];
const FORMS = new WeakMap<Framework, FormCodes>();
function formCodes(framework: Framework): FormCodes {
  let form = FORMS.get(framework);
  if (!form) {
    form = {
      sheets: new Map(),
      items: new Map(framework.dataItems.map((d) => [d.code, d])),
      indicators: new Map(framework.indicators.map((i) => [i.code, i])),
    };
    FORMS.set(framework, form);
  }
  return form;
}
function codedSheets(framework: Framework, level: ReturnIdentity['level']) {
  const { sheets } = formCodes(framework);
  let hit = sheets.get(level);
  if (!hit) {
    hit = buildLayout(framework, level).sheets.map((sheet) => ({
      area: sheet.area,
      coded: sheet.rows.filter(
        (r): r is CodedRow => r.kind === 'item' || r.kind === 'qualitative' || r.kind === 'threshold',
      ),
    }));
    sheets.set(level, hit);
  }
  return hit;
}

/** Rows the form expects but the file lacks: a whole area, or row by row. */
function missingRows(located: Located, framework: Framework, level: ReturnIdentity['level']): RawProblem[] {
  const problems: RawProblem[] = [];
  for (const { area, coded } of codedSheets(framework, level)) {
    const missing = coded.filter((r) => !located.rows.has(codeOf(r)));
    if (missing.length === 0) continue;
    if (missing.length === coded.length) {
      problems.push({
        severity: 'warning',
        code: 'area_missing',
        sheet: null,
        cell: null,
        item: null,
        message: P.areaMissing(MESSAGES.areaTitles[area], coded.length),
      });
      continue;
    }
    for (const r of missing) {
      const message =
        r.kind === 'item'
          ? P.itemMissing(r.item.code, r.item.name)
          : r.kind === 'qualitative'
            ? P.qualitativeMissing(r.indicator.code, r.indicator.name)
            : P.itemMissing(r.target.id, r.label);
      problems.push({ severity: 'warning', code: 'row_missing', sheet: null, cell: null, item: codeOf(r), message });
    }
  }
  return problems;
}

export function assembleReturn(
  located: Located,
  framework: Framework,
  identity: ReturnIdentity,
  source: 'typed' | 'csv',
): Assembled {
  const out: Collected = { cells: [], qualitative: [], thresholds: {}, addresses: {}, problems: [] };
  const { items, indicators } = formCodes(framework);
  for (const [code, ref] of located.rows) {
    const item = items.get(code);
    const indicator = indicators.get(code);
    if (item) readItemRow(ref, item, source, out);
    else if (indicator && indicator.kind === 'qualitative') readQualitativeRow(ref, indicator, out);
    else readThresholdRow(ref, code, source, out);
  }
  const problems = [...out.problems, ...missingRows(located, framework, identity.level)];
  const data: ReturnData = {
    planId: identity.planId,
    frameworkVersion: identity.frameworkVersion,
    regionCode: identity.regionCode,
    level: identity.level,
    year: identity.year,
    cells: out.cells,
    qualitative: out.qualitative,
    externalThresholds: out.thresholds,
  };
  return { data, addresses: out.addresses, problems };
}
