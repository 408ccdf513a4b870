// The per-sheet text index (electron/excel/sheet-text.ts) against the per-cell look-ups and row tests the readers
// made before it: the same texts and the same row classes on awkward hand-made rows and on a whole exported return,
// and every reader of one import shares one index a sheet.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellText, headerText, type GridCell, type GridSheet } from '../../../electron/excel/grid.ts';
import { HEADER_ALIASES } from '../../../electron/excel/layout.ts';
import { readReturnWorkbook } from '../../../electron/excel/read-return.ts';
import { readWorkbookBytes } from '../../../electron/excel/read-workbook.ts';
import {
  ROW_COLUMN_HEADER,
  ROW_FOOTER,
  ROW_HEADER_BLOCK,
  ROW_RESULT_HEADER,
  sheetText,
  sheetTextStats,
} from '../../../electron/excel/sheet-text.ts';
import { allFrameworks } from '../../../electron/merge/excel-reader.ts';
import { MESSAGES } from '../../../shared/messages.ts';
import { plausibleReturn } from '../merge/excel-files.ts';
import { openTestApp, type TestApp } from './helpers/app.ts';
import { writeTownshipReturn } from './helpers/written.ts';

type Row = (GridCell | undefined)[];
// the row tests as locate-rows, identify and read-explanations made them, cell by cell
const BLOCK_LABEL =
  /^(表号|制定机关|备案机关|批准机关|批准文号|备案文号|有效期至|单位代码|填报单位|统计年度|监测规划)[:：]|监测统计表$/;
const oldFlags = (row: Row | undefined) => {
  const r = row ?? [];
  let f = 0;
  if (r.some((c) => HEADER_ALIASES.code.includes(headerText(c)))) f |= ROW_COLUMN_HEADER;
  if (
    r.some((c) => {
      const t = headerText(c);
      return t.startsWith('单位负责人') || /^说明[:：]/.test(t);
    })
  )
    f |= ROW_FOOTER;
  if (r.some((c) => BLOCK_LABEL.test(headerText(c)))) f |= ROW_HEADER_BLOCK;
  if (r.some((c) => headerText(c) === MESSAGES.excel.result.targetHeaders[0])) f |= ROW_RESULT_HEADER;
  return f;
};

function sameAsCellByCell(sheet: GridSheet) {
  const index = sheetText(sheet);
  expect(index.text.length).toBe(sheet.rows.length);
  sheet.rows.forEach((row, r) => {
    const cells = row ?? [];
    expect(index.text[r].length).toBe(cells.length);
    for (let c = 0; c < cells.length; c++) {
      expect(index.text[r][c]).toBe(cellText(cells[c]));
      expect(index.header[r][c]).toBe(headerText(cells[c]));
    }
    expect(index.flags[r]).toBe(oldFlags(row));
  });
}

const s = (v: string): GridCell => ({ t: 's', v, w: v, f: null, z: null });
const n = (v: number, w = String(v)): GridCell => ({ t: 'n', v, w, f: null, z: null });

describe('sheet text index', () => {
  it('gives each cell the texts and each row the classes the per-cell tests gave', () => {
    const rows: Row[] = [];
    rows[0] = [s('妇女发展监测统计表')];
    rows[1] = [s('表  号：WDP-1'), undefined, s('填报单位:某镇')];
    rows[3] = [s('指标名称'), s('代 码'), s('合  计'), s('其中：女'), s('男')];
    rows[4] = [s('孕产妇死亡率'), s('ＨＤ０１'), n(12.5), n(3, '3.0'), { t: 'z', v: null, w: '', f: 'A1', z: null }];
    rows[5] = [s(' 项目代码 '), s('x'), n(0)];
    rows[6] = [undefined, s('说明：另见'), s('单位负责人：张三')];
    rows[7] = [s('目标编号'), s('监测统计表 '), s('abc 监测统计表'), s('说明')];
    rows[8] = [];
    rows[9] = [s('ASCII'), s('Code'), s('说明:x'), s('　全角空格　')];
    const sheet: GridSheet = { name: '健康', hidden: false, rows };
    sameAsCellByCell(sheet);
    // a row whose labels start and end with ASCII is never classed
    expect(sheetText({ name: 'x', hidden: false, rows: [[s('A 代码 B'), s('1监测统计表x')]] }).flags[0]).toBe(0);
  });

  describe('on an exported return', () => {
    let app: TestApp;
    let bytes: Buffer;
    beforeAll(async () => {
      app = openTestApp();
      const framework = app.framework('jinkouhe');
      const TOWN = { code: '511113100000', name: '永和镇' };
      const data = plausibleReturn(framework, { regionCode: TOWN.code, regionName: TOWN.name, year: 2024 });
      bytes = (await writeTownshipReturn(framework, data, TOWN)).bytes;
    });
    afterAll(() => app.close());

    it('indexes every sheet as the cell-by-cell look-ups read it', () => {
      const read = readWorkbookBytes(new Uint8Array(bytes), 'x.xlsx');
      if (!read.ok) throw new Error(read.message);
      for (const sheet of read.workbook.sheets) sameAsCellByCell(sheet);
    });

    it('is built once a sheet and shared by every reader of the import', () => {
      const read = readWorkbookBytes(new Uint8Array(bytes), 'x.xlsx');
      if (!read.ok) throw new Error(read.message);
      const before = sheetTextStats.built;
      const ctx = { frameworks: allFrameworks(app.backend.ctx) };
      const result = readReturnWorkbook(new Uint8Array(bytes), 'x.xlsx', ctx);
      expect(result.parsed).not.toBeNull();
      // identify, the 校验结果 check, locate-rows and read-footer all looked: one index a sheet
      expect(sheetTextStats.built - before).toBe(read.workbook.sheets.length);
    });
  });
});
