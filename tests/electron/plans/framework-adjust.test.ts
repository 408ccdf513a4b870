// A county's local adjustment of a target: a new framework version with the plan's value kept, old returns
// judged under their version, townships refused, and the version carried to townships by a package.
import { afterEach, describe, expect, it } from 'vitest';
import { adjustTarget } from '../../../electron/plans/framework-adjust-service.ts';
import { exportFrameworkPackage, importFrameworkPackage } from '../../../electron/plans/framework-package-service.ts';
import { requireFramework } from '../../../electron/frameworks/plans-service.ts';
import { evaluateStored } from '../../../electron/evaluation/return-evaluation.ts';
import { openReturn, requireReturn, setCells } from '../../../electron/returns/returns-service.ts';
import { openTestBackend, TAOBEI_COUNTY, TAOBEI_TOWNSHIP, type TestBackend } from '../../helpers/backend.ts';

const open: TestBackend[] = [];
afterEach(() => {
  while (open.length) open.pop()!.dispose();
});
const backend = (profile: typeof TAOBEI_COUNTY) => {
  const b = openTestBackend({ profile });
  open.push(b);
  return b;
};
const target = (b: TestBackend, id: string) =>
  requireFramework(b.ctx, 'taobei')
    .areas.flatMap((a) => a.targets)
    .find((t) => t.id === id)!;

describe('local adjustment of a target', () => {
  it('makes a new version with the new value, keeping the plan’s rule and the basis', () => {
    const county = backend(TAOBEI_COUNTY);
    const old = openReturn(county.ctx, '220802001000', 2024, false).summary.id;
    setCells(county.ctx, old, [
      { item: 'PD30', sex: 'total', value: 100, noData: null },
      { item: 'PD30', sex: 'female', value: 33, noData: null },
    ]);
    expect(adjustTarget(county.ctx, 'taobei', 'taobei-P-G08-3', 35, '区妇儿工委2026年第1次全体会议纪要')).toEqual({
      version: 3,
    });
    const t = target(county, 'taobei-P-G08-3');
    expect(t.rule).toEqual({ kind: 'at_least', value: 35, strict: false });
    expect(t.adjustment).toMatchObject({
      previous: { kind: 'at_least', value: 30, strict: false },
      note: '区妇儿工委2026年第1次全体会议纪要',
      version: 3,
    });
    // the return entered before stays on the shipped version 2 and is judged against 30%
    const view = evaluateStored(county.ctx, requireReturn(county.ctx, old));
    expect(view.view.summary.frameworkVersion).toBe(2);
    expect(view.evaluation.targets.find((x) => x.targetId === 'taobei-P-G08-3')?.status).toBe('met');
    // a new return is made under version 3 and judged against 35%
    const next = openReturn(county.ctx, '220802001000', 2025, false).summary.id;
    setCells(county.ctx, next, [
      { item: 'PD30', sex: 'total', value: 100, noData: null },
      { item: 'PD30', sex: 'female', value: 33, noData: null },
    ]);
    const result = evaluateStored(county.ctx, requireReturn(county.ctx, next)).evaluation.targets.find(
      (x) => x.targetId === 'taobei-P-G08-3',
    )!;
    expect(result.status).toBe('not_met');
    // the verdict quotes the target that holds now, not only the plan's old words (33% is not below 30%)
    expect(result.message).toMatch(/^33\.0%，低于目标“[^”]*，县级调整为不低于35%”2\.0个百分点/);
  });

  it('reaches the township through a framework package; a township cannot adjust itself', () => {
    const county = backend(TAOBEI_COUNTY);
    adjustTarget(county.ctx, 'taobei', 'taobei-H-G02-1', 10, '市级下达的更高要求');
    const pkg = exportFrameworkPackage(county.ctx, 'taobei');
    const township = backend(TAOBEI_TOWNSHIP);
    expect(() => adjustTarget(township.ctx, 'taobei', 'taobei-H-G02-1', 8, '自行调整')).toThrow(/只有县（区）或市/);
    importFrameworkPackage(township.ctx, pkg.fileName, Buffer.from(pkg.bytesBase64, 'base64'));
    expect(target(township, 'taobei-H-G02-1').rule).toMatchObject({ kind: 'at_most', value: 10 });
    expect(target(township, 'taobei-H-G02-1').adjustment?.note).toBe('市级下达的更高要求');
  });

  it('adjusts the tolerances the plans leave to convention: 左右, the balanced band, 保持稳定', () => {
    const county = backend(TAOBEI_COUNTY);
    const all = (b: TestBackend) => requireFramework(b.ctx, 'taobei').areas.flatMap((a) => a.targets);
    const about = all(county).find((t) => t.rule.kind === 'about')!;
    adjustTarget(county.ctx, 'taobei', about.id, { tolerance: 0.5 }, '县统计局意见：左右按±0.5个百分点掌握');
    expect(target(county, about.id).rule).toMatchObject({
      kind: 'about',
      value: (about.rule as { value: number }).value,
      tolerance: 0.5,
    });
    const balanced = all(county).find((t) => t.rule.kind === 'balanced')!;
    adjustTarget(
      county.ctx,
      'taobei',
      balanced.id,
      { band: { low: 47, high: 53 } },
      '县妇儿工委会议：均衡按47%—53%掌握',
    );
    expect(target(county, balanced.id).rule).toMatchObject({ kind: 'balanced', low: 47, high: 53 });
    expect(target(county, balanced.id).adjustment?.previous).toMatchObject({
      kind: 'balanced',
      low: (balanced.rule as { low: number }).low,
    });
    expect(() => adjustTarget(county.ctx, 'taobei', balanced.id, { value: 50 }, '缺少范围')).toThrow(
      '请填写均衡范围的下限和上限',
    );
  });

  it('refuses targets without a number', () => {
    const county = backend(TAOBEI_COUNTY);
    expect(() => adjustTarget(county.ctx, 'taobei', 'taobei-P-G08-4', 5, '试一试')).toThrow(
      '只能调整带数值或幅度的目标',
    );
  });
});
