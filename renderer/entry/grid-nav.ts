// Where the active cell goes on a key, like a spreadsheet. Pure: tested without a browser.
export interface GridPos { row: number; col: number }
export type NavKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight' | 'Tab' | 'Enter' | 'Home' | 'End';

/**
 * Arrows move one cell (stopping at the edges); Tab / Shift+Tab move to the next / previous editable cell,
 * wrapping to the next / previous row; Enter / Shift+Enter move down / up.
 */
export function nextPos(pos: GridPos, key: NavKey, shift: boolean, rows: number, cols: number, editable: (p: GridPos) => boolean): GridPos {
  const clamp = (p: GridPos): GridPos => ({ row: Math.min(Math.max(p.row, 0), rows - 1), col: Math.min(Math.max(p.col, 0), cols - 1) });
  switch (key) {
    case 'ArrowUp': return clamp({ ...pos, row: pos.row - 1 });
    case 'ArrowDown': return clamp({ ...pos, row: pos.row + 1 });
    case 'ArrowLeft': return clamp({ ...pos, col: pos.col - 1 });
    case 'ArrowRight': return clamp({ ...pos, col: pos.col + 1 });
    case 'Enter': return clamp({ ...pos, row: pos.row + (shift ? -1 : 1) });
    case 'Home': return { ...pos, col: 0 };
    case 'End': return { ...pos, col: cols - 1 };
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
export function enterPos(pos: GridPos, tabStartCol: number | null, shift: boolean, rows: number, cols: number, editable: (p: GridPos) => boolean): GridPos {
  const next = nextPos(pos, 'Enter', shift, rows, cols, editable);
  if (tabStartCol === null || next.row === pos.row) return next;
  return { row: next.row, col: tabStartCol };
}

export interface GridRect { top: number; left: number; bottom: number; right: number }

/** The rectangle between the selection's anchor and the active cell (just the active cell without an anchor). */
export function selectionRect(anchor: GridPos | null, active: GridPos): GridRect {
  const a = anchor ?? active;
  return { top: Math.min(a.row, active.row), left: Math.min(a.col, active.col), bottom: Math.max(a.row, active.row), right: Math.max(a.col, active.col) };
}

export const inRect = (r: GridRect, p: GridPos) => p.row >= r.top && p.row <= r.bottom && p.col >= r.left && p.col <= r.right;

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
