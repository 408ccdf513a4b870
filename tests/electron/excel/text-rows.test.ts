// Rows of strings written as XML into a sheet exceljs wrote: escaped as exceljs escapes, shared strings appended.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { AppendedStrings, fillTextRun, xmlText } from '../../../electron/excel/text-rows.ts';

const require = createRequire(import.meta.url);
const utils = require('exceljs/lib/utils/utils.js') as { xmlEncode: (t: string) => string };

const SST = '<?xml version="1.0"?><sst xmlns="x" count="3" uniqueCount="2"><si><t>a</t></si><si><t>b</t></si></sst>';
const SHEET =
  '<worksheet><sheetData><row r="1"><c r="A1" s="3" t="s"><v>0</v></c></row>' +
  '<row r="2" spans="1:2" x14ac:dyDescent="0.25"><c r="A2" s="7" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c></row>' +
  '<row r="5" spans="1:2" x14ac:dyDescent="0.25"><c r="A5" s="7" t="s"><v>1</v></c><c r="B5" t="s"><v>0</v></c></row>' +
  '</sheetData></worksheet>';

describe('text rows', () => {
  it('escapes text as exceljs does', () => {
    for (const t of ['plain', '中文', 'a&b', '<x>', `"q" 'a'`, 'c\u0001d\u007f', 'tab\there\nline\r', '&amp;', ''])
      expect(xmlText(t)).toBe(utils.xmlEncode(t));
  });

  it('writes the rows between the first and last after the first, their strings appended', () => {
    const strings = new AppendedStrings();
    strings.start(Buffer.from(SST));
    const sheet = fillTextRun(
      Buffer.from(SHEET),
      {
        first: 2,
        last: 5,
        rows: [
          ['x&y', ' sp'],
          ['x&y', ''],
        ],
      },
      strings,
    ).toString();
    expect(sheet).toContain(
      '<row r="3" spans="1:2" x14ac:dyDescent="0.25"><c r="A3" s="7" t="s"><v>2</v></c><c r="B3" t="s"><v>3</v></c></row>' +
        '<row r="4" spans="1:2" x14ac:dyDescent="0.25"><c r="A4" s="7" t="s"><v>2</v></c><c r="B4" t="s"><v>4</v></c></row>' +
        '<row r="5"',
    );
    expect(strings.appendTo(Buffer.from(SST)).toString()).toBe(
      '<?xml version="1.0"?><sst xmlns="x" count="7" uniqueCount="5"><si><t>a</t></si><si><t>b</t></si>' +
        '<si><t>x&amp;y</t></si><si><t xml:space="preserve"> sp</t></si><si><t></t></si></sst>',
    );
  });

  it('refuses a sheet not as expected', () => {
    const strings = new AppendedStrings();
    expect(() => strings.id('a')).toThrow();
    strings.start(Buffer.from(SST));
    const run = { first: 2, last: 4, rows: [['a', 'b']] };
    expect(() => fillTextRun(Buffer.from(SHEET), run, strings)).toThrow(/rows 2–4/);
    expect(() => fillTextRun(Buffer.from(SHEET), { ...run, last: 5 }, strings)).toThrow(/does not fit/);
    expect(() => new AppendedStrings().start(Buffer.from('<x/>'))).toThrow(/shared strings/);
  });
});
