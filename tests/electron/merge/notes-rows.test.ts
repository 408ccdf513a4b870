// 汇总说明's children rows written as XML into the sheet exceljs wrote (text-rows.ts) against every row written by
// exceljs, as before: the same cells, values, types and styles to exceljs and SheetJS, and the fast path is taken.
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { importBatch } from '../../../electron/merge/batch-import.ts';
import { buildMergedReturn } from '../../../electron/merge/county-aggregate.ts';
import { writeMergedWorkbook } from '../../../electron/merge/county-export.ts';
import { notesRowsAsXml } from '../../../electron/merge/merge-sheets.ts';
import { resolveOffice } from '../../../electron/merge/office.ts';
import { MESSAGES } from '../../../shared/messages.ts';
import { openTestBackend, TAOBEI_COUNTY, type TestBackend } from '../../helpers/backend.ts';
import { syntheticTownships } from '../../bench/merge-files.ts';
import { TOWNS, file, jsonReader, townshipReturn } from './helpers.ts';

let backend: TestBackend;
afterEach(() => backend?.dispose());

/** Every cell of every sheet as exceljs reads it: address, type, value, style; with merges and row heights. */
async function exceljsCells(bytes: Buffer): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const out: string[] = [];
  wb.eachSheet((ws) => {
    out.push(
      `== ${ws.name} ${ws.dimensions.tl}:${ws.dimensions.br} ${JSON.stringify([...(ws.model.merges ?? [])].sort())}`,
    );
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      out.push(`row ${r} h=${row.height ?? ''}`);
      row.eachCell({ includeEmpty: true }, (c) =>
        out.push(`${c.address} ${c.type} ${JSON.stringify(c.value)} ${JSON.stringify(c.style ?? {})}`),
      );
    });
  });
  return out;
}

/** Every sheet as SheetJS reads it: each cell's type, value and number format, and the range. */
function sheetjsCells(bytes: Buffer): unknown {
  const wb = XLSX.read(bytes, { type: 'buffer', cellStyles: true, cellNF: true });
  return wb.SheetNames.map((name) => {
    const ws = wb.Sheets[name];
    const cells = Object.keys(ws)
      .filter((k) => !k.startsWith('!'))
      .sort()
      .map((k) => [k, ws[k].t, ws[k].v, ws[k].z ?? null]);
    return [name, ws['!ref'], ws['!merges'] ?? [], cells];
  });
}

describe('汇总说明 children rows written as XML', () => {
  it('reads back as the rows exceljs writes, and is the path taken', async () => {
    backend = openTestBackend({ profile: TAOBEI_COUNTY, now: () => new Date('2025-02-03T04:05:06Z') });
    const office = resolveOffice(backend.ctx);
    const towns = [
      ...TOWNS.map((code, i) => ({ code, name: `镇${i + 1}` })),
      ...syntheticTownships(office.region.code, 12),
    ];
    // file names that need escaping or keep their spaces, and the same name twice (one shared string)
    const names = [' 前导空格.json', 'a&b<c>"d\'.json', '换\n行.json', 'ctrl\u0001.json', '同名.json', '同名.json'];
    const files = towns.map((t, i) =>
      file(names[i] ?? `${t.code}.json`, townshipReturn(office.framework, t.code, 2024), {
        supplierName: t.name,
        reportedOn: i % 3 === 0 ? null : '2025-01-20',
        fileStatus: i === 3 ? 'draft' : 'submitted',
      }),
    );
    await importBatch(backend.ctx, office, 2024, files, jsonReader);
    const merged = buildMergedReturn(backend.ctx, office, 2024);
    const children = merged.inputs.children.length;
    expect(children).toBeGreaterThan(10);

    const before = await writeMergedWorkbook(backend.ctx, merged, { notesAsXml: false });
    expect(notesRowsAsXml.count).toBe(0);
    const fast = await writeMergedWorkbook(backend.ctx, merged);
    expect(notesRowsAsXml.count).toBe(children - 2);

    const fastCells = await exceljsCells(fast);
    expect(fastCells).toEqual(await exceljsCells(before));
    expect(sheetjsCells(fast)).toEqual(sheetjsCells(before));
    // the rows are there: a child's file name, escaped and read back as written
    expect(fastCells.some((l) => l.includes(JSON.stringify('a&b<c>"d\'.json')))).toBe(true);
    expect(fastCells.some((l) => l.startsWith(`== ${MESSAGES.merge.sheets.notesSheet} `))).toBe(true);
  });

  it('with two children or fewer, exceljs writes every row', async () => {
    backend = openTestBackend({ profile: TAOBEI_COUNTY });
    const office = resolveOffice(backend.ctx);
    const merged = buildMergedReturn(backend.ctx, office, 2024);
    const bytes = await writeMergedWorkbook(backend.ctx, {
      ...merged,
      inputs: { ...merged.inputs, children: merged.inputs.children.slice(0, 2) },
    });
    expect(notesRowsAsXml.count).toBe(0);
    expect(bytes.length).toBeGreaterThan(0);
  });
});
