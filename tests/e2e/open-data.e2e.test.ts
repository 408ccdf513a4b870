// 开放数据 on the 导入导出 page in the real renderer: the county's data over the years exported as the long CSV
// (UTF-8 with BOM) through the page, then that file picked again, checked, confirmed (it overwrites the return)
// and written; a broken file is refused with the row named.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../shared/messages.ts';
import { dispatch } from '../../electron/api/dispatch.ts';
import { startE2E, type E2E } from '../helpers/e2e.ts';

const T = MESSAGES.openData.ui;
const COUNTY = '431024000000';

describe('开放数据 panel', () => {
  let e2e: E2E;
  let saved = '';
  const call = async (channel: string, input: unknown) => {
    const r = await dispatch(e2e.backend.handlers, channel, input);
    if (!r.ok) throw new Error(r.error.message);
    return r.value as never;
  };
  beforeAll(async () => {
    e2e = await startE2E();
    await call('settings:set-profile', { planId: 'jiahe', role: 'county', regionCode: COUNTY, userName: '测试员' });
    for (const year of [2023, 2024]) {
      const view = (await call('returns:open', { regionCode: COUNTY, year })) as { summary: { id: number } };
      await call('returns:set-cells', {
        returnId: view.summary.id,
        edits: [
          { item: 'HD01', sex: 'total', value: 1000 + year, noData: null },
          { item: 'HD02', sex: 'total', value: null, noData: { reason: '=卫健局未提供' } },
        ],
      });
    }
    await e2e.page.reload();
    await e2e.page.getByRole('button', { name: MESSAGES.excel.ui.nav }).click();
    await e2e.page.getByTestId('open-data-panel').waitFor();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('exports the years as a long CSV with a byte-order mark', async () => {
    const { page } = e2e;
    const panel = page.getByTestId('open-data-panel');
    await panel.getByRole('combobox', { name: T.from }).selectOption('2021');
    await panel.getByRole('combobox', { name: T.to }).selectOption('2025');
    await panel.getByTestId('open-data-export').click();
    const status = panel.getByTestId('open-data-status');
    await status.getByText('已保存到').waitFor();
    saved = /已保存到 (.*)（\d+ 行）/.exec((await status.textContent())!)![1];
    const bytes = readFileSync(saved);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain(',HD01,');
    expect(text).toContain(',2023,');
    expect(text).toContain("'=卫健局未提供");
    await e2e.screenshot('open-data-export');
  });

  it('reads the file back: checked, confirmed because it overwrites, written', async () => {
    const { page } = e2e;
    const panel = page.getByTestId('open-data-panel');
    await panel
      .getByTestId('open-data-file')
      .setInputFiles({ name: 'data.csv', mimeType: 'text/csv', buffer: readFileSync(saved) });
    await panel.getByTestId('open-data-confirm').click();
    await panel.getByTestId('open-data-verdict').getByText('已导入').waitFor();
    expect(await panel.getByTestId('open-data-verdict').textContent()).toBe(
      MESSAGES.openData.verdict.written('data.csv', 2),
    );
  });

  it('refuses a broken file and names the row', async () => {
    const { page } = e2e;
    const panel = page.getByTestId('open-data-panel');
    const broken = readFileSync(saved, 'utf8').replace(',HD01,', ',HD99,');
    await panel
      .getByTestId('open-data-file')
      .setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(broken) });
    await panel.getByTestId('open-data-verdict').getByText('未导入').waitFor();
    expect(await panel.getByTestId('import-problems').textContent()).toContain(
      MESSAGES.openData.problem.unknownItem('HD99'),
    );
    expect(await panel.getByTestId('open-data-write').count()).toBe(0);
  });
});
