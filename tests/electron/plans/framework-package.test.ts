// Framework packages carry their maker: signed with the county's own Ed25519 key over everything in the file,
// the first package pins the key, and an altered, foreign-signed, unsigned or replayed package is refused with
// the reason, nothing written.
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  exportFrameworkPackage,
  importFrameworkPackage,
  signingInfo,
} from '../../../electron/plans/framework-package-service.ts';
import { adjustTarget } from '../../../electron/plans/framework-adjust-service.ts';
import { listPlans } from '../../../electron/frameworks/plans-service.ts';
import { canonicalJson } from '../../../electron/frameworks/signing-service.ts';
import { openTestBackend, TAOBEI_COUNTY, TAOBEI_TOWNSHIP, type TestBackend } from '../../helpers/backend.ts';

const open: TestBackend[] = [];
afterEach(() => {
  while (open.length) open.pop()!.dispose();
});
const backend = (profile = TAOBEI_TOWNSHIP) => {
  const b = openTestBackend({ profile });
  open.push(b);
  return b;
};

const parse = (p: { bytesBase64: string }) => JSON.parse(Buffer.from(p.bytesBase64, 'base64').toString('utf8'));
const bytes = (pkg: unknown) => Buffer.from(JSON.stringify(pkg), 'utf8');
/** A county that adjusted its plan `times` times and exported each version. */
function county(times = 1) {
  const c = backend(TAOBEI_COUNTY);
  const packages = [];
  for (let i = 0; i < times; i++) {
    adjustTarget(c.ctx, 'taobei', 'taobei-H-G02-1', 10 - i, `第${i + 1}次调整`);
    packages.push(parse(exportFrameworkPackage(c.ctx, 'taobei')));
  }
  return { backend: c, packages };
}
const versions = (b: TestBackend) => listPlans(b.ctx).map((p) => `${p.plan.id}:${p.version}:${p.origin}`);
const state = (b: TestBackend) => ({ versions: versions(b), pin: signingInfo(b.ctx, 'taobei').pinned });
const target = (pkg: any, id: string) =>
  pkg.framework.areas.flatMap((a: any) => a.targets).find((t: any) => t.id === id);

