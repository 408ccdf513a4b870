// Issue 13: every blocker says where (an unexplained 预警 listed with its area and indicator, one click to it;
// area tabs badge it; 问题清单 shows it), the 修改记录 reads in Chinese, and 改回草稿 asks for confirmation and a reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startE2E, type E2E } from '../helpers/e2e.ts';

const TOWNSHIP = '220802001000'; // 海明街道, 洮北区
const cell = (page: Page, key: string) => page.locator(`[data-cell="${key}"]`);
const decisionTab = (page: Page) => page.getByRole('tab', { name: /妇女参与决策和管理/ });

describe('blockers, audit trail and the reopen rail', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
    await e2e.backend.handlers['settings:set-profile']({
      planId: 'taobei',
      role: 'township',
      regionCode: TOWNSHIP,
      userName: '张丽',
    });
    // last year 16 of 40 women in the 村委会 (40 %); this year 12 of 40 (30 %): a fall of 25 % is 波动较大
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
    await e2e.page.setViewportSize({ width: 1366, height: 768 });
    await e2e.page.reload();
    await e2e.page.getByRole('button', { name: '数据填报' }).click();
    await e2e.page.getByRole('button', { name: /新建 2025 年报表/ }).click();
    await decisionTab(e2e.page).click();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('lists an unexplained 预警 with its area and indicator in 问题清单, badges its tab, and the refused submission jumps to it', async () => {
    const { page } = e2e;
    await cell(page, 'PD30.total').click();
    await page.keyboard.type('40');
    await page.keyboard.press('Tab');
    await page.keyboard.type('12');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('tr[data-target="taobei-P-G08-3"]').textContent()).toContain('波动较大');
    await expect.poll(() => decisionTab(page).locator('.count.alert').textContent()).toBe('1');
    const listed = page.getByTestId('unexplained');
    await expect
      .poll(() => listed.textContent())
      .toContain('妇女参与决策和管理 · P31 村委会成员中女性比例（波动较大）');
    expect(await page.getByTestId('summary').textContent()).not.toContain('没有发现错误');

    await page.getByRole('tab', { name: /妇女与健康/ }).click();
    await page.getByRole('button', { name: '标记为已校验' }).click();
    await expect.poll(() => page.getByTestId('return-status').textContent()).toBe('已校验');
    await page.getByRole('button', { name: '报送（锁定）' }).click();
    const notice = page.getByTestId('notice');
    await expect.poll(() => notice.textContent()).toContain('还有 1 条预警没有填写说明');
    expect(await notice.textContent()).toContain('妇女参与决策和管理 · P31 村委会成员中女性比例（波动较大）');
    await e2e.screenshot('blocker-listed', { fullPage: false });
    await notice.getByRole('button', { name: /P31 村委会成员中女性比例/ }).click();
    await expect.poll(() => decisionTab(page).getAttribute('aria-selected')).toBe('true');
    const explanation = page.locator('tr[data-target="taobei-P-G08-3"]').getByLabel('预警说明');
    await expect.poll(() => explanation.evaluate((el) => el === document.activeElement)).toBe(true);
    await explanation.fill('村委会换届，女性委员12人，恰好达到30%');
    await explanation.press('Enter');
    await expect.poll(() => decisionTab(page).locator('.count.alert').count()).toBe(0);
    await expect.poll(() => page.getByTestId('save-state').textContent()).toContain('已自动保存');
    await page.getByRole('button', { name: '报送（锁定）' }).click();
    await expect.poll(() => page.getByTestId('return-status').textContent()).toBe('已报送');
  });

  it('改回草稿 asks for confirmation and a reason, and the reason is audited', async () => {
    const { page } = e2e;
    await page.getByRole('button', { name: '改回草稿' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.textContent()).toContain('已报送');
    const confirm = dialog.getByRole('button', { name: '确认改回草稿' });
    expect(await confirm.isDisabled()).toBe(true);
    await e2e.screenshot('reopen-confirm', { fullPage: false });
    await dialog.getByRole('button', { name: '取消' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    expect(await page.getByTestId('return-status').textContent()).toBe('已报送');

    await page.getByRole('button', { name: '改回草稿' }).click();
    await page.getByRole('dialog').getByRole('textbox').fill('县妇儿工委办要求更正村委会成员数');
    await page.getByRole('dialog').getByRole('button', { name: '确认改回草稿' }).click();
    await expect.poll(() => page.getByTestId('return-status').textContent()).toBe('草稿');
    const [summary] = (await e2e.backend.handlers['returns:list']({ regionCode: TOWNSHIP })).filter(
      (r) => r.year === 2025,
    );
    const audit = await e2e.backend.handlers['returns:audit']({ returnId: summary.id, limit: 50 });
    expect(audit.find((a) => a.field === 'status-reason')).toMatchObject({
      newValue: '县妇儿工委办要求更正村委会成员数',
      userName: '张丽',
    });
  });

  it('the 修改记录 reads in Chinese: item names and columns, statuses, the explained indicator', async () => {
    const { page } = e2e;
    await page.getByRole('button', { name: '修改记录' }).click();
    const audit = page.getByTestId('audit');
    await expect.poll(() => audit.textContent()).toContain('村委会成员数 · 女');
    const text = (await audit.textContent())!;
    const statusRow = audit.locator('tbody tr', { hasText: '状态' }).first();
    expect(await statusRow.locator('td').allTextContents()).toEqual([
      expect.any(String),
      '张丽',
      '状态',
      '已报送',
      '草稿',
    ]);
    expect(await audit.locator('tbody tr', { hasText: '改回草稿的原因' }).textContent()).toContain(
      '县妇儿工委办要求更正村委会成员数',
    );
    expect(text).toContain('预警说明：P31 村委会成员中女性比例');
    expect(text).not.toMatch(/PD30\.female|explanation:|submitted|checked|draft/);
    await e2e.screenshot('audit-chinese', { fullPage: false });
    expect(e2e.errors).toEqual([]);
  });
});
