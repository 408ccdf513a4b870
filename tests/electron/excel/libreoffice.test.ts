// The exported workbook opens with SheetJS and with LibreOffice, and prints on A4: one LibreOffice conversion of an
// exported county return and a township template; every page that shows the column header shows all of it
// (指标名称 … 男 … 备注: no sheet split across pages horizontally). Page 1 is kept as a PNG to look at.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { MESSAGES } from '../../../shared/messages.ts';
import { ARTIFACTS_DIR } from '../../helpers/e2e.ts';
import { openTestApp, regionsOf, storeReturn, type TestApp } from './helpers/app.ts';
import { generateReturn } from './helpers/generate.ts';

const SOFFICE = '/usr/bin/soffice';
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', timeout: 180_000 });

describe.skipIf(!existsSync(SOFFICE))('LibreOffice opens and prints the export on A4', () => {
  let app: TestApp;
  let dir: string;
  let exportFile: string;
  let templateFile: string;
  beforeAll(async () => {
    app = openTestApp();
    dir = mkdtempSync(join(tmpdir(), 'wdp-lo-'));
    const r = regionsOf(app, 'jiahe');
    const previous = generateReturn(app.framework('jiahe'), {
      level: 'county',
      regionCode: r.county,
      year: 2023,
      seed: 1,
    });
    await storeReturn(app, previous);
    const data = generateReturn(app.framework('jiahe'), { level: 'county', regionCode: r.county, year: 2024, seed: 2 });
    const id = await storeReturn(app, data);
    const file = await app.call('excel:export-return', { returnId: id });
    exportFile = join(dir, 'county.xlsx');
    writeFileSync(exportFile, Buffer.from(file.bytesBase64, 'base64'));
    const template = await app.call('excel:template', { regionCode: r.township, year: 2025 });
    templateFile = join(dir, 'template.xlsx');
    writeFileSync(templateFile, Buffer.from(template.bytesBase64, 'base64'));
    // one LibreOffice run converts both (own profile dir: other test files may run soffice at the same time)
    run(SOFFICE, [
      `-env:UserInstallation=file://${join(dir, 'lo-profile')}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      exportFile,
      templateFile,
    ]);
  }, 240_000);
  afterAll(() => {
    app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens with SheetJS: the area sheets, 校验结果, and a hidden metadata sheet', () => {
    const book = XLSX.read(readFileSync(exportFile), { type: 'buffer' });
    const F = MESSAGES.excel.form;
    expect(book.SheetNames).toEqual([...Object.values(F.sheetNames), F.resultSheet, F.metaSheet]);
    const hidden = book.Workbook?.Sheets?.find((s) => s.name === F.metaSheet)?.Hidden;
    expect(hidden).toBe(1);
    expect(book.Sheets.健康.A1.v).toBe('妇女与健康监测统计表');
  });

  for (const name of ['county', 'template'] as const) {
    it(`${name}: A4 landscape, every page holds all columns`, () => {
      const pdf = join(dir, `${name}.pdf`);
      expect(existsSync(pdf)).toBe(true);
      const info = run('pdfinfo', [pdf]);
      const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
      expect(pages).toBeGreaterThan(0);
      const sizes =
        run('pdfinfo', ['-f', '1', '-l', String(pages), pdf]).match(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g) ?? [];
      expect(sizes).toHaveLength(pages);
      for (const size of sizes) {
        const [, w, h] = /size:\s+([\d.]+) x ([\d.]+)/.exec(size)!;
        expect([Math.round(Number(w)), Math.round(Number(h))]).toEqual([842, 595]);
      }
      const page1 = run('pdftotext', ['-layout', '-f', '1', '-l', '1', pdf, '-']);
      for (const header of ['指标名称', '代码', '计量单位', '合计', '女', '男', '上年', '备注', '表', '制定机关'])
        expect(page1).toContain(header);
      // header rows repeat on every page, and a page showing them shows the last column too
      for (let p = 1; p <= pages; p++) {
        const text = run('pdftotext', ['-layout', '-f', String(p), '-l', String(p), pdf, '-']);
        if (text.includes('计量单位')) expect(text, `${name} page ${p}`).toContain('备注');
        if (text.includes('目标编号')) expect(text, `${name} page ${p}`).toContain('预警说明');
      }
    });
  }

  it('renders page 1 as a PNG (tests/.artifacts/excel-*.png) to look at', () => {
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    for (const name of ['county', 'template']) {
      run('pdftoppm', [
        '-png',
        '-r',
        '80',
        '-f',
        '1',
        '-l',
        '1',
        '-singlefile',
        join(dir, `${name}.pdf`),
        join(ARTIFACTS_DIR, `excel-${name}-page1`),
      ]);
      expect(existsSync(join(ARTIFACTS_DIR, `excel-${name}-page1.png`))).toBe(true);
    }
  });
});
