// 规划管理: 镇赉县 (no shipped plan) makes its own by copying 洮北区's, relabelled; sets targets as its plan states
// them with a sample judged as the engine would; contradictory rules refused; versions kept; the plan travels as
// a signed package to its townships, whose returns and templates fit the plan's region.
import { afterEach, describe, expect, it } from 'vitest';
import { exportFrameworkPackage, importFrameworkPackage } from '../../../electron/plans/framework-package-service.ts';
import { exportTemplate, validateWorkbook } from '../../../electron/excel-io/excel-service.ts';
import {
  catalogueIndicators,
  newPlan,
  previewTarget,
  setPlanTarget,
} from '../../../electron/plans/plan-author-service.ts';
import { listPlans, requireFramework } from '../../../electron/frameworks/plans-service.ts';
import { getProfile, setProfile } from '../../../electron/settings/settings-service.ts';
import { openReturn, setCells } from '../../../electron/returns/returns-service.ts';
import { evaluateStored } from '../../../electron/evaluation/return-evaluation.ts';
import { requireReturn } from '../../../electron/returns/returns-service.ts';
import { openTestBackend, TAOBEI_COUNTY, type TestBackend } from '../../helpers/backend.ts';

const open: TestBackend[] = [];
afterEach(() => {
  while (open.length) open.pop()!.dispose();
});
const backend = (profile?: NonNullable<Parameters<typeof openTestBackend>[0]>['profile']) => {
  const b = openTestBackend({ profile });
  open.push(b);
  return b;
};

const ZHENLAI = '220821000000';
const ZHENLAI_TOWN = '220821100000'; // 镇赉镇
const ZHENLAI_PLAN = {
  id: 'zhenlai',
  regionCode: ZHENLAI,
  name: '镇赉县妇女发展规划（2021-2030年）',
  start: 2021,
  end: 2030,
  baselineYear: 2020,
  copyFrom: 'taobei',
};
const H04 = {
  indicator: 'H04',
  text: '孕产妇系统管理率达到97%以上',
  rule: { kind: 'at_least' as const, value: 97, strict: false },
  section: '策略措施' as const,
  item: 4,
  quote: '孕产妇系统管理率达到97%以上。',
};
const all = (b: TestBackend, id = 'zhenlai') => requireFramework(b.ctx, id).areas.flatMap((a) => a.targets);

