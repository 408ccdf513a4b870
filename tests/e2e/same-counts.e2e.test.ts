// Issue 13 item 10 in the real renderer: one county return shows the same 可监测 / 已实现或基本实现 / 达标率 on
// the merge page (汇总结果), the entry screen's summary, the home page and the annual report's HTML — all the
// engine's summary (Evaluation.total → countsOf → headlineSentences), read off the screens.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from '../helpers/e2e.ts';
import { openTestBackend } from '../helpers/backend.ts';
import { requireFramework } from '../../electron/frameworks/plans-service.ts';
import { listChildRegions } from '../../electron/frameworks/regions-service.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { headlineOf, type Headline } from '../../shared/report/headline.ts';
import { returnFile } from '../electron/merge/excel-files.ts';

const COUNTY = '220802000000'; // 洮北区
const YEAR = new Date().getFullYear() - 1; // the year the pages open on

describe('the same target counts on every screen', () => {
  let e2e: E2E;
  const files: { name: string; mimeType: string; buffer: Buffer }[] = [];
  beforeAll(async () => {
    const b = openTestBackend();
    try {
      const fw = requireFramework(b.ctx, 'taobei');
      for (const [i, t] of listChildRegions(b.ctx, COUNTY).slice(0, 4).entries()) {
        const buffer = await returnFile(fw, {
          regionCode: t.code,
          regionName: t.name,
          year: YEAR,
          cells: i === 0 ? { 'PD30.total': 5, 'PD30.female': 1 } : {},
        });
        files.push({
          name: `${t.name}.xlsx`,
          mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          buffer,
        });
      }
    } finally {
      b.dispose();
    }
    e2e = await startE2E();
    await e2e.backend.handlers['settings:set-profile']({
      planId: 'taobei',
      role: 'county',
      regionCode: COUNTY,
      userName: '王芳',
    });
    await e2e.page.setViewportSize({ width: 1366, height: 768 });
    await e2e.page.reload();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('汇总结果, 数据填报, 首页 and the annual report say the same', async () => {
    const { page } = e2e;
    await page.getByRole('button', { name: '汇总', exact: true }).click();
    await page.getByTestId('pick-files').setInputFiles(files);
    await expect.poll(() => page.getByTestId('verdict-summary').textContent(), { timeout: 30_000 }).toContain('接收 4');
    // the county's own return, opened once in 数据填报 (the report prints it)
    await page.getByRole('button', { name: MESSAGES.app.nav.entry }).click();
    await page.getByRole('button', { name: /新建 \d+ 年报表/ }).click();
    await page.getByTestId('summary').waitFor();
    const engine: Headline = headlineOf((await e2e.backend.handlers['merge:result']({ year: YEAR })).evaluation.total);
    const sentence = engine.sentences[0];
    expect(engine.monitored).toBeGreaterThan(0);
    expect(sentence).toContain(`${engine.achieved}项已实现或基本实现目标`);
    await expect.poll(() => page.getByTestId('headline').textContent()).toContain(sentence);

    await page.getByRole('button', { name: '汇总', exact: true }).click();
    await page.getByRole('tab', { name: MESSAGES.merge.page.tabs.result }).click();
    await expect.poll(() => page.getByTestId('merge-headline').textContent()).toBe(sentence);
    await e2e.screenshot('same-counts-merge', { fullPage: false });

    await page.getByRole('button', { name: MESSAGES.app.nav.home }).click();
    await expect.poll(() => page.getByTestId('home-headline').first().textContent()).toBe(sentence);
    await e2e.screenshot('same-counts-home', { fullPage: false });

    await page.getByRole('button', { name: MESSAGES.report.page.nav }).click();
    const frame = page.frameLocator('[data-testid="print-preview"]');
    await frame.locator('h1').first().waitFor();
    await expect.poll(() => frame.locator('body').textContent()).toContain(sentence);
    expect(e2e.errors).toEqual([]);
  });
});
