// `wdp merge` as a user runs it: a folder of township returns (one broken), per-file verdicts, the completeness,
// the county return written; then the county return merged at the city.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTestBackend, type TestBackend } from '../../helpers/backend.ts';
import { requireFramework } from '../../../electron/frameworks/plans-service.ts';
import { listChildRegions } from '../../../electron/frameworks/regions-service.ts';
import { CITY, COUNTY } from './helpers.ts';
import { returnFile } from './excel-files.ts';
import { wdpRunner } from '../../helpers/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'wdp-merge-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const wdp = wdpRunner({ dir });

describe('wdp merge', () => {
  const folder = join(dir, '2024年乡镇报表');
  let names: string[] = [];
  beforeAll(async () => {
    const b: TestBackend = openTestBackend();
    try {
      const fw = requireFramework(b.ctx, 'taobei');
      const towns = listChildRegions(b.ctx, COUNTY).slice(0, 3);
      names = towns.map((t) => t.name);
      mkdirSync(join(folder, '补报'), { recursive: true });
      for (const [i, t] of towns.entries()) {
        writeFileSync(
          join(i === 2 ? join(folder, '补报') : folder, `${t.name}.xlsx`),
          await returnFile(fw, { regionCode: t.code, regionName: t.name, year: 2024 }),
        );
      }
      writeFileSync(join(folder, '说明.xlsx'), 'not a workbook');
      writeFileSync(join(folder, '~$锁定文件.xlsx'), 'lock');
    } finally {
      b.dispose();
    }
  });

  it('imports a folder, prints each verdict and the completeness, writes the county return, exits 3 when a file was rejected', () => {
    const out = join(dir, 'county.xlsx');
    const { code, stdout, stderr } = wdp(
      'merge',
      '--db',
      join(dir, 'county.sqlite'),
      '--region',
      COUNTY,
      '--year',
      '2024',
      folder,
      '-o',
      out,
    );
    expect(stderr).toBe('');
    expect(code).toBe(3);
    expect(stdout).toMatch(/已拒收\t—\t说明\.xlsx/);
    for (const name of names) expect(stdout).toContain(`已接收\t${name}\t${name}.xlsx`);
    expect(stdout).not.toContain('~$');
    expect(stdout).toContain('洮北区 2024年 报送情况：应报 25，已报送 3，草稿 0，未报送 22，报送率 12.0%');
    expect(stdout).toContain(`已写出汇总报表：${out}`);
    expect(existsSync(out)).toBe(true);
  });

  it('--json gives the verdicts, completeness and file; the city merges the county return and exits 0', () => {
    const out = join(dir, 'city.xlsx');
    const { code, stdout } = wdp(
      'merge',
      '--db',
      join(dir, 'city.sqlite'),
      '--region',
      CITY,
      '--year',
      '2024',
      join(dir, 'county.xlsx'),
      '-o',
      out,
      '--json',
    );
    expect(code).toBe(0);
    const r = JSON.parse(stdout);
    expect(r.office).toMatchObject({ code: CITY, level: 'city', planId: 'taobei' });
    expect(r.verdicts).toHaveLength(1);
    expect(r.verdicts[0]).toMatchObject({ fileName: 'county.xlsx', supplier: { code: COUNTY, kind: 'county' } });
    expect(r.completeness).toMatchObject({ total: 6, missing: 5 });
    expect(r.children.find((c: { code: string }) => c.code === COUNTY).state).not.toBe('missing');
    expect(r.written).toBe(out);
  });

  it('refuses to run without region and year, or without files', () => {
    expect(wdp('merge', '--db', join(dir, 'x.sqlite'), folder).code).toBe(2);
    const none = wdp('merge', '--db', join(dir, 'x.sqlite'), '--region', COUNTY, '--year', '2024');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('没有给出要导入的报表文件');
  });
});
