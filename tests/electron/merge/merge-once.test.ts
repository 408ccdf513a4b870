// The merge computed once per state of the database: every view of the merged return shares one computation until
// something is written (a new file, a county entry, another connection's commit), then it is computed afresh. And
// the batch merge stores the same results whether files are read in this thread or by the worker pool.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { importBatch } from '../../../electron/merge/batch-import.ts';
import { buildMergedReturn } from '../../../electron/merge/county-aggregate.ts';
import { allFrameworks, excelReturnReader, readForMerge } from '../../../electron/merge/excel-reader.ts';
import { getRegion } from '../../../electron/db/repos/regions-repo.ts';
import type { ReturnReader } from '../../../electron/merge/batch-import.ts';
import { resolveOffice } from '../../../electron/merge/office.ts';
import { openReadPool } from '../../../electron/merge/read-pool.ts';
import { poolSize } from '../../../electron/merge/read-workers.ts';
import { openTestBackend, TAOBEI_COUNTY, type TestBackend } from '../../helpers/backend.ts';
import { returnFile } from './excel-files.ts';
import { TOWNS, file, jsonReader, townshipReturn } from './helpers.ts';

let backend: TestBackend;
afterEach(() => backend?.dispose());

describe('the merged return, computed once', () => {
  it('is the same object until something is written, then recomputed with the new file', async () => {
    backend = openTestBackend({ profile: TAOBEI_COUNTY });
    const office = resolveOffice(backend.ctx);
    await importBatch(
      backend.ctx,
      office,
      2024,
      [file('1.json', townshipReturn(office.framework, TOWNS[0], 2024))],
      jsonReader,
    );
    const first = buildMergedReturn(backend.ctx, office, 2024);
    expect(buildMergedReturn(backend.ctx, office, 2024)).toBe(first);
    expect(first.completeness.reported).toBe(1);
    await importBatch(
      backend.ctx,
      office,
      2024,
      [file('2.json', townshipReturn(office.framework, TOWNS[1], 2024))],
      jsonReader,
    );
    const second = buildMergedReturn(backend.ctx, office, 2024);
    expect(second).not.toBe(first);
    expect(second.completeness.reported).toBe(2);
    // another year is its own merge
    expect(buildMergedReturn(backend.ctx, office, 2023)).not.toBe(second);
  });

  it('notices a commit made through another connection to the same database file', async () => {
    backend = openTestBackend({ profile: TAOBEI_COUNTY });
    const office = resolveOffice(backend.ctx);
    await importBatch(
      backend.ctx,
      office,
      2024,
      [file('1.json', townshipReturn(office.framework, TOWNS[0], 2024))],
      jsonReader,
    );
    const before = buildMergedReturn(backend.ctx, office, 2024);
    const other = new Database(backend.ctx.db.name);
    other.prepare('UPDATE submissions SET is_current = 0').run();
    other.close();
    const after = buildMergedReturn(backend.ctx, office, 2024);
    expect(after).not.toBe(before);
    expect(after.completeness.reported).toBe(0);
  });
});

describe('reading a batch in this thread or on workers', () => {
  it('sizes the pool by the number of files: none for a few dozen, one per hundred up to the cores', () => {
    expect(poolSize(30, 2)).toBe(0);
    expect(poolSize(99, 8)).toBe(0);
    expect(poolSize(150, 8)).toBe(1);
    expect(poolSize(300, 2)).toBe(2);
    expect(poolSize(3000, 4)).toBe(4);
  });

  it('stores the same submissions either way', async () => {
    const verdictsOf = async (workers: number) => {
      const b = openTestBackend({ profile: TAOBEI_COUNTY });
      const office = resolveOffice(b.ctx);
      const files = await Promise.all(
        TOWNS.slice(0, 3).map(async (code, i) => ({
          fileName: `${i}.xlsx`,
          bytes: await returnFile(office.framework, { regionCode: code, regionName: `镇${i}`, year: 2024 }),
        })),
      );
      const pool =
        workers === 0 ? { read: excelReturnReader(b.ctx), close: async () => {} } : openReadPool(b.ctx, workers);
      try {
        const verdicts = await importBatch(b.ctx, office, 2024, files, pool.read);
        const merged = buildMergedReturn(b.ctx, office, 2024);
        return {
          verdicts: verdicts.map((v) => ({ ...v, submissionId: null })),
          cells: merged.result.data.cells,
          targets: merged.evaluation.targets,
        };
      } finally {
        await pool.close();
        b.dispose();
      }
    };
    const inThread = await verdictsOf(0);
    expect(inThread.cells.length).toBeGreaterThan(50);
    const pooled = await verdictsOf(2);
    expect(inThread.verdicts.map((v) => v.verdict)).toEqual(['accepted', 'accepted', 'accepted']);
    expect(pooled).toEqual(inThread);
  });
});

describe('the merge before and after the small reader', () => {
  it('gives the same verdicts, stored cells, merged return and judgement as SheetJS reading every file', async () => {
    const run = async (reader: 'auto' | 'sheetjs') => {
      const b = openTestBackend({ profile: TAOBEI_COUNTY });
      try {
        const office = resolveOffice(b.ctx);
        const files = await Promise.all(
          TOWNS.map(async (code, i) => ({
            fileName: `${i}.xlsx`,
            // a draft, an empty cell and an odd value among them: warnings and notes must match too
            bytes: await returnFile(office.framework, {
              regionCode: code,
              regionName: `镇${i}`,
              year: 2024,
              status: i === 1 ? 'draft' : 'submitted',
              cells: i === 2 ? { [`${office.framework.dataItems[0].code}.total`]: null } : {},
            }),
          })),
        );
        const ctx = { frameworks: allFrameworks(b.ctx), region: (code: string) => getRegion(b.ctx.db, code), reader };
        const read: ReturnReader = (bytes, fileName) => readForMerge(bytes, fileName, ctx);
        const verdicts = await importBatch(b.ctx, office, 2024, files, read);
        const merged = buildMergedReturn(b.ctx, office, 2024);
        return {
          verdicts,
          data: merged.result.data,
          evaluation: merged.evaluation,
          notes: merged.notes,
          completeness: merged.completeness,
        };
      } finally {
        b.dispose();
      }
    };
    const fast = await run('auto');
    const sheetjs = await run('sheetjs');
    expect(fast.verdicts.map((v) => v.verdict)).toEqual(['accepted', 'warnings', 'accepted', 'accepted']);
    expect(fast).toEqual(sheetjs);
  });
});
