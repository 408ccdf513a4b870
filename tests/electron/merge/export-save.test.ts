// The desktop's export of the merged return (merge:export-save): written by the back end where the user chooses
// (the shell's save dialog), so the workbook's bytes never travel to the window and back; the same workbook as
// merge:export (the CLI's), and a cancelled dialog saves nothing.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { dispatch } from '../../../electron/api/dispatch.ts';
import { folderShell, noShell, type Shell } from '../../../electron/context/shell.ts';
import { importBatch } from '../../../electron/merge/batch-import.ts';
import { excelReturnReader } from '../../../electron/merge/excel-reader.ts';
import { resolveOffice } from '../../../electron/merge/office.ts';
import type { Channel, Input, Output } from '../../../shared/api/contract.ts';
import { openTestBackend, TAOBEI_COUNTY, type TestBackend } from '../../helpers/backend.ts';
import { returnFile } from './excel-files.ts';
import { TOWNS } from './helpers.ts';

let backend: TestBackend;
const dirs: string[] = [];
afterEach(() => {
  backend?.dispose();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  const r = await dispatch(backend.handlers, channel, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as Output<C>;
}

async function county(shell: Shell) {
  backend = openTestBackend({ profile: TAOBEI_COUNTY, shell, now: () => new Date('2025-02-10T02:00:00Z') });
  const office = resolveOffice(backend.ctx);
  const files = await Promise.all(
    TOWNS.slice(0, 2).map(async (code, i) => ({
      fileName: `${i}.xlsx`,
      bytes: await returnFile(office.framework, { regionCode: code, regionName: `镇${i}`, year: 2024 }),
    })),
  );
  await importBatch(backend.ctx, office, 2024, files, excelReturnReader(backend.ctx));
}

const sheets = (bytes: Buffer) => {
  const wb = XLSX.read(bytes, { type: 'buffer' });
  return wb.SheetNames.map((n) => [n, XLSX.utils.sheet_to_json(wb.Sheets[n], { header: 1 })]);
};

describe('merge:export-save', () => {
  it('writes the merged workbook where the shell says, the same workbook merge:export gives', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wdp-export-save-'));
    dirs.push(dir);
    await county(folderShell(dir));
    const saved = await call('merge:export-save', { year: 2024 });
    expect(saved.saved).toBe(true);
    expect(readdirSync(dir)).toEqual(['洮北区_2024年_妇女发展监测汇总报表.xlsx']);
    expect(saved.path).toBe(join(dir, '洮北区_2024年_妇女发展监测汇总报表.xlsx'));
    const viaWindow = await call('merge:export', { year: 2024 });
    expect(sheets(readFileSync(saved.path!))).toEqual(sheets(Buffer.from(viaWindow.bytesBase64, 'base64')));
  });

  it('saves nothing when the dialog is cancelled', async () => {
    await county(noShell);
    expect(await call('merge:export-save', { year: 2024 })).toEqual({ saved: false, path: null });
  });
});
