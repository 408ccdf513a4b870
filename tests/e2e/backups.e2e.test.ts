// The backups page: back up, see what a backup holds, restore it (after the confirmation), and the safety
// backup of the state before the restore appears in the list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openReturn, setCells } from '../../electron/returns/returns-service.ts';
import { startE2E, type E2E } from '../helpers/e2e.ts';

const TOWNSHIP = '220802001000';

describe('backups page', () => {
  let e2e: E2E;
  let returnId: number;
  beforeAll(async () => {
    e2e = await startE2E();
    const { ctx } = e2e.backend;
    await e2e.backend.handlers['settings:set-profile']({
      planId: 'taobei',
      role: 'township',
      regionCode: TOWNSHIP,
      userName: '张丽',
    });
    returnId = openReturn(ctx, TOWNSHIP, 2025, false).summary.id;
    setCells(ctx, returnId, [{ item: 'PD30', sex: 'total', value: 40, noData: null }]);
    await e2e.page.reload();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('restores a backup the user has looked at, keeping the current state as a backup first', async () => {
    const { page } = e2e;
    await page.getByRole('button', { name: '数据备份' }).click();
    await page.getByRole('button', { name: '立即备份' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/已备份：wdp-.*-manual\.sqlite/);

    // the data changes after the backup
    setCells(e2e.backend.ctx, returnId, [{ item: 'PD30', sex: 'total', value: 99, noData: null }]);

    await page.getByTestId('backups-table').getByRole('button', { name: '查看' }).first().click();
    await expect.poll(() => page.getByText('海明街道').first().isVisible()).toBe(true);
    await e2e.screenshot('backups-inspect', { fullPage: false });
    await page.getByRole('button', { name: '从此备份恢复' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确认恢复' }).click();
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toMatch(/已从 .* 恢复。恢复前的数据已备份为 wdp-.*-before-restore\.sqlite/);

    const view = await e2e.backend.handlers['returns:get']({ returnId });
    expect(view.data.cells.find((c) => c.item === 'PD30' && c.sex === 'total')?.value).toBe(40);
    await expect.poll(() => page.getByTestId('backups-table').textContent()).toContain('恢复前');
    expect(e2e.errors).toEqual([]);
  });

  it('导出诊断信息 saves one zip and says where', async () => {
    const { page } = e2e;
    await page.getByRole('button', { name: '导出诊断信息' }).click();
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toMatch(/诊断信息已保存：.*妇女发展监测填报-诊断信息-\d{8}-\d{6}\.zip/);
    const saved = readdirSync(e2e.downloadsDir).filter((f) => f.endsWith('.zip'));
    expect(saved).toHaveLength(1);
    expect(
      readFileSync(join(e2e.downloadsDir, saved[0]))
        .subarray(0, 4)
        .equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])),
    ).toBe(true);
    expect(e2e.errors).toEqual([]);
  });
});
