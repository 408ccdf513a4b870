// The region table is seeded from resources/regions/regions.json when its vintage (year and count) changes, and
// left alone otherwise: a start that finds the same vintage writes nothing and does not check the file's 3,600
// regions again.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp } from '../../../electron/backend/open-app.ts';
import { sourcePaths } from '../../../electron/backend/app-paths.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('seeding the region table', () => {
  it('writes the regions at the first start and when the vintage changes, never at a start with the same one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wdp-regions-'));
    dirs.push(dir);
    const resourcesDir = join(dir, 'resources');
    cpSync(sourcePaths.resourcesDir, resourcesDir, { recursive: true });
    const open = () => openApp({ dbFile: join(dir, 'wdp.sqlite'), ...sourcePaths, resourcesDir });
    const file = join(resourcesDir, 'regions', 'regions.json');
    const regions = JSON.parse(readFileSync(file, 'utf8')) as { vintage: number; regions: { code: string }[] };
    const count = (b: ReturnType<typeof open>) =>
      (b.ctx.db.prepare('SELECT count(*) AS n FROM regions').get() as { n: number }).n;

    let b = open();
    expect(count(b)).toBe(regions.regions.length);
    const gone = regions.regions[regions.regions.length - 1].code;
    b.ctx.db.prepare('DELETE FROM regions WHERE code = ?').run(gone);
    b.close();

    // same vintage: nothing written (the deleted row stays deleted), whatever else the file holds
    b = open();
    expect(count(b)).toBe(regions.regions.length - 1);
    b.close();

    // a new vintage: the table is written again from the file
    writeFileSync(file, JSON.stringify({ ...regions, vintage: regions.vintage + 1 }));
    b = open();
    expect(count(b)).toBe(regions.regions.length);
    b.close();
  });
});
