// The children's value cells of the 分单位明细 sheet, written as XML into the sheet exceljs wrote without them
// (merge-sheets.ts): with thousands of children an exceljs cell object per value held most of a merge's memory.
// exceljs wrote one cell of each look (a probe): its style number is read from the sheet and the probe's cell is
// written again here with the others, in column order, before the row's 合计 cell. Cells are written as exceljs
// writes them: <c r="E5" s="7"><v>12.5</v></c>, an empty value as <c r="E5" s="7"/>.

import { MESSAGES } from '../../shared/messages.ts';
export interface ValueCells {
  /** the first children's column (1-based) and the 合计 column after the last child */
  first: number;
  last: number;
  /** the address of the one cell exceljs wrote with each look */
  probes: ReadonlyMap<object, string>;
  rows: readonly { r: number; values: readonly (number | null)[]; looks: readonly object[] }[];
}

export function columnName(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

const unexpected = (what: string) => new Error(`${MESSAGES.merge.sheets.breakdownSheet}: ${what}`);

export function fillValueCells(written: Buffer, cells: ValueCells): Buffer {
  let xml = written.toString('utf8');
  // each probe: its style number, then its cell taken out (written again below with its row)
  const styleIds = new Map<object, string>();
  for (const [look, address] of cells.probes) {
    const at = xml.indexOf(`<c r="${address}"`);
    if (at < 0) throw unexpected(`no cell ${address}`);
    const open = xml.indexOf('>', at);
    const head = xml.slice(at, open + 1);
    const s = /\ss="(\d+)"/.exec(head)?.[1];
    styleIds.set(look, s && s !== '0' ? ` s="${s}"` : '');
    const end = head.endsWith('/>') ? open + 1 : xml.indexOf('</c>', open) + 4;
    xml = xml.slice(0, at) + xml.slice(end);
  }
  const names = Array.from({ length: cells.last - cells.first }, (_, i) => columnName(cells.first + i));
  const total = columnName(cells.last);
  const parts: Buffer[] = [];
  let from = 0;
  for (const row of cells.rows) {
    const at = xml.indexOf(`<c r="${total}${row.r}"`, from);
    if (at < 0) throw unexpected(`no cell ${total}${row.r}`);
    parts.push(Buffer.from(xml.slice(from, at)));
    let chunk = '';
    row.values.forEach((v, i) => {
      const s = styleIds.get(row.looks[i]);
      if (s === undefined) throw unexpected(`a look without a probe in row ${row.r}`);
      chunk += v === null ? `<c r="${names[i]}${row.r}"${s}/>` : `<c r="${names[i]}${row.r}"${s}><v>${v}</v></c>`;
    });
    parts.push(Buffer.from(chunk));
    from = at;
  }
  parts.push(Buffer.from(xml.slice(from)));
  return Buffer.concat(parts);
}
