// A newer framework version never deletes or re-maps entered values: old returns stay on their version,
// a removed item keeps its data and is listed as retired.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openApp } from '../../../electron/backend/open-app.ts';
import { sourcePaths } from '../../../electron/backend/app-paths.ts';
import { loadShippedFrameworks, requireFramework, retiredItems } from '../../../electron/frameworks/plans-service.ts';
import { openReturn, requireReturn, setCells, viewReturn } from '../../../electron/returns/returns-service.ts';
import { setProfile } from '../../../electron/settings/settings-service.ts';
import { adjustTarget } from '../../../electron/plans/framework-adjust-service.ts';
import { TAOBEI_COUNTY, TAOBEI_TOWNSHIP } from '../../helpers/backend.ts';

const dir = mkdtempSync(join(tmpdir(), 'wdp-upgrade-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('framework upgrade', () => {
  it('keeps every value entered under the old version', () => {
    const resources = join(dir, 'resources');
    cpSync(sourcePaths.resourcesDir, resources, { recursive: true });
    const dbFile = join(dir, 'wdp.sqlite');
    const v1 = openApp({ dbFile, resourcesDir: resources, migrationsDir: sourcePaths.migrationsDir });
    setProfile(v1.ctx, TAOBEI_TOWNSHIP);
    const id = openReturn(v1.ctx, TAOBEI_TOWNSHIP.regionCode, 2025, false).summary.id;
    const edits = [
      { item: 'PD30', sex: 'total' as const, value: 40, noData: null },
      { item: 'PD30', sex: 'female' as const, value: 14, noData: null },
      { item: 'PD31', sex: 'total' as const, value: null, noData: { reason: '未换届' } },
    ];
    setCells(v1.ctx, id, edits);
    const before = viewReturn(v1.ctx, requireReturn(v1.ctx, id)).data.cells;
    v1.close();

    // Version 2 ships: the 村委会主任 target (P32, from PD31) is dropped and a target value changes.
    const planFile = join(resources, 'frameworks', 'plans', 'taobei', 'plan.json');
    const plan = JSON.parse(readFileSync(planFile, 'utf8'));
    plan.version = 3;
    writeFileSync(planFile, JSON.stringify(plan));
    const areaFile = join(resources, 'frameworks', 'plans', 'taobei', 'decision.json');
    const area = JSON.parse(readFileSync(areaFile, 'utf8'));
    area.targets = area.targets.filter((t: { indicator: string }) => t.indicator !== 'P32');
    writeFileSync(areaFile, JSON.stringify(area));

    const v2 = openApp({ dbFile, resourcesDir: resources, migrationsDir: sourcePaths.migrationsDir });
    expect(v2.ctx.startupWarnings).toEqual([]);
    expect(requireFramework(v2.ctx, 'taobei').version).toBe(3);
    const after = viewReturn(v2.ctx, requireReturn(v2.ctx, id));
    expect(after.summary.frameworkVersion).toBe(2);
    expect(after.data.cells).toEqual(before);
    const retired = retiredItems(v2.ctx, requireFramework(v2.ctx, 'taobei'));
    expect(retired.map((r) => r.code)).toEqual(expect.arrayContaining(['PD31', 'P32']));
    // Loading again is a no-op; a new year's return uses version 2.
    loadShippedFrameworks(v2.ctx);
    expect(openReturn(v2.ctx, TAOBEI_TOWNSHIP.regionCode, 2026, false).summary.frameworkVersion).toBe(3);
    v2.close();
  });

  it('a new release reaches a county that adjusted a target locally: numbered after it, the adjustment carried', () => {
    const root = mkdtempSync(join(dir, 'county-'));
    const resources = join(root, 'resources');
    cpSync(sourcePaths.resourcesDir, resources, { recursive: true });
    const dbFile = join(root, 'wdp.sqlite');
    const first = openApp({ dbFile, resourcesDir: resources, migrationsDir: sourcePaths.migrationsDir });
    setProfile(first.ctx, TAOBEI_COUNTY);
    const shippedRelease = requireFramework(first.ctx, 'taobei').release!;
    // the county raises 村委会成员中女性比例 30% → 35% (a local version after the shipped one)
    const local = adjustTarget(first.ctx, 'taobei', 'taobei-P-G08-3', 35, '区妇儿工委全体会议纪要').version;
    expect(local).toBe(requireFramework(first.ctx, 'taobei').version);
    first.close();

    // the next release ships: one target's words change, another target stays as the plan had it
    const planFile = join(resources, 'frameworks', 'plans', 'taobei', 'plan.json');
    const plan = JSON.parse(readFileSync(planFile, 'utf8'));
    plan.version = shippedRelease + 1;
    writeFileSync(planFile, JSON.stringify(plan));
    const areaFile = join(resources, 'frameworks', 'plans', 'taobei', 'decision.json');
    const area = JSON.parse(readFileSync(areaFile, 'utf8'));
    const p31 = area.targets.find((t: { id: string }) => t.id === 'taobei-P-G08-3');
    p31.text = `${p31.text}（修订）`;
    writeFileSync(areaFile, JSON.stringify(area));

    const next = openApp({ dbFile, resourcesDir: resources, migrationsDir: sourcePaths.migrationsDir });
    expect(next.ctx.startupWarnings).toEqual([]);
    const fw = requireFramework(next.ctx, 'taobei');
    expect(fw.version).toBe(local + 1);
    expect(fw.release).toBe(shippedRelease + 1);
    const target = fw.areas.flatMap((a) => a.targets).find((t) => t.id === 'taobei-P-G08-3')!;
    expect(target.text).toMatch(/（修订）$/);
    expect(target.rule).toMatchObject({ kind: 'at_least', value: 35 });
    expect(target.adjustment).toMatchObject({
      previous: { kind: 'at_least', value: 30 },
      note: '区妇儿工委全体会议纪要',
    });
    // loading again is a no-op
    loadShippedFrameworks(next.ctx);
    expect(requireFramework(next.ctx, 'taobei').version).toBe(local + 1);
    next.close();
  });
});
