// 催报: the county sets the year's deadline; the late list names every township not yet reported — nothing received,
// or the version in use sent back — with the contact from the footer of its latest return received (any year) and
// the days past the deadline; printable (A4 HTML) and as a workbook.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { dispatch } from '../../electron/api/dispatch.ts';
import type { Channel, Input, Output } from '../../shared/api/contract.ts';
import { openTestBackend, TAOBEI_COUNTY, type TestBackend } from '../helpers/backend.ts';
import { returnFile } from '../merge/excel-files.ts';
import { requireFramework } from '../../electron/services/plans-service.ts';
import { listChildRegions } from '../../electron/services/regions-service.ts';

const YEAR = 2024;

async function call<C extends Channel>(b: TestBackend, channel: C, input: Input<C>): Promise<Output<C>> {
  const r = await dispatch(b.handlers, channel, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as Output<C>;
}

describe('催报 at the county', () => {
  let county: TestBackend;
  let towns: { code: string; name: string }[];
  beforeAll(async () => {
    county = openTestBackend({ profile: TAOBEI_COUNTY, now: () => new Date('2025-02-10T02:00:00Z') });
    const fw = requireFramework(county.ctx, 'taobei');
    towns = listChildRegions(county.ctx, TAOBEI_COUNTY.regionCode).slice(0, 3);
    const file = async (t: { code: string; name: string }, year: number) => ({
      fileName: `${t.name}${year}.xlsx`, bytesBase64: (await returnFile(fw, { regionCode: t.code, regionName: t.name, year, exportedAt: new Date(`${year + 1}-01-10T02:00:00Z`) })).toString('base64'),
    });
    // towns[0] reported last year only; towns[1] this year, sent back; towns[2] this year, fine
    await call(county, 'merge:import-files', { year: YEAR - 1, files: [await file(towns[0], YEAR - 1)] });
    const [returned] = await call(county, 'merge:import-files', { year: YEAR, files: [await file(towns[1], YEAR)] });
    await call(county, 'merge:import-files', { year: YEAR, files: [await file(towns[2], YEAR)] });
    await call(county, 'merge:send-back', { year: YEAR, submissionId: returned.submissionId!, review: { overall: '请重报', remarks: [] } });
  });
  afterAll(() => county?.dispose());

  it('stores the deadline per year and refuses an impossible date', async () => {
    expect((await call(county, 'merge:overdue', { year: YEAR })).deadline).toBeNull();
    await call(county, 'merge:set-deadline', { year: YEAR, deadline: '2025-01-31' });
    expect((await call(county, 'merge:overdue', { year: YEAR })).deadline).toBe('2025-01-31');
    expect((await call(county, 'merge:overdue', { year: YEAR - 1 })).deadline).toBeNull();
    const bad = await dispatch(county.handlers, 'merge:set-deadline', { year: YEAR, deadline: '2025-02-30' });
    expect(bad.ok ? [] : bad.error.details.map((d) => d.message)).toContain('截止日期不是有效的日期');
  });

  it('lists who is late: missing (with last year’s contact) and sent back, not who reported; days past the deadline', async () => {
    const o = await call(county, 'merge:overdue', { year: YEAR });
    expect(o).toMatchObject({ asOf: '2025-02-10', daysLate: 10, total: 25 });
    expect(o.rows).toHaveLength(24);
    const by = new Map(o.rows.map((r) => [r.code, r]));
    expect(by.get(towns[0].code)).toMatchObject({ state: 'missing', contact: { filler: '张丽', year: YEAR - 1 } });
    expect(by.get(towns[1].code)).toMatchObject({ state: 'returned', contact: { filler: '张丽', year: YEAR } });
    expect(by.has(towns[2].code)).toBe(false);
    expect(by.get(listChildRegions(county.ctx, TAOBEI_COUNTY.regionCode)[5].code)).toMatchObject({ state: 'missing', contact: null });
  });

  it('prints an A4 催报单 and exports the same list as a workbook', async () => {
    const doc = await call(county, 'merge:overdue-print', { year: YEAR });
    expect(doc.landscape).toBe(false);
    expect(doc.title).toBe(`洮北区${YEAR}年妇女发展监测报表催报单`);
    expect(doc.html).toContain('size: A4 portrait');
    expect(doc.html).toContain('报送截止日期：2025年1月31日');
    expect(doc.html).toContain('已逾期 10 天');
    expect(doc.html).toContain(`<td>${towns[1].name}</td><td class="center">已退回待重报</td>`);
    const file = await call(county, 'merge:overdue-export', { year: YEAR });
    expect(file.fileName).toBe(`洮北区_${YEAR}年_催报名单.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.bytesBase64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('催报名单')!;
    const rows: string[][] = [];
    ws.eachRow((r, n) => { if (n > 4) rows.push((r.values as unknown[]).slice(1).map(String)); });
    expect(rows).toHaveLength(24);
    const row = rows.find((r) => r[1] === towns[0].code)!;
    expect(row.slice(1)).toEqual([towns[0].code, towns[0].name, '未报送', '张丽', '', '', '', `${YEAR - 1}年报表`]);
    expect(rows.map((r) => r[0])).toEqual(rows.map((_, i) => String(i + 1)));
  });
});
