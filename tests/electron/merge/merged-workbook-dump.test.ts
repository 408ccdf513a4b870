// The merged county workbook, cell for cell: the export of a fixed merge (eight townships, one a draft, plausible
// values with some below target) read back with exceljs and dumped — every sheet's cell values, number formats,
// fonts, fills, borders, alignment and protection, merged cells, column widths and row heights, print setup,
// frozen panes, sheet protection and data validation — and compared with the dump committed in
// fixtures/merged-workbook.dump.txt, written by the writer before it was made faster. Any change in what the
// file holds fails here. After an intended change of the form: WDP_UPDATE_DUMP=1 npx vitest run <this file>.
import ExcelJS from 'exceljs';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importBatch } from '../../../electron/merge/batch-import.ts';
import { buildMergedReturn } from '../../../electron/merge/county-aggregate.ts';
import { writeMergedWorkbook } from '../../../electron/merge/county-export.ts';
import { resolveOffice } from '../../../electron/merge/office.ts';
import { openTestBackend, TAOBEI_COUNTY, type TestBackend } from '../../helpers/backend.ts';
import { syntheticTownships } from '../../bench/merge-files.ts';
import { TOWNS, file, jsonReader, townshipReturn } from './helpers.ts';

const DUMP = join(import.meta.dirname, 'fixtures', 'merged-workbook.dump.txt');
let backend: TestBackend;
afterEach(() => backend?.dispose());

/** A stable text of everything a reader of the workbook sees; styles are listed once and referred to by number. */
async function dumpWorkbook(bytes: Buffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const styles: string[] = [];
  const styleIds = new Map<string, number>();
  const styleId = (s: unknown) => {
    const key = JSON.stringify(s ?? {});
    let id = styleIds.get(key);
    if (id === undefined) {
      id = styles.length;
      styles.push(key);
      styleIds.set(key, id);
    }
    return id;
  };
  const lines: string[] = [];
  wb.eachSheet((ws) => {
    lines.push(`== sheet ${ws.name} state=${ws.state}`);
    lines.push(`pageSetup ${JSON.stringify(ws.pageSetup)}`);
    lines.push(`headerFooter ${JSON.stringify(ws.headerFooter)}`);
    lines.push(`views ${JSON.stringify(ws.views)}`);
    lines.push(
      `protection ${JSON.stringify((ws as unknown as { sheetProtection?: unknown }).sheetProtection ?? null)}`,
    );
    lines.push(`merges ${JSON.stringify([...(ws.model.merges ?? [])].sort())}`);
    lines.push(
      `validations ${JSON.stringify((ws as unknown as { dataValidations: { model: unknown } }).dataValidations.model)}`,
    );
    lines.push(
      `columns ${JSON.stringify((ws.columns ?? []).map((c) => [c.width ?? null, c.hidden ?? false, styleId(c.style)]))}`,
    );
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      lines.push(`row ${r} h=${row.height ?? ''} hidden=${row.hidden}`);
      row.eachCell({ includeEmpty: true }, (cell) => {
        lines.push(
          `  ${cell.address} t=${cell.type} v=${JSON.stringify(cell.value)} s=${styleId(cell.style)}${cell.note ? ` note=${JSON.stringify(cell.note)}` : ''}`,
        );
      });
    });
  });
  return `${[...lines, '== styles', ...styles.map((s, i) => `${i} ${s}`)].join('\n')}\n`;
}

describe('the merged county workbook', () => {
  it('holds exactly what the committed dump holds, cell for cell', async () => {
    backend = openTestBackend({ profile: TAOBEI_COUNTY, now: () => new Date('2025-02-03T04:05:06Z') });
    const office = resolveOffice(backend.ctx);
    // four listed townships and four missing from the region table
    const towns = [
      ...TOWNS.map((code, i) => ({ code, name: `镇${i + 1}` })),
      ...syntheticTownships(office.region.code, 4),
    ];
    const files = towns.map((t, i) => {
      const data = townshipReturn(office.framework, t.code, 2024);
      // some values far off so that cells are marked below target or at risk
      const cells = data.cells.map((c, j) =>
        c.value !== null && (i + j) % 7 === 0 ? { ...c, value: Math.round(c.value * 0.5) } : c,
      );
      return file(
        `${t.code}.json`,
        { ...data, cells },
        { supplierName: t.name, reportedOn: '2025-01-20', fileStatus: i === 3 ? 'draft' : 'submitted' },
      );
    });
    await importBatch(backend.ctx, office, 2024, files, jsonReader);
    const merged = buildMergedReturn(backend.ctx, office, 2024);
    expect(merged.completeness.reported).toBe(3);
    expect(merged.completeness.drafts).toBe(1);
    const dump = await dumpWorkbook(await writeMergedWorkbook(backend.ctx, merged));
    if (process.env.WDP_UPDATE_DUMP === '1' || !existsSync(DUMP)) writeFileSync(DUMP, dump);
    const expected = readFileSync(DUMP, 'utf8');
    // the breakdown sheet is there with its marked cells
    expect(expected).toContain('== sheet 分单位明细');
    expect(dump.split('\n')).toEqual(expected.split('\n'));
  });
});
