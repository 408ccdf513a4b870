// First start in the real renderer (Chromium, loopback adapter, real database): choose the plan and the
// reporting unit, land on the home page, and find the choice remembered after a restart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREA_CODES } from '../../shared/framework/schema.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { startE2E, type E2E } from '../helpers/e2e.ts';

const T = MESSAGES.app.setup;
const AREA_TITLES = AREA_CODES.map((area) => MESSAGES.areaTitles[area]);

describe('first start: setup → home → restart', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('shows the setup screen on a fresh database', async () => {
    const { page } = e2e;
    await page.getByRole('heading', { name: T.heading }).waitFor();
    // The plans arrive from the back end: all five, 洮北区 among them.
    const planSelect = page.getByLabel(T.plan, { exact: true });
    await page.locator('select[aria-label="规划"] option[value="taobei"]').waitFor({ state: 'attached' });
    const planValues = await planSelect
      .locator('option')
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(planValues).toEqual(expect.arrayContaining(['', 'jiahe', 'jinkouhe', 'jiutai', 'kelan', 'taobei']));
    expect(await page.getByRole('button', { name: T.save }).isDisabled()).toBe(true);
    expect(await page.getByLabel(T.region, { exact: true }).isDisabled()).toBe(true);
    await e2e.screenshot('setup-empty');
  });

  it('chooses 洮北区, township, 海明街道 and a name, and saves', async () => {
    const { page } = e2e;
    await page.getByLabel(T.plan, { exact: true }).selectOption('taobei');
    await page.getByLabel(MESSAGES.app.roles.township, { exact: true }).check();
    const regionSelect = page.getByLabel(T.region, { exact: true });
    const haiming = regionSelect.locator('option', { hasText: '海明街道' });
    await haiming.waitFor({ state: 'attached' });
    // Only the county's own townships are offered.
    const regionCount = await regionSelect.locator('option').count();
    expect(regionCount).toBeGreaterThan(5);
    await regionSelect.selectOption((await haiming.getAttribute('value')) ?? '');
    await page.getByPlaceholder(T.userNamePlaceholder).fill('张统计');
    await e2e.screenshot('setup-filled');
    const save = page.getByRole('button', { name: T.save });
    expect(await save.isEnabled()).toBe(true);
    await save.click();
  });

  it('the home page shows the region and the eight areas', async () => {
    const { page } = e2e;
    const region = page.getByTestId('region-name');
    await page.waitForFunction(() =>
      /海明街道/.test(document.querySelector('[data-testid="region-name"]')?.textContent ?? ''),
    );
    const regionText = await region.textContent();
    expect(regionText).toContain('白城市');
    expect(regionText).toContain('洮北区');
    expect(regionText).toContain('海明街道');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('洮北区妇女发展规划');
    const titles = await page.getByTestId('areas').locator('h3').allTextContents();
    expect(titles).toEqual(AREA_TITLES);
    expect(await page.getByRole('heading', { name: T.heading }).count()).toBe(0);
    await e2e.screenshot('home');
  });

  it('remembers the choice after a restart (home page, not setup)', async () => {
    await e2e.restart();
    const { page } = e2e;
    await page.waitForFunction(() =>
      /海明街道/.test(document.querySelector('[data-testid="region-name"]')?.textContent ?? ''),
    );
    expect(await page.getByRole('heading', { name: T.heading }).count()).toBe(0);
    expect(await page.getByTestId('areas').locator('h3').allTextContents()).toEqual(AREA_TITLES);
    expect(await e2e.backend.handlers['settings:get-profile']({})).toMatchObject({
      planId: 'taobei',
      role: 'township',
      regionCode: '220802001000',
      userName: '张统计',
    });
    await e2e.screenshot('home-after-restart');
  });

  it('logged no page or console errors', () => {
    expect(e2e.errors).toEqual([]);
  });
});