describe('framework packages', () => {
  it('are signed with the county key made on first use; the township pins it from the first package', () => {
    const {
      backend: c,
      packages: [pkg],
    } = county();
    expect(pkg.formatVersion).toBe(2);
    expect(pkg.maker).toMatchObject({ regionCode: '220802000000', regionName: '洮北区' });
    const own = signingInfo(c.ctx, 'taobei').own!;
    expect(own).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
    // the key stays the same from one export to the next, and no private key is in the package
    expect(parse(exportFrameworkPackage(c.ctx, 'taobei')).maker.publicKey).toBe(pkg.maker.publicKey);
    expect(JSON.stringify(pkg)).not.toMatch(/PRIVATE KEY/);

    const township = backend();
    expect(signingInfo(township.ctx, 'taobei').pinned).toBeNull();
    const r = importFrameworkPackage(township.ctx, 'p.json', bytes(pkg));
    expect(r).toMatchObject({
      planId: 'taobei',
      version: pkg.framework.version,
      pinned: { fingerprint: own, regionName: '洮北区' },
    });
    expect(versions(township)).toContain(`taobei:${pkg.framework.version}:imported`);
    expect(signingInfo(township.ctx, 'taobei').pinned).toMatchObject({ fingerprint: own, regionName: '洮北区' });
  });

  it('only the plan office exports a package', () => {
    const township = backend();
    expect(() => exportFrameworkPackage(township.ctx, 'taobei')).toThrow(
      '只有规划的制定单位（洮北区）可以导出指标框架包',
    );
  });

  const tampering: [string, (pkg: any) => void, RegExp][] = [
    [
      'a changed target value',
      (pkg) => {
        target(pkg, 'taobei-H-G02-1').rule.value = 30;
      },
      /签名与内容不符/,
    ],
    [
      'a changed sentence',
      (pkg) => {
        target(pkg, 'taobei-H-G02-1').text += '。';
      },
      /签名与内容不符/,
    ],
    [
      'a changed exportedAt',
      (pkg) => {
        pkg.exportedAt = pkg.exportedAt.replace(/.$/, '1');
      },
      /签名与内容不符/,
    ],
    [
      'a changed maker name',
      (pkg) => {
        pkg.maker.regionName = '白城市';
      },
      /签名与内容不符/,
    ],
    [
      'an added field',
      (pkg) => {
        pkg.note = 'x';
      },
      /签名与内容不符/,
    ],
    [
      'a changed value with the old checksum recomputed',
      (pkg) => {
        target(pkg, 'taobei-H-G02-1').rule.value = 30;
        pkg.sha256 = createHash('sha256').update(JSON.stringify(pkg.framework)).digest('hex');
      },
      /签名与内容不符/,
    ],
    [
      'a corrupted signature',
      (pkg) => {
        pkg.signature = Buffer.from('x'.repeat(64)).toString('base64');
      },
      /签名与内容不符/,
    ],
    [
      'no signature (an old unsigned package)',
      (pkg) => {
        delete pkg.signature;
        pkg.formatVersion = 1;
      },
      /没有签名/,
    ],
    [
      'not JSON',
      () => {
        throw new Error('replaced');
      },
      /无法按 JSON 读取/,
    ],
  ];
  it.each(tampering)('refuses %s, before and after the key is pinned, changing nothing', (_name, tamper, message) => {
    const {
      packages: [first, second],
    } = county(2);
    for (const pinnedFirst of [false, true]) {
      const township = backend();
      if (pinnedFirst) importFrameworkPackage(township.ctx, 'first.json', bytes(first));
      const before = state(township);
      const pkg = structuredClone(pinnedFirst ? second : first);
      let file: Buffer;
      try {
        tamper(pkg);
        file = bytes(pkg);
      } catch {
        file = Buffer.from('PK\u0003\u0004 garbage');
      }
      expect(() => importFrameworkPackage(township.ctx, 'x.json', file)).toThrow(message);
      expect(state(township)).toEqual(before);
    }
  });

  it("refuses a package signed with another office's key once the county key is pinned, naming both fingerprints", () => {
    const {
      backend: c,
      packages: [first],
    } = county();
    const township = backend();
    importFrameworkPackage(township.ctx, 'first.json', bytes(first));
    const before = state(township);
    // another app (another database) posing as 洮北区 with a newer version
    const {
      packages: [, impostor],
    } = county(2);
    expect(impostor.maker.publicKey).not.toBe(first.maker.publicKey);
    expect(() => importFrameworkPackage(township.ctx, 'impostor.json', bytes(impostor))).toThrow(
      new RegExp(`不是用本机认定的洮北区签名密钥制作的.*本机认定的指纹 ${signingInfo(c.ctx, 'taobei').own}`),
    );
    // and an outsider re-signing altered content with a fresh key of its own
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const forged = structuredClone(first);
    forged.framework.version += 5;
    target(forged, 'taobei-H-G02-1').rule.value = 30;
    forged.maker.publicKey = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    const { signature: _s, ...payload } = forged;
    forged.signature = sign(null, Buffer.from(canonicalJson(payload)), privateKey).toString('base64');
    expect(() => importFrameworkPackage(township.ctx, 'forged.json', bytes(forged))).toThrow(
      /不是用本机认定的洮北区签名密钥制作的/,
    );
    expect(state(township)).toEqual(before);
  });

  it('refuses a package made by an office that did not make the plan, even correctly signed', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const {
      packages: [first],
    } = county();
    const other = structuredClone(first);
    other.maker = {
      regionCode: '220881000000',
      regionName: '洮南市',
      publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    };
    const { signature: _s, ...payload } = other;
    other.signature = sign(null, Buffer.from(canonicalJson(payload)), privateKey).toString('base64');
    const township = backend();
    const before = state(township);
    expect(() => importFrameworkPackage(township.ctx, 'other.json', bytes(other))).toThrow(
      '由洮南市制作，不是规划的制定单位洮北区',
    );
    expect(state(township)).toEqual(before);
  });

  it('refuses a replayed older (or the same) package after a newer one', () => {
    const {
      packages: [v1, v2],
    } = county(2);
    const township = backend();
    importFrameworkPackage(township.ctx, 'v2.json', bytes(v2));
    const before = state(township);
    expect(() => importFrameworkPackage(township.ctx, 'v1.json', bytes(v1))).toThrow(/只能导入更新的版本/);
    expect(() => importFrameworkPackage(township.ctx, 'v2.json', bytes(v2))).toThrow(/只能导入更新的版本/);
    expect(state(township)).toEqual(before);
  });

  it('refuses another format and a package for another plan', () => {
    const township = backend();
    expect(() => importFrameworkPackage(township.ctx, 'x.json', bytes({ hello: 'world' }))).toThrow(
      /不是本程序导出的指标框架包/,
    );
    const other = openTestBackend({
      profile: { planId: 'jiahe', role: 'township', regionCode: '431024100000', userName: '' },
    });
    open.push(other);
    const {
      packages: [pkg],
    } = county();
    expect(() => importFrameworkPackage(other.ctx, 'foreign.json', bytes(pkg))).toThrow(
      /属于《洮北区妇女发展规划（2021-2030年）》，与本机所用规划不同/,
    );
    expect(signingInfo(other.ctx, 'taobei').pinned).toBeNull();
  });
});

