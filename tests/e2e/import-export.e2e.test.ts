// 导入导出 in the real renderer: export panels, then a file picked in the page is validated cell by cell; the report
// table sorts and copies; at the county a township's file is pointed to 汇总 (never written here); at the township
// its own file with only warnings is written after the confirm step.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../shared/messages.ts';
import { PARSE_MSG } from '../../shared/messages/numbers.ts';
import { dispatch } from '../../electron/api/dispatch.ts';
import { startE2E, type E2E } from '../helpers/e2e.ts';

const T = MESSAGES.excel.ui;
const COUNTY = '431024000000';
const TOWNSHIP = '431024100000';

describe('导入导出 page', () => {
  let e2e: E2E;
  let template: Buffer;
  const call = async (channel: string, input: unknown) => {
    const r = await dispatch(e2e.backend.handlers, channel, input);
    if (!r.ok) throw new Error(r.error.message);
    return r.value as never;
  };
  beforeAll(async () => {
    e2e = await startE2E();
    await call('settings:set-profile', { planId: 'jiahe', role: 'county', regionCode: COUNTY, userName: '测试员' });
    await call('returns:open', { regionCode: COUNTY, year: 2024 });
    const file = (await call('excel:template', { regionCode: TOWNSHIP, year: 2025 })) as { bytesBase64: string };
    template = Buffer.from(file.bytesBase64, 'base64');
    await e2e.page.reload();
    await e2e.page.getByRole('button', { name: T.nav }).click();
    await e2e.page.getByRole('heading', { name: T.title }).waitFor();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('offers the return to export and a template for the county or a township', async () => {
    const { page } = e2e;
    await page.getByTestId('export-panel').getByRole('button', { name: T.exportButton }).waitFor();
    await page.getByTestId('template-panel').locator('option', { hasText: '珠泉镇' }).waitFor({ state: 'attached' });
    // the loopback door saves into a folder instead of asking: the page says where
    await page.getByTestId('export-panel').getByRole('button', { name: T.exportButton }).click();
    const status = page.getByTestId('export-panel').getByRole('status');
    await status.getByText('已保存').waitFor();
    const path = (await status.textContent())!.replace(T.exported(''), '');
    expect(path).toMatch(/嘉禾县_2024年_妇女发展监测报表\.xlsx$/);
    expect(readFileSync(path).subarray(0, 2).toString()).toBe('PK');
  });

  it('picks every file through a button of its own in Chinese (no browser file box), reachable by the keyboard', async () => {
    const { page } = e2e;
    await page.getByTestId('returned-panel').waitFor();
    const inputs = page.locator('input[type=file]');
    expect(await inputs.count()).toBeGreaterThanOrEqual(5);
    // no “Choose File” / “No file chosen”: each browser box is out of sight (at most a clipped pixel)
    for (const input of await inputs.all()) {
      const box = await input.boundingBox();
      expect(box === null || (box.width <= 1 && box.height <= 1)).toBe(true);
    }
    for (const kind of ['returned', 'receipt'])
      await page.getByTestId(`${kind}-panel`).getByText(T.chooseFile, { exact: true }).waitFor();
    // each button takes the keyboard's focus (Tab reaches it; Enter on a focused file box opens the dialog)
    for (const id of ['import-file', 'returned-file', 'receipt-file', 'open-data-file']) {
      const input = page.getByTestId(id);
      expect(await input.evaluate((el: HTMLInputElement) => el.tabIndex)).toBeGreaterThanOrEqual(0);
      await input.focus();
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(id);
    }
  });

  it('validates a picked file and lists each problem at its cell, sortable and copyable', async () => {
    const { page } = e2e;
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('健康')!;
    let bad = '';
    ws.eachRow((row) => {
      if (row.getCell(2).value === 'HD01') {
        row.getCell(4).value = 'abc';
        bad = `健康!${row.getCell(4).address}`;
      }
      if (row.getCell(2).value === 'HD02') row.getCell(9).value = '备注但没有无数据';
    });
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    await page.getByTestId('import-file').setInputFiles({
      name: '珠泉镇.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer,
    });
    await page.getByTestId('import-verdict').waitFor();
    expect(await page.getByTestId('import-verdict').textContent()).toContain('未导入');
    const table = page.getByTestId('import-problems');
    const firstRow = table.locator('tbody tr').first();
    expect(await table.locator('tbody tr', { hasText: bad }).textContent()).toContain(PARSE_MSG.notANumber('abc'));
    await page.getByRole('button', { name: T.sortSeverity }).click();
    expect(await firstRow.locator('td').first().textContent()).toBe(MESSAGES.excel.result.severity.error);
    await e2e.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByTestId('copy-report').click();
    await page.getByText(T.copied).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.split('\n')[1]).toBe(
      [T.columns.severity, T.columns.location, T.columns.item, T.columns.message].join('\t'),
    );
    expect(copied).toContain(`${bad}\tHD01\t${PARSE_MSG.notANumber('abc')}`);
    expect(await page.getByTestId('import-write').count()).toBe(0);
    await e2e.screenshot('import-export-errors');
  });

  it('at the county, says what the page is for and points a township’s file to 汇总', async () => {
    const { page } = e2e;
    expect(await page.getByTestId('page-purpose').textContent()).toBe(T.intro);
    expect(await page.getByTestId('merge-pointer').textContent()).toContain(
      T.introOffice(MESSAGES.merge.nouns.township),
    );
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template as unknown as ArrayBuffer);
    wb.getWorksheet('健康')!.eachRow((row) => {
      if (row.getCell(2).value === 'HD01') {
        row.getCell(4).value = 120;
        row.getCell(9).value = '含流动人口';
      }
    });
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    await page
      .getByTestId('import-file')
      .setInputFiles({ name: '珠泉镇2.xlsx', mimeType: 'application/octet-stream', buffer });
    await page.getByTestId('import-below').waitFor();
    expect(await page.getByTestId('import-below').textContent()).toContain(
      T.belowUnit('珠泉镇', MESSAGES.merge.nouns.township),
    );
    // neither 导入 nor 确认导入: nothing of the township's is written here
    expect(await page.getByTestId('import-confirm').count()).toBe(0);
    expect(await page.getByTestId('import-write').count()).toBe(0);
    await page.setViewportSize({ width: 1366, height: 768 });
    await e2e.screenshot('import-export-county', { fullPage: false });
    await page.getByTestId('import-open-merge').click();
    await page.getByRole('heading', { name: MESSAGES.merge.page.heading, level: 1 }).waitFor();
    expect(await page.locator('.merge-page .page-head').textContent()).toContain(
      MESSAGES.merge.page.intro(MESSAGES.merge.nouns.township),
    );
    await e2e.screenshot('merge-purpose', { fullPage: false });
    expect(await call('returns:list', { regionCode: TOWNSHIP })).toEqual([]);
  });

  it('at the township, asks before writing its own file with only warnings, then writes it', async () => {
    const { page } = e2e;
    await call('settings:set-profile', { planId: 'jiahe', role: 'township', regionCode: TOWNSHIP, userName: '测试员' });
    await page.reload();
    await page.getByRole('button', { name: T.nav }).click();
    await page.getByRole('heading', { name: T.title }).waitFor();
    expect(await page.getByTestId('merge-pointer').count()).toBe(0);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template as unknown as ArrayBuffer);
    wb.getWorksheet('健康')!.eachRow((row) => {
      if (row.getCell(2).value === 'HD01') {
        row.getCell(4).value = 120;
        row.getCell(9).value = '含流动人口';
      }
    });
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    await page
      .getByTestId('import-file')
      .setInputFiles({ name: '珠泉镇2.xlsx', mimeType: 'application/octet-stream', buffer });
    await page.getByTestId('import-confirm').waitFor();
    expect(await page.getByTestId('import-verdict').textContent()).toContain('警告');
    await page.getByTestId('import-confirm').click();
    await page.getByText('已导入“珠泉镇2.xlsx”').waitFor();
    const list = (await call('returns:list', { regionCode: TOWNSHIP })) as { year: number; level: string }[];
    expect(list).toEqual([expect.objectContaining({ year: 2025, level: 'township' })]);
    await e2e.screenshot('import-export-written');
  });
});
