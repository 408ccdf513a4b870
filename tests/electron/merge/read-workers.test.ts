// Read workers started ahead (the desktop starts them while an upload is still arriving): the pool adopts them, they read
// exactly as new ones do once given their frameworks, and one never adopted does not keep the process alive.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importBatch } from '../../../electron/merge/batch-import.ts';
import { buildMergedReturn } from '../../../electron/merge/county-aggregate.ts';
import { resolveOffice } from '../../../electron/merge/office.ts';
import { openReadPool } from '../../../electron/merge/read-pool.ts';
import { poolSize, prestartReadWorkers, spareWorkers } from '../../../electron/merge/read-workers.ts';
import { REPO_ROOT } from '../../../electron/backend/app-paths.ts';
import { openTestBackend, TAOBEI_COUNTY, type TestBackend } from '../../helpers/backend.ts';
import { returnFile } from './excel-files.ts';
import { TOWNS } from './helpers.ts';

let backend: TestBackend;
afterEach(() => backend?.dispose());

describe('read workers started ahead', () => {
  it('are adopted by the pool and read the same as workers started by it', async () => {
    backend = openTestBackend({ profile: TAOBEI_COUNTY });
    const office = resolveOffice(backend.ctx);
    const files = await Promise.all(
      TOWNS.slice(0, 3).map(async (code, i) => ({
        fileName: `${i}.xlsx`,
        bytes: await returnFile(office.framework, { regionCode: code, regionName: `镇${i}`, year: 2024 }),
      })),
    );
    prestartReadWorkers(poolSize(250));
    expect(spareWorkers()).toBe(poolSize(250));
    expect(spareWorkers()).toBeGreaterThan(0);
    const pool = openReadPool(backend.ctx, 1);
    expect(spareWorkers()).toBe(poolSize(250) - 1); // one adopted
    try {
      const verdicts = await importBatch(backend.ctx, office, 2024, files, pool.read);
      expect(verdicts.map((v) => v.verdict)).toEqual(['accepted', 'accepted', 'accepted']);
      expect(buildMergedReturn(backend.ctx, office, 2024).completeness.reported).toBe(3);
    } finally {
      await pool.close();
    }
    // the rest are adopted by the next pool (and closed with it)
    const next = openReadPool(backend.ctx, 2);
    expect(spareWorkers()).toBe(Math.max(0, poolSize(250) - 3));
    await next.close();
  });

  it('one never adopted lets the process end', () => {
    const script = `import { prestartReadWorkers, spareWorkers } from ${JSON.stringify(join(REPO_ROOT, 'electron', 'merge', 'read-workers.ts'))};
prestartReadWorkers(2); console.log(spareWorkers());`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.error).toBeUndefined();
    expect(run.status).toBe(0);
    expect(Number(run.stdout.trim())).toBeGreaterThan(0);
  });
});
