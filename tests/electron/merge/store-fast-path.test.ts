// Storing a batch without asking a supplier with no earlier version for its versions, and without reading each stored
// row back: the same verdicts and the same rows as asking every supplier, on batches with first versions, a
// duplicate, resubmissions in the same batch, a user's choice and refused files; the row a store answers is the row
// the database holds.
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { type ReadFile, storeAll } from '../../../electron/merge/batch-import.ts';
import { chooseSubmission } from '../../../electron/merge/merge-service.ts';
import { resolveOffice } from '../../../electron/merge/office.ts';
import { storeFastPaths, storeSubmission } from '../../../electron/merge/submissions.ts';
import { getSubmission } from '../../../electron/db/repos/submissions-repo.ts';
import { openTestBackend, TAOBEI_COUNTY, type TestBackend } from '../../helpers/backend.ts';
import { OTHER_COUNTY_TOWN, TOWNS, file, jsonReader, townshipReturn } from './helpers.ts';

const backends: TestBackend[] = [];
afterEach(() => {
  for (const b of backends.splice(0)) b.dispose();
});

/** A backend whose clock ticks the same way as every other one made here. */
function open() {
  let clock = new Date('2025-02-10T02:00:00Z').getTime();
  const backend = openTestBackend({ profile: TAOBEI_COUNTY, now: () => new Date((clock += 1000)) });
  backends.push(backend);
  return { backend, office: resolveOffice(backend.ctx) };
}

async function readAll(files: ReturnType<typeof file>[]): Promise<ReadFile[]> {
  const out: ReadFile[] = [];
  for (const f of files) {
    const outcome = await jsonReader(f.bytes, f.fileName);
    out.push({
      fileName: f.fileName,
      sizeBytes: f.bytes.length,
      checksum: createHash('sha256').update(f.bytes).digest('hex'),
      problems: outcome.problems,
      incoming: outcome.incoming,
      identity: null,
    });
  }
  return out;
}

const TABLES = ['submissions', 'submission_cells', 'submission_answers', 'received_files', 'received_file_problems'];
const dump = (b: TestBackend) =>
  Object.fromEntries(TABLES.map((t) => [t, b.ctx.db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()]));

describe('storing a batch', () => {
  it('gives the verdicts and rows of the older path, and takes its fast paths', async () => {
    const fast = open();
    const slow = open();
    const fw = fast.office.framework;
    const v = (town: string, total: number) =>
      townshipReturn(fw, town, 2024, { 'PD30.total': total, 'PD30.female': 3, 'HD01.total': 50 });
    const batches = [
      [
        file('a1.json', v(TOWNS[0], 10), { reportedOn: '2025-01-10' }),
        file('b1.json', v(TOWNS[1], 20), { fileStatus: 'draft' }),
        file('a1-again.json', v(TOWNS[0], 10), { reportedOn: '2025-01-10' }),
        file('a2.json', v(TOWNS[0], 12), { reportedOn: '2025-01-20' }),
        file('a0.json', v(TOWNS[0], 9), { reportedOn: '2025-01-05' }),
        file('other.json', v(OTHER_COUNTY_TOWN, 5)),
        file('lastyear.json', townshipReturn(fw, TOWNS[2], 2023, { 'PD30.total': 1 })),
      ],
      [
        file('b2.json', v(TOWNS[1], 21), { madeAt: '2025-02-01T00:00:00.000Z' }),
        file('c1.json', v(TOWNS[2], 30), { reportedOn: '2025-01-15', madeAt: '2025-01-15T08:00:00.000Z' }),
        file('a3.json', v(TOWNS[0], 13), { reportedOn: '2025-01-15' }),
        file('a4.json', v(TOWNS[0], 14), { reportedOn: '2025-01-25' }),
      ],
    ];
    const before = { ...storeFastPaths };
    const verdicts: Record<'fast' | 'slow', unknown[]> = { fast: [], slow: [] };
    for (const [i, batch] of batches.entries()) {
      const reads = await readAll(batch);
      verdicts.fast.push(storeAll(fast.backend.ctx, fast.office, 2024, reads));
      verdicts.slow.push(storeAll(slow.backend.ctx, slow.office, 2024, reads, true));
      // every version stored: the row built as stored, and the current ones, are what the database holds
      for (const v of verdicts.fast.at(-1) as { submissionId: number | null }[])
        if (v.submissionId !== null)
          expect(getSubmission(fast.backend.ctx.db, v.submissionId)).toEqual(
            getSubmission(slow.backend.ctx.db, v.submissionId),
          );
      if (i === 0) {
        // the user keeps a version: a later batch's versions of that township settle against the user's choice
        const first = (verdicts.fast[0] as { submissionId: number | null }[])[0].submissionId!;
        chooseSubmission(fast.backend.ctx, { year: 2024, submissionId: first });
        chooseSubmission(slow.backend.ctx, { year: 2024, submissionId: first });
      }
    }
    expect(verdicts.fast).toEqual(verdicts.slow);
    expect(dump(fast.backend)).toEqual(dump(slow.backend));
    // the batches hold resubmissions, a duplicate and refusals: the comparison covers them
    const flat = verdicts.fast.flat() as { verdict: string; duplicate: boolean; resubmission: unknown }[];
    expect(flat.some((x) => x.duplicate)).toBe(true);
    expect(flat.filter((x) => x.resubmission !== null).length).toBeGreaterThan(2);
    expect(flat.some((x) => x.verdict === 'rejected')).toBe(true);
    // the fast path was taken (three first versions), asking each supplier none
    expect(storeFastPaths.noEarlierVersion - before.noEarlierVersion).toBe(3);
  });

  it('answers the stored version as the database holds it: a first version, a later one that becomes current', () => {
    const { backend, office } = open();
    const fw = office.framework;
    const incoming = (total: number, reportedOn: string) => ({
      data: townshipReturn(fw, TOWNS[0], 2024, { 'PD30.total': total }),
      supplierName: '海明街道',
      department: '',
      reportedOn,
      madeAt: null,
      footer: { head: '李明', statistician: '', filler: '张丽', phone: '0436-1234567' },
      fileStatus: 'submitted' as const,
    });
    const facts = (n: number) => ({ fileName: `${n}.xlsx`, checksum: String(n).repeat(64), sizeBytes: 100 });
    backend.ctx.db.transaction(() => {
      const suppliers = new Set<string>();
      for (const [n, total, reportedOn] of [
        [1, 10, '2025-01-10'],
        [2, 12, '2025-01-20'],
      ] as const) {
        const outcome = storeSubmission(
          backend.ctx,
          office,
          2024,
          incoming(total, reportedOn),
          facts(n),
          'township',
          'accepted',
          suppliers,
        );
        expect(outcome.becameCurrent, String(n)).toBe(true);
        expect(outcome.submission).toEqual(getSubmission(backend.ctx.db, outcome.submission.id));
      }
    })();
  });
});
