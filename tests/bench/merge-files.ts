// Many township return files, fast: one return is exported by the real Excel export, then each township's file is
// that workbook with its own values, code, name and checksum put in place (the zip's XML edited, not re-rendered),
// so thousands of realistic files take seconds instead of minutes. Every file reads back as its township's return.
import JSZip from 'jszip';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { returnChecksum } from '../../electron/excel/checksum.ts';
import { writeReturnWorkbook } from '../../electron/excel/write-return.ts';
import type { Framework } from '../../shared/framework/schema.ts';
import { cellKey, type ReturnData } from '../../shared/returns/schema.ts';
import { evaluateReturn } from '../../shared/rules/evaluate.ts';
import { plausibleReturn } from '../merge/excel-files.ts';

export interface Township { code: string; name: string }

/** Synthetic township codes under a county (the 600–609 township block, unused by real townships). */
export function syntheticTownships(countyCode: string, n: number): Township[] {
  return Array.from({ length: n }, (_, i) => ({
    code: `${countyCode.slice(0, 6)}${String(600 + Math.floor(i / 1000)).padStart(3, '0')}${String(i % 1000).padStart(3, '0')}`,
    name: `第${i + 1}镇`,
  }));
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

interface Slot { key: string; before: string }

/** Writes one file per township into `dir`; returns the file paths. */
export async function writeTownshipFiles(framework: Framework, towns: readonly Township[], year: number, dir: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const first = towns[0];
  const data0 = plausibleReturn(framework, { regionCode: first.code, regionName: first.name, year });
  const { bytes, addresses } = await writeReturnWorkbook({
    kind: 'return', framework, data: data0, region: { code: first.code, name: first.name }, previous: null,
    evaluation: evaluateReturn(framework, data0, []), explanations: {}, userName: '张丽', regionVintage: 2023,
    now: new Date(`${year + 1}-01-15T02:00:00Z`), status: 'submitted',
  });
  const zip = await JSZip.loadAsync(bytes);
  const workbookXml = await zip.file('xl/workbook.xml')!.async('string');
  const sheetNames = [...workbookXml.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
  const sheetPath = (name: string) => `xl/worksheets/sheet${sheetNames.indexOf(name) + 1}.xml`;

  // each sheet's XML cut at the value of every cell a township fills
  const bySheet = new Map<string, { ref: string; key: string }[]>();
  for (const [key, where] of addresses) {
    if (!/^[A-Z]{2}\d{2}\.(total|female|male)$/.test(key)) continue;
    const [sheet, ref] = where.split('!');
    bySheet.set(sheet, [...(bySheet.get(sheet) ?? []), { ref, key }]);
  }
  const templates = new Map<string, { parts: string[]; slots: Slot[] }>();
  for (const [sheet, cells] of bySheet) {
    const xml = await zip.file(sheetPath(sheet))!.async('string');
    const found = cells.map((c) => {
      const m = new RegExp(`<c r="${c.ref}"[^>]*>(?:<f>[^<]*</f>)?<v>([^<]*)</v>`).exec(xml);
      if (!m) throw new Error(`template cell ${sheet}!${c.ref} not found`);
      const start = m.index + m[0].length - `${m[1]}</v>`.length;
      return { key: c.key, start, end: start + m[1].length, before: m[1] };
    }).sort((a, b) => a.start - b.start);
    const parts: string[] = [];
    let at = 0;
    for (const f of found) { parts.push(xml.slice(at, f.start)); at = f.end; }
    parts.push(xml.slice(at));
    templates.set(sheetPath(sheet), { parts, slots: found.map((f) => ({ key: f.key, before: f.before })) });
  }
  const sharedStrings = await zip.file('xl/sharedStrings.xml')!.async('string');
  const checksum0 = returnChecksum(data0);

  const paths: string[] = [];
  for (const town of towns) {
    const data: ReturnData = town === first ? data0 : plausibleReturn(framework, { regionCode: town.code, regionName: town.name, year });
    const values = new Map(data.cells.map((c) => [cellKey(c.item, c.sex), c.value]));
    for (const [path, t] of templates) {
      let xml = t.parts[0];
      t.slots.forEach((slot, i) => { xml += String(values.get(slot.key) ?? slot.before) + t.parts[i + 1]; });
      zip.file(path, xml);
    }
    zip.file('xl/sharedStrings.xml', sharedStrings
      .replaceAll(first.code, town.code).replaceAll(escapeXml(first.name), escapeXml(town.name)).replace(checksum0, returnChecksum(data)));
    const file = join(dir, `${town.code}_${town.name}_${year}年.xlsx`);
    writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } }));
    paths.push(file);
  }
  return paths;
}
