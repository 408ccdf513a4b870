// Issue 13, the merge page: a refused file still shows its 填报单位 (from the file), and the reader's notes
// (a number stored as text, read as its value) appear instead of 「有提示 0」 and nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { startE2E, type E2E } from '../helpers/e2e.ts';
import { openTestBackend } from '../helpers/backend.ts';
import { requireFramework } from '../../electron/frameworks/plans-service.ts';
import { listChildRegions } from '../../electron/frameworks/regions-service.ts';
import { plausibleReturn, returnFile } from '../electron/merge/excel-files.ts';

const COUNTY = '220802000000'; // 洮北区
const YEAR = new Date().getFullYear() - 1;

async function dropFiles(page: Page, files: { name: string; bytes: Buffer }[]) {
  await page.getByTestId('drop-zone').evaluate(
    (zone, list) => {
      const data = new DataTransfer();
      for (const f of list) data.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    },
    files.map((f) => ({ name: f.name, base64: f.bytes.toString('base64') })),
  );
}

/** The same return with PD30's 合计 (5077) stored as the text "5077", as a hand-edited WPS file has it. */
async function withTextNumber(bytes: Buffer): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  for (const sheet of book.worksheets) {
    sheet.eachRow((row) => {
      if (!row.values || !(row.values as unknown[]).includes('PD30')) return;
      row.eachCell((c) => {
        if (c.value === 5077) c.value = '5077';
      });
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('merge page notices and refused files', () => {
  let e2e: E2E;
  const files: { name: string; bytes: Buffer }[] = [];
  let towns: { code: string; name: string }[] = [];
  beforeAll(async () => {
    const b = openTestBackend();
    try {
      const fw = requireFramework(b.ctx, 'taobei');
      towns = listChildRegions(b.ctx, COUNTY).slice(0, 2);
      const textNumber = await returnFile(fw, {
        regionCode: towns[0].code,
        regionName: towns[0].name,
        year: YEAR,
        cells: { 'PD30.total': 5077 },
      });
      files.push({ name: '一镇.xlsx', bytes: await withTextNumber(textNumber) });
      const bad = plausibleReturn(fw, { regionCode: towns[1].code, regionName: towns[1].name, year: YEAR });
      bad.cells = bad.cells.map((c) =>
        c.item === 'PD30' && c.sex === 'total' ? { ...c, value: null, raw: '四十' } : c,
      );
      files.push({
        name: '二镇.xlsx',
        bytes: await returnFile(fw, { regionCode: towns[1].code, regionName: towns[1].name, year: YEAR }, bad),
      });
    } finally {
      b.dispose();
    }
    e2e = await startE2E();
    await e2e.backend.handlers['settings:set-profile']({
      planId: 'taobei',
      role: 'county',
      regionCode: COUNTY,
      userName: '王芳',
    });
    await e2e.page.setViewportSize({ width: 1366, height: 768 });
    await e2e.page.reload();
    await e2e.page.getByRole('button', { name: '汇总', exact: true }).click();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('shows a text number’s note, and a refused file’s 填报单位 from the file', async () => {
    const { page } = e2e;
    await dropFiles(page, files);
    await expect
      .poll(() => page.getByTestId('verdict-summary').textContent())
      .toBe('导入完成：接收 1，有提示 0，拒收 1；其中 1 份有说明（如以文本形式填写的数字）');
    const accepted = page.locator('tr[data-verdict="accepted"]');
    await expect.poll(() => accepted.textContent()).toContain('以文本形式填写的数字“5077”，已按数值 5077 读取');
    const refused = page.locator('tr[data-verdict="rejected"]');
    await expect.poll(() => refused.locator('td').nth(1).textContent()).toBe(towns[1].name);
    await e2e.screenshot('merge-notices', { fullPage: false });
    expect(e2e.errors).toEqual([]);
  });
});
