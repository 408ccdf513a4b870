// Issue 13: backups belong to their database (another database in the same folder has its own, not listed here);
// a restore keeps this machine's settings and says what will change; 数据备份 is reachable from the first-start screen.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp } from '../../electron/backend/open-app.ts';
import { sourcePaths } from '../../electron/backend/app-paths.ts';
import { backupNow } from '../../electron/backups/backup-service.ts';
import { openReturn, setCells } from '../../electron/returns/returns-service.ts';
import { startE2E, type E2E } from '../helpers/e2e.ts';

const TOWNSHIP = '220802001000'; // 海明街道
const COUNTY = '220802000000'; // 洮北区

describe('backups of this database only', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wdp-two-dbs-'));
  let e2e: E2E;
  beforeAll(async () => {
    // another database in the same folder, with a backup of its own
    const other = openApp({ dbFile: join(dir, 'county.sqlite'), ...sourcePaths });
    await other.handlers['settings:set-profile']({
      planId: 'taobei',
      role: 'county',
      regionCode: COUNTY,
      userName: '王芳',
    });
    openReturn(other.ctx, COUNTY, 2025, false);
    await backupNow(other.ctx, 'manual');
    other.close();

    e2e = await startE2E({ dbFile: join(dir, 'wdp.sqlite') });
    await e2e.page.setViewportSize({ width: 1366, height: 768 });
  });
  afterAll(async () => {
    await e2e?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reaches 数据备份 from the first-start screen, and lists none of the other database’s backups', async () => {
    const { page } = e2e;
    await page.getByRole('button', { name: '数据备份' }).click();
    await expect.poll(() => page.getByRole('heading', { name: '数据备份' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByTestId('backups-table').locator('tbody tr').count()).toBe(0);
    await e2e.screenshot('backups-from-setup', { fullPage: false });
    await page.getByRole('button', { name: '返回首次使用设置' }).click();
    await expect.poll(() => page.getByRole('button', { name: '保存并开始' }).isVisible()).toBe(true);
  });

  it('restores a backup after saying what will change, keeping this machine’s settings', async () => {
    const { page } = e2e;
    const { ctx } = e2e.backend;
    await e2e.backend.handlers['settings:set-profile']({
      planId: 'taobei',
      role: 'township',
      regionCode: TOWNSHIP,
      userName: '张丽',
    });
    const id = openReturn(ctx, TOWNSHIP, 2025, false).summary.id;
    setCells(ctx, id, [{ item: 'PD30', sex: 'total', value: 40, noData: null }]);
    await backupNow(ctx, 'manual');
    // later: the statistician's name changes on this machine, and the data too
    await e2e.backend.handlers['settings:set-profile']({
      planId: 'taobei',
      role: 'township',
      regionCode: TOWNSHIP,
      userName: '李娜',
    });
    setCells(ctx, id, [{ item: 'PD30', sex: 'total', value: 99, noData: null }]);
    await page.reload();

    await page.getByRole('button', { name: '数据备份' }).click();
    const rows = page.getByTestId('backups-table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    await rows.first().getByRole('button', { name: '查看' }).click();
    await page.getByRole('button', { name: '从此备份恢复' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.textContent()).toContain('海明街道 2025 年');
    expect(await dialog.textContent()).toContain('本机设置（规划、填报单位、填表人）保持不变');
    await e2e.screenshot('backups-restore-confirm', { fullPage: false });
    await dialog.getByRole('button', { name: '确认恢复' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/已从 .* 恢复/);
    const view = await e2e.backend.handlers['returns:get']({ returnId: id });
    expect(view.data.cells.find((c) => c.item === 'PD30' && c.sex === 'total')?.value).toBe(40);
    expect((await e2e.backend.handlers['settings:get-profile']({}))?.userName).toBe('李娜');
    await page.reload();
    await expect.poll(() => page.getByRole('button', { name: '数据填报' }).isVisible()).toBe(true); // not the first-start screen
    expect(e2e.errors).toEqual([]);
  });
});
