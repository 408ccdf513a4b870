// wdp plan new | edit | export: 镇赉县 makes its own plan from the command line, judges a sample, is refused a
// contradictory rule, exports the signed package; its townships' templates are no longer region_outside_plan.
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { wdpRunner } from '../../helpers/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'wdp-plan-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const db = join(dir, 'zhenlai.sqlite');
const wdp = wdpRunner({ dir, db: () => db });

describe('wdp plan new | edit | export', () => {
  it('authors 镇赉县’s plan, sets a target with a sample, refuses a contradiction, exports the signed package', () => {
    // before: no plan covers 镇赉县
    const before = wdp(
      'template',
      '--plan',
      'taobei',
      '--region',
      '220821100000',
      '--year',
      '2024',
      '-o',
      join(dir, 'no.xlsx'),
    );
    expect(before.code).not.toBe(0);
    expect(before.stderr).toContain('220821100000');

    const made = wdp(
      'plan',
      'new',
      '--id',
      'zhenlai',
      '--region',
      '220821000000',
      '--copy',
      'taobei',
      '--name',
      '镇赉县妇女发展规划（2021-2030年）',
      '--period',
      '2021-2030',
      '--base-year',
      '2020',
    );
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    expect(made.stdout).toContain('已编制《镇赉县妇女发展规划（2021-2030年）》（编号 zhenlai），第 1 版');
    expect(wdp('plans').stdout).toMatch(
      /zhenlai\tv1\t\d+\t镇赉县妇女发展规划（2021-2030年）\t吉林省白城市镇赉县\t2021–2030/,
    );

    const edit = wdp(
      'plan',
      'edit',
      'zhenlai',
      '--target',
      'zhenlai-H-M04-1',
      '--value',
      '97',
      '--text',
      '孕产妇系统管理率达到97%以上',
      '--quote',
      '孕产妇系统管理率达到97%以上。',
      '--sample',
      '95',
    );
    expect(edit.stderr).toBe('');
    expect(edit.code).toBe(0);
    expect(edit.stdout).toContain('zhenlai-H-M04-1\t已保存为第 2 版');
    expect(edit.stdout).toMatch(/试算：95 → 尚有差距（95\.0%/);
    expect(wdp('plan', 'show', 'zhenlai').stdout).toMatch(
      /H04\t孕产妇系统管理率\t孕产妇系统管理率达到97%以上\t不低于97%/,
    );

    const added = wdp(
      'plan',
      'edit',
      'zhenlai',
      '--indicator',
      'H04',
      '--kind',
      'about',
      '--value',
      '95',
      '--tolerance',
      '1',
      '--sides',
      'at_least',
      '--year',
      '2025',
      '--text',
      '2025年孕产妇系统管理率达到95%左右',
      '--quote',
      '到2025年，孕产妇系统管理率达到95%左右。',
      '--section',
      '策略措施',
      '--item',
      '4',
      '--sample',
      '94.2',
    );
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('zhenlai-H-M04-2\t已保存为第 3 版');
    expect(added.stdout).toContain('试算：94.2 → 已实现');

    const bad = wdp(
      'plan',
      'edit',
      'zhenlai',
      '--target',
      'zhenlai-H-M04-1',
      '--kind',
      'range',
      '--min',
      '90',
      '--max',
      '80',
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('区间的下限90应小于上限80');
    expect(wdp('plan', 'edit', 'zhenlai', '--target', 'zhenlai-H-M04-1', '--value', 'abc').code).toBe(2);

    const out = join(dir, 'zhenlai.wdpframework.json');
    const exported = wdp('plan', 'export', 'zhenlai', '-o', out);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(/本单位签名密钥指纹：[0-9A-F]{4}(-[0-9A-F]{4}){3}/);
    const pkg = JSON.parse(readFileSync(out, 'utf8'));
    expect(pkg).toMatchObject({
      formatVersion: 2,
      maker: { regionCode: '220821000000', regionName: '镇赉县' },
      framework: { version: 3, plan: { id: 'zhenlai' } },
    });
    expect(typeof pkg.signature).toBe('string');

    const template = wdp(
      'template',
      '--plan',
      'zhenlai',
      '--region',
      '220821100000',
      '--year',
      '2024',
      '-o',
      join(dir, 't.xlsx'),
    );
    expect(template.stderr).toBe('');
    expect(template.code).toBe(0);
    expect(existsSync(join(dir, 't.xlsx'))).toBe(true);
  });
});

describe('wdp plan import --repin', () => {
  it('refuses a package from the county’s new key naming both fingerprints; re-pins only with the new fingerprint and a reason', () => {
    const at = (name: string) => join(dir, name);
    const run = (dbName: string) => wdpRunner({ dir, db: () => at(dbName) });
    const [oldCounty, newCounty, township] = [run('old.sqlite'), run('new.sqlite'), run('town.sqlite')];
    const author = (w: typeof wdp, edits: number, out: string) => {
      expect(
        w(
          'plan',
          'new',
          '--id',
          'zhenlai',
          '--region',
          '220821000000',
          '--copy',
          'taobei',
          '--name',
          '镇赉县妇女发展规划（2021-2030年）',
          '--period',
          '2021-2030',
          '--base-year',
          '2020',
        ).code,
      ).toBe(0);
      for (let i = 0; i < edits; i++)
        expect(w('plan', 'edit', 'zhenlai', '--target', 'zhenlai-H-M04-1', '--value', String(95 + i)).code).toBe(0);
      const exported = w('plan', 'export', 'zhenlai', '-o', at(out));
      return exported.stdout.match(/本单位签名密钥指纹：([0-9A-F-]{19})/)![1];
    };
    const oldFp = author(oldCounty, 1, 'old.wdpframework.json');
    expect(township('plan', 'import', at('old.wdpframework.json')).stdout).toContain(
      `已认定镇赉县的签名密钥（指纹 ${oldFp}）`,
    );
    // the county's PC reinstalled: a new key
    const newFp = author(newCounty, 2, 'new.wdpframework.json');
    expect(newFp).not.toBe(oldFp);

    const refused = township('plan', 'import', at('new.wdpframework.json'));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`本包密钥指纹 ${newFp}，本机认定的指纹 ${oldFp}`);
    expect(refused.stderr).toContain(`--repin ${newFp} --reason <原因>`);
    expect(township('plan', 'import', at('new.wdpframework.json'), '--repin', newFp).code).toBe(2);
    const wrong = township('plan', 'import', at('new.wdpframework.json'), '--repin', oldFp, '--reason', '电脑重装');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain(`填写的指纹 ${oldFp} 与本包的密钥指纹 ${newFp} 不符`);

    const repinned = township(
      'plan',
      'import',
      at('new.wdpframework.json'),
      '--repin',
      newFp,
      '--reason',
      '县妇儿工委办电脑重装，已电话核对',
    );
    expect(repinned.stderr).toBe('');
    expect(repinned.code).toBe(0);
    expect(repinned.stdout).toContain(`已重新认定镇赉县的签名密钥：原指纹 ${oldFp}，新指纹 ${newFp}（已记录）`);
  });
});
