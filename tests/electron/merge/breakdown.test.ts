// 分单位明细's children judged with the targets a row shows only (judgeSomeTargets) against each child judged whole
// by evaluateReturn, as before: the same breakdown, and the lean path is the one taken.
import { afterEach, describe, expect, it } from 'vitest';
import { importBatch } from '../../../electron/merge/batch-import.ts';
import { breakdownJudging, buildBreakdown } from '../../../electron/merge/breakdown.ts';
import { buildMergedReturn } from '../../../electron/merge/county-aggregate.ts';
import { resolveOffice } from '../../../electron/merge/office.ts';
import { openTestBackend, TAOBEI_COUNTY, type TestBackend } from '../../helpers/backend.ts';
import { TOWNS, file, jsonReader, townshipReturn } from './helpers.ts';

let backend: TestBackend;
afterEach(() => backend?.dispose());

describe('the breakdown of a merge by child', () => {
  it('is the same with each child judged on the shown targets only, and that is how it is judged', async () => {
    backend = openTestBackend({ profile: TAOBEI_COUNTY });
    const office = resolveOffice(backend.ctx);
    const files = TOWNS.map((code, i) => {
      const data = townshipReturn(office.framework, code, 2024);
      // values off and missing so that children are met, at risk, below target and without a value
      const cells = data.cells.map((c, j) =>
        c.value === null
          ? c
          : (i + j) % 5 === 0
            ? { ...c, value: Math.round(c.value * (0.3 + 0.2 * i)) }
            : (i + j) % 11 === 0
              ? { ...c, value: null }
              : c,
      );
      return file(`${code}.json`, { ...data, cells }, { fileStatus: i === 3 ? 'draft' : 'submitted' });
    });
    await importBatch(backend.ctx, office, 2024, files, jsonReader);
    const merged = buildMergedReturn(backend.ctx, office, 2024);

    const whole = buildBreakdown(merged, { allTargets: true });
    expect(breakdownJudging.lean).toBe(0);
    const lean = buildBreakdown(merged);
    expect(breakdownJudging.lean).toBe(lean.columns.length);
    expect(lean.columns.length).toBe(4);
    expect(lean).toEqual(whole);
    // the comparison has verdicts to compare
    const statuses = new Set(lean.rows.flatMap((r) => r.status ?? []));
    expect(statuses.has('not_met')).toBe(true);
    expect(statuses.has('met')).toBe(true);
  });
});
