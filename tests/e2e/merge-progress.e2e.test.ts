// Issue 12 in the real renderer: 100 returns imported on the merge page as one long operation in the back end
// (read on a worker, stored a batch at a time). The progress bar counts file by file and names the file being read;
// the page answers a click mid-import (the 报送情况 tab opens and its 催报 panel is fetched from the back end while
// the import still runs); 取消导入 stops before the next batch, keeps what was stored and says how many.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startE2E, type E2E } from '../helpers/e2e.ts';
import { openTestBackend } from '../helpers/backend.ts';
import { requireFramework } from '../../electron/frameworks/plans-service.ts';
import { listChildRegions } from '../../electron/frameworks/regions-service.ts';
import { listReceivedFiles } from '../../electron/db/repos/submissions-repo.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { returnFile } from '../electron/merge/excel-files.ts';

const COUNTY = '220802000000'; // 洮北区
const YEAR = new Date().getFullYear() - 1; // the year the page opens on
const FILES = 100;
const T = MESSAGES.merge.page;

const dir = mkdtempSync(join(tmpdir(), 'wdp-merge-progress-'));
const paths: string[] = [];

beforeAll(async () => {
  const b = openTestBackend();
  try {
    const fw = requireFramework(b.ctx, 'taobei');
    const towns = listChildRegions(b.ctx, COUNTY);
    const originals: string[] = [];
    for (const t of towns) {
      const file = join(dir, `${t.name}.xlsx`);
      writeFileSync(file, await returnFile(fw, { regionCode: t.code, regionName: t.name, year: YEAR }));
      originals.push(file);
    }
    // every township once, then the same files again under other names (received as duplicates, with a note)
    for (let i = 0; i < FILES; i++) {
      const source = originals[i % originals.length];
      if (i < originals.length) {
        paths.push(source);
        continue;
      }
      const copy = join(dir, `第${Math.floor(i / originals.length) + 1}次-${towns[i % towns.length].name}.xlsx`);
      copyFileSync(source, copy);
      paths.push(copy);
    }
  } finally {
    b.dispose();
  }
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The progress line's count while the back end reads (not while the page uploads). */
const readingCount = (text: string | null) => Number(/正在导入 (\d+) \/ \d+/.exec(text ?? '')?.[1] ?? -1);

describe('a 100-file import on the merge page', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
    await e2e.backend.handlers['settings:set-profile']({
      planId: 'taobei',
      role: 'county',
      regionCode: COUNTY,
      userName: '王芳',
    });
    await e2e.page.setViewportSize({ width: 1366, height: 768 });
    await e2e.page.reload();
    await e2e.page.getByRole('button', { name: '汇总', exact: true }).click();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('shows per-file progress and the file being read, and handles a click on another control mid-import', async () => {
    const { page } = e2e;
    await page.getByTestId('pick-files').setInputFiles(paths);
    const progress = page.getByTestId('import-progress');
    await expect
      .poll(async () => readingCount(await progress.textContent()), { timeout: 60_000, interval: 50 })
      .toBeGreaterThanOrEqual(1);
    expect(await progress.textContent()).toMatch(new RegExp(`^正在导入 \\d+ / ${FILES}$`));
    await expect
      .poll(() => page.getByTestId('import-current').textContent(), { interval: 50 })
      .toMatch(/^正在读取：.+\.xlsx$/);
    // each batch's verdicts appear as it is stored, while the rest are still being read
    await expect
      .poll(() => page.locator('tr[data-verdict]').count(), { timeout: 60_000, interval: 50 })
      .toBeGreaterThanOrEqual(1);
    expect(await page.getByTestId('verdict-summary').textContent()).toMatch(
      /^导入进行中，已保存：接收 \d+，有提示 \d+，拒收 \d+/,
    );
    await e2e.screenshot('merge-import-progress', { fullPage: false });

    // a click on another control while the back end is still reading: the tab opens, and its 催报 panel is fetched
    await page.getByRole('tab', { name: T.tabs.completeness }).click();
    const seen = await (async () => {
      for (;;) {
        const s = await page.evaluate(() => ({
          selected: document.querySelector('[role="tab"][aria-selected="true"]')?.textContent ?? '',
          overdue: document.querySelector('[data-testid="overdue-summary"]')?.textContent ?? '',
          running: document.querySelector('.import-progress')?.getAttribute('data-running') ?? '',
          progress: document.querySelector('[data-testid="import-progress"]')?.textContent ?? '',
        }));
        if (s.overdue || s.running !== 'true') return s;
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    expect(seen.selected).toContain(T.tabs.completeness);
    expect(seen.overdue).toMatch(/尚未报送 \d+ 个|所有单位均已报送/);
    // …answered while the import was still running
    expect(seen.running).toBe('true');
    expect(readingCount(seen.progress)).toBeLessThan(FILES);

    await expect.poll(() => progress.textContent(), { timeout: 120_000 }).toBe(T.importDone(FILES));
    await page.getByRole('tab', { name: T.tabs.files }).click();
    const summary = await page.getByTestId('verdict-summary').textContent();
    const [accepted, warnings, rejected] = /接收 (\d+)，有提示 (\d+)，拒收 (\d+)/
      .exec(summary ?? '')!
      .slice(1)
      .map(Number);
    expect(accepted + warnings + rejected).toBe(FILES);
    expect(rejected).toBe(0);
    expect(await page.locator('tr[data-verdict]').count()).toBe(FILES);
    expect(listReceivedFiles(e2e.backend.ctx.db, COUNTY, YEAR)).toHaveLength(FILES);
    expect(e2e.errors).toEqual([]);
  }, 240_000);

  it('取消导入 stops before the next batch: the files stored stay, the rest are not, and the page says how many', async () => {
    const { page } = e2e;
    const before = listReceivedFiles(e2e.backend.ctx.db, COUNTY, YEAR).length;
    await page.getByTestId('pick-files').setInputFiles(paths);
    const progress = page.getByTestId('import-progress');
    await expect
      .poll(async () => readingCount(await progress.textContent()), { timeout: 60_000, interval: 50 })
      .toBeGreaterThanOrEqual(1);
    await page.getByTestId('cancel-import').click();
    const message = page.getByTestId('merge-message');
    await expect.poll(() => message.textContent(), { timeout: 60_000 }).toMatch(/^已取消导入/);
    const stored = Number(/已处理的 (\d+) 个文件已保存/.exec((await message.textContent())!)![1]);
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThan(FILES);
    expect(await message.textContent()).toBe(MESSAGES.merge.operation.cancelled(stored, FILES - stored));
    await expect.poll(() => progress.textContent()).toBe(T.importDone(stored));
    expect(await page.locator('tr[data-verdict]').count()).toBe(stored);
    expect(await page.getByTestId('verdict-summary').textContent()).toMatch(/^导入已取消，已保存：/);
    // the database holds exactly the files said to be stored, nothing half-written
    expect(listReceivedFiles(e2e.backend.ctx.db, COUNTY, YEAR)).toHaveLength(before + stored);
    expect(e2e.backend.ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
    await expect.poll(() => page.getByTestId('cancel-import').count()).toBe(0);
    await e2e.screenshot('merge-import-cancelled', { fullPage: false });
    expect(e2e.errors).toEqual([]);
  }, 240_000);
});
