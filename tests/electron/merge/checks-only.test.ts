// A merge reads each file with the checks only (the targets are not judged): the same problems, return and facts
// as the whole read, on sound, broken and blank returns; and the merge's reader does take that path.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checksOnlyReads, readReturnWorkbook, type ReadContext } from '../../../electron/excel/read-return.ts';
import { allFrameworks, readForMerge } from '../../../electron/merge/excel-reader.ts';
import { openTestApp, type TestApp } from '../excel/helpers/app.ts';
import { plausibleReturn, returnFile } from './excel-files.ts';

let app: TestApp;
let ctx: ReadContext;
const files: [string, Buffer][] = [];
const TOWN = { regionCode: '511113100000', regionName: '永和镇', year: 2024 };

beforeAll(async () => {
  app = openTestApp();
  const framework = app.framework('jinkouhe');
  ctx = { frameworks: allFrameworks(app.backend.ctx), region: () => ({ name: TOWN.regionName, level: 'township' }) };
  files.push(['sound.xlsx', await returnFile(framework, TOWN)]);
  const data = plausibleReturn(framework, TOWN);
  const first = data.cells.find((c) => c.sex === 'total' && c.value !== null)!;
  const female = data.cells.find((c) => c.sex === 'female' && c.value !== null)!;
  const broken = {
    ...data,
    cells: data.cells.map((c) =>
      c === first ? { ...c, value: -3 } : c === female ? { ...c, value: (c.value ?? 0) + 1e7 } : c,
    ),
  };
  files.push(['broken.xlsx', await returnFile(framework, TOWN, broken)]);
  const blank = { ...data, cells: data.cells.map((c) => ({ ...c, value: null, noData: null })) };
  files.push(['blank.xlsx', await returnFile(framework, TOWN, blank)]);
  files.push(['county.xlsx', await returnFile(framework, { ...TOWN, regionCode: '511113000000', level: 'county' })]);
});
afterAll(() => app.close());

describe('the checks-only read', () => {
  it('finds the same problems, return and facts as the whole read', () => {
    const codes = new Set<string>();
    for (const [name, bytes] of files) {
      const whole = readReturnWorkbook(new Uint8Array(bytes), name, ctx);
      const checks = readReturnWorkbook(new Uint8Array(bytes), name, { ...ctx, checksOnly: true });
      expect(checks.report.problems).toStrictEqual(whole.report.problems);
      expect(checks.report.counts).toStrictEqual(whole.report.counts);
      expect(checks.report.identity).toStrictEqual(whole.report.identity);
      expect(checks.parsed).toStrictEqual(whole.parsed);
      expect(checks.meta).toStrictEqual(whole.meta);
      for (const p of whole.report.problems) codes.add(p.code);
    }
    // the rule engine's cell issues and the blank return's error were among them
    for (const code of ['negative_count', 'female_exceeds_total', 'blank_return']) expect(codes.has(code)).toBe(true);
  });

  it('is how a merge reads', () => {
    const before = checksOnlyReads.count;
    const [name, bytes] = files[0];
    expect(readForMerge(new Uint8Array(bytes), name, ctx).incoming).not.toBeNull();
    expect(checksOnlyReads.count).toBe(before + 1);
  });
});
