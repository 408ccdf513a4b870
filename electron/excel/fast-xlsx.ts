// A small reader of .xlsx workbook parts (already inflated and checked by the file guards), for the workbooks this
// app writes and their ordinary edits in Excel or WPS: one pass of regular expressions over each sheet's XML, no
// styles beyond the number formats, no formatting work except the shown text of numbers. It gives exactly the grid
// SheetJS gives with read-workbook.ts's options (tests/electron/excel/fast-xlsx.test.ts compares the two on every fixture);
// anything it does not handle the same way (shared or array formulas, CDATA, prefixed XML, 1904 dates, unknown
// number formats, rows past the limit …) makes it answer null, and the caller reads the file with SheetJS.
import * as XLSX from 'xlsx';
import { partText, type FileLimits, type PartTexts, type XlsxParts } from './file-guards.ts';
import type { GridCell, GridSheet, GridWorkbook } from './grid.ts';

/** SheetJS's built-in number formats (its table_fmt at the start of every read). */
const BUILT_IN: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'm/d/yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy h:mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
  56: '"上午/下午 "hh"時"mm"分"ss"秒 "',
};
const ERROR_CODE: Record<string, number> = {
  '#NULL!': 0x00,
  '#DIV/0!': 0x07,
  '#VALUE!': 0x0f,
  '#REF!': 0x17,
  '#NAME?': 0x1d,
  '#NUM!': 0x24,
  '#N/A': 0x2a,
  '#GETTING_DATA': 0x2b,
  '#WTF?': 0xff,
};
const ENTITIES: Record<string, string> = { '&quot;': '"', '&apos;': "'", '&gt;': '>', '&lt;': '<', '&amp;': '&' };

const isHex = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);

/** What SheetJS's entity expression makes of "&body;" (null: no entity, the text stays as it is). */
function entity(body: string): string | null {
  if (body.charCodeAt(0) === 35) {
    // &#x?[0-9a-f]+; (case-insensitive), hexadecimal only when a lower-case x is written: SheetJS's rule
    let i = 1;
    if (body[1] === 'x' || body[1] === 'X') i = 2;
    if (i >= body.length) return null;
    for (let k = i; k < body.length; k++) if (!isHex(body.charCodeAt(k))) return null;
    return String.fromCharCode(parseInt(body.slice(i), body.includes('x') ? 16 : 10));
  }
  const lower = body.toLowerCase();
  if (lower !== 'quot' && lower !== 'apos' && lower !== 'gt' && lower !== 'lt' && lower !== 'amp') return null;
  return ENTITIES[`&${body};`] ?? String.fromCharCode(NaN);
}

/**
 * SheetJS's unescapexml (entities, then _xHHHH_ escapes; with `xlsx`, CRLF → LF), as a scan instead of a regular
 * expression with a callback: some writers (openpyxl) spell every Chinese character as &#NNNNN;.
 */
function unescapeXml(text: string, xlsx = false): string {
  if (!text.includes('&')) return finishUnescape(text, xlsx);
  // returns filled from one template repeat the same labels and formulas, file after file: decode each once
  const cache = xlsx ? DECODED_XLSX : DECODED;
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  let out = '';
  let last = 0;
  let at = text.indexOf('&');
  while (at >= 0) {
    const semi = text.indexOf(';', at + 1);
    if (semi < 0) break;
    const amp = text.indexOf('&', at + 1);
    const rep = amp >= 0 && amp < semi ? null : entity(text.slice(at + 1, semi));
    if (rep === null) {
      at = amp;
      continue;
    }
    out += text.slice(last, at) + rep;
    last = semi + 1;
    at = text.indexOf('&', last);
  }
  const decoded = finishUnescape(out + text.slice(last), xlsx);
  if (cache.size >= 20_000) cache.clear();
  // a copy of each: a text sliced from a part keeps the whole part alive (V8 slices point into their parent),
  // and the cache outlives the file (a worker reading thousands of files kept every one's shared strings)
  cache.set(ownCopy(text), ownCopy(decoded));
  return decoded;
}

/** The same text in memory of its own, pointing into no larger string. */
const ownCopy = (text: string) =>
  // Latin-1 text stays one byte a character (compared and hashed as fast as the XML it came from)
  LATIN1.test(text) ? Buffer.from(text, 'latin1').toString('latin1') : Buffer.from(text, 'utf16le').toString('utf16le');
