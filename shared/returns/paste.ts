// Turns clipboard text from Excel or WPS (tab-separated, one row per line) into a block of cell texts.
// Pure, so the grid's paste behaviour is tested without a browser.

/** Rows of cells; a trailing empty line (Excel always adds one) is dropped; quoted cells are unquoted. */
export function parseClipboardBlock(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((line) =>
    line.split('\t').map((cell) => {
      const trimmed = cell.trim();
      return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')
        ? trimmed.slice(1, -1).replace(/""/g, '"')
        : trimmed;
    }),
  );
}

/** Places a block at (row, col) of a grid with `rows` × `cols` cells; cells outside the grid are reported, not wrapped. */
export function placeBlock(block: string[][], row: number, col: number, rows: number, cols: number) {
  const placed: { row: number; col: number; text: string }[] = [];
  let clipped = 0;
  block.forEach((cells, r) => {
    cells.forEach((text, c) => {
      if (row + r < rows && col + c < cols) placed.push({ row: row + r, col: col + c, text });
      else clipped += 1;
    });
  });
  return { placed, clipped };
}
