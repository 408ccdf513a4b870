// The grid as a statistician uses Excel / WPS all day (issue 13): Enter after Tab returns to the starting column;
// drag-select with 求和 / 计数 / 平均; Ctrl+A, Ctrl+arrows, PgUp/PgDn, Home/End; one value into a range (paste,
// Ctrl+Enter, Ctrl+D); Ctrl+X; a right-click menu; thousands separators; IME composition into a cell not being edited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openTownshipEntry, startE2E, type E2E } from '../helpers/e2e.ts';

const cell = (page: Page, key: string) => page.locator(`[data-cell="${key}"]`);
const activeCell = (page: Page) => page.locator('td.cell.active').getAttribute('data-cell');
const stats = (page: Page) => page.getByTestId('selection-stats').textContent();

async function pasteInto(page: Page, text: string) {
  await page.getByTestId('data-grid').evaluate((grid, clip) => {
    const data = new DataTransfer();
    data.setData('text/plain', clip);
    (document.activeElement ?? grid).dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, text);
}
async function clipboardEvent(page: Page, type: 'copy' | 'cut'): Promise<string> {
  return page.getByTestId('data-grid').evaluate((grid, kind) => {
    const data = new DataTransfer();
    (document.activeElement ?? grid).dispatchEvent(
      new ClipboardEvent(kind, { clipboardData: data, bubbles: true, cancelable: true }),
    );
    return data.getData('text/plain');
  }, type);
}
async function dragSelect(page: Page, from: string, to: string) {
  const a = (await cell(page, from).boundingBox())!;
  const b = (await cell(page, to).boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 5 });
  await page.mouse.up();
}