const LATIN1 = /^[\u0000-\u00ff]*$/;

/** Decoded texts by their XML spelling (bounded), for unescape without and with SheetJS's xlsx flag. */
const DECODED = new Map<string, string>();
const DECODED_XLSX = new Map<string, string>();

function finishUnescape(text: string, xlsx: boolean): string {
  let s = text;
  if (s.includes('_')) s = s.replace(/_x([\da-fA-F]{4})_/gi, (_, c: string) => String.fromCharCode(parseInt(c, 16)));
  return xlsx ? s.replace(/\r\n/g, '\n') : s;
}

/** An attribute's raw value in a tag's text (attributes separated by single spaces, double-quoted). */
function attr(tag: string, name: string): string | undefined {
  plainLayout(tag);
  return attrIn(tag, ` ${name}="`);
}

/** A tag with a line break, a tab or a single quote in it is SheetJS's to read. */
function plainLayout(tag: string): void {
  // four native searches: faster than a loop over the characters while the reader's code is still cold
  if (tag.includes('\n') || tag.includes('\t') || tag.includes('\r') || tag.includes("'")) decline('attribute layout');
}

/** attr with the layout already checked and the key spelled ` name="`. */
function attrIn(tag: string, key: string): string | undefined {
  const at = tag.indexOf(key);
  if (at < 0) return undefined;
  const from = at + key.length;
  const to = tag.indexOf('"', from);
  return to < 0 ? decline('attribute') : tag.slice(from, to);
}

/** Thrown inside the reader when the file needs SheetJS; never escapes readXlsxParts. */
class Decline extends Error {}
const decline = (why: string): never => {
  throw new Decline(why);
};

const text = (parts: XlsxParts, texts: PartTexts, name: string): string | null => {
  const buf = parts.get(name);
  if (!buf) return null;
  const s = partText(texts, name, buf);
  // CDATA, namespace-prefixed SpreadsheetML or single-quoted attributes: SheetJS's general parser handles them
  if (s.includes('<![CDATA[') || prefixedTag(s)) decline(`syntax in ${name}`);
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
};

const isWordChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const PREFIXED = new Set(['row', 'c', 'v', 'f', 'is', 'si', 't', 'r', 'sheet', 'xf', 'numFmt']);

/**
 * Whether the text has a prefixed SpreadsheetML tag: what /<\w+:(?:row|c|v|f|is|si|t|r|sheet|xf|numFmt)\b/ finds,
 * looked for from each colon (a few dozen in a sheet) instead of from every "<".
 */
function prefixedTag(s: string): boolean {
  for (let colon = s.indexOf(':'); colon >= 0; colon = s.indexOf(':', colon + 1)) {
    let i = colon - 1;
    while (i >= 0 && isWordChar(s.charCodeAt(i))) i--;
    if (i === colon - 1 || i < 0 || s.charCodeAt(i) !== 60) continue;
    let j = colon + 1;
    while (j < s.length && isWordChar(s.charCodeAt(j))) j++;
    if (PREFIXED.has(s.slice(colon + 1, j))) return true;
  }
  return false;
}

/** A shared or inline string item, as SheetJS's parse_si reads it. */
function stringItem(si: string): string {
  if (startsWithText(si)) {
    const open = si.indexOf('>');
    const close = si.indexOf('</t>', open + 1);
    return unescapeXml(close < 0 ? si.slice(open + 1) : si.slice(open + 1, close), true);
  }
  if (/<r\b[^<>]*>/.test(si)) {
    const withoutPhonetic = si.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
    const runs = withoutPhonetic.match(/<t\b[^<>]*>([^<]*)<\/t>/g) ?? [];
    return unescapeXml(runs.join('').replace(/<[^<>]*>/g, ''), true);
  }
  return decline('string item without text');
}

/** /^\s*<t[\s>]/ by a scan of the leading ASCII white space (anything else: the expression). */
function startsWithText(si: string): boolean {
  let i = 0;
  let c = si.charCodeAt(0);
  while (c === 32 || (c >= 9 && c <= 13)) c = si.charCodeAt(++i);
  if (c !== 60 || si.charCodeAt(i + 1) !== 116) return c > 127 && /^\s*<t[\s>]/.test(si);
  const after = si.charCodeAt(i + 2);
  if (after === 62 || after === 32 || (after >= 9 && after <= 13)) return true;
  return after > 127 && /^\s*<t[\s>]/.test(si);
}

