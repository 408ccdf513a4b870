// The report's embedded fonts are packed as WOFF2 by Node's Brotli (electron/fonts/woff2.ts) instead of
// subset-font's WebAssembly step, which took seconds per report. A WOFF2 decoder (wawoff2, the one subset-font
// itself uses) must give back the very tables of the subset: same tags, same bytes (but the checksum in head, which
// the decoder recomputes for the font it rebuilds).
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { embedFonts } from '../../../electron/fonts/embed-fonts.ts';
import { sfntToWoff2 } from '../../../electron/fonts/woff2.ts';

const require = createRequire(import.meta.url);
const fontverter = require('fontverter') as { convert: (b: Buffer, to: string, from?: string) => Promise<Buffer> };

function tables(sfnt: Buffer): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < sfnt.readUInt16BE(4); i++) {
    const at = 12 + i * 16;
    const offset = sfnt.readUInt32BE(at + 8);
    const tag = sfnt.toString('latin1', at, at + 4);
    const data = Buffer.from(sfnt.subarray(offset, offset + sfnt.readUInt32BE(at + 12)));
    // head.checkSumAdjustment (bytes 8–11) is the whole font's checksum: a decoder computes it afresh
    if (tag === 'head') data.fill(0, 8, 12);
    out.set(tag, data.toString('hex'));
  }
  return out;
}

/** A small sfnt of three made-up tables (odd lengths, so the padding is exercised) and a glyf/loca pair. */
function sampleFont(): Buffer {
  const parts: [string, Buffer][] = [
    ['OS/2', Buffer.from('0102030405', 'hex')],
    ['glyf', Buffer.alloc(37, 7)],
    ['head', Buffer.alloc(54, 1)],
    ['loca', Buffer.alloc(6, 0)],
    ['name', Buffer.from('多字节名称', 'utf8')],
  ];
  const head = Buffer.alloc(12 + 16 * parts.length);
  head.writeUInt32BE(0x00010000, 0);
  head.writeUInt16BE(parts.length, 4);
  let offset = head.length;
  const bodies: Buffer[] = [];
  parts.forEach(([tag, data], i) => {
    head.write(tag, 12 + i * 16, 'latin1');
    head.writeUInt32BE(offset, 12 + i * 16 + 8);
    head.writeUInt32BE(data.length, 12 + i * 16 + 12);
    const padded = Buffer.alloc((data.length + 3) & ~3);
    data.copy(padded);
    bodies.push(padded);
    offset += padded.length;
  });
  return Buffer.concat([head, ...bodies]);
}

describe('WOFF2 packing', () => {
  it('a decoder gives back every table byte for byte', async () => {
    const font = sampleFont();
    const woff2 = sfntToWoff2(font);
    expect(woff2.toString('latin1', 0, 4)).toBe('wOF2');
    expect(woff2.length % 4).toBe(0);
    expect(tables(await fontverter.convert(woff2, 'sfnt', 'woff2'))).toEqual(tables(font));
  });

  it("the report's embedded CJK subset decodes to a font holding the text's glyphs", async () => {
    const fonts = await embedFonts('妇女发展监测报告 2024年 达标率 85.7%');
    if (!fonts) return; // no CJK font installed here: the report falls back to system fonts (tested elsewhere)
    const faces = [...fonts.setup.faces.matchAll(/url\(data:font\/woff2;base64,([A-Za-z0-9+/=]+)\)/g)].map((m) =>
      Buffer.from(m[1], 'base64'),
    );
    expect(faces.length).toBeGreaterThan(0);
    for (const face of faces) {
      const sfnt = await fontverter.convert(face, 'sfnt', 'woff2');
      const t = tables(sfnt);
      for (const tag of ['cmap', 'head', 'hhea', 'hmtx', 'maxp']) expect(t.has(tag), tag).toBe(true);
      expect(t.has('CFF ') || t.has('glyf')).toBe(true);
    }
  });
});
