// The main window's size and position, remembered between starts (window-state.json beside the database).
// A saved position off every screen (a monitor unplugged) is dropped, keeping the size; a broken file is ignored.
import { readFileSync, writeFileSync } from 'node:fs';

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface WindowState {
  bounds: Bounds;
  maximized: boolean;
}

const MIN = { width: 1024, height: 640 };
const isBounds = (b: unknown): b is Bounds =>
  typeof b === 'object' &&
  b !== null &&
  ['x', 'y', 'width', 'height'].every((k) => Number.isFinite((b as Record<string, unknown>)[k]));

/** Pure: what to open with, given the saved state and the screens' work areas. */
export function restoreBounds(
  saved: unknown,
  workAreas: Bounds[],
): { bounds: Partial<Bounds> & { width: number; height: number }; maximized: boolean } | null {
  if (typeof saved !== 'object' || saved === null) return null;
  const { bounds, maximized } = saved as Partial<WindowState>;
  if (!isBounds(bounds)) return null;
  const width = Math.max(bounds.width, MIN.width);
  const height = Math.max(bounds.height, MIN.height);
  // visible enough: the title bar's middle on some screen
  const cx = bounds.x + width / 2;
  const visible = workAreas.some(
    (a) => cx >= a.x && cx <= a.x + a.width && bounds.y >= a.y && bounds.y <= a.y + a.height - 40,
  );
  return {
    bounds: visible ? { x: bounds.x, y: bounds.y, width, height } : { width, height },
    maximized: maximized === true,
  };
}

export function readWindowState(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

export function writeWindowState(file: string, state: WindowState): void {
  try {
    writeFileSync(file, JSON.stringify(state));
  } catch {
    // remembering the window is a convenience: never a reason to fail closing
  }
}
