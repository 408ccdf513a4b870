// `wdp overdue` as a user runs it: the late list of a county's year with the contacts from earlier returns, a
// deadline for this run, the Excel list written, --json; bad arguments exit 2.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dispatch } from '../../../electron/api/dispatch.ts';
import { requireFramework } from '../../../electron/frameworks/plans-service.ts';
import { listChildRegions } from '../../../electron/frameworks/regions-service.ts';
import { MESSAGES } from '../../../shared/messages.ts';
import { openTestBackend, TAOBEI_COUNTY } from '../../helpers/backend.ts';
import { wdpRunner } from '../../helpers/cli.ts';
import { returnFile } from '../merge/excel-files.ts';

const dir = mkdtempSync(join(tmpdir(), 'wdp-overdue-cli-'));
const wdp = wdpRunner({ dir });
const db = join(dir, 'wdp.sqlite'); // the county backend's database (openTestBackend in dir)
let towns: { code: string; name: string }[] = [];

beforeAll(async () => {
  const b = openTestBackend({ profile: TAOBEI_COUNTY, dir: mkdtempSync(join(dir, 'b-')) });
  const county = openTestBackend({ profile: TAOBEI_COUNTY, dir });
  try {
    const fw = requireFramework(b.ctx, 'taobei');
    towns = listChildRegions(b.ctx, TAOBEI_COUNTY.regionCode).slice(0, 2);
    const file = async (t: { code: string; name: string }, year: number) => ({
      fileName: `${t.name}.xlsx`,
      bytesBase64: (await returnFile(fw, { regionCode: t.code, regionName: t.name, year })).toString('base64'),
    });
    await dispatch(county.handlers, 'merge:import-files', { year: 2023, files: [await file(towns[0], 2023)] });
    await dispatch(county.handlers, 'merge:import-files', { year: 2024, files: [await file(towns[1], 2024)] });
    await dispatch(county.handlers, 'merge:set-deadline', { year: 2024, deadline: '2025-01-31' });
  } finally {
    b.close();
    county.close();
  }
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('wdp overdue', () => {
  it('lists the late units with the contact from earlier returns and writes the Excel list', () => {
    const out = join(dir, '催报.xlsx');
    const { code, stdout, stderr } = wdp('overdue', '--db', db, '--year', '2024', '-o', out);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('洮北区2024年妇女发展监测报表催报单');
    expect(stdout).toContain('报送截止日期：2025-01-31');
    expect(stdout).toContain('尚未报送 24 个（应报 25 个）');
    expect(stdout).toContain(`未报送\t${towns[0].code}\t${towns[0].name}\t张丽`);
    expect(stdout).not.toContain(towns[1].code);
    expect(stdout).toMatch(
      /\n【催报】.*：2024年度妇女发展监测统计报表尚未报送，截止日期为2025年1月31日，(已逾期\d+天，请尽快报送|请于2025年1月31日前报送)。联系人：洮北区 王芳。\n/,
    );
    expect(existsSync(out)).toBe(true);
  });

  it('takes a deadline for this run only, and gives JSON', () => {
    const { code, stdout } = wdp('overdue', '--db', db, '--year', '2024', '--deadline', '2025-01-01', '--json');
    expect(code).toBe(0);
    const o = JSON.parse(stdout);
    expect(o.deadline).toBe('2025-01-01');
    expect(o.rows).toHaveLength(24);
    expect(o.rows.find((r: { code: string }) => r.code === towns[0].code).contact).toMatchObject({
      filler: '张丽',
      year: 2023,
    });
    expect(JSON.parse(wdp('overdue', '--db', db, '--year', '2024', '--json').stdout).deadline).toBe('2025-01-31');
  });

  it('exits 2 without a year or with an impossible deadline, saying what is wrong', () => {
    expect(wdp('overdue', '--db', db).code).toBe(2);
    const bad = wdp('overdue', '--db', db, '--year', '2024', '--deadline', '2025-13-01');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(MESSAGES.cli.badValue('--deadline', '2025-13-01', MESSAGES.cli.form.date));
  });
});
