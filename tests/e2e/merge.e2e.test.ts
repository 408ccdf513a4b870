// The county merge in the real renderer (Chromium, loopback adapter, real database): import a folder of township
// returns (one broken, one of another year), see who reported and who is missing, settle a resubmission dropped on
// the page, read the breakdown, see the summed values in the county's own entry screen, export the county return,
// and import that into a city's copy of the app.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startE2E, type E2E } from '../helpers/e2e.ts';
import { openTestBackend } from '../helpers/backend.ts';
import { requireFramework } from '../../electron/frameworks/plans-service.ts';
import { listChildRegions } from '../../electron/frameworks/regions-service.ts';
import { returnFile } from '../electron/merge/excel-files.ts';

const COUNTY = '220802000000'; // 洮北区
const CITY = '220800000000'; // 白城市
const YEAR = new Date().getFullYear() - 1; // the year the pages open on
const TOWNS = 8;

const dir = mkdtempSync(join(tmpdir(), 'wdp-merge-e2e-'));
const folder = join(dir, `${YEAR}年乡镇报表`);
let names: string[] = [];
let codes: string[] = [];
let resubmission: Buffer;

async function dropFile(page: Page, fileName: string, bytes: Buffer) {
  await page.getByTestId('drop-zone').evaluate(
    (zone, file) => {
      const data = new DataTransfer();
      const raw = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
      data.items.add(
        new File([raw], file.name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
      );
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    },
    { name: fileName, base64: bytes.toString('base64') },
  );
}

beforeAll(async () => {
  const b = openTestBackend();
  try {
    const fw = requireFramework(b.ctx, 'taobei');
    const towns = listChildRegions(b.ctx, COUNTY).slice(0, TOWNS);
    names = towns.map((t) => t.name);
    codes = towns.map((t) => t.code);
    mkdirSync(folder, { recursive: true });
    for (const t of towns) {
      writeFileSync(
        join(folder, `${t.name}.xlsx`),
        await returnFile(fw, {
          regionCode: t.code,
          regionName: t.name,
          year: YEAR,
          exportedAt: new Date(`${YEAR + 1}-01-10T02:00:00Z`),
        }),
      );
    }
    const other = listChildRegions(b.ctx, COUNTY)[TOWNS];
    writeFileSync(
      join(folder, `${other.name}（上年）.xlsx`),
      await returnFile(fw, { regionCode: other.code, regionName: other.name, year: YEAR - 1 }),
    );
    writeFileSync(join(folder, '填报说明.xlsx'), 'this is not a workbook');
    resubmission = await returnFile(fw, {
      regionCode: towns[0].code,
      regionName: towns[0].name,
      year: YEAR,
      cells: { 'PD30.total': 33, 'PD30.female': 11 },
      exportedAt: new Date(`${YEAR + 1}-01-20T02:00:00Z`),
    });
  } finally {
    b.dispose();
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('county merge', () => {
  let e2e: E2E;
  let exported = '';
  beforeAll(async () => {
    e2e = await startE2E();
    await e2e.backend.handlers['settings:set-profile']({
      planId: 'taobei',
      role: 'county',
      regionCode: COUNTY,
      userName: '王芳',
    });
    await e2e.page.reload();
    await e2e.page.getByRole('button', { name: '汇总', exact: true }).click();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('imports a folder: a progress bar, a verdict per file, bad files rejected with their reasons', async () => {
    const { page } = e2e;
    await page.getByTestId('pick-folder').setInputFiles(folder);
    await expect
      .poll(() => page.getByTestId('import-progress').textContent(), { timeout: 30_000 })
      .toBe(`已处理 ${TOWNS + 2} 个文件`);
    await expect
      .poll(() => page.getByTestId('verdict-summary').textContent())
      .toBe(`导入完成：接收 ${TOWNS}，有提示 0，拒收 2`);
    const rejected = page.locator('tr[data-verdict="rejected"]');
    await expect.poll(() => rejected.count()).toBe(2);
    await expect
      .poll(() => page.getByTestId('verdicts').textContent())
      .toContain(`报表年度为${YEAR - 1}年，与本次汇总的${YEAR}年不符，未接收`);
    await e2e.screenshot('merge-import', { fullPage: false });
  });

  it('shows who reported and who is missing, with the reporting rate', async () => {
    const { page } = e2e;
    await page.getByRole('tab', { name: /报送情况/ }).click();
    const rate = `应报 25，已报送 ${TOWNS}，草稿 0，未报送 ${25 - TOWNS}，报送率 ${((TOWNS / 25) * 100).toFixed(1)}%`;
    await expect.poll(() => page.getByTestId('reporting-rate').textContent()).toBe(rate);
    await expect.poll(() => page.locator(`tr[data-region="${codes[0]}"]`).getAttribute('data-state')).toBe('reported');
    await expect.poll(() => page.locator('tr[data-state="missing"]').count()).toBe(25 - TOWNS);
    await e2e.screenshot('merge-completeness');
  });

  it('takes a resubmission dropped on the page, shows what changed, and lets the county keep the earlier one', async () => {
    const { page } = e2e;
    await dropFile(page, `${names[0]}（更正）.xlsx`, resubmission);
    await expect
      .poll(() => page.getByTestId('verdict-summary').textContent())
      .toBe('导入完成：接收 0，有提示 1，拒收 0');
    await expect.poll(() => page.getByTestId('verdicts').textContent()).toMatch(/重报：.*已采用报出日期较晚的本版本/);
    await page.getByRole('tab', { name: /重报差异/ }).click();
    const card = page.locator(`section.resubmission[data-region="${codes[0]}"]`);
    await card.locator('summary').first().click();
    await expect.poll(() => card.locator('table.diff').first().textContent()).toContain('PD30');
    await e2e.screenshot('merge-resubmission', { fullPage: false });
    await card.getByRole('button', { name: '采用此版本' }).click();
    await expect.poll(() => card.locator('tr.selected .file-name').textContent()).toBe(`${names[0]}.xlsx`);
  });

  it('shows every township side by side with the total, marking values below target', async () => {
    const { page } = e2e;
    await page.getByRole('tab', { name: /分单位明细/ }).click();
    const table = page.getByTestId('breakdown');
    await expect.poll(() => table.locator('thead th.child').count()).toBe(TOWNS);
    await expect.poll(() => table.locator('thead').textContent()).toContain(names[1]);
    await expect.poll(() => table.locator('tr[data-row="P31"] td').count()).toBe(3 + TOWNS + 1);
    await e2e.screenshot('merge-breakdown', { fullPage: false });
    await table.getByRole('tab', { name: '数据项' }).click();
    await expect.poll(() => table.locator('tr[data-row="PD30.total"]').count()).toBe(1);
  });

  it('shows the merged return with its notes and exports it', async () => {
    const { page } = e2e;
    await page.getByRole('tab', { name: /汇总结果/ }).click();
    await expect
      .poll(() => page.getByTestId('merge-notes').textContent())
      .toContain(`报送率${((TOWNS / 25) * 100).toFixed(1)}%`);
    await expect.poll(() => page.getByTestId('merge-notes').textContent()).toContain('未报送的乡镇（街道）');
    await e2e.screenshot('merge-result', { fullPage: false });
    // the year chooser's label 汇总年度 stays on one line beside its list (it broke into 汇总年 / 度 at 1366 wide)
    const yearLabel = page.locator('.page-head label.inline-field');
    const select = yearLabel.locator('select');
    const lines = await yearLabel.evaluate((l) => {
      const range = document.createRange();
      range.selectNodeContents(l.firstChild!);
      return range.getClientRects().length;
    });
    expect(lines, 'lines of the label').toBe(1);
    expect(await select.isVisible()).toBe(true);
    // the workbook is written by the back end where the user chooses: its bytes never travel to the window
    const calls: string[] = [];
    const record = (r: { url: () => string }) => {
      const m = /\/api\/([a-z-]+:[a-z-]+)/.exec(decodeURIComponent(r.url()));
      if (m) calls.push(m[1]);
    };
    page.on('request', record);
    await page.getByRole('button', { name: '导出汇总报表（Excel）…' }).click();
    await expect.poll(() => page.getByTestId('merge-message').textContent()).toMatch(/^已导出：/);
    page.off('request', record);
    await e2e.screenshot('merge-exported', { fullPage: false });
    expect(calls).toContain('merge:export-save');
    expect(calls).not.toContain('merge:export');
    expect(calls).not.toContain('shell:save-file');
    const file = readdirSync(e2e.downloadsDir).find((f) => f.endsWith('.xlsx'))!;
    expect(file).toBe(`洮北区_${YEAR}年_妇女发展监测汇总报表.xlsx`);
    exported = join(dir, file);
    copyFileSync(join(e2e.downloadsDir, file), exported);
  });

  it('shows the summed township values read-only in the county’s own entry screen, county items editable', async () => {
    const { page } = e2e;
    await page.getByRole('button', { name: '数据填报' }).click();
    await page.getByRole('button', { name: /新建 \d+ 年报表/ }).click();
    await page.getByRole('tab', { name: /妇女参与决策和管理/ }).click();
    const summed = page.locator('[data-cell="PD30.total"]');
    await expect.poll(() => summed.getAttribute('data-source')).toBe(`${TOWNS}/${TOWNS} 个下级汇总`);
    await expect.poll(() => page.getByTestId('entry-banner').textContent()).toContain(`${TOWNS}/25 个乡镇报表的汇总值`);
    await summed.click();
    await page.keyboard.type('5');
    await expect.poll(() => page.getByTestId('notice').textContent()).toContain('汇总值');
    const editable = page.locator('td.cell:not(.summed)[data-cell]').first();
    await expect.poll(() => editable.count()).toBe(1);
    await e2e.screenshot('merge-entry', { fullPage: false });
    expect(e2e.errors).toEqual([]);
  });

  it('is imported into a city’s copy the same way', async () => {
    await e2e.close();
    const city = await startE2E();
    try {
      await city.backend.handlers['settings:set-profile']({
        planId: 'taobei',
        role: 'city',
        regionCode: CITY,
        userName: '李明',
      });
      await city.page.reload();
      const { page } = city;
      await page.getByRole('button', { name: '汇总', exact: true }).click();
      await page.getByTestId('pick-files').setInputFiles(exported);
      await expect
        .poll(() => page.getByTestId('verdict-summary').textContent(), { timeout: 30_000 })
        .toMatch(/导入完成：接收 [01]，有提示 [01]，拒收 0/);
      await page.getByRole('tab', { name: /报送情况/ }).click();
      await expect
        .poll(() => page.locator(`tr[data-region="${COUNTY}"]`).getAttribute('data-state'))
        .not.toBe('missing');
      await expect.poll(() => page.getByTestId('reporting-rate').textContent()).toMatch(/^应报 6，/);
      await city.screenshot('merge-city');
      await page.getByRole('tab', { name: /分单位明细/ }).click();
      await expect.poll(() => page.getByTestId('breakdown').locator('thead').textContent()).toContain('洮北区');
      expect(city.errors).toEqual([]);
    } finally {
      await city.close();
    }
  });
});

describe('a county department', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('chooses the department role and fills only its own items', async () => {
    const { page } = e2e;
    await page.locator('select[aria-label="规划"] option[value="taobei"]').waitFor({ state: 'attached' });
    await page.getByLabel('规划', { exact: true }).selectOption('taobei');
    await page.getByRole('radio', { name: /县级部门/ }).check();
    await page.locator('select[aria-label="部门"] option[value="卫健"]').waitFor({ state: 'attached' });
    await page.getByLabel('部门', { exact: true }).selectOption('卫健');
    await page.getByLabel('填报单位', { exact: true }).selectOption(COUNTY);
    await e2e.screenshot('department-setup', { fullPage: false });
    await page.getByRole('button', { name: '保存并开始' }).click();
    await page.getByRole('button', { name: '数据填报' }).click();
    await page.getByRole('button', { name: /新建 \d+ 年报表/ }).click();
    await expect.poll(() => page.getByTestId('entry-banner').textContent()).toContain('卫生健康局');
    const codes = await page
      .locator('tr[data-item]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-item')));
    expect(codes.length).toBeGreaterThan(0);
    const fw = (await e2e.backend.handlers['plans:get-framework']({ planId: 'taobei' })).framework;
    const byCode = new Map(fw.dataItems.map((d) => [d.code, d]));
    expect(codes.every((c) => byCode.get(c!)?.department === '卫健' && byCode.get(c!)?.level === 'county')).toBe(true);
    expect(await page.getByRole('button', { name: '汇总', exact: true }).count()).toBe(0);
    await e2e.screenshot('department-entry', { fullPage: false });
    expect(e2e.errors).toEqual([]);
  });
});
