// 规划管理 from the bare catalogue, in the browser at 1366×768: 镇赉县 starts its plan from the national 纲要's
// indicators (no shipped plan copied), declares a local indicator in the reserved range (a catalogue code refused),
// adds targets seeing each indicator's definition, numerator and denominator, with 左右, end year and item number.
// Then the same computer as a township: a package from the county's reinstalled PC is refused naming both
// fingerprints, and the key is re-pinned only through the explicit, confirmed and recorded action.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from '../helpers/e2e.ts';
import { openTestBackend } from '../helpers/backend.ts';
import { requireFramework } from '../../electron/frameworks/plans-service.ts';
import { newPlan, setPlanTarget } from '../../electron/plans/plan-author-service.ts';
import { exportFrameworkPackage, signingInfo } from '../../electron/plans/framework-package-service.ts';

const ZHENLAI = '220821000000';
const BAICHENG = '220800000000';
const shot = (e2e: E2E, name: string) => e2e.screenshot(`plan-catalogue-${name}`, { fullPage: false });

/** Another computer of 镇赉县 that authored zhenlai from the catalogue and changed its H04 target `edits` times. */
function countyComputer(edits: number) {
  const county = openTestBackend();
  newPlan(county.ctx, {
    id: 'zhenlai',
    regionCode: ZHENLAI,
    name: '镇赉县妇女发展规划（2021-2030年）',
    start: 2021,
    end: 2030,
    baselineYear: 2020,
  });
  const base = {
    indicator: 'H04',
    text: '孕产妇系统管理率达到95%以上',
    section: '主要目标' as const,
    item: 1,
    quote: '孕产妇系统管理率达到95%以上。',
  };
  const { targetId } = setPlanTarget(county.ctx, 'zhenlai', {
    ...base,
    rule: { kind: 'at_least', value: 90, strict: false },
  });
  for (let i = 1; i < edits; i++)
    setPlanTarget(county.ctx, 'zhenlai', {
      ...base,
      targetId,
      rule: { kind: 'at_least', value: 90 + i / 10, strict: false },
    });
  return county;
}

