// Where the active cell goes on a key, like a spreadsheet. Pure: tested without a browser.
export interface GridPos {
  row: number;
  col: number;
}
export type NavKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight' | 'Tab' | 'Enter' | 'Home' | 'End';

/**
 * Arrows move one cell (stopping at the edges); Tab / Shift+Tab move to the next / previous editable cell,
 * wrapping to the next / previous row; Enter / Shift+Enter move down / up.
 */
export function nextPos(
  pos: GridPos,
  key: NavKey,
  shift: boolean,
  rows: number,
  cols: number,
  editable: (p: GridPos) => boolean,
): GridPos {
  const clamp = (p: GridPos): GridPos => ({
    row: Math.min(Math.max(p.row, 0), rows - 1),
    col: Math.min(Math.max(p.col, 0), cols - 1),
  });
  switch (key) {
    case 'ArrowUp':
      return clamp({ ...pos, row: pos.row - 1 });
    case 'ArrowDown':
      return clamp({ ...pos, row: pos.row + 1 });
    case 'ArrowLeft':
      return clamp({ ...pos, col: pos.col - 1 });
    case 'ArrowRight':
      return clamp({ ...pos, col: pos.col + 1 });
    case 'Enter':
      return clamp({ ...pos, row: pos.row + (shift ? -1 : 1) });
    case 'Home':
      return { ...pos, col: 0 };
    case 'End':
      return { ...pos, col: cols - 1 };
    case 'Tab': {
      const step = shift ? -1 : 1;
      let index = pos.row * cols + pos.col;
      for (let n = 0; n < rows * cols; n++) {
        index += step;
        if (index < 0 || index >= rows * cols) return pos;
        const p = { row: Math.floor(index / cols), col: index % cols };
        if (editable(p)) return p;
      }
      return pos;
    }
  }
}

/**
 * Enter after one or more Tabs (Excel / WPS): back to the column where the Tabs started, one row down
 * (Shift+Enter: one row up). Without a Tab before it (tabStartCol null), Enter moves straight down / up.
 */
export function enterPos(
  pos: GridPos,
  tabStartCol: number | null,
  shift: boolean,
  rows: number,
  cols: number,
  editable: (p: GridPos) => boolean,
): GridPos {
  const next = nextPos(pos, 'Enter', shift, rows, cols, editable);
  if (tabStartCol === null || next.row === pos.row) return next;
  return { row: next.row, col: tabStartCol };
}

export interface GridRect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The rectangle between the selection's anchor and the active cell (just the active cell without an anchor). */
export function selectionRect(anchor: GridPos | null, active: GridPos): GridRect {
  const a = anchor ?? active;
  return {
    top: Math.min(a.row, active.row),
    left: Math.min(a.col, active.col),
    bottom: Math.max(a.row, active.row),
    right: Math.max(a.col, active.col),
  };
}

export const inRect = (r: GridRect, p: GridPos) =>
  p.row >= r.top && p.row <= r.bottom && p.col >= r.left && p.col <= r.right;

/** A rectangle as Excel/WPS clipboard text: cells by tab, rows by CRLF. */
export function rectToText(r: GridRect, textAt: (p: GridPos) => string): string {
  const lines: string[] = [];
  for (let row = r.top; row <= r.bottom; row++) {
    const cells: string[] = [];
    for (let col = r.left; col <= r.right; col++) cells.push(textAt({ row, col }));
    lines.push(cells.join('\t'));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * Ctrl+arrow (Excel / WPS): from a filled cell whose neighbour is filled, to the last filled cell of that run;
 * otherwise to the next filled cell in that direction, or the edge of the grid.
 */
export function ctrlJump(
  pos: GridPos,
  key: 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight',
  rows: number,
  cols: number,
  filled: (p: GridPos) => boolean,
): GridPos {
  const [dr, dc] = key === 'ArrowUp' ? [-1, 0] : key === 'ArrowDown' ? [1, 0] : key === 'ArrowLeft' ? [0, -1] : [0, 1];
  const inside = (p: GridPos) => p.row >= 0 && p.row < rows && p.col >= 0 && p.col < cols;
  const step = (p: GridPos) => ({ row: p.row + dr, col: p.col + dc });
  let next = step(pos);
  if (!inside(next)) return pos;
  if (filled(pos) && filled(next)) {
    while (inside(step(next)) && filled(step(next))) next = step(next);
    return next;
  }
  while (!filled(next) && inside(step(next))) next = step(next);
  return next;
}

/** PgUp / PgDn: a page of rows up or down, kept inside the grid. */
export const pagePos = (pos: GridPos, down: boolean, pageRows: number, rows: number): GridPos => ({
  row: Math.min(Math.max(pos.row + (down ? pageRows : -pageRows), 0), Math.max(rows - 1, 0)),
  col: pos.col,
});

/** Every position of a rectangle, row by row. */
export function rectPositions(r: GridRect): GridPos[] {
  const out: GridPos[] = [];
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) out.push({ row, col });
  return out;
}

/** The selection's figures for the status line, as Excel / WPS show them: 求和 and 平均 of the numbers, 计数 of non-empty cells. */
export function selectionStats(
  values: (number | null)[],
  nonEmpty: number,
): { sum: number; count: number; average: number | null; numbers: number } {
  const numbers = values.filter((v): v is number => v !== null);
  const sum = numbers.reduce((a, b) => a + b, 0);
  return { sum, count: nonEmpty, average: numbers.length ? sum / numbers.length : null, numbers: numbers.length };
}

/**
 * Ctrl+D (fill down): each column of the selection takes its top cell's text; with a one-row selection, the
 * cell above is copied into it (Excel / WPS).
 */
export function fillDown(r: GridRect, textAt: (p: GridPos) => string): { pos: GridPos; text: string }[] {
  const single = r.top === r.bottom;
  const sourceRow = single ? r.top - 1 : r.top;
  if (sourceRow < 0) return [];
  const out: { pos: GridPos; text: string }[] = [];
  for (let col = r.left; col <= r.right; col++) {
    const text = textAt({ row: sourceRow, col });
    for (let row = single ? r.top : r.top + 1; row <= r.bottom; row++) out.push({ pos: { row, col }, text });
  }
  return out;
}
