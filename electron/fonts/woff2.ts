// A WOFF2 file from an OpenType (sfnt) font, compressed by Node's own Brotli: subset-font's WOFF2 step runs
// Brotli in WebAssembly at its slowest setting, seconds for a report's CJK subset. Every table is stored with
// the null transform (the WOFF2 format allows it for every table, glyf and loca included) and named by its tag
// (flag 63), so no table is rewritten: the font a reader decodes is the same tables, byte for byte.
import { brotliCompressSync, constants } from 'node:zlib';

interface Table {
  tag: string;
  data: Buffer;
}

function tablesOf(sfnt: Buffer): { flavor: number; tables: Table[] } {
  const flavor = sfnt.readUInt32BE(0);
  const count = sfnt.readUInt16BE(4);
  const tables: Table[] = [];
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    const offset = sfnt.readUInt32BE(at + 8);
    const length = sfnt.readUInt32BE(at + 12);
    if (offset + length > sfnt.length) throw new Error('woff2: table past the end of the font');
    tables.push({ tag: sfnt.toString('latin1', at, at + 4), data: sfnt.subarray(offset, offset + length) });
  }
  return { flavor, tables };
}

/** UIntBase128: 7 bits a byte, most significant first, the high bit set on all but the last. */
function base128(n: number): number[] {
  const out = [n & 0x7f];
  for (let v = Math.floor(n / 128); v > 0; v = Math.floor(v / 128)) out.unshift((v & 0x7f) | 0x80);
  return out;
}

const pad4 = (n: number) => (n + 3) & ~3;

export function sfntToWoff2(sfnt: Buffer, quality = 9): Buffer {
  const { flavor, tables } = tablesOf(sfnt);
  const directory: number[] = [];
  for (const t of tables) {
    // 63: the tag follows; transform bits: 3 (null) for glyf and loca, 0 (null) for the others
    const nullTransform = t.tag === 'glyf' || t.tag === 'loca' ? 3 : 0;
    directory.push(63 | (nullTransform << 6), ...Buffer.from(t.tag, 'latin1'), ...base128(t.data.length));
  }
  const data = Buffer.concat(tables.map((t) => t.data));
  const compressed = brotliCompressSync(data, {
    params: {
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_FONT,
      [constants.BROTLI_PARAM_QUALITY]: quality,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  });
  const headerSize = 48;
  const length = pad4(headerSize + directory.length + compressed.length);
  const out = Buffer.alloc(length);
  out.write('wOF2', 0, 'latin1');
  out.writeUInt32BE(flavor, 4);
  out.writeUInt32BE(length, 8);
  out.writeUInt16BE(tables.length, 12);
  out.writeUInt32BE(12 + 16 * tables.length + tables.reduce((n, t) => n + pad4(t.data.length), 0), 16);
  out.writeUInt32BE(compressed.length, 20);
  out.writeUInt16BE(1, 24);
  Buffer.from(directory).copy(out, headerSize);
  compressed.copy(out, headerSize + directory.length);
  return out;
}
