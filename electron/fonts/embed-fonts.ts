// Embeds the CJK glyphs a document uses into it (a self-contained HTML file prints the same on any machine).
// A full CJK font is ~16 MB; we find an installed one (Noto/Source Han Sans SC, Microsoft YaHei, PingFang,
// WenQuanYi), take the Simplified Chinese face out of a .ttc collection, and subset it offline with harfbuzz
// (subset-font, wasm) to the characters of the document, as WOFF2 in a data: URL. Fonts whose licence forbids
// embedding (OS/2 fsType "restricted") are skipped. Node only: used by the CLI, not the desktop window.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { SYSTEM_FONTS, type FontSetup } from '../../shared/report/html.ts';
import { sfntToWoff2 } from './woff2.ts';

type SubsetFont = (
  font: Buffer,
  text: string,
  options?: { targetFormat?: 'woff2' | 'woff' | 'sfnt' },
) => Promise<Buffer>;
const subsetFont = createRequire(import.meta.url)('subset-font') as SubsetFont;

const EMBEDDED_FAMILY = 'WDP Sans';

interface Candidate {
  files: string[];
  family: string;
}

const WIN = join(process.env.WINDIR ?? 'C:\\Windows', 'Fonts');
/** Regular and bold files of each family, most preferred first. */
const CANDIDATES: { regular: Candidate; bold: Candidate | null }[] = [
  {
    regular: {
      family: 'Noto Sans CJK SC',
      files: [
        '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
        '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
        '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
        '/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf',
      ],
    },
    bold: {
      family: 'Noto Sans CJK SC',
      files: [
        '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc',
        '/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc',
        '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Bold.ttc',
        '/usr/share/fonts/opentype/noto/NotoSansCJKsc-Bold.otf',
      ],
    },
  },
  {
    regular: {
      family: 'Source Han Sans SC',
      files: [
        '/usr/share/fonts/opentype/source-han-sans/SourceHanSansSC-Regular.otf',
        '/usr/share/fonts/adobe-source-han-sans/SourceHanSansSC-Regular.otf',
      ],
    },
    bold: {
      family: 'Source Han Sans SC',
      files: [
        '/usr/share/fonts/opentype/source-han-sans/SourceHanSansSC-Bold.otf',
        '/usr/share/fonts/adobe-source-han-sans/SourceHanSansSC-Bold.otf',
      ],
    },
  },
  {
    regular: { family: 'Microsoft YaHei', files: [join(WIN, 'msyh.ttc'), join(WIN, 'msyh.ttf')] },
    bold: { family: 'Microsoft YaHei', files: [join(WIN, 'msyhbd.ttc'), join(WIN, 'msyhbd.ttf')] },
  },
  { regular: { family: 'PingFang SC', files: ['/System/Library/Fonts/PingFang.ttc'] }, bold: null },
  { regular: { family: 'WenQuanYi Micro Hei', files: ['/usr/share/fonts/truetype/wqy/wqy-microhei.ttc'] }, bold: null },
];

/** The names (family, typographic family) of one face: name IDs 1 and 16, Windows or Unicode platform. */
function faceFamilies(font: Buffer, offset: number): string[] {
  const numTables = font.readUInt16BE(offset + 4);
  for (let i = 0; i < numTables; i++) {
    const r = offset + 12 + 16 * i;
    if (font.toString('latin1', r, r + 4) !== 'name') continue;
    const table = font.readUInt32BE(r + 8);
    const count = font.readUInt16BE(table + 2);
    const strings = table + font.readUInt16BE(table + 4);
    const names: string[] = [];
    for (let j = 0; j < count; j++) {
      const rec = table + 6 + 12 * j;
      const platform = font.readUInt16BE(rec);
      const nameId = font.readUInt16BE(rec + 6);
      if ((nameId !== 1 && nameId !== 16) || (platform !== 3 && platform !== 0)) continue;
      const length = font.readUInt16BE(rec + 8);
      const start = strings + font.readUInt16BE(rec + 10);
      const bytes = Buffer.from(font.subarray(start, start + length));
      names.push(bytes.swap16().toString('utf16le'));
    }
    return names;
  }
  return [];
}

