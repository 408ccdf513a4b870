// What changed between two versions of a return is described with the audit trail's one description of a cell.
import { describe, expect, it } from 'vitest';
import { diffReturns } from '../../../electron/merge/diff.ts';
import { MESSAGES } from '../../../shared/messages.ts';
import { describeCell } from '../../../shared/returns/audit-labels.ts';
import type { Cell } from '../../../shared/returns/schema.ts';

const cell = (over: Partial<Cell>): Cell => ({
  item: 'HD01',
  sex: 'total',
  value: null,
  noData: null,
  prefilled: false,
  raw: null,
  ...over,
});
const data = (...cells: Cell[]) => ({ cells, qualitative: [] });

describe('one description of a cell', () => {
  it('the audit trail and the version diff describe a cell the same way', () => {
    const before = cell({ noData: { reason: '卫健局未提供' } });
    const after = cell({ raw: '12o' });
    expect(diffReturns(data(before), data(after)).cells).toEqual([
      { item: 'HD01', sex: 'total', before: describeCell(before), after: describeCell(after) },
    ]);
    expect(describeCell(before)).toBe(MESSAGES.app.noDataValue('卫健局未提供'));
    expect(describeCell(after)).toBe(MESSAGES.app.rawValue('12o'));
  });
  it('a change of text kept as typed is a change (it was invisible in the diff)', () => {
    expect(diffReturns(data(cell({ raw: '12o' })), data(cell({ raw: '120o' }))).cells).toHaveLength(1);
  });
  it('blank is empty in the diff and null in the audit trail', () => {
    expect(describeCell(cell({}))).toBeNull();
    expect(diffReturns(data(cell({ value: 3 })), data()).cells).toEqual([
      { item: 'HD01', sex: 'total', before: '3', after: '' },
    ]);
  });
});
