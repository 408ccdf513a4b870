// Any county, from the bare catalogue: 镇赉县 (no shipped plan) authors its plan through `wdp plan new
// --from-catalogue`, declares a local indicator in the reserved range, enters its targets; a township of 镇赉县
// imports the signed package and fills its return; the county merges it; 白城市, with its own plan (also from the
// catalogue), merges 洮北区 (shipped plan) and 镇赉县 by item code. Totals and pooled rates equal sums computed
// here; the item 镇赉县 does not collect is a gap (never a zero); its local item is not pooled by code; the city's
// own return is a city return judged against the city's plan.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importBatch } from '../../../electron/merge/batch-import.ts';
import { resolveOffice } from '../../../electron/merge/office.ts';
import { mergeResult } from '../../../electron/merge/merge-service.ts';
import { newPlan, setPlanTarget } from '../../../electron/plans/plan-author-service.ts';
import { requireFramework } from '../../../electron/frameworks/plans-service.ts';
import { setProfile } from '../../../electron/settings/settings-service.ts';
import { openTestBackend, type TestBackend } from '../../helpers/backend.ts';
import { wdpRunner } from '../../helpers/cli.ts';
import { CITY, COUNTY, cellOf, file, jsonReader, townshipReturn } from '../merge/helpers.ts';

const root = mkdtempSync(join(tmpdir(), 'wdp-catalogue-'));
const zlDir = join(root, 'zhenlai');
mkdirSync(zlDir);
const open: TestBackend[] = [];
afterAll(() => {
  while (open.length) open.pop()!.dispose();
  rmSync(root, { recursive: true, force: true });
});
const wdp = wdpRunner({ dir: root, db: () => join(zlDir, 'wdp.sqlite') });
const now = () => new Date('2025-02-10T02:00:00Z');
const ZHENLAI = '220821000000';
const ZL_TOWN = '220821100000';