describe('plan authoring', () => {
  it('copies a shipped plan for 镇赉县, relabelled, and makes this computer the county office of it', () => {
    const county = backend();
    const r = newPlan(county.ctx, ZHENLAI_PLAN);
    expect(r).toEqual({
      planId: 'zhenlai',
      version: 1,
      message: '已编制《镇赉县妇女发展规划（2021-2030年）》（编号 zhenlai），第 1 版',
    });
    const fw = requireFramework(county.ctx, 'zhenlai');
    expect(fw.plan).toMatchObject({
      id: 'zhenlai',
      region: { code: ZHENLAI, name: '镇赉县', fullName: '吉林省白城市镇赉县' },
      period: { start: 2021, end: 2030 },
      baselineYear: 2020,
    });
    expect(all(county).every((t) => t.id.startsWith('zhenlai-') && !t.adjustment)).toBe(true);
    expect(all(county).length).toBe(all(county, 'taobei').length);
    expect(getProfile(county.ctx)).toMatchObject({ planId: 'zhenlai', role: 'county', regionCode: ZHENLAI });
    expect(listPlans(county.ctx).map((p) => p.plan.id)).toContain('zhenlai');
  });

  it('refuses a bad id, a taken id, a township, an impossible period and another office’s computer', () => {
    const county = backend();
    expect(() => newPlan(county.ctx, { ...ZHENLAI_PLAN, id: 'Zhen-lai' })).toThrow('规划编号只能用小写英文字母');
    expect(() => newPlan(county.ctx, { ...ZHENLAI_PLAN, id: 'taobei' })).toThrow('本机已有编号为 taobei 的规划');
    expect(() => newPlan(county.ctx, { ...ZHENLAI_PLAN, regionCode: ZHENLAI_TOWN })).toThrow('镇赉镇不是县（区）或市');
    expect(() => newPlan(county.ctx, { ...ZHENLAI_PLAN, start: 2031 })).toThrow('规划期2031—2030年');
    const taobei = backend(TAOBEI_COUNTY);
    expect(() => newPlan(taobei.ctx, ZHENLAI_PLAN)).toThrow('本机是洮北区的填报设置，只能编制本单位的规划');
  });

  it('sets a target as the plan states it, judging a sample as the engine would, each change a new version', () => {
    const county = backend();
    newPlan(county.ctx, ZHENLAI_PLAN);
    expect(previewTarget(county.ctx, 'zhenlai', { ...H04, targetId: 'zhenlai-H-M04-1' }, 95)).toEqual({
      status: 'not_met',
      message: expect.stringMatching(/^试算：95 → 尚有差距（95\.0%.*97%/),
    });
    const saved = setPlanTarget(county.ctx, 'zhenlai', { ...H04, targetId: 'zhenlai-H-M04-1' }, 97);
    expect(saved).toMatchObject({ version: 2, targetId: 'zhenlai-H-M04-1', sample: { status: 'met' } });
    expect(all(county).find((t) => t.id === 'zhenlai-H-M04-1')).toMatchObject({
      text: '孕产妇系统管理率达到97%以上',
      rule: { value: 97 },
      source: { item: 4, quote: '孕产妇系统管理率达到97%以上。' },
    });
    // 左右 with its tolerance and sides, and a year of its own
    const about = setPlanTarget(
      county.ctx,
      'zhenlai',
      {
        indicator: 'H04',
        text: '2025年孕产妇系统管理率达到95%左右',
        rule: { kind: 'about', value: 95, tolerance: 1, sides: 'at_least' },
        year: 2025,
        section: '策略措施',
        item: 4,
        quote: '到2025年，孕产妇系统管理率达到95%左右。',
      },
      94.2,
    );
    expect(about).toMatchObject({ version: 3, targetId: 'zhenlai-H-M04-2', sample: { status: 'met' } });
    expect(
      requireFramework(county.ctx, 'zhenlai', 2)
        .areas.flatMap((a) => a.targets)
        .some((t) => t.id === 'zhenlai-H-M04-2'),
    ).toBe(false);
    // removed again: a new version, the earlier ones kept
    expect(setPlanTarget(county.ctx, 'zhenlai', { remove: 'zhenlai-H-M04-2' }).version).toBe(4);
    expect(all(county).some((t) => t.id === 'zhenlai-H-M04-2')).toBe(false);
    expect(
      requireFramework(county.ctx, 'zhenlai', 3)
        .areas.flatMap((a) => a.targets)
        .some((t) => t.id === 'zhenlai-H-M04-2'),
    ).toBe(true);
  });

  it.each([
    [
      'a range upside down',
      { kind: 'range', min: 90, max: 80, minStrict: false, maxStrict: false },
      '区间的下限90应小于上限80',
    ],
    ['a percentage above 100', { kind: 'at_least', value: 120, strict: false }, '百分比指标的目标值不能超过100%'],
    ['a 左右 wider than its value', { kind: 'about', value: 2, tolerance: 3 }, '幅度±3不小于目标值2'],
    ['a band without 50%', { kind: 'balanced', low: 55, high: 60 }, '均衡范围55%～60%应包含50%'],
    ['a qualitative rule on a rate', { kind: 'qualitative' }, '定性规则只能配定性指标'],
  ])('refuses %s, storing nothing', (_name, rule, message) => {
    const county = backend();
    newPlan(county.ctx, ZHENLAI_PLAN);
    expect(() =>
      setPlanTarget(county.ctx, 'zhenlai', { ...H04, targetId: 'zhenlai-H-M04-1', rule: rule as never }),
    ).toThrow(message);
    expect(requireFramework(county.ctx, 'zhenlai').version).toBe(1);
  });

  it('offers every indicator of the catalogue, including ones the copied plan has no target for', () => {
    const county = backend();
    newPlan(county.ctx, ZHENLAI_PLAN);
    const codes = catalogueIndicators(county.ctx).map((i) => i.code);
    const used = new Set(all(county).map((t) => t.indicator));
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual(expect.arrayContaining([...used]));
    const unused = codes.find(
      (c) => !used.has(c) && catalogueIndicators(county.ctx).find((i) => i.code === c)!.kind === 'ratio',
    )!;
    expect(unused).toBeDefined();
    const indicator = catalogueIndicators(county.ctx).find((i) => i.code === unused)!;
    const added = setPlanTarget(
      county.ctx,
      'zhenlai',
      {
        indicator: unused,
        text: `${indicator.name}达到50%以上`,
        rule: { kind: 'at_least', value: 50, strict: false },
        section: '主要目标',
        item: 9,
        quote: `${indicator.name}达到50%以上。`,
      },
      60,
    );
    expect(added.sample).toMatchObject({ status: 'met' });
    expect(all(county).find((t) => t.id === added.targetId)).toMatchObject({ indicator: unused });
  });

  it('refuses to edit a shipped plan here', () => {
    const county = backend(TAOBEI_COUNTY);
    expect(() => setPlanTarget(county.ctx, 'taobei', { ...H04, targetId: 'taobei-H-M04-1' })).toThrow(
      '是随程序提供的规划，不能在这里修改',
    );
  });

  it('travels as a signed package to a 镇赉县 township, whose return and template fit the plan’s region', async () => {
    const county = backend();
    newPlan(county.ctx, ZHENLAI_PLAN);
    setPlanTarget(county.ctx, 'zhenlai', { ...H04, targetId: 'zhenlai-H-M04-1' });
    const pkg = exportFrameworkPackage(county.ctx, 'zhenlai');
    expect(pkg.fileName).toBe('镇赉县-指标框架-第2版.wdpframework.json');
    const township = backend();
    expect(importFrameworkPackage(township.ctx, pkg.fileName, Buffer.from(pkg.bytesBase64, 'base64'))).toMatchObject({
      planId: 'zhenlai',
      version: 2,
      pinned: { regionName: '镇赉县' },
    });
    setProfile(township.ctx, { planId: 'zhenlai', role: 'township', regionCode: ZHENLAI_TOWN, userName: '李' });
    const id = openReturn(township.ctx, ZHENLAI_TOWN, 2024, false).summary.id;
    setCells(township.ctx, id, [{ item: 'HD03', sex: 'total', value: 200, noData: null }]);
    expect(
      evaluateStored(township.ctx, requireReturn(township.ctx, id)).evaluation.targets.some(
        (t) => t.targetId === 'zhenlai-H-M04-1',
      ),
    ).toBe(true);
    const template = await exportTemplate(township.ctx, ZHENLAI_TOWN, 2024);
    const { report } = validateWorkbook(township.ctx, template.bytes, template.fileName);
    expect(report.problems.map((p) => p.code)).not.toContain('region_outside_plan');
    expect(report.identity).toMatchObject({ planId: 'zhenlai', regionCode: ZHENLAI_TOWN });
  });
});