function sharedStrings(xml: string | null): string[] {
  if (xml === null) return [];
  const body = /<sst\b[^>]*>([\s\S]*)<\/sst>/.exec(xml);
  if (!body) return [];
  if (/<si\b[^>]*\/>|<si\s[^>]*>/.test(body[1])) decline('string item syntax');
  const chunks = body[1].replace(/<si>/g, '').split(/<\/si>/);
  // split leaves the piece after the last </si>: nothing but white space in a well-formed table
  if (chunks.pop()!.trim() !== '') decline('string table');
  return chunks.map((chunk) => {
    const si = chunk.trim();
    return si === '' ? '' : stringItem(si);
  });
}

interface Styles {
  /** the number format id of each cell style; null when there is no style sheet */ xf: (number | undefined)[] | null;
  formats: Map<number, string>;
}

function styles(xml: string | null): Styles {
  const formats = new Map<number, string>(Object.entries(BUILT_IN).map(([k, v]) => [Number(k), v]));
  if (xml === null) return { xf: null, formats };
  const numFmts = /<numFmts\b[^>]*>([\s\S]*?)<\/numFmts>/.exec(xml);
  if (numFmts) {
    for (const m of numFmts[1].matchAll(/<numFmt\b[^>]*>/g)) {
      const id = parseInt(attr(m[0], 'numFmtId') ?? '', 10);
      const code = attr(m[0], 'formatCode');
      if (!(id >= 0 && id <= 0x188) || code === undefined || m[0].includes("'")) decline('number format');
      formats.set(id, unescapeXml(code!));
    }
  }
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml);
  if (!cellXfs) return { xf: /<cellXfs\b/.test(xml) ? decline('cell styles') : null, formats };
  const xf: (number | undefined)[] = [];
  for (const m of cellXfs[1].matchAll(/<xf\b[^>]*>/g)) {
    const raw = attr(m[0], 'numFmtId');
    const id = raw ? parseInt(raw, 10) : undefined;
    if (id !== undefined && !(id >= 0 && id <= 0x188)) decline('style number format');
    xf.push(id);
  }
  return { xf, formats };
}

/** decodeRef's answer (a pair of numbers, not an object per cell). */
let refRow = 0;
let refColumn = 0;

/** Column letters of a cell reference → 0-based column (refColumn); row digits → 0-based row (refRow). */
function decodeRef(ref: string): void {
  let c = 0;
  let i = 0;
  for (; i < ref.length && i < 3; i++) {
    const ch = ref.charCodeAt(i);
    if (ch < 65 || ch > 90) break;
    c = 26 * c + (ch - 64);
  }
  let r = 0;
  const digits = i;
  for (; i < ref.length; i++) {
    const ch = ref.charCodeAt(i);
    if (ch < 48 || ch > 57) decline(`cell reference ${ref}`);
    r = 10 * r + (ch - 48);
  }
  if (digits === 0 || digits === ref.length || r === 0) decline(`cell reference ${ref}`);
  refRow = r - 1;
  refColumn = c - 1;
}

/**
 * The text between the first `open` and the first `close` after it: what /<open>([\s\S]*?)<close>/ captures
 * (null: no match; a later `open` has no `close` after it either).
 */
function element(body: string, open: string, close: string): string | null {
  const at = body.indexOf(open);
  if (at < 0) return null;
  const end = body.indexOf(close, at + open.length);
  return end < 0 ? null : body.slice(at + open.length, end);
}

const FORMULA = /<f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/f>)/;

/**
 * FORMULA.exec(body) as [match, attributes, text]: the first <f> element found by indexOf; whatever that does
 * not settle (no closing tag, a second <f) is left to the expression.
 */
function formulaElement(body: string): [string, string, string | undefined] | RegExpExecArray | null {
  const at = body.indexOf('<f');
  const gt = at < 0 ? -1 : body.indexOf('>', at + 2);
  if (gt < 0 || isWordChar(body.charCodeAt(at + 2)) || body.indexOf('<f', at + 2) >= 0) return FORMULA.exec(body);
  if (gt - 1 >= at + 2 && body.charCodeAt(gt - 1) === 47) return ['', body.slice(at + 2, gt - 1), undefined];
  const close = body.indexOf('</f>', gt + 1);
  return close < 0 ? FORMULA.exec(body) : ['', body.slice(at + 2, gt), body.slice(gt + 1, close)];
}

