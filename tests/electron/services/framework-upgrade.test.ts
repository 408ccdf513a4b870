// A newer framework version never deletes or re-maps entered values: old returns stay on their version,
// a removed item keeps its data and is listed as retired.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openApp } from '../../../electron/app.ts';
import { sourcePaths } from '../../../electron/app-paths.ts';
import { loadShippedFrameworks, requireFramework, retiredItems } from '../../../electron/services/plans-service.ts';
import { openReturn, requireReturn, setCells, viewReturn } from '../../../electron/services/returns-service.ts';
import { setProfile } from '../../../electron/services/settings-service.ts';
import { TAOBEI_TOWNSHIP } from '../../helpers/backend.ts';

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
    plan.version = 2;
    writeFileSync(planFile, JSON.stringify(plan));
    const areaFile = join(resources, 'frameworks', 'plans', 'taobei', 'decision.json');
    const area = JSON.parse(readFileSync(areaFile, 'utf8'));
    area.targets = area.targets.filter((t: { indicator: string }) => t.indicator !== 'P32');
    writeFileSync(areaFile, JSON.stringify(area));

    const v2 = openApp({ dbFile, resourcesDir: resources, migrationsDir: sourcePaths.migrationsDir });
    expect(v2.ctx.startupWarnings).toEqual([]);
    expect(requireFramework(v2.ctx, 'taobei').version).toBe(2);
    const after = viewReturn(v2.ctx, requireReturn(v2.ctx, id));
    expect(after.summary.frameworkVersion).toBe(1);
    expect(after.data.cells).toEqual(before);
    const retired = retiredItems(v2.ctx, requireFramework(v2.ctx, 'taobei'));
    expect(retired.map((r) => r.code)).toEqual(expect.arrayContaining(['PD31', 'P32']));
    // Loading again is a no-op; a new year's return uses version 2.
    loadShippedFrameworks(v2.ctx);
    expect(openReturn(v2.ctx, TAOBEI_TOWNSHIP.regionCode, 2026, false).summary.frameworkVersion).toBe(2);
    v2.close();
  });
});
