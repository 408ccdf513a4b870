// 退回 round trip in the real renderer, two offices on two databases: the county imports a township's file, opens
// the 退回 form from the completeness list (the version's problems pre-filled as remarks), sends it back with an
// overall remark and a cell remark and saves the annotated copy; the township imports the copy, sees the remark at
// the cell, fixes it, submits and exports again; the county re-imports and the new version is current and no longer
// 已退回. The annotated copy is rendered by LibreOffice (PDF → PNG) and its notes read back with openpyxl.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/api/dispatch.ts';
import { requireFramework } from '../../electron/frameworks/plans-service.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { ARTIFACTS_DIR, startE2E, VIEWPORT, type E2E } from '../helpers/e2e.ts';
import { TAOBEI_COUNTY, TAOBEI_TOWNSHIP } from '../helpers/backend.ts';
import { plausibleReturn } from '../electron/merge/excel-files.ts';

const YEAR = new Date().getFullYear() - 1; // the year the merge page opens on
const TOWN = TAOBEI_TOWNSHIP.regionCode;
const R = MESSAGES.merge.review;
const SMALL = { width: 1366, height: 768 };
const dir = mkdtempSync(join(tmpdir(), 'wdp-sendback-e2e-'));

async function call(e2e: E2E, channel: string, input: unknown) {
  const r = await dispatch(e2e.backend.handlers, channel, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as never;
}
const newest = (folder: string) =>
  readdirSync(folder)
    .filter((f) => f.endsWith('.xlsx'))
    .map((f) => join(folder, f));

describe('退回 round trip between a township and its county', () => {
  let town: E2E;
  let county: E2E;
  let annotated = '';
  let remarksSent = 0;
  beforeAll(async () => {
    town = await startE2E();
    county = await startE2E();
    await call(town, 'settings:set-profile', TAOBEI_TOWNSHIP);
    await call(county, 'settings:set-profile', TAOBEI_COUNTY);
    const fw = requireFramework(town.backend.ctx, 'taobei');
    const data = plausibleReturn(fw, {
      regionCode: TOWN,
      regionName: '',
      year: YEAR,
      cells: { 'PD30.total': 40, 'PD30.female': 2 },
    });
    const view = (await call(town, 'returns:open', { regionCode: TOWN, year: YEAR })) as { summary: { id: number } };
    const returnId = view.summary.id;
    await call(town, 'returns:set-cells', {
      returnId,
      edits: data.cells.map((c) => ({ item: c.item, sex: c.sex, value: c.value, noData: c.noData })),
    });
    await call(town, 'returns:set-footer', {
      returnId,
      footer: { head: '李梅', statistician: '赵军', filler: '张丽', phone: '0436-1234567', reportedOn: null },
    });
    await call(town, 'returns:set-status', { returnId, status: 'checked' });
    await call(town, 'returns:set-status', { returnId, status: 'submitted' });
    const file = (await call(town, 'excel:export-return', { returnId })) as { fileName: string; bytesBase64: string };
    writeFileSync(join(dir, file.fileName), Buffer.from(file.bytesBase64, 'base64'));
    await town.page.reload();
    await county.page.reload();
    await county.page.setViewportSize(SMALL);
    await town.page.setViewportSize(SMALL);
  }, 120_000);
  afterAll(async () => {
    await town?.close();
    await county?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('county: imports the file, opens 退回 with the version’s problems as remarks, sends it back and saves the annotated copy', async () => {
    const { page } = county;
    await page.getByRole('button', { name: '汇总', exact: true }).click();
    await page.getByTestId('pick-files').setInputFiles(newest(dir));
    await expect
      .poll(() => page.getByTestId('verdict-summary').textContent(), { timeout: 30_000 })
      .toBe('导入完成：接收 1，有提示 0，拒收 0');
    await page.getByRole('tab', { name: /报送情况/ }).click();
    const row = page.getByTestId('completeness').locator(`tr[data-region="${TOWN}"]`);
    await row.getByRole('button', { name: R.open }).click();
    const form = page.getByTestId('send-back');
    const problem = form.locator('tr[data-cell="PD30.female"]');
    await expect.poll(() => problem.textContent()).toContain('村委会成员中女性比例（尚有差距）');
    expect(await problem.locator('textarea').inputValue()).toBe(R.prefill);
    await problem.locator('textarea').fill('女村干部仅2人，请与组织部门核对后重报');
    await form.getByLabel(R.overall, { exact: true }).fill('村干部人数有误，请核实后重新报送');
    await form.getByLabel(R.addItem, { exact: true }).selectOption('PD30');
    await form.getByLabel(R.addRemark, { exact: true }).fill('村委会成员总数请一并核对');
    await form.getByRole('button', { name: R.add }).click();
    await expect.poll(() => form.locator('tr[data-cell="PD30.total"]').count()).toBe(1);
    remarksSent = Number(/将列入 (\d+) 条/.exec((await form.locator('.actions').textContent())!)![1]);
    expect(remarksSent).toBeGreaterThanOrEqual(2);
    await county.screenshot('send-back-form');
    await form.getByRole('button', { name: R.export }).click();
    await expect.poll(() => page.getByTestId('merge-message').textContent()).toMatch(/^已退回，意见文件已保存到：/);
    await expect.poll(() => row.getAttribute('data-review')).toBe('returned');
    await expect.poll(() => row.getByTestId('review-tag').textContent()).toMatch(/^已退回/);
    await county.screenshot('send-back-returned', { fullPage: false });
    [annotated] = newest(county.downloadsDir);
    expect(annotated).toMatch(/退回意见\.xlsx$/);
    expect(county.errors).toEqual([]);
  });

  it('township: imports the annotated copy, sees the remark at its cell, fixes it, submits and exports again', async () => {
    const { page } = town;
    await page.getByRole('button', { name: MESSAGES.excel.ui.nav }).click();
    await page.getByTestId('returned-file').setInputFiles(annotated);
    await expect
      .poll(() => page.getByTestId('returned-message').textContent(), { timeout: 30_000 })
      .toContain('报表状态为“被退回”');
    await page.getByRole('button', { name: MESSAGES.app.nav.home }).click();
    await page.getByTestId('home-returns').getByRole('button', { name: MESSAGES.app.home.open }).click();
    await page.getByRole('tab', { name: /妇女参与决策和管理/ }).click();
    const remarks = page.getByTestId('remarks');
    await expect.poll(() => remarks.textContent()).toContain('村干部人数有误，请核实后重新报送');
    await expect.poll(() => page.getByTestId('return-status').textContent()).toBe(MESSAGES.returns.status.returned);
    await expect.poll(() => remarks.textContent()).toContain('女村干部仅2人，请与组织部门核对后重报');
    await page.locator('[data-cell="PD30.female"]').click();
    await expect
      .poll(() => page.getByTestId('cell-bar').textContent())
      .toContain('县级意见：女村干部仅2人，请与组织部门核对后重报');
    await town.screenshot('send-back-township-entry', { fullPage: false });
    await page.keyboard.type('14');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => remarks.locator('li', { hasText: 'PD30：女村干部' }).textContent())
      .toContain(MESSAGES.entry.remarks.fixed);
    await page.getByRole('button', { name: MESSAGES.entry.actions.markChecked }).click();
    await page.getByRole('button', { name: MESSAGES.entry.actions.submit }).click();
    await expect.poll(() => page.getByTestId('return-status').textContent()).toBe(MESSAGES.returns.status.submitted);
    await page.getByRole('button', { name: MESSAGES.excel.ui.nav }).click();
    await page.getByTestId('export-panel').getByRole('button', { name: MESSAGES.excel.ui.exportButton }).click();
    await page.getByTestId('export-panel').getByRole('status').getByText('已保存').waitFor();
    expect(town.errors).toEqual([]);
  });

  it('county: re-imports the corrected return, which is current and no longer 已退回', async () => {
    const { page } = county;
    const [fixed] = newest(town.downloadsDir);
    await page.getByTestId('pick-files').setInputFiles(fixed);
    await expect
      .poll(() => page.getByTestId('verdicts').textContent(), { timeout: 30_000 })
      .toMatch(/重报：.*已采用报出日期较晚的本版本/);
    await page.getByRole('tab', { name: /报送情况/ }).click();
    const row = page.getByTestId('completeness').locator(`tr[data-region="${TOWN}"]`);
    await expect.poll(() => row.getAttribute('data-review')).toBe('');
    await expect.poll(() => row.getAttribute('data-state')).toBe('reported');
    const overview = (await call(county, 'merge:overview', { year: YEAR })) as {
      children: { code: string; submission: { fileName: string; review: unknown } | null }[];
    };
    const current = overview.children.find((c) => c.code === TOWN)!.submission!;
    expect(current.review).toBeNull();
    const resub = (await call(county, 'merge:resubmissions', { year: YEAR })) as {
      versions: { submission: { isCurrent: boolean; receivedAt: string }; changes: { item: string; sex: string }[] }[];
    }[];
    expect(resub[0].versions.map((v) => v.submission.isCurrent)).toEqual([false, true]);
    expect(resub[0].versions[0].changes).toContainEqual(expect.objectContaining({ item: 'PD30', sex: 'female' }));
    expect(county.errors).toEqual([]);
  });

  it('county accepts the new version and exports a receipt; the township imports it and its home page shows it received', async () => {
    const { page } = county;
    const row = page.getByTestId('completeness').locator(`tr[data-region="${TOWN}"]`);
    await row.getByRole('button', { name: R.accept }).click();
    await page
      .getByTestId('accept-form')
      .getByLabel(MESSAGES.merge.receipt.acceptRemark, { exact: true })
      .fill('已核实，审核通过');
    await page
      .getByTestId('accept-form')
      .getByRole('button', { name: MESSAGES.merge.receipt.accept, exact: true })
      .click();
    await expect.poll(() => row.getAttribute('data-review')).toBe('accepted');
    await row.getByRole('button', { name: MESSAGES.merge.receipt.export }).click();
    await expect.poll(() => page.getByTestId('merge-message').textContent()).toMatch(/^回执已保存到：/);
    await county.screenshot('receipt-county', { fullPage: false });
    const receipt = readdirSync(county.downloadsDir).find((f) => f.endsWith('回执.json'))!;
    const t = town.page;
    await t.getByRole('button', { name: MESSAGES.excel.ui.nav }).click();
    await t.getByTestId('receipt-file').setInputFiles(join(county.downloadsDir, receipt));
    await expect
      .poll(() => t.getByTestId('receipt-message').textContent())
      .toMatch(
        /^已导入回执：洮北区已于\d{4}年\d+月\d+日接收本报表（审核通过）；已认定洮北区的签名密钥（指纹 [0-9A-F]{4}(-[0-9A-F]{4}){3}）/,
      );
    await t.getByRole('button', { name: MESSAGES.app.nav.home }).click();
    await expect
      .poll(() => t.getByTestId('home-receipt').textContent())
      .toMatch(/^洮北区已于\d{4}年\d+月\d+日接收（审核通过）$/);
    await expect
      .poll(() => t.getByTestId('home-returns').locator('.badge').first().textContent())
      .toBe(MESSAGES.returns.status.accepted);
    await town.screenshot('receipt-township-home', { fullPage: false });
    expect(town.errors).toEqual([]);
    expect(county.errors).toEqual([]);
  });

  it('county: 催报 — sets the deadline, lists who is late with their contacts, prints the A4 list', async () => {
    const { page } = county;
    const panel = page.getByTestId('overdue');
    // a mistyped year (before the reporting year begins) is refused, saying what a deadline usually is
    await panel.getByLabel(MESSAGES.merge.overdue.deadline, { exact: true }).fill(`${YEAR - 4}-01-31`);
    await panel.getByRole('button', { name: MESSAGES.merge.overdue.saveDeadline }).click();
    await expect
      .poll(() => page.getByTestId('merge-message').textContent())
      .toBe(MESSAGES.merge.overdue.deadlineBeforeYear(`${YEAR - 4}年1月31日`, YEAR, `${YEAR + 1}年1月31日`));
    // the last day of the reporting year: past whenever the test runs (the merge page opens on last year)
    await panel.getByLabel(MESSAGES.merge.overdue.deadline, { exact: true }).fill(`${YEAR}-12-31`);
    await panel.getByRole('button', { name: MESSAGES.merge.overdue.saveDeadline }).click();
    await expect.poll(() => page.getByTestId('merge-message').textContent()).toBe(`已设报送截止日期：${YEAR}-12-31`);
    await expect
      .poll(() => page.getByTestId('overdue-summary').textContent())
      .toMatch(/^尚未报送 24 个，已逾期 \d+ 天$/);
    await panel.locator('summary').click();
    await expect.poll(() => panel.locator('tr[data-late="missing"]').count()).toBe(24);
    await county.screenshot('overdue-county', { fullPage: false });
    // the short text to copy into a message, beside the printable list
    const message = panel.getByTestId('overdue-message');
    const copyable = await message.locator('textarea').inputValue();
    expect(copyable).toMatch(
      new RegExp(
        `^【催报】长庆街道、.*：${YEAR}年度妇女发展监测统计报表尚未报送，截止日期为${YEAR}年12月31日，已逾期\\d+天，请尽快报送。联系人：洮北区 王芳。$`,
      ),
    );
    expect(copyable).not.toContain('海明街道');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await message.getByRole('button', { name: MESSAGES.merge.overdue.message.copy, exact: true }).click();
    await expect.poll(() => message.getByRole('status').textContent()).toBe(MESSAGES.merge.overdue.message.copied);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(copyable);
    await page.setViewportSize({ width: 1366, height: 768 });
    await message.scrollIntoViewIfNeeded();
    await county.screenshot('overdue-message', { fullPage: false });
    await page.emulateMedia({ media: 'print' });
    const pdf = join(dir, 'overdue.pdf');
    await page.pdf({ path: pdf, format: 'A4', printBackground: true, preferCSSPageSize: true });
    await page.emulateMedia({ media: 'screen' });
    const text = execFileSync('pdftotext', ['-l', '1', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain(`洮北区${YEAR}年妇女发展监测报表催报单`);
    expect(text).not.toContain('汇总下级报表');
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Page size:.*\(A4\)/);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, join(ARTIFACTS_DIR, 'overdue-print')]);
    expect(county.errors).toEqual([]);
  });

  it('county: the home page lists who is late, with a 复制 button per unit and the text for all', async () => {
    const { page } = county;
    await page.getByRole('button', { name: MESSAGES.app.nav.home }).click();
    const late = page.getByTestId('home-late');
    await expect.poll(() => late.locator('tr[data-late="missing"]').count()).toBe(24);
    await expect
      .poll(() => page.getByTestId('home-late-summary').textContent())
      .toMatch(/^尚未报送 24 个，已逾期 \d+ 天$/);
    expect(await late.locator(`tr[data-late-region="${TOWN}"]`).count()).toBe(0);
    await late
      .locator('tr[data-late]')
      .first()
      .getByRole('button', { name: MESSAGES.merge.overdue.message.copyOne })
      .click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(
      new RegExp(`^【催报】长庆街道：${YEAR}年度妇女发展监测统计报表尚未报送，截止日期为`),
    );
    await expect
      .poll(() => late.getByTestId('overdue-message').locator('textarea').inputValue())
      .toMatch(/^【催报】长庆街道、/);
    await county.screenshot('home-late', { fullPage: false });
    await page.setViewportSize(VIEWPORT);
    expect(county.errors).toEqual([]);
  });

  it('the annotated copy: openpyxl reads the notes on exactly the remarked cells; LibreOffice renders it', () => {
    const script = `
import openpyxl, sys, json
wb = openpyxl.load_workbook(sys.argv[1])
notes = [[ws.title, c.coordinate, c.comment.text, c.fill.fgColor.rgb] for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.comment]
print(json.dumps({"sheets": wb.sheetnames, "notes": notes}, ensure_ascii=False))`;
    const out = JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, annotated], { encoding: 'utf8' })) as {
      sheets: string[];
      notes: [string, string, string, string][];
    };
    expect(out.sheets[0]).toBe('退回意见');
    // a note on exactly each remark sent: the two on 决策 and the other problems the form listed
    expect(out.notes).toHaveLength(remarksSent);
    expect(out.notes.filter((n) => n[0] === '决策')).toHaveLength(2);
    expect(out.notes.map((n) => n[2]).join('\n')).toContain('女村干部仅2人，请与组织部门核对后重报');
    expect(out.notes.map((n) => n[2]).join('\n')).toContain('村委会成员总数请一并核对');
    expect(out.notes.every((n) => n[3] === 'FFFFC7CE')).toBe(true);
    if (!existsSync('/usr/bin/soffice')) return;
    const lo = join(dir, 'lo');
    execFileSync(
      '/usr/bin/soffice',
      [
        `-env:UserInstallation=file://${join(lo, 'profile')}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        lo,
        annotated,
      ],
      { timeout: 180_000 },
    );
    const pdf = join(lo, readdirSync(lo).find((f) => f.endsWith('.pdf'))!);
    const text = execFileSync('pdftotext', ['-l', '1', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('村干部人数有误，请核实后重新报送');
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      '1',
      '-l',
      '1',
      pdf,
      join(ARTIFACTS_DIR, 'send-back-annotated'),
    ]);
  }, 240_000);
});
