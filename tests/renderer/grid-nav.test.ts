import { describe, expect, it } from 'vitest';
import {
  ctrlJump,
  enterPos,
  fillDown,
  inRect,
  nextPos,
  pagePos,
  rectPositions,
  selectionStats,
  rectToText,
  selectionRect,
} from '../../renderer/entry/grid-nav.ts';
import { parseClipboardBlock, placeBlock } from '../../shared/returns/paste.ts';

// 3 rows × 3 columns; row 1 has only 合计 (a single-value item), so its 女/男 cells are locked.
const editable = ({ row, col }: { row: number; col: number }) => !(row === 1 && col > 0);

describe('grid navigation', () => {
  it.each([
    [{ row: 0, col: 0 }, 'ArrowRight', false, { row: 0, col: 1 }],
    [{ row: 0, col: 2 }, 'ArrowRight', false, { row: 0, col: 2 }],
    [{ row: 0, col: 0 }, 'ArrowUp', false, { row: 0, col: 0 }],
    [{ row: 2, col: 1 }, 'ArrowDown', false, { row: 2, col: 1 }],
    [{ row: 0, col: 1 }, 'Enter', false, { row: 1, col: 1 }],
    [{ row: 1, col: 1 }, 'Enter', true, { row: 0, col: 1 }],
    [{ row: 0, col: 2 }, 'Tab', false, { row: 1, col: 0 }],
    [{ row: 1, col: 0 }, 'Tab', false, { row: 2, col: 0 }],
    [{ row: 2, col: 0 }, 'Tab', true, { row: 1, col: 0 }],
    [{ row: 2, col: 2 }, 'Tab', false, { row: 2, col: 2 }],
    [{ row: 1, col: 2 }, 'Home', false, { row: 1, col: 0 }],
  ] as const)('from %o, %s (shift %s) goes to %o', (from, key, shift, to) => {
    expect(nextPos(from, key, shift, 3, 3, editable)).toEqual(to);
  });
});

describe('Enter after Tab (Excel / WPS)', () => {
  it('returns to the column where the Tabs started, one row down; without Tabs it goes straight down', () => {
    expect(enterPos({ row: 0, col: 2 }, 0, false, 3, 3, editable)).toEqual({ row: 1, col: 0 });
    expect(enterPos({ row: 2, col: 2 }, 1, true, 3, 3, editable)).toEqual({ row: 1, col: 1 });
    expect(enterPos({ row: 0, col: 2 }, null, false, 3, 3, editable)).toEqual({ row: 1, col: 2 });
    // on the last row Enter stays where it is
    expect(enterPos({ row: 2, col: 2 }, 0, false, 3, 3, editable)).toEqual({ row: 2, col: 2 });
  });
});

describe('clipboard blocks from Excel / WPS', () => {
  it('splits rows and cells, drops the trailing newline and unquotes cells', () => {
    expect(parseClipboardBlock('30\t9\r\n5\t1\r\n')).toEqual([
      ['30', '9'],
      ['5', '1'],
    ]);
    expect(parseClipboardBlock('"1,234"\t ７ \n')).toEqual([['1,234', '７']]);
    expect(parseClipboardBlock('12')).toEqual([['12']]);
  });

  it('places a block from the active cell and reports what falls outside', () => {
    const { placed, clipped } = placeBlock(
      [
        ['1', '2', '3'],
        ['4', '5', '6'],
      ],
      1,
      1,
      2,
      3,
    );
    expect(placed).toEqual([
      { row: 1, col: 1, text: '1' },
      { row: 1, col: 2, text: '2' },
    ]);
    expect(clipped).toBe(4);
  });
});

describe('block selection', () => {
  it('spans the anchor and the active cell in any direction', () => {
    expect(selectionRect(null, { row: 2, col: 1 })).toEqual({ top: 2, left: 1, bottom: 2, right: 1 });
    const r = selectionRect({ row: 3, col: 2 }, { row: 1, col: 0 });
    expect(r).toEqual({ top: 1, left: 0, bottom: 3, right: 2 });
    expect(inRect(r, { row: 2, col: 1 })).toBe(true);
    expect(inRect(r, { row: 4, col: 1 })).toBe(false);
  });

  it('copies as Excel/WPS text', () => {
    const values = [
      ['30', '9', ''],
      ['5', '1', ''],
    ];
    expect(rectToText({ top: 0, left: 0, bottom: 1, right: 1 }, (p) => values[p.row][p.col])).toBe('30\t9\r\n5\t1\r\n');
  });
});

describe('spreadsheet moves and fills', () => {
  // a 6 × 3 grid; filled: rows 0-1 and 4 of column 0
  const filled = ({ row, col }: { row: number; col: number }) => col === 0 && (row <= 1 || row === 4);
  it('Ctrl+arrow runs to the end of a filled block, then to the next filled cell or the edge', () => {
    expect(ctrlJump({ row: 0, col: 0 }, 'ArrowDown', 6, 3, filled)).toEqual({ row: 1, col: 0 });
    expect(ctrlJump({ row: 1, col: 0 }, 'ArrowDown', 6, 3, filled)).toEqual({ row: 4, col: 0 });
    expect(ctrlJump({ row: 4, col: 0 }, 'ArrowDown', 6, 3, filled)).toEqual({ row: 5, col: 0 });
    expect(ctrlJump({ row: 5, col: 0 }, 'ArrowDown', 6, 3, filled)).toEqual({ row: 5, col: 0 });
    expect(ctrlJump({ row: 0, col: 0 }, 'ArrowRight', 6, 3, filled)).toEqual({ row: 0, col: 2 });
    expect(ctrlJump({ row: 3, col: 0 }, 'ArrowUp', 6, 3, filled)).toEqual({ row: 1, col: 0 });
  });
  it('PgDn / PgUp move a page, kept inside', () => {
    expect(pagePos({ row: 2, col: 1 }, true, 10, 30)).toEqual({ row: 12, col: 1 });
    expect(pagePos({ row: 25, col: 1 }, true, 10, 30)).toEqual({ row: 29, col: 1 });
    expect(pagePos({ row: 3, col: 0 }, false, 10, 30)).toEqual({ row: 0, col: 0 });
  });
  it('sums, counts and averages a selection; fills down from the top row or the row above', () => {
    expect(selectionStats([30, 9, 5, 1], 4)).toEqual({ sum: 45, count: 4, average: 11.25, numbers: 4 });
    expect(selectionStats([null, 2], 2)).toEqual({ sum: 2, count: 2, average: 2, numbers: 1 });
    expect(rectPositions({ top: 0, left: 1, bottom: 1, right: 2 })).toHaveLength(4);
    const text = ({ row, col }: { row: number; col: number }) => `${row}${col}`;
    expect(fillDown({ top: 1, left: 0, bottom: 3, right: 0 }, text)).toEqual([
      { pos: { row: 2, col: 0 }, text: '10' },
      { pos: { row: 3, col: 0 }, text: '10' },
    ]);
    expect(fillDown({ top: 2, left: 1, bottom: 2, right: 1 }, text)).toEqual([{ pos: { row: 2, col: 1 }, text: '11' }]);
    expect(fillDown({ top: 0, left: 1, bottom: 0, right: 1 }, text)).toEqual([]);
  });
});