describe('规划管理 from the bare catalogue', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
    await e2e.page.setViewportSize({ width: 1366, height: 768 });
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('starts 镇赉县’s plan from the catalogue: eight empty areas', async () => {
    const { page, backend } = e2e;
    await page.getByRole('radio', { name: '县区妇儿工委办 / 统计局' }).check();
    await page.getByRole('button', { name: '没有本县（市）的规划？编制本单位的规划' }).click();
    const form = page.getByTestId('new-plan');
    await form.getByLabel('从哪里开始').selectOption('@catalogue');
    await form.getByLabel('所在市').selectOption(BAICHENG);
    await form.getByLabel('本单位（县区或市）').selectOption(ZHENLAI);
    await form.getByLabel('规划编号').fill('zhenlai');
    expect(await form.getByLabel('规划期起始年').inputValue()).toBe('2021');
    expect(await form.getByLabel('规划名称').inputValue()).toBe('镇赉县妇女发展规划（2021-2030年）');
    await form.getByRole('button', { name: '编制规划' }).click();
    await expect
      .poll(() => page.getByTestId('author-plan').textContent())
      .toContain('镇赉县妇女发展规划（2021-2030年）　第 1 版');
    expect(await page.getByTestId('app-toast').textContent()).toContain('从指标目录开始');
    const fw = requireFramework(backend.ctx, 'zhenlai');
    expect(fw.areas.flatMap((a) => a.targets)).toEqual([]);
    expect(await page.getByTestId('author-targets').locator('tbody tr').count()).toBe(0);
  });

  it('declares a local indicator in the reserved range; a catalogue code is refused', async () => {
    const { page, backend } = e2e;
    await page.locator('summary', { hasText: '登记本地指标' }).click();
    const local = page.getByTestId('local-indicator');
    await local.getByLabel('本地指标代码').fill('H04');
    await local.getByLabel('指标名称').fill('新生儿“两病”筛查率');
    await local
      .getByLabel('指标解释（定义、口径）')
      .fill('接受先天性甲状腺功能减低症和苯丙酮尿症筛查的新生儿数占活产数的比例');
    await local.getByLabel('分子数据项代码', { exact: true }).fill('HD80');
    await local.getByLabel('分子数据项代码（新的本地数据项时）名称').fill('接受“两病”筛查的新生儿数');
    await local.getByLabel('分母数据项代码', { exact: true }).fill('HD01');
    await local.getByLabel('责任部门').fill('卫健');
    await local.getByRole('button', { name: '登记本地指标' }).click();
    await expect
      .poll(() => local.getByTestId('local-error').textContent())
      .toContain('代码 H04 是指标目录中已有的代码');
    expect(requireFramework(backend.ctx, 'zhenlai').version).toBe(1);
    await local.getByLabel('本地指标代码').fill('H80');
    await local.getByRole('button', { name: '登记本地指标' }).click();
    await expect.poll(() => page.getByTestId('author-notice').textContent()).toBe('已登记本地指标 H80，保存为第 2 版');
    expect(requireFramework(backend.ctx, 'zhenlai').local?.indicators.map((i) => i.code)).toEqual(['H80']);
  });

  it('adds a catalogue target showing the indicator’s definition, numerator and denominator, with 左右, end year and item', async () => {
    const { page, backend } = e2e;
    await page.getByRole('button', { name: '新增目标' }).click();
    const editor = page.getByTestId('target-editor');
    // the local indicator is offered beside the catalogue's
    expect(await editor.getByLabel('指标（指标目录）').locator('option').allTextContents()).toContain(
      'H80 新生儿“两病”筛查率（%）',
    );
    await editor.getByLabel('指标（指标目录）').selectOption('H04');
    const info = editor.getByTestId('indicator-info');
    await expect.poll(() => info.textContent()).toContain('分子HD03 系统管理产妇数（人）');
    expect(await info.textContent()).toContain('分母HD01 活产数（人）　口径：妊娠满28周');
    expect(await info.textContent()).toContain('口径：妊娠13周前建册');
    expect(await info.textContent()).toContain('责任部门卫健');
    await editor.getByLabel('规则类型').selectOption('about');
    await editor.getByLabel('目标值（%）').fill('96');
    await editor.getByLabel('幅度（±，指标单位）').fill('1');
    await editor.getByLabel('“左右”的判定').selectOption('at_least');
    await editor.getByLabel('目标年份（空为规划末年）').fill('2025');
    await editor.getByLabel('目标（规划中的说法）').fill('2025年孕产妇系统管理率达到96%左右');
    await editor.getByLabel('出处').selectOption('主要目标');
    await editor.getByLabel('条目号').fill('1');
    await editor.getByLabel('规划原句（粘贴）').fill('到2025年，孕产妇系统管理率达到96%左右。');
    await editor.getByLabel('试算数值').fill('95.2');
    await expect.poll(() => editor.getByTestId('sample-verdict').textContent()).toMatch(/^试算：95\.2 → 已实现/);
    // a valid rule marks no field as wrong (they were drawn red while the rule had no error at all)
    for (const label of ['目标值（%）', '幅度（±，指标单位）', '目标年份（空为规划末年）']) {
      expect(await editor.getByLabel(label).getAttribute('aria-invalid'), label).toBeNull();
    }
    await shot(e2e, '1-add-target');
    await editor.getByRole('button', { name: '保存为新版本' }).click();
    await expect.poll(() => page.getByTestId('author-notice').textContent()).toMatch(/^已保存为第 3 版/);
    const row = page.locator('tr[data-target="zhenlai-H-G01-1"]');
    await expect.poll(() => row.textContent()).toContain('2025年孕产妇系统管理率达到96%左右');
    expect(await row.textContent()).toContain('主要目标第1条');
    await shot(e2e, '2-target-saved');
    const fw = requireFramework(backend.ctx, 'zhenlai');
    expect(fw.areas[0].objectives).toEqual([{ item: 1, text: '到2025年，孕产妇系统管理率达到96%左右。' }]);
    expect(fw.areas[0].targets[0]).toMatchObject({
      indicator: 'H04',
      year: 2025,
      rule: { kind: 'about', value: 96, tolerance: 1, sides: 'at_least' },
    });
    expect(e2e.errors).toEqual([]);
  });

  it('as a township: a package from the county’s reinstalled PC is refused with both fingerprints; re-pinned only when confirmed', async () => {
    const { page, backend } = e2e;
    const [first, reinstalled] = [countyComputer(4), countyComputer(6)];
    try {
      await backend.handlers['settings:set-profile']({
        planId: 'zhenlai',
        role: 'township',
        regionCode: '220821100000',
        userName: '李娜',
      });
      await page.reload();
      await page.getByRole('button', { name: '指标框架' }).click();
      const input = page.locator('input[type=file]');
      const upload = (pkg: { fileName: string; bytesBase64: string }) =>
        input.setInputFiles({
          name: pkg.fileName,
          mimeType: 'application/json',
          buffer: Buffer.from(pkg.bytesBase64, 'base64'),
        });
      const oldFp = (() => {
        const p = exportFrameworkPackage(first.ctx, 'zhenlai');
        return { p, fp: signingInfo(first.ctx, 'zhenlai').own! };
      })();
      await upload(oldFp.p);
      await expect
        .poll(() => page.getByTestId('key-fingerprints').textContent())
        .toContain(`已认定的镇赉县签名密钥指纹：${oldFp.fp}`);
      const next = exportFrameworkPackage(reinstalled.ctx, 'zhenlai');
      const newFp = signingInfo(reinstalled.ctx, 'zhenlai').own!;
      await upload(next);
      await expect
        .poll(() => page.getByTestId('framework-notice').textContent())
        .toContain(`本包密钥指纹 ${newFp}，本机认定的指纹 ${oldFp.fp}`);
      // never silently: nothing changed until the explicit action
      expect(signingInfo(backend.ctx, 'zhenlai').pinned?.fingerprint).toBe(oldFp.fp);
      await page.getByRole('button', { name: '重新认定签名密钥…' }).click();
      const dialog = page.getByRole('dialog', { name: '重新认定签名密钥' });
      expect(await dialog.textContent()).toContain(
        `本机认定的镇赉县签名密钥指纹是 ${oldFp.fp}，这个框架包的指纹是 ${newFp}`,
      );
      const confirm = dialog.getByRole('button', { name: '重新认定并导入' });
      await dialog.getByLabel(/^重新认定的原因/).fill('县妇儿工委办电脑重装，已电话核对');
      expect(await confirm.isDisabled()).toBe(true);
      await dialog.getByLabel(`我已打电话核对，对方电脑上显示的指纹是 ${newFp}`).check();
      await shot(e2e, '3-repin-dialog');
      await confirm.click();
      await expect
        .poll(() => page.getByTestId('framework-notice').textContent())
        .toContain(`已重新认定镇赉县的签名密钥：原指纹 ${oldFp.fp}，新指纹 ${newFp}（已记录）`);
      await expect
        .poll(() => page.getByTestId('key-fingerprints').textContent())
        .toContain(`已认定的镇赉县签名密钥指纹：${newFp}`);
      expect(await page.getByTestId('key-repins').textContent()).toContain(
        `李娜 重新认定：${oldFp.fp} → ${newFp}（县妇儿工委办电脑重装，已电话核对）`,
      );
      expect(requireFramework(backend.ctx, 'zhenlai').version).toBe(
        requireFramework(reinstalled.ctx, 'zhenlai').version,
      );
    } finally {
      first.dispose();
      reinstalled.dispose();
    }
    expect(e2e.errors).toEqual([]);
  });
});
