// The guard's check of every cell tag (a shared string or a style that is not there): its plain scan, used for
// tags spelled the usual way, against the expressions it replaced, on the app's own export and on tags spelled
// every other way (quotes, spaces around "=", tabs, non-ASCII spaces, attributes inside other values). The whole
// test suite compares the two as well on every .xlsx it reads (WDP_XLSX_CROSSCHECK=1, vitest.config.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { danglingCell, guardScan, inflateXlsxZip } from '../../../electron/excel/file-guards.ts';
import { plausibleReturn } from '../merge/excel-files.ts';
import { openTestApp, type TestApp } from './helpers/app.ts';
import { writeTownshipReturn } from './helpers/written.ts';

let app: TestApp;
let exported: Buffer;

beforeAll(async () => {
  app = openTestApp();
  const framework = app.framework('jinkouhe');
  const data = plausibleReturn(framework, { regionCode: '511113100000', regionName: '永和镇', year: 2024 });
  exported = (await writeTownshipReturn(framework, data, { code: '511113100000', name: '永和镇' })).bytes;
});
afterAll(() => app.close());

const bothWays = (xml: string, strings: number | null, cellXfs: number | null) => {
  const plain = danglingCell(xml, strings, cellXfs);
  expect(plain).toStrictEqual(danglingCell(xml, strings, cellXfs, true));
  return plain;
};

describe('the guard reads cell tags by a plain scan as it read them by expressions', () => {
  it("every sheet of the app's own export, with its tables and with tables too small for it", () => {
    const zip = inflateXlsxZip(exported, '永和镇.xlsx');
    expect(zip.ok).toBe(true);
    if (!zip.ok) return;
    const sheets = [...zip.parts.keys()].filter((n) => n.startsWith('xl/worksheets/'));
    expect(sheets.length).toBeGreaterThan(3);
    const before = guardScan.plainTags;
    for (const name of sheets) {
      const xml = zip.parts.get(name)!.toString('utf8');
      for (const [strings, styles] of [
        [10_000, 10_000],
        [null, null],
        [3, 2],
        [0, 0],
        [1, null],
      ] as const)
        bothWays(xml, strings, styles);
    }
    // the scan, not the expressions, read the export's tags
    expect(guardScan.plainTags - before).toBeGreaterThan(1000);
  });

  it('tags spelled every way', () => {
    const tags = [
      '<c r="A1" s="5" t="s"><v>7</v></c>',
      '<c r="A1" s="5"/>',
      '<c r="A1" s = "5" t="s"><v>7</v></c>',
      '<c r="A1" s ="5"/>',
      '<c r="A1" s= "5"/>',
      "<c r='A1' s='5' t='s'><v>7</v></c>",
      '<c r="A1" s="5" t=\'s\'><v>7</v></c>',
      '<c r="A1"\ts="5"\tt="s"><v>7</v></c>',
      '<c r="A1"\ns="5" t="s"><v> 7 </v></c>',
      '<c r="A1"\u3000s="5" t="s"><v>7</v></c>',
      '<c r="A1" s="5"\u00a0t="s"><v>7</v></c>',
      '<c r="A1" ss="5" s=5 t="str"><v>7</v></c>',
      '<c r="A1" x="a s="9"" s="2" t="s"><v>7</v></c>',
      '<c r="A1" s="" t="s"><v></v></c>',
      '<c r="A1" s="-1"/>',
      '<c r="A1" s="1e0"/>',
      '<c r="A1" s=" 3 "/>',
      '<c r="A1" s="5/>',
      '<c r="A1" t="s" t="n"><v>7</v></c>',
      '<c r="A1" t="s"><v>99</v><v>1</v></c>',
      '<c r="A1" t="s"><f>A2</f><v>3.5</v></c>',
      '<c r="A1" t="s">',
      '<c r="A1" t="s"/>',
      '<c t="s"><v>50</v></c>',
      '<c s="9"/>',
      '<cx r="A1" s="9"/>',
      '<c/>',
      '<c>',
      '<c',
      '<c r="A1" s="9" t="s"',
      '<c r="A1" s="4" t="s"></c><c r="B1" s="1" t="s"><v>8</v></c>',
      '<row r="1" s="99"><c r="A1" s="1"/></row>',
      '<c r="A1" x=" s=" s="99"/>',
      '<c r="A1" x=\' s=\' s="99"/>',
      '<c r="A1" s="1 t="s"><v>99</v></c>',
      '<c r="A1" s="7/><c r="A2" s="1"/>"',
      '<worksheet xmlns="x" s="3"><sheetData><c r="A1" s="2"/></sheetData></worksheet>',
    ];
    let cases = 0;
    const cleared = guardScan.sheetsCleared;
    for (const tag of tags)
      for (const [strings, styles] of [
        [10, 10],
        [8, 5],
        [null, null],
        [0, 0],
        [100, 1],
      ] as const) {
        bothWays(`<sheetData><row r="1">${tag}</row></sheetData>`, strings, styles);
        bothWays(tag, strings, styles);
        cases += 2;
      }
    expect(cases).toBe(tags.length * 10);
    // sheets without a shared-string cell and with every style there are cleared at once, not cell by cell
    expect(guardScan.sheetsCleared - cleared).toBeGreaterThan(50);
    expect(bothWays('<c r="B7" s="9"/>', 1, 5)).toStrictEqual({ kind: 'style', cell: 'B7', index: 9 });
    expect(bothWays('<c r="B7" t="s"><v>3</v></c>', 3, 5)).toStrictEqual({ kind: 'string', cell: 'B7', index: 3 });
  });
});