describe('re-pinning the county key after a reinstall', () => {
  it('refuses with both fingerprints; re-pins only when asked with the new fingerprint and a reason, audited; never silently', () => {
    const {
      backend: old,
      packages: [first],
    } = county();
    const township = backend();
    importFrameworkPackage(township.ctx, 'v2.json', bytes(first));
    const oldFp = signingInfo(old.ctx, 'taobei').own!;
    // the county's PC is reinstalled: a new database, a new key, the plan adjusted again and exported
    const { backend: reinstalled, packages } = county(3);
    const next = packages[2];
    const newFp = signingInfo(reinstalled.ctx, 'taobei').own!;
    expect(newFp).not.toBe(oldFp);
    const before = state(township);

    const refused = () => importFrameworkPackage(township.ctx, 'v4.json', bytes(next));
    expect(refused).toThrow(`本包密钥指纹 ${newFp}，本机认定的指纹 ${oldFp}`);
    expect(refused).toThrow('重新认定');
    expect(state(township)).toEqual(before);

    const repin =
      (fingerprint: string, pkg = next) =>
      () =>
        importFrameworkPackage(township.ctx, 'v4.json', bytes(pkg), {
          repin: { fingerprint, reason: '县妇儿工委办电脑重装，已电话核对指纹' },
        });
    expect(repin('0000-0000-0000-0000')).toThrow(`填写的指纹 0000-0000-0000-0000 与本包的密钥指纹 ${newFp} 不符`);
    const altered = structuredClone(next);
    target(altered, 'taobei-H-G02-1').rule.value = 30;
    expect(repin(newFp, altered)).toThrow(/签名与内容不符/);
    expect(state(township)).toEqual(before);
    expect(signingInfo(township.ctx, 'taobei').repins).toEqual([]);

    const r = repin(newFp)();
    expect(r).toMatchObject({ version: next.framework.version, repinned: { from: oldFp, to: newFp } });
    const info = signingInfo(township.ctx, 'taobei');
    expect(info.pinned).toMatchObject({ fingerprint: newFp, regionName: '洮北区' });
    expect(info.repins).toEqual([
      expect.objectContaining({
        from: oldFp,
        to: newFp,
        reason: '县妇儿工委办电脑重装，已电话核对指纹',
        userName: TAOBEI_TOWNSHIP.userName,
      }),
    ]);
    // the old key is now the foreign one, even for a newer version
    for (let i = 0; i < 4; i++) adjustTarget(old.ctx, 'taobei', 'taobei-H-G02-1', 5 - i, `旧电脑第${i + 2}次调整`);
    const stale = parse(exportFrameworkPackage(old.ctx, 'taobei'));
    expect(stale.framework.version).toBeGreaterThan(next.framework.version);
    expect(() => importFrameworkPackage(township.ctx, 'x.json', bytes(stale))).toThrow(
      `本包密钥指纹 ${oldFp}，本机认定的指纹 ${newFp}`,
    );
  });
});
