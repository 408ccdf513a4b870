// A hostile corpus built from the app's own exported return: the archive is opened, one part is edited the way a
// hostile or broken writer would, and the parts are zipped again (tests/electron/excel/helpers/zip.ts can write duplicate
// names and headers that disagree). Nothing is checked in as an opaque binary.
import JSZip from 'jszip';
import { makeZip, type ZipEntryInput } from './zip.ts';

export interface Part {
  name: string;
  data: Buffer;
}

export async function partsOf(bytes: Buffer): Promise<Part[]> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Part[] = [];
  for (const name of Object.keys(zip.files)) {
    const f = zip.files[name];
    if (!f.dir) out.push({ name, data: await f.async('nodebuffer') });
  }
  return out;
}

export const textOf = (parts: Part[], name: string) => {
  const p = parts.find((x) => x.name === name);
  if (!p) throw new Error(`no part ${name}`);
  return p.data.toString('utf8');
};

export function withText(parts: Part[], name: string, edit: (xml: string) => string): Part[] {
  return parts.map((p) => (p.name === name ? { name, data: Buffer.from(edit(p.data.toString('utf8')), 'utf8') } : p));
}

export const zipParts = (parts: (Part & Partial<ZipEntryInput>)[]) => makeZip(parts);

/** The part of a sheet by its name (xl/workbook.xml + its rels). */
export function sheetPart(parts: Part[], sheetName: string): string {
  const wb = textOf(parts, 'xl/workbook.xml');
  const tag = [...wb.matchAll(/<sheet\b[^>]*>/g)].map((m) => m[0]).find((t) => t.includes(`name="${sheetName}"`));
  const rid = tag && /r:id="([^"]+)"/.exec(tag)?.[1];
  const rels = textOf(parts, 'xl/_rels/workbook.xml.rels');
  const rel = [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((t) => t.includes(`Id="${rid}"`));
  const target = rel && /Target="([^"]+)"/.exec(rel)?.[1];
  if (!target) throw new Error(`no sheet ${sheetName}`);
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

/** Replaces the cell at `ref` (e.g. D12) in a sheet part by `cellXml`. */
export function replaceCell(xml: string, ref: string, cellXml: string): string {
  const re = new RegExp(`<c r="${ref}"[^>]*?(?:/>|>[\\s\\S]*?</c>)`);
  if (!re.test(xml)) throw new Error(`no cell ${ref}`);
  return xml.replace(re, cellXml);
}
