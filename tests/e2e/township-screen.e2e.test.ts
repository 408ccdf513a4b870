// Issue 13: the township sees only what it fills — areas with nothing for it to enter are folded into one line
// with the reason (县级填报); its name and code head the entry page; 沿用上年数值 is off when there is no previous year.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_TOWNSHIP, openTownshipEntry, startE2E, type E2E } from '../helpers/e2e.ts';

const TOWNSHIP = E2E_TOWNSHIP;

describe('the township’s entry screen', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
    await openTownshipEntry(e2e);
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('names the township with its code, and does not offer to carry over a year that does not exist', async () => {
    const { page } = e2e;
    await expect.poll(() => page.getByTestId('entry-unit').textContent()).toBe('填报单位：海明街道（220802001000）');
    const prefill = page.getByRole('checkbox', { name: /沿用上年数值/ });
    await expect.poll(() => prefill.isChecked()).toBe(false);
    expect(await prefill.isDisabled()).toBe(true);
    expect(await page.locator('.start-return').textContent()).toMatch(/没有 \d{4} 年的报表，无可沿用/);
    await e2e.screenshot('entry-no-previous-year', { fullPage: false });
  });

  it('offers it, ticked, when last year’s return exists', async () => {
    const { page } = e2e;
    const year = Number(await page.getByRole('combobox', { name: '统计年度' }).inputValue());
    await e2e.backend.handlers['returns:open']({
      regionCode: TOWNSHIP,
      year: year - 1,
      prefillFromPreviousYear: false,
    });
    await page.reload();
    await page.getByRole('button', { name: '数据填报' }).click();
    const prefill = page.getByRole('checkbox', { name: /沿用上年数值/ });
    await expect.poll(() => prefill.isChecked()).toBe(true);
    expect(await prefill.isDisabled()).toBe(false);
  });

  it('shows tabs only for the areas it fills, the others in one line with the reason', async () => {
    const { page } = e2e;
    await page.getByRole('button', { name: /新建 \d+ 年报表/ }).click();
    const tabs = page.getByRole('tab');
    await expect.poll(() => tabs.count()).toBeGreaterThan(0);
    for (const tab of await tabs.all()) {
      await tab.click();
      await expect.poll(() => page.locator('tr[data-item]').count()).toBeGreaterThan(0);
    }
    const folded = page.getByTestId('county-only-areas');
    await expect.poll(() => folded.textContent()).toMatch(/^县级填报，乡镇不填：/);
    const tabNames = await tabs.allTextContents();
    for (const name of (await folded.textContent())!.replace(/^县级填报，乡镇不填：/, '').split('、'))
      expect(tabNames.join()).not.toContain(name);
    await e2e.screenshot('entry-township-areas', { fullPage: false });
    expect(e2e.errors).toEqual([]);
  });
});
