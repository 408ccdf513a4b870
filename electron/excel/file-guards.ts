// Checks a file from another office before any spreadsheet library sees it: size, what it really is (by its bytes,
// not its name), and for .xlsx the zip archive itself: entry count, compression methods, encryption, and the real
// uncompressed size of every entry (inflated here with a hard output cap, so a zip bomb or a lying header is caught
// before SheetJS inflates anything). Every refusal is a Chinese verdict naming the file.
import { inflateRawSync } from 'node:zlib';
import { MESSAGES } from '../../shared/messages.ts';
import { MAX_IMPORT_BYTES } from '../../shared/api/excel-contract.ts';

const P = MESSAGES.excel.problem;

export interface FileLimits {
  /** the file itself */
  maxBytes: number;
  /** all zip entries together, uncompressed */
  maxUncompressedBytes: number;
  /** one zip entry, uncompressed */
  maxEntryBytes: number;
  maxEntries: number;
  maxSheets: number;
  /** rows read per sheet */
  maxRows: number;
  /** columns scanned per row */
  maxColumns: number;
}

export const DEFAULT_LIMITS: FileLimits = {
  maxBytes: MAX_IMPORT_BYTES,
  maxUncompressedBytes: 100 * 1024 * 1024,
  maxEntryBytes: 60 * 1024 * 1024,
  maxEntries: 2000,
  maxSheets: 50,
  maxRows: 5000,
  maxColumns: 64,
};

export type SpreadsheetKind = 'xlsx' | 'xls' | 'csv';

export interface GuardFailure { code: string; message: string }
export type SniffResult = { ok: true; kind: SpreadsheetKind } | ({ ok: false } & GuardFailure);

const fail = (code: string, message: string): { ok: false } & GuardFailure => ({ ok: false, code, message });
const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const extension = (fileName: string) => (/\.([^.\\/]+)$/.exec(fileName)?.[1] ?? '').toLowerCase();

/** UTF-16LE bytes of an ASCII name, to find a stream name in a compound file. */
const utf16 = (text: string) => Buffer.from(text, 'utf16le');

/** What the file is, from its first bytes; refuses anything that is not a spreadsheet we read. */
export function sniffFile(bytes: Uint8Array, fileName: string, limits: FileLimits = DEFAULT_LIMITS): SniffResult {
  if (bytes.length === 0) return fail('empty_file', P.empty(fileName));
  if (bytes.length > limits.maxBytes) return fail('file_too_large', P.tooLarge(fileName, bytes.length, limits.maxBytes));
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (startsWith(bytes, ZIP) || startsWith(bytes, EMPTY_ZIP)) return { ok: true, kind: 'xlsx' };
  if (startsWith(bytes, CFB)) {
    // an encrypted .xlsx is a compound file holding EncryptionInfo + EncryptedPackage
    if (buf.includes(utf16('EncryptedPackage')) || buf.includes(utf16('EncryptionInfo'))) return fail('encrypted', P.encrypted(fileName));
    if (buf.includes(utf16('Workbook')) || buf.includes(utf16('Book'))) return { ok: true, kind: 'xls' };
    if (buf.includes(utf16('WordDocument'))) return fail('word_document', P.wordDocument(fileName));
    return fail('not_spreadsheet', P.notSpreadsheet(fileName));
  }
  const ext = extension(fileName);
  const head = buf.subarray(0, 4096);
  const looksBinary = head.includes(0);
  if (!looksBinary) {
    const text = head.toString('utf8').replace(/^\uFEFF/, '').trimStart().toLowerCase();
    if (text.startsWith('<')) {
      // HTML or SpreadsheetML saved with a spreadsheet extension (older systems do this)
      return ['xls', 'xlsx', 'csv', 'et'].includes(ext) ? fail('html_xls', P.htmlXls(fileName)) : fail('not_spreadsheet', P.notSpreadsheet(fileName));
    }
    if (text.startsWith('%pdf') || text.startsWith('{\\rtf')) return fail('not_spreadsheet', P.notSpreadsheet(fileName));
  }
  if (ext === 'csv' || ext === 'txt') {
    if (looksBinary) return fail('binary_csv', P.binaryCsv(fileName));
    return { ok: true, kind: 'csv' };
  }
  return fail('not_spreadsheet', P.notSpreadsheet(fileName));
}

interface ZipEntry { name: string; method: number; flags: number; compressed: number; size: number; localOffset: number }

