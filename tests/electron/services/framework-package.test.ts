import { afterEach, describe, expect, it } from 'vitest';
import { exportFrameworkPackage, importFrameworkPackage } from '../../../electron/services/framework-package-service.ts';
import { listPlans } from '../../../electron/services/plans-service.ts';
import { openTestBackend, TAOBEI_COUNTY, TAOBEI_TOWNSHIP, type TestBackend } from '../../helpers/backend.ts';

const open: TestBackend[] = [];
afterEach(() => { while (open.length) open.pop()!.dispose(); });
const backend = (profile = TAOBEI_TOWNSHIP) => { const b = openTestBackend({ profile }); open.push(b); return b; };

/** A county's package with the framework edited as a county would adjust it locally. */
function countyPackage(edit: (fw: any) => void = () => {}) {
  const county = backend(TAOBEI_COUNTY);
  const pkg = JSON.parse(Buffer.from(exportFrameworkPackage(county.ctx, 'taobei').bytesBase64, 'base64').toString('utf8'));
  edit(pkg.framework);
  return pkg;
}
const bytes = (pkg: unknown) => Buffer.from(JSON.stringify(pkg), 'utf8');
const rehash = async (pkg: any) => {
  const { createHash } = await import('node:crypto');
  pkg.sha256 = createHash('sha256').update(JSON.stringify(pkg.framework)).digest('hex');
  return pkg;
};
const versions = (b: TestBackend) => listPlans(b.ctx).map((p) => `${p.plan.id}:${p.version}:${p.origin}`);

describe('framework packages', () => {
  it('imports a newer county package as a new version', async () => {
    const pkg = await rehash(countyPackage((fw) => {
      fw.version = 3;
      fw.areas[0].targets.find((t: any) => t.id === 'taobei-H-G02-1').rule.value = 10;
    }));
    const township = backend();
    expect(importFrameworkPackage(township.ctx, '洮北区-指标框架-第3版.wdpframework.json', bytes(pkg))).toEqual({ planId: 'taobei', version: 3 });
    expect(versions(township)).toContain('taobei:3:imported');
  });

  it.each([
    ['not JSON', () => Buffer.from('PK\u0003\u0004 garbage'), /不是指标框架包（无法按 JSON 读取）/],
    ['another format', () => bytes({ hello: 'world' }), /不是本程序导出的指标框架包/],
    ['a changed file', () => bytes(countyPackage((fw) => { fw.version = 3; })), /校验码不符/],
    ['an older or same version', () => bytes(countyPackage()), /只能导入更新的版本/],
  ])('refuses %s and changes nothing', async (_name, make, message) => {
    const township = backend();
    const before = versions(township);
    expect(() => importFrameworkPackage(township.ctx, 'x.json', make())).toThrow(message);
    expect(versions(township)).toEqual(before);
  });

  it('refuses a malformed framework and one for another plan', async () => {
    const township = backend();
    const broken = await rehash(countyPackage((fw) => { fw.version = 4; fw.indicators[0].code = 'bad code'; }));
    expect(() => importFrameworkPackage(township.ctx, 'broken.json', bytes(broken))).toThrow(/内容有误/);
    const dangling = await rehash(countyPackage((fw) => { fw.version = 4; fw.areas[0].targets[0].indicator = 'H99'; }));
    expect(() => importFrameworkPackage(township.ctx, 'dangling.json', bytes(dangling))).toThrow(/内容有误/);
    const other = openTestBackend({ profile: { planId: 'jiahe', role: 'township', regionCode: '431024100000', userName: '' } });
    open.push(other);
    const foreign = await rehash(countyPackage((fw) => { fw.version = 6; }));
    expect(() => importFrameworkPackage(other.ctx, 'foreign.json', bytes(foreign))).toThrow(/属于《洮北区妇女发展规划（2021-2030年）》，与本机所用规划不同/);
    expect(versions(township)).not.toContain('taobei:4:imported');
  });
});
