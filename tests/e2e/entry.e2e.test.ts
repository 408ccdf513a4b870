// Township entry in the real renderer: an error at the cell, the target status following the typing,
// a block pasted from Excel, undo/redo, and everything still there after a restart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { startE2E, type E2E } from '../helpers/e2e.ts';

const TOWNSHIP = '220802001000'; // 海明街道, 洮北区

async function pasteInto(page: Page, text: string) {
  await page.getByTestId('data-grid').evaluate((grid, clip) => {
    const data = new DataTransfer();
    data.setData('text/plain', clip);
    grid.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

const cell = (page: Page, key: string) => page.locator(`[data-cell="${key}"]`);

describe('township data entry', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
    await e2e.backend.handlers['settings:set-profile']({
      planId: 'taobei',
      role: 'township',
      regionCode: TOWNSHIP,
      userName: '张丽',
    });
    await e2e.page.reload();
    await e2e.page.getByRole('button', { name: '数据填报' }).click();
    await e2e.page.getByRole('button', { name: /新建 \d+ 年报表/ }).click();
    await e2e.page.getByRole('tab', { name: /妇女参与决策和管理/ }).click();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('shows an error at the cell when 女 exceeds 合计, and the target status follows the fix', async () => {
    const { page } = e2e;
    await cell(page, 'PD30.total').click();
    await page.keyboard.type('40');
    await page.keyboard.press('Tab');
    await page.keyboard.type('50');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(page, 'PD30.female').getAttribute('aria-invalid')).toBe('true');
    await cell(page, 'PD30.female').click();
    await expect.poll(() => page.getByTestId('cell-bar').textContent()).toContain('女性人数（50）大于合计（40）');
    await e2e.screenshot('entry-error', { fullPage: false });

    await page.keyboard.type('10');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(page, 'PD30.female').getAttribute('aria-invalid')).toBeNull();
    await expect.poll(() => page.getByTestId('status-taobei-P-G08-3').textContent()).toBe('尚有差距');
    await expect.poll(() => page.getByTestId('value-taobei-P-G08-3').textContent()).toContain('25.0%');

    await cell(page, 'PD30.female').click();
    await page.keyboard.type('14');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('status-taobei-P-G08-3').textContent()).toBe('已实现');
    await expect.poll(() => page.getByTestId('value-taobei-P-G08-3').textContent()).toContain('35.0%');

    // While typing (before Enter) the share already follows; Esc puts it back.
    await cell(page, 'PD30.female').click();
    await page.keyboard.type('16');
    await expect.poll(() => page.getByTestId('value-taobei-P-G08-3').textContent()).toContain('40.0%');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('value-taobei-P-G08-3').textContent()).toContain('35.0%');
    await expect.poll(() => cell(page, 'PD30.female').textContent()).toBe('14');
  });

  it('keeps text typed in a number cell, red with the reason, until it is cleared', async () => {
    const { page } = e2e;
    await cell(page, 'PD31.total').click();
    await page.keyboard.type('abc');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(page, 'PD31.total').getAttribute('aria-invalid')).toBe('true');
    await cell(page, 'PD31.total').click();
    await expect.poll(() => page.getByTestId('cell-bar').textContent()).toContain('“abc”不是有效的数字');
    expect(await cell(page, 'PD31.total').textContent()).toBe('abc');
    await page.keyboard.press('Delete');
    await expect.poll(() => cell(page, 'PD31.total').getAttribute('aria-invalid')).toBeNull();
  });

  it('fills a block pasted from Excel in one action, and undoes and redoes it', async () => {
    const { page } = e2e;
    await cell(page, 'PD28.total').click();
    await pasteInto(page, '30\t9\r\n５\t1\r\n');
    await expect.poll(() => cell(page, 'PD28.total').textContent()).toBe('30');
    await expect.poll(() => cell(page, 'PD28.female').textContent()).toBe('9');
    await expect.poll(() => cell(page, 'PD29.total').textContent()).toBe('5');
    await expect.poll(() => cell(page, 'PD29.female').textContent()).toBe('1');
    await page.keyboard.press('Control+z');
    await expect.poll(() => cell(page, 'PD28.total').textContent()).toBe('');
    await expect.poll(() => cell(page, 'PD29.female').textContent()).toBe('');
    await page.keyboard.press('Control+y');
    await expect.poll(() => cell(page, 'PD29.female').textContent()).toBe('1');
    await expect.poll(() => page.getByTestId('save-state').textContent()).toContain('已自动保存');
    await e2e.screenshot('entry-pasted', { fullPage: false });
  });

  it('marks a cell 无数据 with its reason, distinct from zero and blank', async () => {
    const { page } = e2e;
    await cell(page, 'PD08.total').click();
    await page.getByRole('button', { name: '无数据…' }).click();
    await page.getByRole('dialog').getByRole('textbox').fill('本年乡镇班子未换届，未统计');
    await page.getByRole('button', { name: '标记无数据' }).click();
    await expect.poll(() => cell(page, 'PD08.total').textContent()).toBe('无数据');
    expect(await cell(page, 'PD08.total').getAttribute('title')).toContain('本年乡镇班子未换届，未统计');
    // entering 无 in a cell (F2, then the IME) opens the same dialog; Esc there leaves the cell as it was
    await cell(page, 'PD08.female').click();
    await page.keyboard.press('F2');
    await page.keyboard.type('无');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('dialog').isVisible()).toBe(true);
    await page.getByRole('dialog').getByRole('textbox').press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => cell(page, 'PD08.female').textContent()).toBe('');
  });

  it('selects a block with Shift+arrows to copy it as Excel text or clear it in one undoable action', async () => {
    const { page } = e2e;
    await cell(page, 'PD28.total').click();
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowRight');
    const copied = await page.getByTestId('data-grid').evaluate((grid) => {
      const data = new DataTransfer();
      grid.dispatchEvent(new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true }));
      return data.getData('text/plain');
    });
    expect(copied).toBe('30\t9\r\n5\t1\r\n');
    await page.keyboard.press('Delete');
    await expect.poll(() => cell(page, 'PD29.female').textContent()).toBe('');
    expect(await cell(page, 'PD28.total').textContent()).toBe('');
    await page.keyboard.press('Control+z');
    await expect.poll(() => cell(page, 'PD29.female').textContent()).toBe('1');
    expect(await cell(page, 'PD28.total').textContent()).toBe('30');
  });

  it('keeps everything after a restart', async () => {
    const { page } = await (async () => {
      await e2e.restart();
      return e2e;
    })();
    // the home page lists the return with its status and how much is filled
    await expect.poll(() => page.getByTestId('home-returns').textContent()).toMatch(/2025 年草稿7/);
    await e2e.screenshot('home-with-returns', { fullPage: false });
    await page.getByRole('button', { name: '数据填报' }).click();
    await page.getByRole('tab', { name: /妇女参与决策和管理/ }).click();
    await expect.poll(() => cell(page, 'PD30.total').textContent()).toBe('40');
    await expect.poll(() => cell(page, 'PD30.female').textContent()).toBe('14');
    await expect.poll(() => cell(page, 'PD28.female').textContent()).toBe('9');
    await expect.poll(() => cell(page, 'PD29.total').textContent()).toBe('5');
    await expect.poll(() => page.getByTestId('status-taobei-P-G08-3').textContent()).toBe('已实现');
    await expect.poll(() => cell(page, 'PD08.total').textContent()).toBe('无数据');
    const [summary] = await e2e.backend.handlers['returns:list']({ regionCode: TOWNSHIP });
    const audit = await e2e.backend.handlers['returns:audit']({ returnId: summary.id, limit: 100 });
    expect(
      audit.some(
        (a) => a.field === 'PD30.female' && a.oldValue === '10' && a.newValue === '14' && a.userName === '张丽',
      ),
    ).toBe(true);
    expect(e2e.errors).toEqual([]);
  });

  it('exports the return from the entry screen with the value just typed', async () => {
    const { page } = e2e;
    await page.getByRole('button', { name: '数据填报' }).click();
    await page.getByRole('tab', { name: /妇女参与决策和管理/ }).click();
    await cell(page, 'PD31.total').click();
    await page.keyboard.type('7');
    await page.keyboard.press('Enter');
    await page.getByTestId('export-return').click();
    await expect.poll(() => page.getByText(/已保存：/).textContent()).toMatch(/\.xlsx$/);
    const path = (await page.getByText(/已保存：/).textContent())!.replace('已保存：', '');
    const book = XLSX.read(readFileSync(path), { type: 'buffer' });
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets.决策, { header: 1 });
    const pd31 = rows.find((r) => r.includes('PD31'))!;
    expect(pd31).toContain(7);
    expect(rows.find((r) => r.includes('PD30'))).toContain(40);
  });

  it('asks for an explanation of each warning before submission, then locks the return', async () => {
    const { page } = e2e;
    // last year 16 of 40 women (40 %); this year 12 of 40 = 30.0 %: exactly at 30%以上 is 已实现 (no 预警 for being
    // at the bound), but the fall of 25 % against last year is 波动较大 — a 预警 beside the verdict
    const last = await e2e.backend.handlers['returns:open']({
      regionCode: TOWNSHIP,
      year: 2024,
      prefillFromPreviousYear: false,
    });
    await e2e.backend.handlers['returns:set-cells']({
      returnId: last.summary.id,
      edits: [
        { item: 'PD30', sex: 'total', value: 40, noData: null, raw: null },
        { item: 'PD30', sex: 'female', value: 16, noData: null, raw: null },
      ],
    });
    await page.reload();
    await page.getByRole('button', { name: '数据填报' }).click();
    await page.getByRole('tab', { name: /妇女参与决策和管理/ }).click();
    await cell(page, 'PD30.female').click();
    await page.keyboard.type('12');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('status-taobei-P-G08-3').textContent()).toBe('已实现');
    await expect.poll(() => page.locator('tr[data-target="taobei-P-G08-3"]').textContent()).toContain('波动较大');
    await page.getByRole('button', { name: '标记为已校验' }).click();
    await expect.poll(() => page.getByTestId('return-status').textContent()).toBe('已校验');
    await page.getByRole('button', { name: '报送（锁定）' }).click();
    await expect.poll(() => page.getByTestId('notice').textContent()).toContain('条预警没有填写说明');
    const explanation = page.locator('tr[data-target="taobei-P-G08-3"]').getByLabel('预警说明');
    await explanation.fill('本届村委会换届后女性委员12人，恰好达到30%，明年补选时继续提高');
    await explanation.press('Enter');
    await expect.poll(() => page.getByTestId('save-state').textContent()).toContain('已自动保存');
    await page.getByRole('button', { name: '报送（锁定）' }).click();
    await expect.poll(() => page.getByTestId('return-status').textContent()).toBe('已报送');
    await cell(page, 'PD30.total').click();
    await page.keyboard.type('50');
    await expect.poll(() => page.getByTestId('notice').textContent()).toContain('已报送并锁定');
    await expect.poll(() => cell(page, 'PD30.total').textContent()).toBe('40');
    await e2e.screenshot('entry-submitted', { fullPage: false });
  });
});
