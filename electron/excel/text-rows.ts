// A run of rows of plain strings written as XML into a sheet exceljs wrote without them: thousands of rows of
// text (the children listed on a merged return's 汇总说明 sheet) cost exceljs a cell object, a style look-up and a
// shared string each, most of the time of writing the workbook. exceljs writes the run's first and last rows (so
// the sheet's dimension, each column's style number and the row's attributes are its own); the rows between are
// written here, after the first, exactly as exceljs writes such rows: the first row's <row …> with its number
// changed, each cell as <c r="B12" s="7" t="s"><v>index</v></c>, its string appended to the shared strings the way
// exceljs writes one (<si><t>…</t></si>, xml:space="preserve" when it starts or ends with a space or holds a
// line break). A reader sees the same cells: only the order of the shared strings differs.

/** Strings appended to the workbook's shared strings: indexes handed out after the ones exceljs wrote. */
export class AppendedStrings {
  private base = -1;
  private refs = 0;
  private readonly list: string[] = [];
  private readonly index = new Map<string, number>();

  /** Reads how many strings exceljs wrote; must come before the first id. */
  start(sst: Buffer | undefined): void {
    const head = sst?.subarray(0, 600).toString('utf8') ?? '';
    const unique = /<sst\b[^>]*\buniqueCount="(\d+)"/.exec(head)?.[1];
    if (unique === undefined) throw new Error('xlsx: no shared strings');
    this.base = Number(unique);
  }

  id(text: string): number {
    if (this.base < 0) throw new Error('xlsx: shared strings not read');
    this.refs += 1;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.base + this.list.length;
      this.list.push(text);
      this.index.set(text, i);
    }
    return i;
  }

  /** The shared strings part with these appended and its counts raised. */
  appendTo(sst: Buffer): Buffer {
    if (this.list.length === 0 && this.refs === 0) return sst;
    let xml = sst.toString('utf8');
    const head = /<sst\b[^>]*>/.exec(xml);
    if (!head) throw new Error('xlsx: no shared strings');
    const counted = head[0]
      .replace(/\bcount="(\d+)"/, (_, n: string) => `count="${Number(n) + this.refs}"`)
      .replace(/\buniqueCount="(\d+)"/, (_, n: string) => `uniqueCount="${Number(n) + this.list.length}"`);
    const end = xml.lastIndexOf('</sst>');
    if (end < 0) throw new Error('xlsx: no end of shared strings');
    const added = this.list.map((t) => `<si>${textNode(t)}</si>`).join('');
    xml = xml.slice(0, head.index) + counted + xml.slice(head.index + head[0].length, end) + added + xml.slice(end);
    return Buffer.from(xml, 'utf8');
  }
}

export interface TextRunSpec {
  /** the run's first and last rows, both written by exceljs with a string in every column */
  first: number;
  last: number;
  /** the strings of the rows first+1 … last-1, one per column from A */
  rows: readonly (readonly string[])[];
}

const XML_SPECIAL = /[<>&'"\x7F\x00-\x08\x0B-\x0C\x0E-\x1F]/;
const ESCAPES: Record<string, string> = { '"': '&quot;', '&': '&amp;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

/** Text as exceljs escapes it (utils.xmlEncode): the five entities, control characters left out. */
export function xmlText(text: string): string {
  if (!XML_SPECIAL.test(text)) return text;
  // the characters XML 1.0 does not allow are left out, as exceljs leaves them out
  return text.replace(/[<>&'"\x7F\x00-\x08\x0B-\x0C\x0E-\x1F]/g, (c) => ESCAPES[c] ?? '');
}

const textNode = (t: string) =>
  /^\s|\n|\s$/.test(t) ? `<t xml:space="preserve">${xmlText(t)}</t>` : `<t>${xmlText(t)}</t>`;

export function columnName(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** The sheet with the run's middle rows written after its first row, their strings given ids in `strings`. */
export function fillTextRun(written: Buffer, run: TextRunSpec, strings: AppendedStrings): Buffer {
  if (run.rows.length === 0) return written;
  if (run.last !== run.first + run.rows.length + 1) throw new Error('xlsx: a run of rows that does not fit');
  const xml = written.toString('utf8');
  const at = xml.indexOf(`<row r="${run.first}"`);
  if (at < 0) throw new Error(`xlsx: no row ${run.first}`);
  const open = xml.indexOf('>', at) + 1;
  const close = xml.indexOf('</row>', open);
  if (open <= 0 || close < 0 || xml.indexOf(`<row r="${run.last}"`, close) < 0)
    throw new Error(`xlsx: rows ${run.first}–${run.last} not as written`);
  const rowTail = xml.slice(at + `<row r="${run.first}"`.length, open);
  const firstRow = xml.slice(open, close);
  const cols = run.rows[0].length;
  const names = Array.from({ length: cols }, (_, i) => columnName(i + 1));
  const styles = names.map((name) => {
    const cellAt = firstRow.indexOf(`<c r="${name}${run.first}"`);
    if (cellAt < 0) throw new Error(`xlsx: no cell ${name}${run.first}`);
    const head = firstRow.slice(cellAt, firstRow.indexOf('>', cellAt));
    if (!/\st="s"/.test(head)) throw new Error(`xlsx: cell ${name}${run.first} is not a shared string`);
    const s = /\ss="(\d+)"/.exec(head)?.[1];
    return s ? ` s="${s}"` : '';
  });
  let chunk = '';
  run.rows.forEach((texts, k) => {
    const r = run.first + 1 + k;
    chunk += `<row r="${r}"${rowTail}`;
    for (let i = 0; i < cols; i++)
      chunk += `<c r="${names[i]}${r}"${styles[i]} t="s"><v>${strings.id(texts[i])}</v></c>`;
    chunk += '</row>';
  });
  const end = close + '</row>'.length;
  return Buffer.concat([Buffer.from(xml.slice(0, end)), Buffer.from(chunk), Buffer.from(xml.slice(end))]);
}
