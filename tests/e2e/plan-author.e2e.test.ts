// 规划管理 in the browser: a county with no shipped plan (镇赉县) authors its own from the setup screen by copying
// 洮北区's, changes a target with the engine's verdict on a sample shown live, sees a contradictory rule refused at
// the rule's fields (nothing saved), saves a new version and exports the signed package its townships accept.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from '../helpers/e2e.ts';
import { openTestBackend } from '../helpers/backend.ts';
import { requireFramework } from '../../electron/frameworks/plans-service.ts';
import { importFrameworkPackage } from '../../electron/plans/framework-package-service.ts';

const ZHENLAI = '220821000000';
const BAICHENG = '220800000000';
const shot = (e2e: E2E, name: string) => e2e.screenshot(`plan-author-${name}`, { fullPage: false });

describe('规划管理 (plan authoring page)', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
    await e2e.page.setViewportSize({ width: 1366, height: 768 });
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('lets a county without a shipped plan copy 洮北区’s for 镇赉县 from the setup screen and report under it', async () => {
    const { page, backend } = e2e;
    await page.getByRole('radio', { name: '县区妇儿工委办 / 统计局' }).check();
    await page.getByRole('button', { name: '没有本县（市）的规划？编制本单位的规划' }).click();
    const form = page.getByTestId('new-plan');
    await form.getByLabel('从哪里开始').selectOption('taobei');
    await form.getByLabel('所在市').selectOption(BAICHENG);
    await form.getByLabel('本单位（县区或市）').selectOption(ZHENLAI);
    // the region comes from the region table: 白城市's counties, the city itself offered as 市本级
    const offices = await form.getByLabel('本单位（县区或市）').locator('option').allTextContents();
    expect(offices).toContain('镇赉县（220821000000）');
    expect(offices).toContain('白城市（市本级）（220800000000）');
    await form.getByLabel('规划编号').fill('Zhenlai');
    // the period and base year come from the copied plan, the name from the region and period
    expect(await form.getByLabel('规划期起始年').inputValue()).toBe('2021');
    expect(await form.getByLabel('基期年份').inputValue()).toBe('2020');
    expect(await form.getByLabel('规划名称').inputValue()).toBe('镇赉县妇女发展规划（2021-2030年）');
    await form.getByRole('button', { name: '编制规划' }).click();
    // a bad id is refused at its field
    await expect.poll(() => form.getByRole('alert').textContent()).toBe('规划编号只能用小写英文字母（如 zhenlai）');
    expect(await form.getByLabel('规划编号').getAttribute('aria-invalid')).toBe('true');
    await form.getByLabel('规划编号').fill('zhenlai');
    expect(await form.getByRole('alert').count()).toBe(0);
    await shot(e2e, '1-new-plan');
    await form.getByRole('button', { name: '编制规划' }).click();
    await expect
      .poll(() => page.getByTestId('author-plan').textContent())
      .toContain('镇赉县妇女发展规划（2021-2030年）　第 1 版');
    expect(await page.getByTestId('app-toast').textContent()).toContain(
      '已编制《镇赉县妇女发展规划（2021-2030年）》（编号 zhenlai），第 1 版',
    );
    expect(await backend.handlers['settings:get-profile']({})).toMatchObject({
      planId: 'zhenlai',
      role: 'county',
      regionCode: ZHENLAI,
    });
    await expect.poll(() => page.getByTestId('author-targets').textContent()).toContain('孕产妇系统管理率');
    await shot(e2e, '2-created');
    // the office's setup offers its authored plan, with 镇赉县 as the county
    await page.getByRole('button', { name: '首页' }).click();
    expect(await page.locator('main').textContent()).toContain('镇赉县');
  });

  it('changes a target with the engine’s verdict on a sample shown live', async () => {
    const { page } = e2e;
    await page.getByRole('button', { name: '规划管理' }).click();
    const row = page.locator('tr[data-target="zhenlai-H-M04-1"]');
    await expect.poll(() => row.textContent()).toContain('不低于90%');
    expect(await row.textContent()).toContain('策略措施第4条');
    await row.getByRole('button', { name: '修改' }).click();
    const editor = page.getByTestId('target-editor');
    await editor.getByLabel('目标值（%）').fill('97');
    await editor.getByLabel('目标（规划中的说法）').fill('孕产妇系统管理率达到97%以上');
    await editor.getByLabel('规划原句（粘贴）').fill('孕产妇系统管理率达到97%以上。');
    await expect.poll(() => editor.getByTestId('rule-described').textContent()).toBe('判定规则：不低于97%');
    const verdict = editor.getByTestId('sample-verdict');
    await editor.getByLabel('试算数值').fill('95');
    await expect.poll(() => verdict.textContent()).toMatch(/^试算：95 → 尚有差距（95\.0%.*97%/);
    await editor.getByLabel('试算数值').fill('97.5');
    await expect.poll(() => verdict.textContent()).toMatch(/^试算：97\.5 → 已实现/);
    // 不含本数: 97 itself no longer meets 「高于97%」 (within a point of it: 基本实现)
    await editor.getByLabel('试算数值').fill('97');
    await expect.poll(() => verdict.textContent()).toMatch(/^试算：97 → 已实现/);
    await editor.getByLabel('不含本数（超过、低于、高于、不满、少于）').check();
    await expect.poll(() => verdict.textContent()).toMatch(/^试算：97 → 基本实现/);
    await editor.getByLabel('不含本数（超过、低于、高于、不满、少于）').uncheck();
    await expect.poll(() => verdict.textContent()).toMatch(/^试算：97 → 已实现/);
    await shot(e2e, '3-live-sample');
  });

  it('refuses a contradictory rule at the rule’s fields, on typing and on saving, and saves nothing', async () => {
    const { page, backend } = e2e;
    const editor = page.getByTestId('target-editor');
    await editor.getByLabel('目标值（%）').fill('120');
    await expect.poll(() => editor.getByTestId('rule-error').textContent()).toBe('百分比指标的目标值不能超过100%');
    expect(await editor.getByTestId('sample-verdict').textContent()).toBe('');
    await editor.getByRole('button', { name: '保存为新版本' }).click();
    await expect.poll(() => editor.getByTestId('rule-error').textContent()).toBe('百分比指标的目标值不能超过100%');
    expect(await editor.getByLabel('目标值（%）').getAttribute('aria-invalid')).toBe('true');
    // 左右 with a tolerance as wide as the value itself
    await editor.getByLabel('规则类型').selectOption('about');
    await editor.getByLabel('目标值（%）').fill('5');
    await editor.getByLabel('幅度（±，指标单位）').fill('6');
    await expect
      .poll(() => editor.getByTestId('rule-error').textContent())
      .toBe('“左右”的幅度±6不小于目标值5本身，规则自相矛盾');
    await shot(e2e, '4-refused');
    await editor.getByRole('button', { name: '保存为新版本' }).click();
    await expect.poll(() => editor.getByTestId('rule-error').textContent()).toContain('规则自相矛盾');
    expect(requireFramework(backend.ctx, 'zhenlai').version).toBe(1);
    // put right, but with a year outside the plan's period: refused at the year, the value no longer marked
    await editor.getByLabel('规则类型').selectOption('at_least');
    await editor.getByLabel('目标值（%）').fill('97');
    await editor.getByLabel('目标年份（空为规划末年）').fill('2035');
    await expect
      .poll(() => editor.getByTestId('rule-error').textContent())
      .toBe('目标年份2035年不在规划期2021—2030年内');
    expect(await editor.getByLabel('目标年份（空为规划末年）').getAttribute('aria-invalid')).toBe('true');
    expect(await editor.getByLabel('目标值（%）').getAttribute('aria-invalid')).toBeNull();
    await editor.getByLabel('目标年份（空为规划末年）').fill('');
    // saved: a new version with the plan's sentence
    await editor.getByLabel('试算数值').fill('95');
    await expect.poll(() => editor.getByTestId('sample-verdict').textContent()).toMatch(/^试算：95 → 尚有差距/);
    expect(await editor.getByTestId('rule-error').count()).toBe(0);
    await editor.getByRole('button', { name: '保存为新版本' }).click();
    await expect
      .poll(() => page.getByTestId('author-notice').textContent())
      .toMatch(/^已保存为第 2 版　试算：95 → 尚有差距/);
    const row = page.locator('tr[data-target="zhenlai-H-M04-1"]');
    await expect.poll(() => row.textContent()).toContain('不低于97%');
    expect(await row.textContent()).toContain('孕产妇系统管理率达到97%以上。');
    const target = requireFramework(backend.ctx, 'zhenlai')
      .areas.flatMap((a) => a.targets)
      .find((t) => t.id === 'zhenlai-H-M04-1');
    expect(target).toMatchObject({
      text: '孕产妇系统管理率达到97%以上',
      rule: { kind: 'at_least', value: 97, strict: false },
      source: { section: '策略措施', item: 4, quote: '孕产妇系统管理率达到97%以上。' },
    });
    await expect.poll(() => page.getByTestId('author-plan').textContent()).toContain('第 2 版');
  });

  it('adds a target for a catalogue indicator the copied plan lacks, and removes one', async () => {
    const { page, backend } = e2e;
    const used = new Set(
      requireFramework(backend.ctx, 'zhenlai').areas.flatMap((a) => a.targets.map((t) => t.indicator)),
    );
    const catalogue = await backend.handlers['plans:catalogue']({});
    const fresh = catalogue.find((i) => i.area === 'health' && i.kind === 'ratio' && !used.has(i.code))!;
    expect(fresh).toBeDefined();
    await page.getByRole('button', { name: '新增目标' }).click();
    const editor = page.getByTestId('target-editor');
    await editor.getByLabel('指标（指标目录）').selectOption(fresh.code);
    await editor.getByLabel('目标（规划中的说法）').fill(`${fresh.name}达到60%以上`);
    await editor.getByLabel(/^目标值/).fill('60');
    await editor.getByLabel('条目号').fill('9');
    await editor.getByLabel('规划原句（粘贴）').fill(`${fresh.name}达到60%以上。`);
    await editor.getByLabel('试算数值').fill('59.9');
    await expect.poll(() => editor.getByTestId('sample-verdict').textContent()).toMatch(/^试算：59\.9 → /);
    await editor.getByRole('button', { name: '保存为新版本' }).click();
    await expect.poll(() => page.getByTestId('author-notice').textContent()).toContain('已保存为第 3 版');
    const added = page.locator('tr', { hasText: `${fresh.name}达到60%以上` }).first();
    await expect.poll(() => added.textContent()).toContain('主要目标第9条');
    const id = (await added.getAttribute('data-target'))!;
    expect(
      requireFramework(backend.ctx, 'zhenlai')
        .areas.flatMap((a) => a.targets)
        .find((t) => t.id === id),
    ).toMatchObject({ indicator: fresh.code, rule: { value: 60 } });
    await added.getByRole('button', { name: '删除' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '删除' }).click();
    await expect.poll(() => page.getByTestId('author-notice').textContent()).toContain('已删除，保存为第 4 版');
    expect(await page.locator(`tr[data-target="${id}"]`).count()).toBe(0);
    expect(
      requireFramework(backend.ctx, 'zhenlai')
        .areas.flatMap((a) => a.targets)
        .some((t) => t.id === id),
    ).toBe(false);
  });

  it('exports the signed package, showing the fingerprint a township pins from it', async () => {
    const { page, backend, downloadsDir } = e2e;
    await expect
      .poll(() => page.getByTestId('author-fingerprint').textContent())
      .toBe('本单位签名密钥：第一次导出指标框架包时生成');
    await page.getByRole('button', { name: '导出指标框架包' }).click();
    await expect.poll(() => page.getByTestId('author-notice').textContent()).toContain('已导出签名的指标框架包');
    const own = (await backend.handlers['plans:signing-info']({ planId: 'zhenlai' })).own!;
    expect(own).toBeTruthy();
    await expect.poll(() => page.getByTestId('author-fingerprint').textContent()).toBe(`本单位签名密钥指纹：${own}`);
    await shot(e2e, '5-exported');
    const file = join(downloadsDir, '镇赉县-指标框架-第4版.wdpframework.json');
    expect(existsSync(file), readdirSync(downloadsDir).join(',')).toBe(true);
    // a 镇赉县 township's computer accepts it and pins the same fingerprint
    const township = openTestBackend();
    try {
      const r = importFrameworkPackage(township.ctx, '镇赉县-指标框架-第4版.wdpframework.json', readFileSync(file));
      expect(r).toMatchObject({ planId: 'zhenlai', version: 4, pinned: { fingerprint: own, regionName: '镇赉县' } });
      expect(
        requireFramework(township.ctx, 'zhenlai')
          .areas.flatMap((a) => a.targets)
          .find((t) => t.id === 'zhenlai-H-M04-1')?.rule,
      ).toMatchObject({ value: 97 });
    } finally {
      township.dispose();
    }
    expect(e2e.errors).toEqual([]);
  });

  it('is offered to county and city offices only', async () => {
    const { page, backend } = e2e;
    await backend.handlers['settings:set-profile']({
      planId: 'zhenlai',
      role: 'township',
      regionCode: '220821100000',
      userName: '',
    });
    await page.reload();
    await expect.poll(() => page.getByRole('button', { name: '首页' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: '规划管理' }).count()).toBe(0);
    await backend.handlers['settings:set-profile']({
      planId: 'zhenlai',
      role: 'county',
      regionCode: ZHENLAI,
      userName: '',
    });
    await page.reload();
    await expect.poll(() => page.getByRole('button', { name: '规划管理' }).count()).toBe(1);
  });
});
