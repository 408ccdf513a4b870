// The application menu's commands as the page serves them (issue 13): Ctrl+S confirms everything is saved,
// Ctrl+F finds a data item in any area, Ctrl+P opens printing, F1 the guide; a menu click arrives as the same command.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { E2E_TOWNSHIP, openTownshipEntry, startE2E, type E2E } from '../helpers/e2e.ts';

const TOWNSHIP = E2E_TOWNSHIP;
const cell = (page: Page, key: string) => page.locator(`[data-cell="${key}"]`);
const menuClick = (page: Page, command: string) =>
  page.evaluate((c) => window.dispatchEvent(new CustomEvent('wdp:menu', { detail: c })), command);

describe('menu commands and their shortcuts', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
    await openTownshipEntry(e2e, { newReturn: true });
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('Ctrl+S says everything is saved, after the typed value is in the database', async () => {
    const { page } = e2e;
    await page.getByRole('tab', { name: /妇女参与决策和管理/ }).click();
    await cell(page, 'PD28.total').click();
    await page.keyboard.type('30');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+s');
    await expect
      .poll(() => page.getByTestId('notice').textContent())
      .toMatch(/^所有修改均已保存（\d{2}:\d{2}:\d{2}）$/);
    const [summary] = await e2e.backend.handlers['returns:list']({ regionCode: TOWNSHIP });
    expect(summary.cellsFilled).toBe(1);
  });

  it('Ctrl+F finds a data item by name in another area and goes to it', async () => {
    const { page } = e2e;
    await page.keyboard.press('Control+f');
    const find = page.getByRole('search').getByRole('textbox', { name: '查找数据项' });
    await expect.poll(() => find.evaluate((el) => el === document.activeElement)).toBe(true);
    await find.fill('村委会主任');
    await find.press('Enter');
    await expect.poll(() => page.locator('td.cell.active').getAttribute('data-cell')).toBe('PD31.total');
    await page.keyboard.press('Control+f');
    await find.fill('没有这一项');
    await find.press('Enter');
    await expect.poll(() => page.getByRole('search').textContent()).toContain('没有找到“没有这一项”');
    await e2e.screenshot('entry-find', { fullPage: false });
    await page.getByRole('search').getByRole('button', { name: '关闭' }).click();
  });

  it('F1 opens the guide; a menu click on 打印 opens printing, 新建年度报表 the entry page', async () => {
    const { page } = e2e;
    await page.keyboard.press('F1');
    await expect.poll(() => page.getByRole('dialog', { name: '使用说明' }).textContent()).toContain('Ctrl+Enter');
    await e2e.screenshot('guide', { fullPage: false });
    await page.getByRole('dialog').getByRole('button', { name: '关闭' }).click();
    await menuClick(page, 'print');
    await expect.poll(() => page.locator('nav [aria-current="page"]').textContent()).toBe('打印与报告');
    await menuClick(page, 'save');
    await expect.poll(() => page.getByTestId('app-toast').textContent()).toContain('所有修改均已保存');
    await menuClick(page, 'new-return');
    await expect.poll(() => page.locator('nav [aria-current="page"]').textContent()).toBe('数据填报');
    // 帮助 → 导出诊断信息 saves the diagnostics zip from any page
    await menuClick(page, 'diagnostics');
    await expect.poll(() => page.getByTestId('app-toast').textContent()).toMatch(/\.zip/);
    expect(e2e.errors).toEqual([]);
  });
});
