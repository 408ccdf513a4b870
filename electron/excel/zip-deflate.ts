// Compresses a stored (uncompressed) zip archive with Node's zlib: exceljs packs its workbook with JSZip, whose
// pure-JavaScript deflate is the slowest step of writing a county return; it writes the parts stored instead
// (compression: 'STORE') and this deflates each one natively. Entry names, order, times and CRCs (of the same
// uncompressed bytes) are kept. Only for archives this app has just written: anything unexpected throws.
// A part can be replaced on the way (the merged return's 分单位明细 sheet, whose value cells are written as XML
// here rather than held by exceljs as thousands of cell objects): its CRC is then computed afresh. Rewrites run in
// the order they are listed (not the archive's), and each may read any part as it stands at that moment: a sheet whose
// strings are appended to the shared strings reads that part's count first, and the shared strings are rewritten after.
import { crc32, deflateRawSync } from 'node:zlib';

/**
 * Parts to rewrite, by name in the archive, in the order listed: each gets the part exceljs wrote (and a look-up of
 * any part, rewritten or not) and returns the part to store.
 */
export type PartRewrite = (written: Buffer, part: (name: string) => Buffer | undefined) => Buffer;
export type PartRewrites = ReadonlyMap<string, PartRewrite>;

interface Entry {
  name: Buffer;
  time: number;
  date: number;
  crc: number;
  data: Buffer;
}

function readStored(buf: Buffer): Entry[] {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--)
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw new Error('zip: no end of central directory');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('zip: bad central directory');
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const skip = nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    if (method !== 0 || buf.readUInt32LE(local) !== 0x04034b50) throw new Error('zip: entry not stored');
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    entries.push({
      name: buf.subarray(p + 46, p + 46 + nameLen),
      time: buf.readUInt16LE(p + 12),
      date: buf.readUInt16LE(p + 14),
      crc: buf.readUInt32LE(p + 16),
      data: buf.subarray(start, start + size),
    });
    p += 46 + skip;
  }
  return entries;
}

export function deflateStoredZip(stored: Buffer, level = 6, rewrites: PartRewrites = new Map()): Buffer {
  return writeDeflated(readStored(stored), level, rewrites);
}

/** A date as a zip entry's DOS time and date, in UTC as JSZip writes them. */
function dosTimeDate(d: Date): { time: number; date: number } {
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

/**
 * The same archive deflateStoredZip makes of what exceljs would have stored through JSZip, from the parts
 * themselves (render-parts.ts): no stored archive is built (JSZip's CRCs are pure JavaScript) nor read back. As JSZip
 * does, each part's folders get an entry of their own just before its first part ("xl/", "xl/worksheets/"), and
 * every entry is dated `at`.
 */
export function zipParts(
  parts: ReadonlyMap<string, Buffer>,
  at: Date,
  level = 6,
  rewrites: PartRewrites = new Map(),
): Buffer {
  const { time, date } = dosTimeDate(at);
  const entries: Entry[] = [];
  const named = new Set<string>();
  const add = (name: string, data: Buffer, crc: number) => {
    named.add(name);
    entries.push({ name: Buffer.from(name, 'utf8'), time, date, crc, data });
  };
  for (const [name, data] of parts) {
    for (let slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
      const folder = name.slice(0, slash + 1);
      if (!named.has(folder)) add(folder, Buffer.alloc(0), 0);
    }
    add(name, data, rewrites.has(name) ? 0 : crc32(data));
  }
  return writeDeflated(entries, level, rewrites);
}

function writeDeflated(entries: Entry[], level: number, rewrites: PartRewrites): Buffer {
  const byName = new Map(entries.map((e) => [e.name.toString('utf8'), e]));
  const part = (name: string) => byName.get(name)?.data;
  for (const [name, rewrite] of rewrites) {
    const e = byName.get(name);
    if (!e) throw new Error(`zip: no part ${name}`);
    e.data = rewrite(e.data, part);
    e.crc = crc32(e.data);
  }
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const packed = deflateRawSync(e.data, { level });
    const utf8 = e.name.some((b) => b > 0x7f) ? 0x0800 : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(utf8, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(e.time, 10);
    local.writeUInt16LE(e.date, 12);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(e.name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(utf8, 8);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt16LE(e.time, 12);
    dir.writeUInt16LE(e.date, 14);
    dir.writeUInt32LE(e.crc, 16);
    dir.writeUInt32LE(packed.length, 20);
    dir.writeUInt32LE(e.data.length, 24);
    dir.writeUInt16LE(e.name.length, 28);
    dir.writeUInt32LE(offset, 42);
    out.push(local, e.name, packed);
    central.push(dir, e.name);
    offset += 30 + e.name.length + packed.length;
  }
  const dirBytes = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirBytes, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...out, ...central, end]);
}
