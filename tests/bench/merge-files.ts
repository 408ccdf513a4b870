// The merge benchmark's township returns, made the way offices without the app make them: the app's blank template
// (wdp template) filled in openpyxl (fill-templates.py), each township's plausible values typed into its cells, its
// code and name in the header and the metadata. Up to 300 files are filled by openpyxl; larger sets repeat them
// under further township codes (the code and name replaced in the shared strings of the openpyxl file).
import JSZip from 'jszip';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Framework } from '../../shared/framework/schema.ts';
import { cellKey } from '../../shared/returns/schema.ts';
import { plausibleReturn } from '../electron/merge/excel-files.ts';

export interface Township {
  code: string;
  name: string;
}

/** Synthetic township codes under a county (the 600–609 township block, unused by real townships). */
export function syntheticTownships(countyCode: string, n: number): Township[] {
  return Array.from({ length: n }, (_, i) => ({
    code: `${countyCode.slice(0, 6)}${String(600 + Math.floor(i / 1000)).padStart(3, '0')}${String(i % 1000).padStart(3, '0')}`,
    name: `第${i + 1}镇`,
  }));
}

export const townshipFile = (t: Township, year: number) => `${t.code}_${t.name}_${year}年.xlsx`;
const FILLED = 300;

/** Fills `towns` (the first 300 by openpyxl, the rest copies under their own code and name) into `dir`. */
export async function fillTownshipFiles(
  framework: Framework,
  template: string,
  towns: readonly Township[],
  year: number,
  dir: string,
  work: string,
): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const filled = towns.slice(0, FILLED);
  const spec = {
    townships: filled.map((t) => ({
      code: t.code,
      name: t.name,
      file: townshipFile(t, year),
      cells: Object.fromEntries(
        plausibleReturn(framework, { regionCode: t.code, regionName: t.name, year })
          .cells.filter((c) => c.value !== null)
          .map((c) => [cellKey(c.item, c.sex), c.value]),
      ),
    })),
  };
  const specFile = join(work, 'fill-spec.json');
  writeFileSync(specFile, JSON.stringify(spec));
  execFileSync('/usr/bin/python3', [join(import.meta.dirname, 'fill-templates.py'), template, specFile, dir], {
    stdio: 'inherit',
  });
  for (let i = FILLED; i < towns.length; i++) {
    const source = filled[i % FILLED];
    const town = towns[i];
    const zip = await JSZip.loadAsync(readFileSync(join(dir, townshipFile(source, year))));
    // openpyxl writes inline strings with every non-ASCII character as &#NNNNN;; older versions use shared strings
    const escaped = (text: string) =>
      [...text].map((ch) => (ch.charCodeAt(0) > 127 ? `&#${ch.codePointAt(0)};` : ch)).join('');
    const parts = Object.keys(zip.files).filter((n) => /^xl\/(worksheets\/sheet\d+|sharedStrings)\.xml$/.test(n));
    for (const part of parts) {
      let xml = (await zip.file(part)!.async('string')).replaceAll(source.code, town.code);
      for (const spell of [(t: string) => t, escaped]) {
        xml = xml.replace(new RegExp(`(>|${spell('：')})${spell(source.name)}<`, 'g'), `$1${spell(town.name)}<`);
      }
      zip.file(part, xml);
    }
    writeFileSync(
      join(dir, townshipFile(town, year)),
      await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } }),
    );
  }
}

/** Copies the first n files of a filled folder into a folder of its own. */
export function subset(from: string, towns: readonly Township[], n: number, year: number, dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const t of towns.slice(0, n)) copyFileSync(join(from, townshipFile(t, year)), join(dir, townshipFile(t, year)));
}