describe('镇赉县 from the catalogue, merged at 白城市 with the city’s own plan', () => {
  it('authors through the CLI, fills, merges by item code with sums and pooled rates as computed here', async () => {
    const both = wdp(
      'plan',
      'new',
      '--id',
      'zhenlai',
      '--region',
      ZHENLAI,
      '--copy',
      'taobei',
      '--from-catalogue',
      '--name',
      '镇赉县妇女发展规划（2021-2030年）',
      '--period',
      '2021-2030',
      '--base-year',
      '2020',
    );
    expect(both.code).toBe(2);
    expect(both.stderr).toContain(
      '--copy <规划编号>（复制一个规划）或 --from-catalogue（从指标目录开始），二者只能选一个',
    );

    const made = wdp(
      'plan',
      'new',
      '--id',
      'zhenlai',
      '--region',
      ZHENLAI,
      '--from-catalogue',
      '--name',
      '镇赉县妇女发展规划（2021-2030年）',
      '--period',
      '2021-2030',
      '--base-year',
      '2020',
    );
    expect(made.stderr).toBe('');
    expect(made.stdout).toContain(
      '已编制《镇赉县妇女发展规划（2021-2030年）》（编号 zhenlai，从指标目录开始），第 1 版',
    );

    // a local indicator: its own numerator item HD80, the catalogue's 活产数 HD01 as denominator
    const local = [
      'plan',
      'local',
      'zhenlai',
      '--name',
      '新生儿“两病”筛查率',
      '--unit',
      '%',
      '--definition',
      '接受先天性甲状腺功能减低症和苯丙酮尿症筛查的新生儿数占活产数的比例',
      '--numerator',
      'HD80',
      '--numerator-name',
      '接受“两病”筛查的新生儿数',
      '--denominator',
      'HD01',
      '--department',
      '卫健',
    ];
    const collides = wdp(...local, '--code', 'H04');
    expect(collides.code).toBe(1);
    expect(collides.stderr).toContain('代码 H04 是指标目录中已有的代码');
    const outside = wdp(...local, '--code', 'H60');
    expect(outside.stderr).toContain('代码 H60 不在本地代码范围内：本地代码为 H80～H99');
    const declared = wdp(...local, '--code', 'H80');
    expect(declared.stderr).toBe('');
    expect(declared.stdout).toContain('已登记本地指标 H80，保存为第 2 版');

    const h04 = wdp(
      'plan',
      'edit',
      'zhenlai',
      '--indicator',
      'H04',
      '--kind',
      'at_least',
      '--value',
      '97',
      '--text',
      '孕产妇系统管理率达到97%以上',
      '--quote',
      '孕产妇系统管理率达到97%以上。',
      '--section',
      '主要目标',
      '--item',
      '1',
      '--sample',
      '96.5',
    );
    expect(h04.stderr).toBe('');
    expect(h04.stdout).toContain('zhenlai-H-G01-1\t已保存为第 3 版');
    expect(h04.stdout).toContain('试算：96.5 → 基本实现');
    const h03 = wdp(
      'plan',
      'edit',
      'zhenlai',
      '--indicator',
      'H03',
      '--kind',
      'at_most',
      '--value',
      '12',
      '--strict',
      '--text',
      '孕产妇死亡率低于12/10万',
      '--quote',
      '孕产妇死亡率控制在低于12/10万。',
      '--section',
      '主要目标',
      '--item',
      '2',
    );
    expect(h03.stdout).toContain('zhenlai-H-G02-1\t已保存为第 4 版');
    const h80 = wdp(
      'plan',
      'edit',
      'zhenlai',
      '--indicator',
      'H80',
      '--kind',
      'about',
      '--value',
      '90',
      '--tolerance',
      '2',
      '--sides',
      'at_least',
      '--year',
      '2025',
      '--text',
      '2025年新生儿“两病”筛查率达到90%左右',
      '--quote',
      '到2025年，新生儿“两病”筛查率达到90%左右。',
      '--section',
      '策略措施',
      '--item',
      '3',
      '--sample',
      '88.5',
    );
    expect(h80.stdout).toContain('zhenlai-H-M03-1\t已保存为第 5 版');
    expect(h80.stdout).toContain('试算：88.5 → 已实现');
    expect(wdp('plan', 'show', 'zhenlai').stdout).toMatch(
      /H80\t新生儿“两病”筛查率\t2025年新生儿“两病”筛查率达到90%左右/,
    );
    const pkgFile = join(root, 'zhenlai.wdpframework.json');
    expect(wdp('plan', 'export', 'zhenlai', '-o', pkgFile).code).toBe(0);

    // a township of 镇赉县 imports the signed package and fills its return through the API
    const town = openTestBackend({ now });
    open.push(town);
    await town.handlers['plans:import-package']({
      fileName: 'zhenlai.wdpframework.json',
      bytesBase64: readFileSync(pkgFile).toString('base64'),
    });
    setProfile(town.ctx, { planId: 'zhenlai', role: 'township', regionCode: ZL_TOWN, userName: '李娜' });
    const view = await town.handlers['returns:open']({
      regionCode: ZL_TOWN,
      year: 2024,
      prefillFromPreviousYear: false,
    });
    expect(view.summary.level).toBe('township');
    // 孕产妇死亡人数 (HD02) is not collected in 镇赉县 this year: left blank
    const zlValues = { 'HD01.total': 800, 'HD03.total': 770, 'HD80.total': 760 };
    await town.handlers['returns:set-cells']({
      returnId: view.summary.id,
      edits: Object.entries(zlValues).map(([k, value]) => ({
        item: k.split('.')[0],
        sex: 'total' as const,
        value,
        noData: null,
        raw: null,
      })),
    });
    const townData = (await town.handlers['returns:get']({ returnId: view.summary.id })).data;

    // the county merges it (the CLI's database, the county's profile set by plan new)
    const zl = openTestBackend({ now, dir: zlDir });
    open.push(zl);
    const zlOffice = resolveOffice(zl.ctx);
    expect(zlOffice).toMatchObject({ level: 'county', planId: 'zhenlai' });
    await importBatch(zl.ctx, zlOffice, 2024, [file('镇赉镇.json', townData, { supplierName: '镇赉镇' })], jsonReader);
    const zlMerged = mergeResult(zl.ctx, { year: 2024 });
    expect(zlMerged.data.level).toBe('county');
    expect(cellOf(zlMerged.data, 'HD80.total')?.value).toBe(760);
    expect(zlMerged.evaluation.targets.find((t) => t.targetId === 'zhenlai-H-M03-1')?.status).toBe('met'); // 95% ≥ 88

    // 白城市: its own plan from the catalogue, H04 ≥ 95 and H03 < 15
    const city = openTestBackend({ now });
    open.push(city);
    newPlan(city.ctx, {
      id: 'baicheng',
      regionCode: CITY,
      name: '白城市妇女发展规划（2021-2030年）',
      start: 2021,
      end: 2030,
      baselineYear: 2020,
    });
    setPlanTarget(city.ctx, 'baicheng', {
      indicator: 'H04',
      text: '孕产妇系统管理率达到95%以上',
      rule: { kind: 'at_least', value: 95, strict: false },
      section: '主要目标',
      item: 1,
      quote: '孕产妇系统管理率达到95%以上。',
    });
    setPlanTarget(city.ctx, 'baicheng', {
      indicator: 'H03',
      text: '孕产妇死亡率控制在15/10万以下',
      rule: { kind: 'at_most', value: 15, strict: false },
      section: '主要目标',
      item: 2,
      quote: '孕产妇死亡率控制在15/10万以下。',
    });
    const cityOffice = resolveOffice(city.ctx);
    expect(cityOffice).toMatchObject({ level: 'city', planId: 'baicheng' });
    // the city's own return is a city return
    const own = await city.handlers['returns:open']({ regionCode: CITY, year: 2024, prefillFromPreviousYear: false });
    expect(own.summary.level).toBe('city');

    const tbFw = requireFramework(city.ctx, 'taobei');
    const tbValues = { 'HD01.total': 1180, 'HD02.total': 1, 'HD03.total': 1100 };
    const tb = { ...townshipReturn(tbFw, COUNTY, 2024, tbValues), level: 'county' as const };
    const zlReturn = zlMerged.data;
    expect(zlReturn.pooledRatios?.H03).toBeUndefined();
    const verdicts = await importBatch(
      city.ctx,
      cityOffice,
      2024,
      [file('洮北区.json', tb, { supplierName: '洮北区' }), file('镇赉县.json', zlReturn, { supplierName: '镇赉县' })],
      jsonReader,
    );
    expect(verdicts.map((v) => v.verdict)).not.toContain('rejected');
    const zlProblems = verdicts[1].problems.map((p) => p.message).join('\n');
    expect(zlProblems).toContain('已按数据项代码与本级指标框架对应');
    expect(zlProblems).toContain('本地指标数据项（本地代码，各规划含义不同）不按代码汇总，未计入：HD80');

    const result = mergeResult(city.ctx, { year: 2024 });
    expect(result.data.level).toBe('city');
    expect(cellOf(result.data, 'HD01.total')?.value).toBe(1180 + 800);
    expect(cellOf(result.data, 'HD03.total')?.value).toBe(1100 + 770);
    expect(result.data.cells.some((c) => c.item === 'HD80')).toBe(false);
    // 孕产妇死亡人数: 洮北区 alone, 镇赉县 a gap, never a zero; the rate pools only 洮北区's births
    expect(cellOf(result.data, 'HD02.total')?.value).toBe(1);
    expect(result.gaps.find((g) => g.item === 'HD02')?.missingIn.map((m) => m.code)).toEqual([ZHENLAI]);
    expect(result.data.pooledRatios?.H03).toMatchObject({ numerator: 1, denominator: 1180 });
    expect(result.data.pooledRatios?.H04).toMatchObject({ numerator: 1100 + 770, denominator: 1180 + 800 });
    // judged against the city's own plan: H04 = 1870 / 1980 = 94.4% → 基本实现 of ≥95; H03 = 1/1180 ×10万 = 84.7 → 尚有差距 of ≤15
    const byId = new Map(result.evaluation.targets.map((t) => [t.targetId, t]));
    expect(byId.get('baicheng-H-G01-1')?.value).toBeCloseTo(Math.round((1870 / 1980) * 1000) / 10, 5);
    expect(byId.get('baicheng-H-G01-1')?.status).toBe('basically_met');
    expect(byId.get('baicheng-H-G02-1')?.value).toBeCloseTo(Math.round((1 / 1180) * 1e5 * 10) / 10, 5);
    expect(byId.get('baicheng-H-G02-1')?.status).toBe('not_met');
    expect([...byId.keys()].every((id) => id.startsWith('baicheng-'))).toBe(true);
  });
});
