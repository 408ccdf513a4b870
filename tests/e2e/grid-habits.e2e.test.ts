// The grid as a statistician uses Excel / WPS all day (issue 13): Enter after Tab returns to the starting column.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startE2E, type E2E } from '../helpers/e2e.ts';

const TOWNSHIP = '220802001000'; // 海明街道, 洮北区
const cell = (page: Page, key: string) => page.locator(`[data-cell="${key}"]`);
const activeCell = (page: Page) => page.locator('td.cell.active').getAttribute('data-cell');

describe('grid habits of Excel / WPS', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
    await e2e.backend.handlers['settings:set-profile']({ planId: 'taobei', role: 'township', regionCode: TOWNSHIP, userName: '张丽' });
    await e2e.page.setViewportSize({ width: 1366, height: 768 });
    await e2e.page.reload();
    await e2e.page.getByRole('button', { name: '数据填报' }).click();
    await e2e.page.getByRole('button', { name: /新建 \d+ 年报表/ }).click();
    await e2e.page.getByRole('tab', { name: /妇女参与决策和管理/ }).click();
  });
  afterAll(async () => { await e2e?.close(); });

  it('Enter after Tab goes to the column where the Tabs started, one row down', async () => {
    const { page } = e2e;
    await cell(page, 'PD28.total').click();
    await page.keyboard.type('30');
    await page.keyboard.press('Tab');
    await page.keyboard.type('9');
    await page.keyboard.press('Enter');
    await expect.poll(() => activeCell(page)).toBe('PD29.total');
    await page.keyboard.type('5');
    await page.keyboard.press('Tab');
    await page.keyboard.type('1');
    await page.keyboard.press('Enter');
    await expect.poll(() => activeCell(page)).toBe('PD30.total');
    expect(await cell(page, 'PD28.female').textContent()).toBe('9');
    expect(await cell(page, 'PD29.female').textContent()).toBe('1');
    // Tab without typing, then Enter: the same rule
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => activeCell(page)).toBe('PD31.total');
    // Enter with no Tab before it goes straight down
    await cell(page, 'PD28.female').click();
    await page.keyboard.press('Enter');
    await expect.poll(() => activeCell(page)).toBe('PD29.female');
  });
});