/**
 * SheetJS's text of a whole number under "0" or "#,##0" (every whole number below 10^15 in size, digit for digit
 * the same: tests/electron/excel/fast-xlsx.test.ts), without its format parser; undefined for any other case.
 */
export function wholeNumberText(fmt: string, v: number): string | undefined {
  if (!Number.isInteger(v) || v >= 1e15 || v <= -1e15) return undefined;
  if (fmt === '0') return String(v);
  if (fmt !== '#,##0') return undefined;
  const digits = String(v < 0 ? -v : v);
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return v < 0 ? `-${out}` : out;
}

/** How many numbers' texts wholeNumberText gave (a test checks the shortcut is taken). */
export const shortcutUse = { wholeNumbers: 0, inlineCells: 0 };

function shownText(t: GridCell['t'], v: number | string | boolean, fmtId: number, fmt: string): string | undefined {
  try {
    if (fmtId === 0) {
      if (t === 'n') return ((v as number) | 0) === v ? (v as number).toString(10) : XLSX.SSF.format(0, v);
      if (t === 'b') return v ? 'TRUE' : 'FALSE';
      // SheetJS's General text of a text is the text itself (SSF_general), as of a whole number its digits above
      if (t === 's' && typeof v === 'string') return v;
      return XLSX.SSF.format(0, v);
    }
    if (t === 'n') {
      const whole = wholeNumberText(fmt, v as number);
      if (whole !== undefined) {
        shortcutUse.wholeNumbers++;
        return whole;
      }
    }
    return XLSX.SSF.format(fmt, v);
  } catch {
    return undefined;
  }
}

