// The framework browser in Chinese: area tabs, each target with its rule, unit, department and the plan's
// own sentence; search by name or code across areas.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from '../helpers/e2e.ts';
import { openTestBackend } from '../helpers/backend.ts';
import { adjustTarget } from '../../electron/plans/framework-adjust-service.ts';
import { exportFrameworkPackage, signingInfo } from '../../electron/plans/framework-package-service.ts';

describe('framework browser', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
    await e2e.backend.handlers['settings:set-profile']({
      planId: 'kelan',
      role: 'county',
      regionCode: '140929000000',
      userName: '',
    });
    await e2e.page.reload();
    await e2e.page.getByRole('button', { name: '指标框架' }).click();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('tells the county on its home page how many townships have reported', async () => {
    const { page } = e2e;
    await page.getByRole('button', { name: '首页' }).click();
    const year = new Date().getFullYear() - 1;
    await expect
      .poll(() => page.getByTestId('home-completeness').textContent())
      .toContain(`${year} 年下级报送：已报送 0 / 11，报送率 0.0%`);
    await page.getByRole('button', { name: '指标框架' }).click();
  });

  it('shows each target with its rule and the plan’s sentence', async () => {
    const table = e2e.page.getByTestId('framework-table');
    const row = table.locator('tr', { hasText: 'H03' });
    await expect.poll(() => row.textContent()).toContain('孕产妇死亡率');
    const text = (await row.textContent())!;
    // 岢岚县's own target: 12.5/10万以内, not another plan's 12/10万
    expect(text).toContain('不高于12.5/10万');
    expect(text).toContain('卫健');
    expect(text).toContain('主要目标第2条');
    await e2e.screenshot('framework-kelan', { fullPage: false });
  });

  it('finds indicators by name or code in every area', async () => {
    const { page } = e2e;
    await page.getByPlaceholder('按指标名称或代码搜索').fill('村委会');
    const table = page.getByTestId('framework-table');
    await expect.poll(() => table.textContent()).toContain('P31');
    expect(await table.textContent()).toContain('达到30%左右');
    await page.getByPlaceholder('按指标名称或代码搜索').fill('V12');
    await expect.poll(() => table.textContent()).toContain('农村自来水普及率稳定在92%以上');
    expect(e2e.errors).toEqual([]);
  });

  it('lets the county adjust a numeric target, saved as a new version with the plan’s value kept', async () => {
    const { page } = e2e;
    await page.getByPlaceholder('按指标名称或代码搜索').fill('H03');
    const row = page.getByTestId('framework-table').locator('tr', { hasText: 'H03' });
    await row.getByRole('button', { name: '调整' }).click();
    const form = page.getByTestId('adjust-kelan-H-G02-1');
    await form.getByLabel('新的目标值').fill('10');
    await form.getByLabel('调整依据（如会议纪要、文件号）').fill('县妇儿工委2026年会议纪要');
    await form.getByRole('button', { name: '保存为新版本' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('已保存为第 3 版指标框架');
    await expect.poll(() => row.textContent()).toContain('不高于10/10万');
    expect(await row.textContent()).toContain('本地调整（规划原值：不高于12.5/10万）：县妇儿工委2026年会议纪要');
    await e2e.screenshot('framework-adjusted', { fullPage: false });
  });

  it('lets the county set a tolerance the plan leaves to convention (the balanced band)', async () => {
    const { page } = e2e;
    await page.getByPlaceholder('按指标名称或代码搜索').fill('趋于平衡');
    const row = page.getByTestId('framework-table').locator('tr', { hasText: '趋于平衡' }).first();
    await expect.poll(() => row.textContent()).toContain('本程序约定（规划未给出幅度），县（区）可调整');
    await row.getByRole('button', { name: '调整' }).click();
    const form = row.locator('form.adjust-form');
    await form.getByLabel('均衡范围下限（%）').fill('42');
    await form.getByLabel('均衡范围上限（%）').fill('58');
    await form.getByLabel('调整依据（如会议纪要、文件号）').fill('县统计局意见');
    await form.getByRole('button', { name: '保存为新版本' }).click();
    await expect.poll(() => row.textContent()).toContain('42%～58%');
    expect(await row.textContent()).toContain('本地调整');
    expect(e2e.errors).toEqual([]);
  });

  it('shows the county its key fingerprint; a township pins it from the first package, shows it, and refuses an altered one', async () => {
    const { page, backend } = e2e;
    const pkg = await backend.handlers['plans:export-package']({ planId: 'kelan' });
    const own = (await backend.handlers['plans:signing-info']({ planId: 'kelan' })).own!;
    await page.getByRole('button', { name: '首页' }).click();
    await page.getByRole('button', { name: '指标框架' }).click();
    await expect.poll(() => page.getByTestId('key-fingerprints').textContent()).toContain(`本单位签名密钥指纹：${own}`);
    // the same database now used as a township of 岢岚县: nothing pinned yet
    await backend.handlers['settings:set-profile']({
      planId: 'kelan',
      role: 'township',
      regionCode: '140929100000',
      userName: '',
    });
    await page.reload();
    await page.getByRole('button', { name: '指标框架' }).click();
    await expect.poll(() => page.getByTestId('key-fingerprints').textContent()).toContain('尚未认定县级签名密钥');
    const bytes = Buffer.from(pkg.bytesBase64, 'base64');
    const altered = JSON.parse(bytes.toString('utf8'));
    altered.exportedAt = '2020-01-01T00:00:00.000Z';
    const input = page.locator('input[type=file]');
    await input.setInputFiles({
      name: 'altered.wdpframework.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(altered)),
    });
    await expect.poll(() => page.getByRole('status').textContent()).toContain('签名与内容不符');
    expect(await page.getByTestId('key-fingerprints').textContent()).toContain('尚未认定县级签名密钥');
    // the county's own app (another database) makes a newer version and exports it: the township pins its key
    const county = openTestBackend({
      profile: { planId: 'kelan', role: 'county', regionCode: '140929000000', userName: '' },
    });
    try {
      for (const v of [11, 10.5, 10]) adjustTarget(county.ctx, 'kelan', 'kelan-H-G02-1', v, '县妇儿工委会议纪要');
      const newer = exportFrameworkPackage(county.ctx, 'kelan');
      const countyKey = signingInfo(county.ctx, 'kelan').own!;
      expect(countyKey).not.toBe(own);
      await input.setInputFiles({
        name: newer.fileName,
        mimeType: 'application/json',
        buffer: Buffer.from(newer.bytesBase64, 'base64'),
      });
      await expect
        .poll(() => page.getByRole('status').textContent())
        .toContain(`已认定岢岚县的签名密钥（指纹 ${countyKey}）`);
      await expect
        .poll(() => page.getByTestId('key-fingerprints').textContent())
        .toContain(`已认定的岢岚县签名密钥指纹：${countyKey}`);
      await e2e.screenshot('framework-key-pinned', { fullPage: false });
      // the first office's package (another key) is now refused, naming both fingerprints
      await input.setInputFiles({ name: pkg.fileName, mimeType: 'application/json', buffer: bytes });
      await expect
        .poll(() => page.getByRole('status').textContent())
        .toContain(`本包密钥指纹 ${own}，本机认定的指纹 ${countyKey}`);
    } finally {
      county.dispose();
    }
    expect(e2e.errors).toEqual([]);
  });
});
