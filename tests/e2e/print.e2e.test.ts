// 打印与报告 in the real renderer (Chromium, loopback adapter, real database filled through the services):
// preview of the annual report and the return form, 打印 (the browser's dialog outside Electron), and the
// app page itself printed to PDF shows the document alone, on A4 with page numbers.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../shared/messages.ts';
import { ARTIFACTS_DIR, startE2E, type E2E } from '../helpers/e2e.ts';
import { fillReturn, fillYears, townshipsOf, applyProfile } from '../helpers/fill-return.ts';

const T = MESSAGES.report.page;
const COUNTY = '431024000000';

describe('打印与报告', () => {
  let e2e: E2E;
  let townships: string[];
  beforeAll(async () => {
    e2e = await startE2E({ now: () => new Date(2025, 2, 15, 10, 0, 0) });
    applyProfile(e2e.backend, 'jiahe', 'county', COUNTY);
    fillYears(e2e.backend, { regionCode: COUNTY, years: [2022, 2023, 2024] });
    townships = townshipsOf(e2e.backend, COUNTY).slice(0, 3);
    for (const t of townships) fillReturn(e2e.backend, { regionCode: t, year: 2024 });
    await e2e.page.reload();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('previews the annual report of the latest year', async () => {
    const { page } = e2e;
    await page.getByRole('button', { name: T.nav }).click();
    await page.getByRole('heading', { name: T.title, level: 1 }).waitFor();
    const frame = page.frameLocator('[data-testid="print-preview"]');
    await frame.locator('h1').filter({ hasText: '嘉禾县2024年妇女发展规划实施情况监测报告' }).waitFor();
    expect(await frame.locator('svg.chart').count()).toBeGreaterThan(5);
    expect(await frame.locator('section.townships tbody tr').count()).toBe(10);
    expect(await page.getByTestId('print-preview').getAttribute('data-landscape')).toBe('false');
    await e2e.screenshot('print-annual', { fullPage: false });
  });

  it('中期评估报告 / 终期评估报告: the default year (the plan’s mid year, or the latest before the end), then a chosen year', async () => {
    const { page } = e2e;
    const frame = page.frameLocator('[data-testid="print-preview"]');
    await page.getByRole('tab', { name: T.kinds.midterm }).click();
    await frame.locator('h1').filter({ hasText: '中期评估报告' }).waitFor();
    await expect.poll(() => frame.locator('.year-note').textContent()).toContain('中期评估以规划中期2023年为评估年度');
    expect(await frame.locator('svg.chart').count()).toBeGreaterThan(5);
    expect(await page.getByLabel(T.evaluationYear).locator('option').first().textContent()).toBe(T.yearDefault(2023));
    await e2e.screenshot('print-midterm', { fullPage: false });
    await page.getByRole('tab', { name: T.kinds.final }).click();
    await frame.locator('h1').filter({ hasText: '终期评估报告' }).waitFor();
    // no 2025 return yet: the latest year before the end, and the report says so
    await expect
      .poll(() => frame.locator('.year-note').textContent())
      .toContain('本机尚无2025年的报表，本报告按已有报表的最近年度2024年评估');
    await page.getByLabel(T.evaluationYear).selectOption('2023');
    await expect.poll(() => frame.locator('.year-note').textContent()).toContain('本报告按所选的2023年评估');
    await page.getByRole('tab', { name: T.kinds.annual }).click();
    await frame.locator('h1').filter({ hasText: '嘉禾县2024年妇女发展规划实施情况监测报告' }).waitFor();
  });

  it('switches to the return form (landscape) and to a township', async () => {
    const { page } = e2e;
    await page.getByRole('tab', { name: T.kinds.form }).click();
    const frame = page.frameLocator('[data-testid="print-preview"]');
    await frame.locator('h1').filter({ hasText: '嘉禾县妇女发展规划监测统计表' }).waitFor();
    expect(await page.getByTestId('print-preview').getAttribute('data-landscape')).toBe('true');
    await expect.poll(() => frame.locator('.meta-row').textContent()).toContain('湖南省郴州市嘉禾县');
    await page.getByLabel(T.region, { exact: true }).selectOption(townships[0]);
    await expect.poll(() => frame.locator('.meta-row').textContent()).toContain('珠泉镇');
    expect(await frame.locator('.marks').textContent()).toContain('妇监1—8表');
    await e2e.screenshot('print-form', { fullPage: false });
  });

  it('打印 opens the browser’s print dialog outside Electron; the printed page is the document alone', async () => {
    const { page } = e2e;
    await page.evaluate(() => {
      const w = window as unknown as { printed: number; print: () => void };
      w.printed = 0;
      w.print = () => {
        w.printed++;
      };
    });
    await page.getByRole('button', { name: T.print, exact: true }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

    mkdirSync(join(ARTIFACTS_DIR, 'report'), { recursive: true });
    const file = join(ARTIFACTS_DIR, 'report', 'app-print.pdf');
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+841\.9\d x 594\.9\d pts/); // the form's A4 landscape
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('嘉禾县妇女发展规划监测统计表');
    expect(text.replace(/\s+/g, '')).toContain(`第1页共${pages}页`);
    for (const label of [MESSAGES.app.nav.home, T.title, T.print]) expect(text).not.toContain(label); // no app chrome
    expect(e2e.errors).toEqual([]);
  });
});
