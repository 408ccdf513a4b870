// A county's own return is checked on its merged values: a warning that only the townships' sums produce
// must be explained before the county submits.
import { afterEach, describe, expect, it } from 'vitest';
import { entryView, evaluateStored, setStatus } from '../../../electron/evaluation/return-evaluation.ts';
import { openReturn, requireReturn, setCells, setExplanation } from '../../../electron/returns/returns-service.ts';
import { openTestBackend, TAOBEI_COUNTY, type TestBackend } from '../../helpers/backend.ts';

let backend: TestBackend;
afterEach(() => backend?.dispose());

describe('county return status', () => {
  it('judges the summed township values, not only the county’s own cells', () => {
    backend = openTestBackend({ profile: TAOBEI_COUNTY });
    const { ctx } = backend;
    // 2024: 31 of 100 women (31 %); 2025: 20 of 100 (20 %): only the sums show the fall (−35 %, 波动较大)
    for (const [year, females] of [
      [2024, [16, 15]],
      [2025, [10, 10]],
    ] as const) {
      for (const [i, code] of ['220802001000', '220802002000'].entries()) {
        const id = openReturn(ctx, code, year, false).summary.id;
        setCells(ctx, id, [
          { item: 'PD30', sex: 'total', value: 50, noData: null },
          { item: 'PD30', sex: 'female', value: females[i], noData: null },
        ]);
      }
    }
    const county = openReturn(ctx, TAOBEI_COUNTY.regionCode, 2025, false).summary.id;
    const { view, evaluation } = evaluateStored(ctx, requireReturn(ctx, county));
    expect(view.data.cells.find((c) => c.item === 'PD30' && c.sex === 'female')?.value).toBe(20);
    // 20 % against 30 %以上: 与目标仍有差距, and 预警 beside it for the swing against the merged 2024
    expect(evaluation.targets.find((t) => t.targetId === 'taobei-P-G08-3')).toMatchObject({
      status: 'not_met',
      value: 20,
      previous: 31,
      volatile: true,
    });
    expect(setStatus(ctx, county, 'checked').status).toBe('checked');
    expect(() => setStatus(ctx, county, 'submitted')).toThrow(/预警没有填写说明/);
    for (const t of evaluation.targets.filter((t) => t.hardToMeet || t.volatile))
      setExplanation(ctx, county, t.targetId, '两镇换届后女性委员减少，已督促补选');
    expect(setStatus(ctx, county, 'submitted').status).toBe('submitted');
  });

  it('a value meeting its bound exactly needs no explanation (no 预警 for being close)', () => {
    backend = openTestBackend({ profile: TAOBEI_COUNTY });
    const { ctx } = backend;
    for (const [code, female] of [
      ['220802001000', 16],
      ['220802002000', 14],
    ] as const) {
      const id = openReturn(ctx, code, 2025, false).summary.id;
      setCells(ctx, id, [
        { item: 'PD30', sex: 'total', value: 50, noData: null },
        { item: 'PD30', sex: 'female', value: female, noData: null },
      ]);
    }
    const county = openReturn(ctx, TAOBEI_COUNTY.regionCode, 2025, false).summary.id;
    const { evaluation } = evaluateStored(ctx, requireReturn(ctx, county));
    expect(evaluation.targets.find((t) => t.targetId === 'taobei-P-G08-3')).toMatchObject({
      status: 'met',
      value: 30,
      hardToMeet: false,
      volatile: false,
    });
  });

  it('opens the county return with its merged earlier years as history (上年 and trends)', () => {
    backend = openTestBackend({ profile: TAOBEI_COUNTY });
    const { ctx } = backend;
    const town = openReturn(ctx, '220802001000', 2024, false).summary.id;
    setCells(ctx, town, [
      { item: 'PD30', sex: 'total', value: 40, noData: null },
      { item: 'PD30', sex: 'female', value: 12, noData: null },
    ]);
    const county = openReturn(ctx, TAOBEI_COUNTY.regionCode, 2025, false).summary.id;
    const view = entryView(ctx, requireReturn(ctx, county));
    const last = view.history.find((h) => h.year === 2024)!;
    expect(last.cells.find((c) => c.item === 'PD30' && c.sex === 'female')?.value).toBe(12);
  });
});
