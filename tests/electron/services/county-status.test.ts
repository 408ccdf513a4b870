// A county's own return is checked on its merged values: a warning that only the townships' sums produce
// must be explained before the county submits.
import { afterEach, describe, expect, it } from 'vitest';
import { entryView, evaluateStored, setStatus } from '../../../electron/services/return-evaluation.ts';
import { openReturn, requireReturn, setCells, setExplanation } from '../../../electron/services/returns-service.ts';
import { openTestBackend, TAOBEI_COUNTY, type TestBackend } from '../../helpers/backend.ts';

let backend: TestBackend;
afterEach(() => backend?.dispose());

describe('county return status', () => {
  it('judges the summed township values, not only the county’s own cells', () => {
    backend = openTestBackend({ profile: TAOBEI_COUNTY });
    const { ctx } = backend;
    for (const [code, female] of [['220802001000', 16], ['220802002000', 15]] as const) {
      const id = openReturn(ctx, code, 2025, false).summary.id;
      setCells(ctx, id, [{ item: 'PD30', sex: 'total', value: 50, noData: null }, { item: 'PD30', sex: 'female', value: female, noData: null }]);
    }
    const county = openReturn(ctx, TAOBEI_COUNTY.regionCode, 2025, false).summary.id;
    const { view, evaluation } = evaluateStored(ctx, requireReturn(ctx, county));
    expect(view.data.cells.find((c) => c.item === 'PD30' && c.sex === 'female')?.value).toBe(31);
    // 31/100 = 31%: meets 30%以上 but within the risk margin
    expect(evaluation.targets.find((t) => t.targetId === 'taobei-P-G08-3')).toMatchObject({ status: 'at_risk', value: 31 });
    expect(setStatus(ctx, county, 'checked').status).toBe('checked');
    expect(() => setStatus(ctx, county, 'submitted')).toThrow(/预警没有填写说明/);
    setExplanation(ctx, county, 'taobei-P-G08-3', '两镇换届后女性委员比例接近下限，已督促补选');
    const missing = evaluation.targets.filter((t) => (t.status === 'at_risk' || t.volatile) && t.targetId !== 'taobei-P-G08-3');
    for (const t of missing) setExplanation(ctx, county, t.targetId, '已核实');
    expect(setStatus(ctx, county, 'submitted').status).toBe('submitted');
  });

  it('opens the county return with its merged earlier years as history (上年 and trends)', () => {
    backend = openTestBackend({ profile: TAOBEI_COUNTY });
    const { ctx } = backend;
    const town = openReturn(ctx, '220802001000', 2024, false).summary.id;
    setCells(ctx, town, [{ item: 'PD30', sex: 'total', value: 40, noData: null }, { item: 'PD30', sex: 'female', value: 12, noData: null }]);
    const county = openReturn(ctx, TAOBEI_COUNTY.regionCode, 2025, false).summary.id;
    const view = entryView(ctx, requireReturn(ctx, county));
    const last = view.history.find((h) => h.year === 2024)!;
    expect(last.cells.find((c) => c.item === 'PD30' && c.sex === 'female')?.value).toBe(12);
  });
});
