// Reads a qualitative indicator's row: the answer (已建立/推进中/未建立 or 已实现/推进中/未实现) from whichever of the
// merged 合计/女/男 cells holds it, and the note.
import type { QualitativeChoice } from '../../shared/returns/schema.ts';
import { MESSAGES } from '../../shared/messages.ts';
import type { Collected } from './collected.ts';
import { address, location, type QualitativeIndicator } from './layout.ts';
import { cellAt, notesAt, type RowRef } from './locate-rows.ts';
import { noteText } from './parse-cell.ts';
import { DASHES } from './read-codes.ts';
import { cellText } from './grid.ts';

const P = MESSAGES.excel.problem;
const CHOICES: Record<string, QualitativeChoice> = {
  已建立: 'done',
  已实现: 'done',
  推进中: 'in_progress',
  未建立: 'not_done',
  未实现: 'not_done',
};
const MAX_QUALITATIVE_NOTE = 1000;

export function readQualitativeRow(ref: RowRef, indicator: QualitativeIndicator, out: Collected) {
  const { problems } = out;
  const row = ref.sheet.rows[ref.r] ?? [];
  const { cols } = ref;
  const code = indicator.code;
  const candidates = (['total', 'female', 'male'] as const)
    .map((k) => cols[k])
    .filter((c): c is number => c !== undefined);
  const col = candidates.find((c) => cellText(row[c]) !== '') ?? cols.total!;
  out.addresses[code] = location(ref.sheet.name, address(ref.r + 1, cols.total! + 1));
  const text = cellText(row[col]).replace(/\s+/g, '');
  let choice: QualitativeChoice | null = null;
  if (text && !DASHES.has(text)) {
    choice = CHOICES[text] ?? null;
    if (!choice) {
      const labels =
        indicator.choices === 'mechanism' ? ['已建立', '推进中', '未建立'] : ['已实现', '推进中', '未实现'];
      problems.push({
        severity: 'error',
        code: 'bad_choice',
        ...cellAt(ref, col),
        item: code,
        message: P.badChoice(cellText(row[col]), labels),
      });
    }
  }
  const note = cols.note === undefined ? { text: '', note: null } : noteText(row[cols.note]);
  if (note.note && cols.note !== undefined) problems.push(...notesAt(ref, cols.note, code, [note.note]));
  if (note.text.length > MAX_QUALITATIVE_NOTE) {
    problems.push({
      severity: 'error',
      code: 'note_too_long',
      ...cellAt(ref, cols.note!),
      item: code,
      message: P.noteTooLong(MAX_QUALITATIVE_NOTE),
    });
  } else if (choice !== null || note.text !== '') {
    out.qualitative.push({ indicator: code, choice, note: note.text });
  }
}
