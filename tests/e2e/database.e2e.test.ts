// 统计数据库 in the real renderer at 1366×768: a county with two townships over three years from the database;
// a filter narrows the table, an indicator is pivoted as years × units with its chart, and an export button writes
// a long CSV holding exactly the filtered rows.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../shared/messages.ts';
import { parseCsv } from '../../shared/open-data/csv.ts';
import { LONG_FIELDS } from '../../shared/open-data/long-format.ts';
import { dispatch } from '../../electron/api/dispatch.ts';
import { startE2E, type E2E } from '../helpers/e2e.ts';

const D = MESSAGES.openData.database;
const COUNTY = '431024000000';
const YEARS = [2022, 2023, 2024];

describe('统计数据库 page', () => {
  let e2e: E2E;
  let townships: { code: string; name: string }[];
  const call = async (channel: string, input: unknown) => {
    const r = await dispatch(e2e.backend.handlers, channel, input);
    if (!r.ok) throw new Error(r.error.message);
    return r.value as never;
  };
  beforeAll(async () => {
    e2e = await startE2E();
    await call('settings:set-profile', { planId: 'jiahe', role: 'county', regionCode: COUNTY, userName: '测试员' });
    townships = e2e.backend.ctx.db
      .prepare("SELECT code, name FROM regions WHERE parent = ? AND level = 'township' ORDER BY code LIMIT 2")
      .all(COUNTY) as { code: string; name: string }[];
    // 孕产妇死亡率 H03 = HD02 / HD01 × 100000, differing by unit and year
    for (const [k, year] of YEARS.entries()) {
      for (const [j, t] of townships.entries()) {
        const view = (await call('returns:open', { regionCode: t.code, year })) as { summary: { id: number } };
        await call('returns:set-cells', {
          returnId: view.summary.id,
          edits: [
            { item: 'HD01', sex: 'total', value: 1000 + 100 * j + 10 * k, noData: null },
            { item: 'HD02', sex: 'total', value: j + k > 1 ? 1 : 0, noData: null },
          ],
        });
      }
    }
    await e2e.page.setViewportSize({ width: 1366, height: 768 });
    await e2e.page.reload();
    await e2e.page.getByRole('button', { name: D.nav }).click();
    await e2e.page.getByTestId('db-table').waitFor();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  const counts = async () => (await e2e.page.getByTestId('db-counts').textContent())!;
  const rowCount = () => e2e.page.getByTestId('db-table').locator('tbody tr').count();

  it('lists the units × years × indicators from the database, and a filter narrows them', async () => {
    const { page } = e2e;
    const before = await counts();
    expect(before).toMatch(/来自 6 张报表/);
    await page.getByRole('combobox', { name: D.unit }).selectOption(townships[1].code);
    await page.getByRole('combobox', { name: D.area }).selectOption('health');
    await page.getByRole('searchbox', { name: D.text }).fill('H03');
    await page.getByTestId('db-counts').getByText('来自 3 张报表').waitFor();
    const n = await rowCount();
    expect(n).toBeGreaterThan(0);
    const cells = await page.getByTestId('db-table').locator('tbody tr td:first-child').allTextContents();
    expect(new Set(cells)).toEqual(new Set([townships[1].name]));
    const codes = await page.getByTestId('db-table').locator('tbody tr td:nth-child(4)').allTextContents();
    expect(codes.every((c) => c.includes('H03'))).toBe(true);
  });

  it('pivots an indicator as years × units with its chart', async () => {
    const { page } = e2e;
    await page.getByRole('combobox', { name: D.unit }).selectOption('');
    await page.getByRole('combobox', { name: D.pivotChoose }).selectOption('H03');
    const pivot = page.getByTestId('db-pivot');
    await pivot.waitFor();
    const head = await pivot.locator('thead th').allTextContents();
    expect(head).toEqual([D.columns.unit, ...YEARS.map(String)]);
    const rowNames = await pivot.locator('tbody th').allTextContents();
    expect(rowNames).toEqual(townships.map((t) => t.name));
    // the second township: 0 deaths in 2022; 1 / 1110 × 100000 ≈ 90.09 in 2023
    const second = await pivot.locator('tbody tr').nth(1).locator('td').allTextContents();
    expect(second[0]).toBe('0');
    expect(Number(second[1])).toBeCloseTo(100000 / 1110, 1);
    const svg = page.getByTestId('db-chart').locator('svg');
    expect(await svg.getAttribute('aria-label')).toContain('H03');
    expect(await svg.locator('path').count()).toBe(2);
    await page.getByTestId('db-chart').scrollIntoViewIfNeeded();
    await e2e.screenshot('database-page', { fullPage: false });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator('main').evaluate((m) => {
      m.scrollTop = 0;
    });
    await e2e.screenshot('database-page-top', { fullPage: false });
  });

  it('an export button writes exactly the filtered rows (long CSV)', async () => {
    const { page } = e2e;
    await page.getByRole('combobox', { name: D.from }).selectOption('2023');
    await page.getByTestId('db-counts').getByText('来自 4 张报表').waitFor();
    const shown = await counts();
    const total = Number(/(\d+) 条指标评估/.exec(shown)![1]);
    // the buttons name their formats spaced as the rest of the app writes Latin words in Chinese
    const names = await page.locator('.db-exports button').allTextContents();
    expect(names).toEqual(['导出长表 CSV', '导出 JSON', '导出 DHIS2 dataValueSets', '导出 DHIS2 ADX']);
    await page.getByTestId('db-export-csv').click();
    const status = page.getByTestId('db-status');
    await status.getByText('已保存到').waitFor();
    const saved = /已保存到 (.*)（\d+ 行）/.exec((await status.textContent())!)![1];
    const parsed = parseCsv(readFileSync(saved, 'utf8').replace(/^\uFEFF/, ''), { maxRows: 1e6, maxFieldChars: 1e5 });
    if (!parsed.ok) throw new Error('csv');
    const rows = parsed.rows.slice(1);
    const at = (r: string[], f: (typeof LONG_FIELDS)[number]) => r[LONG_FIELDS.indexOf(f)];
    const indicators = rows.filter((r) => at(r, 'kind') === MESSAGES.openData.kind.indicator);
    expect(indicators.length).toBe(total);
    expect(rows.every((r) => at(r, 'code').startsWith('H') && ['2023', '2024'].includes(at(r, 'year')))).toBe(true);
    // the text filter (H03) is still on: only its rows, none of another indicator or data item
    expect(rows.every((r) => at(r, 'code') === 'H03')).toBe(true);
  });

  it('is in the navigation of county and city offices only', async () => {
    const { page } = e2e;
    expect(await page.getByRole('button', { name: D.nav }).count()).toBe(1);
    await call('settings:set-profile', {
      planId: 'jiahe',
      role: 'township',
      regionCode: townships[0].code,
      userName: '测试员',
    });
    await page.reload();
    await page.getByRole('button', { name: MESSAGES.excel.ui.nav }).waitFor();
    expect(await page.getByRole('button', { name: D.nav }).count()).toBe(0);
  });
});
