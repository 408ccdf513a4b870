// Reads a data item's row: the 合计/女/男 cells strictly, each 无数据 mark with its reason from the 备注 note
// (one reason for all, or 合计：…；女：… per column), and a unit that differs from the framework's.
import type { DataItem, SexColumn } from '../../shared/framework/schema.ts';
import { cellKey } from '../../shared/returns/schema.ts';
import { SEX_LABEL } from '../../shared/rules/messages.ts';
import { MESSAGES } from '../../shared/messages.ts';
import type { Collected } from './collected.ts';
import { sexColumnsOf } from '../../shared/framework/schema.ts';
import { address, location } from './layout.ts';
import { cellAt, notesAt, type RowRef } from './locate-rows.ts';
import { SELF_EXPLAINING_MARKS, noteText, readNumberCell } from './parse-cell.ts';
import { DASHES } from './read-codes.ts';
import { cellText, headerText } from './grid.ts';

const P = MESSAGES.excel.problem;
const MAX_REASON = 200;

/** 合计：…；女：… → per column; a plain note → null (one reason for every marked cell). */
function splitReasons(note: string): Map<SexColumn, string> | null {
  if (!/^(合计|女|男)[:：]/.test(note)) return null;
  const out = new Map<SexColumn, string>();
  for (const part of note.split(/；(?=(?:合计|女|男)[:：])/)) {
    const m = /^(合计|女|男)[:：]([\s\S]*)$/.exec(part);
    if (!m) continue;
    const sex: SexColumn = m[1] === '合计' ? 'total' : m[1] === '女' ? 'female' : 'male';
    out.set(sex, m[2].trim());
  }
  return out;
}

/** A unit as header text compares it (NFKC, no white space); units repeat item after item, file after file. */
const UNITS = new Map<string, string>();
function unitHeader(unit: string): string {
  let text = UNITS.get(unit);
  if (text === undefined) {
    text = unit.normalize('NFKC').replace(/\s+/g, '');
    // the framework's units, a few dozen: never many, but bounded all the same
    if (UNITS.size >= 1000) UNITS.clear();
    UNITS.set(unit, text);
  }
  return text;
}

export function readItemRow(ref: RowRef, item: DataItem, source: 'typed' | 'csv', out: Collected) {
  const { problems, cells, addresses } = out;
  const row = ref.sheet.rows[ref.r] ?? [];
  const { cols } = ref;
  const code = item.code;
  if (cols.unit !== undefined) {
    const written = headerText(row[cols.unit]);
    if (written && !DASHES.has(written) && written !== unitHeader(item.unit)) {
      problems.push({
        severity: 'warning',
        code: 'unit_mismatch',
        ...cellAt(ref, cols.unit),
        item: code,
        message: P.unitMismatch(cellText(row[cols.unit]), item.unit),
      });
    }
  }
  const applicable = sexColumnsOf(item);
  const marks: { sex: SexColumn; mark: string; col: number }[] = [];
  for (const sex of ['total', 'female', 'male'] as const) {
    const col = cols[sex];
    if (col === undefined) continue;
    if (!applicable.includes(sex)) {
      const text = cellText(row[col]);
      if (!DASHES.has(text))
        problems.push({
          severity: 'warning',
          code: 'not_applicable_filled',
          ...cellAt(ref, col),
          item: code,
          message: P.notApplicableFilled(SEX_LABEL[sex]),
        });
      continue;
    }
    addresses[cellKey(code, sex)] = location(ref.sheet.name, address(ref.r + 1, col + 1));
    const reading = readNumberCell(row[col], item, source);
    problems.push(...notesAt(ref, col, code, reading.notes));
    if (reading.kind === 'value')
      cells.push({ item: code, sex, value: reading.value, noData: null, prefilled: false, raw: null });
    else if (reading.kind === 'mark') marks.push({ sex, mark: reading.mark, col });
  }
  const note = cols.note === undefined ? { text: '', note: null } : noteText(row[cols.note]);
  if (note.note && cols.note !== undefined) problems.push(...notesAt(ref, cols.note, code, [note.note]));
  if (marks.length > 0) {
    const perColumn = splitReasons(note.text);
    for (const m of marks) {
      const reason = perColumn ? (perColumn.get(m.sex) ?? '') : note.text;
      const finalReason = reason || (SELF_EXPLAINING_MARKS.has(m.mark) ? m.mark : '');
      if (!finalReason) {
        problems.push({
          severity: 'error',
          code: 'no_data_without_reason',
          ...cellAt(ref, m.col),
          item: code,
          message: P.noDataWithoutReason,
        });
      } else if (finalReason.length > MAX_REASON) {
        problems.push({
          severity: 'error',
          code: 'reason_too_long',
          ...cellAt(ref, cols.note ?? m.col),
          item: code,
          message: P.reasonTooLong(MAX_REASON),
        });
      } else {
        cells.push({
          item: code,
          sex: m.sex,
          value: null,
          noData: { reason: finalReason },
          prefilled: false,
          raw: null,
        });
      }
    }
  } else if (note.text && cols.note !== undefined) {
    problems.push({
      severity: 'warning',
      code: 'note_without_no_data',
      ...cellAt(ref, cols.note),
      item: code,
      message: P.noteWithoutNoData,
    });
  }
}
