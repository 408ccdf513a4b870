// What changed between two versions of the same return: the cells and the qualitative answers. Pure.
import type { Cell, QualitativeAnswer, ReturnData } from '../../shared/returns/schema.ts';
import { cellKey } from '../../shared/returns/schema.ts';
import { describeCell } from '../../shared/returns/audit-labels.ts';

export interface CellChange {
  item: string;
  sex: 'total' | 'female' | 'male';
  /** the cell as text (describeCell), or '' when blank */
  before: string;
  after: string;
}

export interface AnswerChange {
  indicator: string;
  before: string;
  after: string;
}

export interface ReturnDiff {
  cells: CellChange[];
  answers: AnswerChange[];
}

const cellText = (c: Cell | undefined): string => describeCell(c) ?? '';

const answerText = (a: QualitativeAnswer | undefined) =>
  !a ? '' : `${a.choice ?? ''}${a.note ? ` ${a.note}` : ''}`.trim();

/** Cells and answers that differ between `before` and `after`, in item order. */
export function diffReturns(
  before: Pick<ReturnData, 'cells' | 'qualitative'>,
  after: Pick<ReturnData, 'cells' | 'qualitative'>,
): ReturnDiff {
  const a = new Map(before.cells.map((c) => [cellKey(c.item, c.sex), c]));
  const b = new Map(after.cells.map((c) => [cellKey(c.item, c.sex), c]));
  const keys = [...new Set([...a.keys(), ...b.keys()])].sort();
  const cells: CellChange[] = [];
  for (const key of keys) {
    const x = cellText(a.get(key));
    const y = cellText(b.get(key));
    if (x === y) continue;
    const c = (a.get(key) ?? b.get(key))!;
    cells.push({ item: c.item, sex: c.sex, before: x, after: y });
  }
  const qa = new Map(before.qualitative.map((q) => [q.indicator, q]));
  const qb = new Map(after.qualitative.map((q) => [q.indicator, q]));
  const answers: AnswerChange[] = [];
  for (const indicator of [...new Set([...qa.keys(), ...qb.keys()])].sort()) {
    const x = answerText(qa.get(indicator));
    const y = answerText(qb.get(indicator));
    if (x !== y) answers.push({ indicator, before: x, after: y });
  }
  return { cells, answers };
}