describe('grid habits of Excel / WPS', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
    await openTownshipEntry(e2e, { newReturn: true, tab: /妇女参与决策和管理/ });
  });
  afterAll(async () => {
    await e2e?.close();
  });

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

  it('drag-selects a block with the mouse and shows 求和 / 计数 / 平均 of it', async () => {
    const { page } = e2e;
    // PD28 30/9, PD29 5/1 from the first test
    await dragSelect(page, 'PD28.total', 'PD29.female');
    await expect.poll(() => page.locator('td.in-range').count()).toBe(4);
    await expect.poll(() => stats(page)).toContain('求和：45');
    expect(await stats(page)).toContain('计数：4');
    expect(await stats(page)).toContain('平均：11.25');
    expect(await clipboardEvent(page, 'copy')).toBe('30\t9\r\n5\t1\r\n');
    await e2e.screenshot('grid-drag-select', { fullPage: false });
  });

  it('moves with Ctrl+arrows, Ctrl+Home / Ctrl+End, PgDn / PgUp, Home / End, and selects all with Ctrl+A', async () => {
    const { page } = e2e;
    await cell(page, 'PD28.total').click();
    await page.keyboard.press('Control+ArrowDown'); // to the end of the filled block
    await expect.poll(() => activeCell(page)).toBe('PD29.total');
    await page.keyboard.press('Control+ArrowDown'); // past empty cells, to the last row
    const last = await page.locator('tr[data-item]').last().getAttribute('data-item');
    await expect.poll(() => activeCell(page)).toBe(`${last}.total`);
    await page.keyboard.press('Control+Home');
    await expect.poll(() => activeCell(page)).toBe('PD08.total');
    await page.keyboard.press('End');
    await expect.poll(() => activeCell(page)).toBe('PD08.female'); // the last column this item has
    await page.keyboard.press('Home');
    await expect.poll(() => activeCell(page)).toBe('PD08.total');
    await page.keyboard.press('PageDown');
    await expect.poll(async () => (await activeCell(page)) !== 'PD08.total').toBe(true);
    await page.keyboard.press('PageUp');
    await expect.poll(() => activeCell(page)).toBe('PD08.total');
    await page.keyboard.press('Control+a');
    const rows = await page.locator('tr[data-item]').count();
    await expect.poll(() => page.locator('td.in-range').count()).toBe(rows * 3);
    // the grid announces its active cell to a screen reader, and shows it
    await cell(page, 'PD29.female').click();
    const focused = page.locator(':focus');
    await expect
      .poll(() => focused.getAttribute('aria-activedescendant'))
      .toBe(await cell(page, 'PD29.female').getAttribute('id'));
    await page.keyboard.press('ArrowUp');
    await expect
      .poll(() => focused.getAttribute('aria-activedescendant'))
      .toBe(await cell(page, 'PD28.female').getAttribute('id'));
  });

  it('puts one value into a selected range: paste, Ctrl+Enter, Ctrl+D; Ctrl+X cuts', async () => {
    const { page } = e2e;
    await dragSelect(page, 'PD30.total', 'PD31.female');
    await pasteInto(page, '7\r\n');
    for (const key of ['PD30.total', 'PD30.female', 'PD31.total', 'PD31.female'])
      await expect.poll(() => cell(page, key).textContent()).toBe('7');
    await page.keyboard.press('Control+z'); // one action
    for (const key of ['PD30.total', 'PD31.female']) await expect.poll(() => cell(page, key).textContent()).toBe('');

    await dragSelect(page, 'PD30.total', 'PD31.total');
    await page.keyboard.type('3');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => cell(page, 'PD30.total').textContent()).toBe('3');
    await expect.poll(() => cell(page, 'PD31.total').textContent()).toBe('3');

    await cell(page, 'PD30.female').click();
    await page.keyboard.type('2');
    await page.keyboard.press('Enter');
    await dragSelect(page, 'PD30.female', 'PD31.female');
    await page.keyboard.press('Control+d');
    await expect.poll(() => cell(page, 'PD31.female').textContent()).toBe('2');

    await dragSelect(page, 'PD30.total', 'PD30.female');
    expect(await clipboardEvent(page, 'cut')).toBe('3\t2\r\n');
    await expect.poll(() => cell(page, 'PD30.total').textContent()).toBe('');
    await expect.poll(() => cell(page, 'PD30.female').textContent()).toBe('');
    await page.keyboard.press('Control+z');
    await expect.poll(() => cell(page, 'PD30.total').textContent()).toBe('3');
  });

  it('shows counts with thousands separators, and edits them without', async () => {
    const { page } = e2e;
    await cell(page, 'PD31.total').click();
    await page.keyboard.type('12345');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(page, 'PD31.total').textContent()).toBe('12,345');
    await cell(page, 'PD31.total').click();
    await page.keyboard.press('F2');
    await expect.poll(() => page.getByTestId('grid-input').inputValue()).toBe('12345');
    await page.keyboard.press('Escape');
  });

  it('has a right-click menu: 复制 / 剪切 / 粘贴 / 清除 / 无数据… / 查看本格修改记录', async () => {
    const { page } = e2e;
    await cell(page, 'PD31.total').click({ button: 'right' });
    const menu = page.getByRole('menu');
    await expect
      .poll(() => menu.getByRole('menuitem').allTextContents())
      .toEqual([
        expect.stringContaining('复制'),
        expect.stringContaining('剪切'),
        expect.stringContaining('粘贴'),
        expect.stringContaining('清除'),
        expect.stringContaining('无数据…'),
        expect.stringContaining('查看本格修改记录'),
      ]);
    await e2e.screenshot('grid-context-menu', { fullPage: false });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('menu').count()).toBe(0);

    await cell(page, 'PD31.total').click({ button: 'right' });
    await page.getByRole('menuitem', { name: /查看本格修改记录/ }).click();
    const audit = page.getByTestId('audit');
    await expect.poll(() => audit.textContent()).toContain('本格修改记录：村委会主任数 · 合计');
    // only this cell: 7 pasted into the range, undone, 3 by Ctrl+Enter, then 12345
    expect(await audit.locator('tbody tr').count()).toBe(4);
    expect(await audit.textContent()).toContain('12345');

    await cell(page, 'PD31.total').click({ button: 'right' });
    await page.getByRole('menuitem', { name: /清除/ }).click();
    await expect.poll(() => cell(page, 'PD31.total').textContent()).toBe('');
    await cell(page, 'PD31.total').click({ button: 'right' });
    await page.getByRole('menuitem', { name: /无数据/ }).click();
    await expect.poll(() => page.getByRole('dialog').isVisible()).toBe(true);
    await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
  });

  it('takes an IME composition typed into a cell that is not being edited', async () => {
    const { page } = e2e;
    const cdp = await e2e.context.newCDPSession(page);
    await cell(page, 'PD29.total').click();
    // pinyin: w → wu, then 无 chosen: the composed text, never a stray "w"
    await cdp.send('Input.imeSetComposition', { text: 'w', selectionStart: 1, selectionEnd: 1 });
    await cdp.send('Input.imeSetComposition', { text: 'wu', selectionStart: 2, selectionEnd: 2 });
    await cdp.send('Input.insertText', { text: '无' });
    await expect.poll(() => page.getByTestId('grid-input').inputValue()).toBe('无');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('dialog').isVisible()).toBe(true); // 无 asks for the reason
    await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
    // full-width digits from the IME are a number
    await cell(page, 'PD29.female').click();
    await cdp.send('Input.imeSetComposition', { text: '２', selectionStart: 1, selectionEnd: 1 });
    await cdp.send('Input.insertText', { text: '２' });
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(page, 'PD29.female').textContent()).toBe('2');
    expect(e2e.errors).toEqual([]);
  });
});
