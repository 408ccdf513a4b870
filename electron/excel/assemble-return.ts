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

/** Rows the form expects but the file lacks: a whole area, or row by row. */
function missingRows(located: Located, framework: Framework, level: ReturnIdentity['level']): RawProblem[] {
  const problems: RawProblem[] = [];
  for (const sheet of buildLayout(framework, level).sheets) {
    const coded = sheet.rows.filter(
      (r): r is Extract<LayoutRow, { kind: 'item' | 'qualitative' | 'threshold' }> =>
        r.kind === 'item' || r.kind === 'qualitative' || r.kind === 'threshold',
    );
    const codeOf = (r: (typeof coded)[number]) =>
      r.kind === 'item' ? r.item.code : r.kind === 'qualitative' ? r.indicator.code : r.target.id;
    const missing = coded.filter((r) => !located.rows.has(codeOf(r)));
    if (missing.length === 0) continue;
    if (missing.length === coded.length) {
      problems.push({
        severity: 'warning',
        code: 'area_missing',
        sheet: null,
        cell: null,
        item: null,
        message: P.areaMissing(MESSAGES.areaTitles[sheet.area], coded.length),
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
  const items = new Map(framework.dataItems.map((d) => [d.code, d]));
  const indicators = new Map(framework.indicators.map((i) => [i.code, i]));
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
