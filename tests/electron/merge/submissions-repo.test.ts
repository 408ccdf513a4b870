// The submissions tables on the real migrations: STRICT types, one current version per supplier and year, each file
// stored once, cells kept as received (blank, 无数据, values).
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  answersOfSubmissions,
  cellsOfSubmissions,
  currentSubmissions,
  findByChecksum,
  insertSubmission,
  itemSourcesOf,
  makeCurrent,
  replaceItemSources,
  submissionAnswers,
  submissionCells,
  versionsOf,
  type NewSubmission,
} from '../../../electron/db/repos/submissions-repo.ts';
import { getSubmission } from '../../../electron/db/repos/submissions-repo.ts';
import { submissionData, submissionsData } from '../../../electron/merge/submissions.ts';
import { openTestBackend, type TestBackend } from '../../helpers/backend.ts';
import { COUNTY, TOWNS } from './helpers.ts';

let backend: TestBackend;
afterEach(() => backend?.dispose());

const sub = (over: Partial<NewSubmission> = {}): NewSubmission => ({
  officeCode: COUNTY,
  year: 2024,
  regionCode: TOWNS[0],
  supplierKind: 'township',
  department: '',
  supplierName: '海明街道',
  planId: 'taobei',
  frameworkVersion: 1,
  reportedOn: '2025-01-10',
  fileStatus: 'submitted',
  fileName: 'a.xlsx',
  checksum: 'a'.repeat(64),
  receivedAt: '2025-02-01T00:00:00.000Z',
  verdict: 'accepted',
  madeAt: null,
  valuesChecksum: null,
  footer: { head: '', statistician: '', filler: '', phone: '' },
  ...over,
});