/** Whether the face's OS/2 fsType forbids embedding (restricted licence). */
function restricted(font: Buffer, offset: number): boolean {
  const numTables = font.readUInt16BE(offset + 4);
  for (let i = 0; i < numTables; i++) {
    const r = offset + 12 + 16 * i;
    if (font.toString('latin1', r, r + 4) !== 'OS/2') continue;
    const fsType = font.readUInt16BE(font.readUInt32BE(r + 8) + 8);
    return (fsType & 0x000f) === 0x0002;
  }
  return false;
}

/** One face of a font file as a standalone OpenType font (a .ttc collection holds several faces). */
function extractFace(font: Buffer, family: string): Buffer | null {
  const offsets =
    font.toString('latin1', 0, 4) === 'ttcf'
      ? Array.from({ length: font.readUInt32BE(8) }, (_, i) => font.readUInt32BE(12 + 4 * i))
      : [0];
  const offset = offsets.find((o) => faceFamilies(font, o).includes(family));
  if (offset === undefined || restricted(font, offset)) return null;
  if (offsets.length === 1 && offset === 0) return font;
  const numTables = font.readUInt16BE(offset + 4);
  const headerLength = 12 + 16 * numTables;
  const tables = Array.from({ length: numTables }, (_, i) => {
    const r = offset + 12 + 16 * i;
    return { record: r, start: font.readUInt32BE(r + 8), length: font.readUInt32BE(r + 12) };
  });
  const out = Buffer.alloc(headerLength + tables.reduce((n, t) => n + ((t.length + 3) & ~3), 0));
  font.copy(out, 0, offset, offset + 12);
  let position = headerLength;
  tables.forEach((t, i) => {
    font.copy(out, 12 + 16 * i, t.record, t.record + 8); // tag and checksum
    out.writeUInt32BE(position, 12 + 16 * i + 8);
    out.writeUInt32BE(t.length, 12 + 16 * i + 12);
    font.copy(out, position, t.start, t.start + t.length);
    position += (t.length + 3) & ~3;
  });
  return out;
}

function loadFace(candidate: Candidate): Buffer | null {
  for (const file of candidate.files) {
    if (!existsSync(file)) continue;
    try {
      const face = extractFace(readFileSync(file), candidate.family);
      if (face) return face;
    } catch {
      // an unreadable or unexpected file: try the next one
    }
  }
  return null;
}

export interface EmbeddedFonts {
  setup: FontSetup;
  family: string;
  bytes: number;
}

/**
 * @font-face rules with subsets of an installed CJK sans-serif (regular and, when found, bold) covering
 * every character of `text`; null when no embeddable font is installed.
 */
export async function embedFonts(text: string): Promise<EmbeddedFonts | null> {
  const chars = [...new Set(text)].join('');
  for (const { regular, bold } of CANDIDATES) {
    const regularFace = loadFace(regular);
    if (!regularFace) continue;
    const boldFace = bold ? loadFace(bold) : null;
    const faces: string[] = [];
    let bytes = 0;
    for (const [face, weight] of [
      [regularFace, 400],
      [boldFace, 700],
    ] as const) {
      if (!face) continue;
      // the subset as OpenType, packed as WOFF2 by Node's native Brotli (subset-font's own WOFF2 took seconds)
      const woff2 = sfntToWoff2(await subsetFont(face, chars, { targetFormat: 'sfnt' }));
      bytes += woff2.length;
      faces.push(
        `@font-face { font-family: "${EMBEDDED_FAMILY}"; font-style: normal; font-weight: ${weight}; src: url(data:font/woff2;base64,${woff2.toString('base64')}) format("woff2"); }`,
      );
    }
    return {
      family: regular.family,
      bytes,
      setup: {
        faces: faces.join('\n'),
        sans: `"${EMBEDDED_FAMILY}", ${SYSTEM_FONTS.sans}`,
        serif: `"${EMBEDDED_FAMILY}", ${SYSTEM_FONTS.serif}`,
      },
    };
  }
  return null;
}