function readSheet(xml: string, strings: string[], st: Styles, limits: FileLimits): (GridCell | undefined)[][] {
  const start = xml.indexOf('<sheetData');
  if (start < 0) return [];
  const open = xml.indexOf('>', start);
  if (xml[open - 1] === '/') return [];
  const end = xml.indexOf('</sheetData>', open);
  if (end < 0) decline('sheet data');
  const data = xml.slice(open + 1, end);
  const grid: (GridCell | undefined)[][] = [];
  let maxRow = -1;
  let row = -1;
  let skipRow = false;
  // what /<row\b([^>]*)>|<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g finds, by indexOf: m1 a row's attributes, m2 a
  // cell's, its body data[b0, b1) (empty when it closes itself), cut out only when needed; a cell left open declines
  let m1: string | undefined;
  let m2 = '';
  let b0 = 0;
  let b1 = 0;
  const next = (from: number): number => {
    for (let lt = data.indexOf('<', from); lt >= 0; lt = data.indexOf('<', lt + 1)) {
      if (data.charCodeAt(lt + 1) === 99 && !isWordChar(data.charCodeAt(lt + 2))) {
        const gt = data.indexOf('>', lt + 2);
        if (gt < 0) return -1;
        m1 = undefined;
        if (data.charCodeAt(gt - 1) === 47 && gt - 1 >= lt + 2) {
          m2 = data.slice(lt + 2, gt - 1);
          b0 = b1 = 0;
          return gt + 1;
        }
        const close = data.indexOf('</c>', gt + 1);
        if (close < 0) decline('cell not closed');
        m2 = data.slice(lt + 2, gt);
        b0 = gt + 1;
        b1 = close;
        return close + 4;
      }
      if (data.startsWith('row', lt + 1) && !isWordChar(data.charCodeAt(lt + 4))) {
        const gt = data.indexOf('>', lt + 4);
        if (gt < 0) return -1;
        m1 = data.slice(lt + 4, gt);
        return gt + 1;
      }
    }
    return -1;
  };
  for (let at = next(0); at >= 0; at = next(at)) {
    if (m1 !== undefined) {
      const r = attr(m1, 'r');
      if (r === undefined || m1.includes("'")) decline('row without number');
      row = Number(r) - 1;
      // SheetJS reads sheetRows = maxRows + 1 rows; a longer sheet is its (too many rows) verdict
      if (row >= limits.maxRows) decline('too many rows');
      skipRow = false;
      continue;
    }
    if (skipRow) continue;
    const tag = m2;
    const known = knownInline(INLINE.get(tag), data, b0, b1);
    if (known !== undefined) {
      // a text cell read before, spelled the same: its place and text are what they were (the style is this file's)
      shortcutUse.inlineCells++;
      if (known.r !== row) decline('cell outside its row');
      const fmtId = formatId(st, known.s);
      const fmt = st.formats.get(fmtId);
      if (fmt === undefined) decline(`number format ${fmtId}`);
      const w = shownText('s', known.v, fmtId, fmt!);
      if (known.c >= limits.maxColumns) continue;
      (grid[known.r] ??= [])[known.c] = { t: 's', v: known.v, w: w ?? known.v, f: null, z: fmt! };
      if (known.r > maxRow) maxRow = known.r;
      continue;
    }
    const body = data.slice(b0, b1);
    // the three attributes below, each read as attr reads it: the tag's layout checked once
    plainLayout(tag);
    const ref = attrIn(tag, ' r="');
    if (ref === undefined) decline('cell without reference');
    decodeRef(ref!);
    const r = refRow;
    const c = refColumn;
    if (r !== row) decline('cell outside its row');
    const type = attrIn(tag, ' t="');
    const s = attrIn(tag, ' s="');
    let f: string | null = null;
    if (body.includes('<f')) {
      const fm = formulaElement(body);
      if (!fm || (fm[1] !== '' && /\st="(?:shared|array)"/.test(fm[1])) || fm[1].includes("'"))
        decline('shared or array formula');
      const ftext = fm![2] ?? '';
      if (ftext === '') decline('empty formula');
      f = unescapeXml(ftext, true);
      if (f.includes('_xlfn.')) decline('future function');
    }
    const vText = body.includes('<v') ? element(body, '<v>', '</v>') : undefined;
    if (vText === null) decline('value element');
    let v: string | number | boolean | undefined = vText ? unescapeXml(vText) : undefined;
    let t: GridCell['t'];
    let w: string | undefined;
    if (type === undefined && v === undefined) {
      // SheetJS gives a formula without a saved value v = 0, then (0 == "") marks it empty: t 'z', v 0
      if (f !== null) v = 0;
      t = 'z';
    } else {
      switch (type ?? 'n') {
        case 'n':
          if (v === undefined || v === '') t = 'z';
          else {
            v = parseFloat(v as string);
            t = 'n';
          }
          break;
        case 's': {
          if (v === undefined) {
            t = 'z';
            break;
          }
          const i = parseInt(v as string, 10);
          if (!(i >= 0 && i < strings.length)) decline('string index');
          v = strings[i];
          t = 's';
          break;
        }
        case 'str':
          v = v !== undefined ? unescapeXml(v as string, true) : '';
          t = 's';
          break;
        case 'inlineStr': {
          const is = element(body, '<is>', '</is>');
          v = is !== null ? stringItem(is) : '';
          t = 's';
          break;
        }
        case 'b':
          v = v === '1' || v === 'true';
          t = 'b';
          break;
        case 'e':
          w = v as string | undefined;
          v = v === undefined ? undefined : ERROR_CODE[v as string];
          t = 'e';
          break;
        default:
          return decline(`cell type ${type}`);
      }
    }
    const fmtId = formatId(st, s);
    const fmt = st.formats.get(fmtId);
    if (fmt === undefined) decline(`number format ${fmtId}`);
    if (t !== 'z') {
      if (t === 'e')
        w =
          w ||
          (v === undefined
            ? undefined
            : ['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA'].find(
                (e) => ERROR_CODE[e] === v,
              ));
      else if (v !== undefined) w = shownText(t, v, fmtId, fmt!);
    }
    if (type === 'inlineStr' && f === null) rememberInline(tag, body, r, c, s, v as string);
    if (c >= limits.maxColumns) continue;
    const value = v === undefined ? null : v;
    (grid[r] ??= [])[c] = { t, v: value, w: w ?? (value === null ? '' : String(value)), f, z: fmt! };
    if (r > maxRow) maxRow = r;
  }
  const rows: (GridCell | undefined)[][] = [];
  for (let r = 0; r <= maxRow; r++) rows.push(grid[r] ?? []);
  return rows;
}

/** A cell's number format id: its style's, else General. */
function formatId(st: Styles, s: string | undefined): number {
  if (st.xf === null || s === undefined) return 0;
  return st.xf[Number(s)] ?? 0;
}

/** An inline text cell as read: place, style attribute and text (what its tag and body alone decide). */
interface InlineCell {
  body: string;
  r: number;
  c: number;
  s: string | undefined;
  v: string;
}