describe('submissions repository', () => {
  it('keeps cells as received: values, 无数据 with its reason; blanks are not stored', () => {
    backend = openTestBackend();
    const id = insertSubmission(
      backend.ctx.db,
      sub(),
      [
        { item: 'PD30', sex: 'total', value: 12, noData: null, prefilled: false, raw: null },
        { item: 'PD30', sex: 'female', value: null, noData: { reason: '未分性别统计' }, prefilled: false, raw: null },
        { item: 'HD01', sex: 'total', value: null, noData: null, prefilled: false, raw: null },
      ],
      [{ indicator: 'P01', choice: 'done', note: '' }],
    );
    expect(submissionCells(backend.ctx.db, id)).toEqual([
      { item: 'PD30', sex: 'female', value: null, noData: { reason: '未分性别统计' }, prefilled: false, raw: null },
      { item: 'PD30', sex: 'total', value: 12, noData: null, prefilled: false, raw: null },
    ]);
    expect(findByChecksum(backend.ctx.db, COUNTY, 'a'.repeat(64))?.id).toBe(id);
  });

  it('stores every count of cells whole, in blocks of any size (0 to 140 cells, blanks among them)', () => {
    backend = openTestBackend();
    for (const n of [0, 1, 2, 3, 7, 31, 32, 47, 63, 64, 65, 100, 127, 140]) {
      const cells = Array.from({ length: n }, (_, i) => ({
        item: `X${String(Math.floor(i / 3)).padStart(3, '0')}`,
        sex: (['total', 'female', 'male'] as const)[i % 3],
        value: i % 11 === 5 ? null : i * 1.5,
        noData: i % 11 === 5 ? { reason: `无数据${i}` } : null,
        prefilled: false,
        raw: null,
      }));
      const blank = { item: 'BLANK', sex: 'total' as const, value: null, noData: null, prefilled: false, raw: null };
      const id = insertSubmission(
        backend.ctx.db,
        sub({ checksum: String(n).padStart(64, 'c') }),
        [...cells, blank],
        [],
      );
      const key = (c: { item: string; sex: string }) => `${c.item}.${c.sex}`;
      expect(submissionCells(backend.ctx.db, id).sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
        cells.sort((a, b) => key(a).localeCompare(key(b))),
      );
    }
  });

  it('allows one current version per supplier and year, and keeps the others', () => {
    backend = openTestBackend();
    const db = backend.ctx.db;
    const a = insertSubmission(db, sub(), [], []);
    const b = insertSubmission(db, sub({ checksum: 'b'.repeat(64), reportedOn: '2025-01-20' }), [], []);
    makeCurrent(db, getSubmission(db, a)!, 'auto');
    makeCurrent(db, getSubmission(db, b)!, 'user');
    expect(versionsOf(db, COUNTY, 2024, TOWNS[0], '').map((v) => [v.id, v.isCurrent, v.chosenBy])).toEqual([
      [a, false, 'auto'],
      [b, true, 'user'],
    ]);
    expect(currentSubmissions(db, COUNTY, 2024).map((s) => s.id)).toEqual([b]);
    expect(() => db.prepare('UPDATE submissions SET is_current = 1 WHERE id = ?').run(a)).toThrow(/UNIQUE/);
    // the same file (checksum) is stored once per office
    expect(() => insertSubmission(db, sub({ checksum: 'b'.repeat(64) }), [], [])).toThrow(/UNIQUE/);
    // a department's version of the county lives beside the county's own region code
    const d = insertSubmission(
      db,
      sub({ regionCode: COUNTY, supplierKind: 'department', department: '卫健', checksum: 'c'.repeat(64) }),
      [],
      [],
    );
    makeCurrent(db, getSubmission(db, d)!, 'auto');
    expect(currentSubmissions(db, COUNTY, 2024)).toHaveLength(2);
  });

  it('refuses values of the wrong type or kind (STRICT tables and checks)', () => {
    backend = openTestBackend();
    const db = backend.ctx.db;
    expect(() => insertSubmission(db, sub({ supplierKind: 'village' as never }), [], [])).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare("INSERT INTO submission_cells (submission_id, item, sex, value) VALUES (1, 'PD30', 'total', 'twelve')")
        .run(),
    ).toThrow();
  });

  it('records who supplied each item of a merged return, replacing the previous record', () => {
    backend = openTestBackend();
    const key = { officeCode: COUNTY, year: 2024, planId: 'taobei' };
    replaceItemSources(
      backend.ctx.db,
      key,
      [{ item: 'PD30', kind: 'children', department: '', contributors: 3, children: 4 }],
      '2025-03-01T00:00:00Z',
    );
    replaceItemSources(
      backend.ctx.db,
      key,
      [{ item: 'HD27', kind: 'department', department: '卫健', contributors: 0, children: 0 }],
      '2025-03-02T00:00:00Z',
    );
    expect(itemSourcesOf(backend.ctx.db, key)).toEqual([
      { item: 'HD27', kind: 'department', department: '卫健', contributors: 0, children: 0 },
    ]);
  });

  it("reads many submissions' cells and answers at once as each is read alone, across slices of 500 ids", () => {
    backend = openTestBackend();
    const db = backend.ctx.db;
    const ids = [0, 1, 2, 3].map((n) =>
      insertSubmission(
        db,
        sub({ checksum: String(n).padStart(64, 'd'), regionCode: TOWNS[n % TOWNS.length] }),
        Array.from({ length: n * 5 }, (_, i) => ({
          item: `Y${String(20 - i).padStart(2, '0')}`,
          sex: (['male', 'total', 'female'] as const)[i % 3],
          value: i === 3 ? null : i * 2.5 + n,
          noData: i === 3 ? { reason: '无数据' } : null,
          prefilled: false,
          raw: null,
        })),
        Array.from({ length: n }, (_, i) => ({
          indicator: `Q${String(9 - i).padStart(2, '0')}`,
          choice: ([null, 'done', 'in_progress', 'not_done'] as const)[(i + n) % 4],
          note: i === 1 ? `说明${n}` : '',
        })),
      ),
    );
    // the asked ids spread over three slices, with ids that have no submission among them
    const asked = [
      ...Array.from({ length: 499 }, (_, i) => 100_000 + i),
      ids[2],
      ids[0],
      ...Array.from({ length: 600 }, (_, i) => 200_000 + i),
      ids[3],
      ids[1],
    ];
    const cells = cellsOfSubmissions(db, asked);
    const answers = answersOfSubmissions(db, asked);
    expect([...cells.keys()]).toEqual(asked);
    expect([...answers.keys()]).toEqual(asked);
    for (const id of asked) {
      expect(cells.get(id)).toEqual(submissionCells(db, id));
      expect(JSON.stringify(answers.get(id))).toBe(JSON.stringify(submissionAnswers(db, id)));
    }
    expect(answers.get(ids[3])!.length).toBe(3);

    // the returns of many versions, as each read alone, with one query for all their cells, answers, pooled ratios
    const rows = ids.map((id) => getSubmission(db, id)!);
    const sql: string[] = [];
    const prepare = db.prepare;
    const spy = vi.spyOn(db, 'prepare').mockImplementation((s: string) => {
      sql.push(s);
      return prepare(s);
    });
    const many = submissionsData(backend.ctx, rows);
    spy.mockRestore();
    expect(JSON.stringify(many)).toBe(JSON.stringify(rows.map((r) => submissionData(backend.ctx, r))));
    expect(sql.filter((s) => s.includes('FROM submission_answers')).length).toBe(1);
    expect(sql.filter((s) => s.includes('FROM submission_cells')).length).toBe(1);
    // township returns have no pooled ratios: none is asked for them one by one
    expect(sql.filter((s) => s.includes('FROM submission_pooled_ratios')).length).toBe(1);
  });
});