/** Reads the central directory; null when the archive is malformed. */
function readCentralDirectory(buf: Buffer): { entries: ZipEntry[]; zip64: boolean } | null {
  // End of central directory: the last PK\x05\x06 within the final 64 KiB + 22 bytes
  const from = Math.max(0, buf.length - 65557);
  let eocd = -1;
  for (let i = buf.length - 22; i >= from; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) return { entries: [], zip64: true };
  if (cdOffset + cdSize > buf.length) return null;
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return null;
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    if (p + 46 + nameLen > buf.length) return null;
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    if (compressed === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) return { entries, zip64: true };
    entries.push({ name, method, flags, compressed, size, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return { entries, zip64: false };
}

/**
 * Inspects an .xlsx archive without trusting its headers: every entry is inflated with an output cap. Returns null
 * when the archive is safe to hand to SheetJS and holds an Excel workbook.
 */
export function inspectXlsxZip(bytes: Uint8Array, fileName: string, limits: FileLimits = DEFAULT_LIMITS): GuardFailure | null {
  const r = inflateXlsxZip(bytes, fileName, limits);
  return r.ok ? null : r;
}

/** The checked archive's entries, inflated once (the readers use these bytes; nothing is inflated twice). */
export type XlsxParts = Map<string, Buffer>;
export type InflateResult = { ok: true; parts: XlsxParts } | ({ ok: false } & GuardFailure);

/** inspectXlsxZip's checks, keeping what it inflated: the parts of a safe Excel workbook, or the verdict. */
export function inflateXlsxZip(bytes: Uint8Array, fileName: string, limits: FileLimits = DEFAULT_LIMITS): InflateResult {
  const no = (code: string, message: string) => ({ ok: false as const, code, message });
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const cd = readCentralDirectory(buf);
  if (!cd) return no('corrupt', P.corrupt(fileName));
  if (cd.zip64) return no('zip_unsupported', P.zipUnsupported(fileName));
  const { entries } = cd;
  if (entries.length === 0) return no('corrupt', P.corrupt(fileName));
  if (entries.length > limits.maxEntries) return no('zip_too_many_entries', P.zipTooManyEntries(fileName, entries.length, limits.maxEntries));
  let declared = 0;
  for (const e of entries) {
    declared += e.size;
    if (e.size > limits.maxEntryBytes || declared > limits.maxUncompressedBytes) return no('zip_bomb', P.zipBomb(fileName, limits.maxUncompressedBytes));
  }
  let total = 0;
  const parts: XlsxParts = new Map();
  for (const e of entries) {
    if (e.flags & 0x1) return no('encrypted', P.encrypted(fileName));
    if (e.method !== 0 && e.method !== 8) return no('zip_unsupported', P.zipUnsupported(fileName));
    const lh = e.localOffset;
    if (lh + 30 > buf.length || buf.readUInt32LE(lh) !== 0x04034b50) return no('corrupt', P.corrupt(fileName));
    const start = lh + 30 + buf.readUInt16LE(lh + 26) + buf.readUInt16LE(lh + 28);
    if (start + e.compressed > buf.length) return no('corrupt', P.corrupt(fileName));
    const data = buf.subarray(start, start + e.compressed);
    let actual: number;
    let inflated: Buffer;
    if (e.method === 0) {
      inflated = data;
      actual = data.length;
    } else {
      const cap = Math.min(limits.maxEntryBytes, limits.maxUncompressedBytes - total) + 1;
      try {
        inflated = inflateRawSync(data, { maxOutputLength: cap });
        actual = inflated.length;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
          return no('zip_bomb', P.zipBomb(fileName, limits.maxUncompressedBytes));
        }
        return no('corrupt', P.corrupt(fileName));
      }
    }
    // a header that lies about the size is a malformed (or hostile) archive
    if (actual !== e.size) return no('corrupt', P.corrupt(fileName));
    total += actual;
    parts.set(e.name, inflated);
    if (total > limits.maxUncompressedBytes) return no('zip_bomb', P.zipBomb(fileName, limits.maxUncompressedBytes));
  }
  const names = new Set(entries.map((e) => e.name));
  if (names.has('xl/workbook.xml')) return { ok: true, parts };
  if (names.has('xl/workbook.bin')) return no('xlsb', P.xlsb(fileName));
  if (names.has('word/document.xml')) return no('word_document', P.wordDocument(fileName));
  if (names.has('[Content_Types].xml')) return no('other_office', P.otherOffice(fileName));
  return no('plain_zip', P.plainZip(fileName));
}

/** CSV text: UTF-8 (with or without BOM), else GB18030 (what Chinese Excel and WPS save by default). */
export function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}