/**
 * Inline text cells by tag, each with the bodies read under it (bounded): a template filled by openpyxl spells every
 * label as an inline string, the same in every township's file, so each is read once. Keys and texts are copies (a
 * text sliced from a file's XML would keep that part alive as long as the cache).
 */
const INLINE = new Map<string, InlineCell[]>();
let inlineCount = 0;
function rememberInline(tag: string, body: string, r: number, c: number, s: string | undefined, v: string): void {
  if (inlineCount >= 20_000) {
    INLINE.clear();
    inlineCount = 0;
  }
  const cell = { body: ownCopy(body), r, c, s: s === undefined ? s : ownCopy(s), v: ownCopy(v) };
  const bodies = INLINE.get(tag);
  if (bodies) bodies.push(cell);
  else INLINE.set(ownCopy(tag), [cell]);
  inlineCount++;
}

/**
 * The cell read before under this tag whose body is data[b0, b1): compared as strings (a slice is no copy, and equal
 * lengths are compared by memory, not hashed; startsWith compares a character at a time).
 */
function knownInline(bodies: InlineCell[] | undefined, data: string, b0: number, b1: number): InlineCell | undefined {
  if (bodies === undefined) return undefined;
  let body: string | undefined;
  for (const cell of bodies)
    if (cell.body.length === b1 - b0 && cell.body === (body ??= data.slice(b0, b1))) return cell;
  return undefined;
}

const resolveTarget = (target: string) =>
  (target.startsWith('/') ? target.slice(1) : `xl/${target}`).replace(/\/\.\//g, '/');

/** The grid of every sheet, or null when the file should go to SheetJS. */
export function readXlsxParts(parts: XlsxParts, limits: FileLimits, texts: PartTexts = new Map()): GridWorkbook | null {
  try {
    const workbook = text(parts, texts, 'xl/workbook.xml');
    const rels = text(parts, texts, 'xl/_rels/workbook.xml.rels');
    if (workbook === null || rels === null) return null;
    if (/date1904="(?:1|true)"/.test(workbook)) return null;
    const targets = new Map<string, string>();
    for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
      const id = attr(m[0], 'Id');
      const target = attr(m[0], 'Target');
      const type = attr(m[0], 'Type') ?? '';
      if (id !== undefined && target !== undefined && type.endsWith('/worksheet'))
        targets.set(id, resolveTarget(target));
    }
    const declared = [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => m[0]);
    if (declared.length === 0 || declared.length > limits.maxSheets) return null;
    const strings = sharedStrings(text(parts, texts, 'xl/sharedStrings.xml'));
    const st = styles(text(parts, texts, 'xl/styles.xml'));
    const sheets: GridSheet[] = [];
    for (const tag of declared) {
      if (tag.includes("'")) return null;
      const name = attr(tag, 'name');
      const rid = attr(tag, 'r:id');
      const path = rid === undefined ? undefined : targets.get(rid);
      if (name === undefined || path === undefined) return null;
      const xml = text(parts, texts, path);
      if (xml === null) return null;
      const state = attr(tag, 'state');
      sheets.push({
        name: unescapeXml(name),
        hidden: state === 'hidden' || state === 'veryHidden',
        rows: readSheet(xml, strings, st, limits),
      });
    }
    return { kind: 'xlsx', sheets, modifiedAt: coreSavedAt(text(parts, texts, 'docProps/core.xml')) };
  } catch (error) {
    if (error instanceof Decline) return null;
    throw error;
  }
}

/** A saved time from the document properties when it is a real moment between 2000 and 2100 (ISO), else null. */
export function plausibleSavedAt(d: unknown): string | null {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) return null;
  const y = d.getUTCFullYear();
  return y >= 2000 && y <= 2100 ? d.toISOString() : null;
}

/** dcterms:modified (else dcterms:created) of docProps/core.xml, read as SheetJS reads it; a form it may read otherwise is declined. */
function coreSavedAt(core: string | null): string | null {
  if (core === null) return null;
  const field = (name: string) => new RegExp(`<dcterms:${name}\\b[^>]*>([^<]*)</dcterms:${name}>`).exec(core)?.[1];
  if (/<(?!dcterms:)[\w.-]+:(modified|created)\b/.test(core)) throw new Decline();
  const value = field('modified') ?? field('created');
  return value === undefined ? null : plausibleSavedAt(new Date(value.trim()));
}
