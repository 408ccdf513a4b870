// A city prints its merged return and its annual report like a county: the figures are the merged counties'.
import { afterEach, describe, expect, it } from 'vitest';
import { annualReport, returnForm } from '../../../electron/report/report-service.ts';
import { openReturn, setCells } from '../../../electron/returns/returns-service.ts';
import { setProfile } from '../../../electron/settings/settings-service.ts';
import { openTestBackend, type TestBackend } from '../../helpers/backend.ts';

let backend: TestBackend;
afterEach(() => backend?.dispose());

describe('city report', () => {
  it('prints the city’s merged return and report', () => {
    backend = openTestBackend();
    const { ctx } = backend;
    // 洮北区 lies in 白城市 (220800000000); the city works under the 洮北区 plan's framework
    setProfile(ctx, { planId: 'taobei', role: 'county', regionCode: '220802000000', userName: '' });
    const county = openReturn(ctx, '220802000000', 2025, false).summary.id;
    setCells(ctx, county, [
      { item: 'PD30', sex: 'total', value: 400, noData: null },
      { item: 'PD30', sex: 'female', value: 130, noData: null },
    ]);
    setProfile(ctx, { planId: 'taobei', role: 'city', regionCode: '220800000000', userName: '赵敏' });
    openReturn(ctx, '220800000000', 2025, false);
    const report = annualReport(ctx, { regionCode: '220800000000', year: 2025 });
    expect(report.title).toContain('白城市');
    const p31 = report.model.areas.flatMap((a) => a.rows).find((r) => r.indicator === 'P31');
    expect(p31?.value).toBe(32.5);
    const form = returnForm(ctx, { regionCode: '220800000000', year: 2025 });
    expect(form.html).toContain('白城市');
    expect(form.html).toContain('130');
  });
});
