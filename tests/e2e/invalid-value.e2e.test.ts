// Nothing typed is lost (issue 13, item 1): 12.5 typed into 空气质量优良天数 (VD10, unit 天) stays red with
// 「天数应为整数」, is in 问题清单 and the error counts, survives a reload, and blocks 已校验 until fixed.
// And any edit after 已校验 puts the return back to 草稿, saying so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startE2E, type E2E } from '../helpers/e2e.ts';

const KELAN = '140929000000'; // 岢岚县: its plan judges 空气质量优良天数比例 (V11 = VD10 ÷ VD09)
const cell = (page: Page, key: string) => page.locator(`[data-cell="${key}"]`);
const totalErrors = (page: Page) => page.getByTestId('summary').locator('tr.total-row td').nth(2).textContent();
const environmentTab = (page: Page) => page.getByRole('tab', { name: /妇女与环境/ });

describe('an invalid value typed into the grid', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
    await e2e.backend.handlers['settings:set-profile']({
      planId: 'kelan',
      role: 'county',
      regionCode: KELAN,
      userName: '李娜',
    });
    await e2e.page.setViewportSize({ width: 1366, height: 768 });
    await e2e.page.reload();
    await e2e.page.getByRole('button', { name: '数据填报' }).click();
    await e2e.page.getByRole('button', { name: /新建 \d+ 年报表/ }).click();
    await environmentTab(e2e.page).click();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('stays red with the unit’s noun, and counts in 问题清单 and the error totals', async () => {
    const { page } = e2e;
    await cell(page, 'VD09.total').click();
    await page.keyboard.type('365');
    await page.keyboard.press('Enter');
    await cell(page, 'VD10.total').click();
    await page.keyboard.type('12.5');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(page, 'VD10.total').getAttribute('aria-invalid')).toBe('true');
    expect(await cell(page, 'VD10.total').textContent()).toBe('12.5');
    await expect
      .poll(() => page.getByTestId('problems').textContent())
      .toContain('VD10 空气质量优良天数 · 合计：天数应为整数');
    expect(await page.getByTestId('problems').textContent()).not.toContain('人数');
    await expect.poll(() => totalErrors(page)).toBe('1');
    await expect.poll(() => environmentTab(page).locator('.count.error').textContent()).toBe('1');
    await cell(page, 'VD10.total').click();
    await expect.poll(() => page.getByTestId('cell-bar').textContent()).toContain('天数应为整数');
    await expect.poll(() => page.getByTestId('save-state').textContent()).toContain('已自动保存');
  });

  it('is still there, red, after a reload, and 已校验 is refused naming it', async () => {
    const { page } = e2e;
    await page.reload();
    await page.getByRole('button', { name: '数据填报' }).click();
    await environmentTab(page).click();
    await expect.poll(() => cell(page, 'VD10.total').textContent()).toBe('12.5');
    expect(await cell(page, 'VD10.total').getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => totalErrors(page)).toBe('1');
    await cell(page, 'VD10.total').click();
    await expect.poll(() => page.getByTestId('cell-bar').textContent()).toContain('天数应为整数');
    await e2e.screenshot('invalid-value-after-reload', { fullPage: false });

    await page.getByRole('button', { name: '标记为已校验' }).click();
    await expect
      .poll(() => page.getByTestId('notice').textContent())
      .toContain('还有 1 处错误，改正后才能标记为已校验');
    expect(await page.getByTestId('notice').textContent()).toContain('天数应为整数');
    expect(await page.getByTestId('return-status').textContent()).toBe('草稿');
  });

  it('is fixed by a valid number (undo brings the text back), and then 已校验 is allowed', async () => {
    const { page } = e2e;
    await cell(page, 'VD10.total').click();
    await page.keyboard.type('300');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(page, 'VD10.total').getAttribute('aria-invalid')).toBeNull();
    expect(await cell(page, 'VD10.total').textContent()).toBe('300');
    await expect.poll(() => totalErrors(page)).toBe('0');
    await page.keyboard.press('Control+z');
    await expect.poll(() => cell(page, 'VD10.total').textContent()).toBe('12.5');
    await expect.poll(() => cell(page, 'VD10.total').getAttribute('aria-invalid')).toBe('true');
    await page.keyboard.press('Control+y');
    await expect.poll(() => cell(page, 'VD10.total').textContent()).toBe('300');
    await expect.poll(() => page.getByTestId('save-state').textContent()).toContain('已自动保存');
    await page.getByRole('button', { name: '标记为已校验' }).click();
    await expect.poll(() => page.getByTestId('return-status').textContent()).toBe('已校验');
  });

  it('an edit after 已校验 puts the return back to 草稿 and says so', async () => {
    const { page } = e2e;
    await cell(page, 'VD10.total').click();
    await page.keyboard.type('301');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('return-status').textContent()).toBe('草稿');
    await expect.poll(() => page.getByTestId('notice').textContent()).toBe('报表已修改，状态改回“草稿”，请重新校验');
    await e2e.screenshot('invalid-value-back-to-draft', { fullPage: false });
    const [summary] = await e2e.backend.handlers['returns:list']({ regionCode: KELAN });
    expect(summary.status).toBe('draft');
    const audit = await e2e.backend.handlers['returns:audit']({ returnId: summary.id, limit: 20 });
    expect(audit.find((a) => a.field === 'status')).toMatchObject({
      oldValue: 'checked',
      newValue: 'draft',
      userName: '李娜',
    });
    expect(audit.some((a) => a.field === 'VD10.total' && a.newValue === '12.5（有误）')).toBe(true);
    expect(e2e.errors).toEqual([]);
  });
});
