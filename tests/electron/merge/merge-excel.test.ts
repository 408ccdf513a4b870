// The merge with real Excel files, through the handlers the UI calls: townships' exported returns, a department's
// return exported by a department's own copy of the app, bad files among them; the county return exported with its
// 汇总说明, 数据来源 and 分单位明细 sheets, and imported at the city.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { dispatch } from '../../../electron/api/dispatch.ts';
import type { Channel, Input, Output } from '../../../shared/api/contract.ts';
import { departmentItems } from '../../../shared/aggregation/department.ts';
import { openTestBackend, TAOBEI_COUNTY, type TestBackend } from '../../helpers/backend.ts';
import { requireFramework } from '../../../electron/frameworks/plans-service.ts';
import { listChildRegions } from '../../../electron/frameworks/regions-service.ts';
import { CITY, COUNTY, cellOf } from './helpers.ts';
import { plausibleReturn, returnFile } from './excel-files.ts';

const YEAR = 2024;
const now = () => new Date('2025-02-20T02:00:00Z');

async function call<C extends Channel>(b: TestBackend, channel: C, input: Input<C>): Promise<Output<C>> {
  const r = await dispatch(b.handlers, channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value as Output<C>;
}
const upload = (fileName: string, bytes: Buffer) => ({ fileName, bytesBase64: bytes.toString('base64') });

describe('merging Excel returns', () => {
  let county: TestBackend;
  let city: TestBackend;
  let dept: TestBackend;
  let towns: { code: string; name: string }[];
  let countyFile: Buffer;

  beforeAll(async () => {
    county = openTestBackend({ profile: TAOBEI_COUNTY, now });
    city = openTestBackend({ profile: { planId: 'taobei', role: 'city', regionCode: CITY, userName: '李明' }, now });
    dept = openTestBackend({
      profile: { planId: 'taobei', role: 'department', department: '卫健', regionCode: COUNTY, userName: '赵医生' },
      now,
    });
    towns = listChildRegions(county.ctx, COUNTY)
      .slice(0, 4)
      .map((r) => ({ code: r.code, name: r.name }));
  });
  afterAll(() => {
    county?.dispose();
    city?.dispose();
    dept?.dispose();
  });

  it('imports a batch: each file its own verdict, bad files rejected with their reasons, the rest merged', async () => {
    const fw = requireFramework(county.ctx, 'taobei');
    const file = (
      t: { code: string; name: string },
      o: { cells?: Record<string, number>; exportedAt?: string; year?: number; status?: 'draft' | 'submitted' } = {},
    ) =>
      returnFile(fw, {
        regionCode: t.code,
        regionName: t.name,
        year: o.year ?? YEAR,
        cells: o.cells,
        status: o.status,
        exportedAt: o.exportedAt ? new Date(o.exportedAt) : undefined,
      });
    const files = [
      upload('a.xlsx', await file(towns[0], { cells: { 'PD30.total': 10, 'PD30.female': 3 } })),
      upload('b.xlsx', await file(towns[1], { cells: { 'PD30.total': 100, 'PD30.female': 50 } })),
      upload('c-draft.xlsx', await file(towns[2], { cells: { 'PD30.total': 20, 'PD30.female': 6 }, status: 'draft' })),
      upload('d-2023.xlsx', await file(towns[3], { year: 2023 })),
      upload('notes.docx', Buffer.from('PK\u0003\u0004 not really a workbook')),
    ];
    // the department's own copy of the app fills 卫健 items and exports them
    const own = await call(dept, 'returns:open', { regionCode: COUNTY, year: YEAR, prefillFromPreviousYear: false });
    const items = departmentItems(fw, '卫健');
    const edits = plausibleReturn(fw, { regionCode: COUNTY, regionName: '洮北区', year: YEAR, level: 'county' })
      .cells.filter((c) => items.some((d) => d.code === c.item))
      .map((c) => ({ item: c.item, sex: c.sex, value: c.value, noData: null }));
    await call(dept, 'returns:set-cells', { returnId: own.summary.id, edits });
    await call(dept, 'returns:set-status', { returnId: own.summary.id, status: 'checked' });
    const exported = await call(dept, 'excel:export-return', { returnId: own.summary.id });
    expect(exported.fileName).toContain('卫生健康局');
    files.push({ fileName: exported.fileName, bytesBase64: exported.bytesBase64 });

    expect((await call(county, 'merge:begin-import', { year: YEAR })).backup).toMatch(/import/);
    const verdicts = await call(county, 'merge:import-files', { year: YEAR, files });
    expect(verdicts.map((v) => [v.fileName, v.verdict])).toEqual([
      ['a.xlsx', 'accepted'],
      ['b.xlsx', 'accepted'],
      ['c-draft.xlsx', 'warnings'],
      ['d-2023.xlsx', 'rejected'],
      ['notes.docx', 'rejected'],
      [exported.fileName, 'accepted'],
    ]);
    expect(verdicts[3].problems.find((p) => p.severity === 'error')?.message).toBe(
      '报表年度为2023年，与本次汇总的2024年不符，未接收',
    );
    expect(verdicts[4].problems[0].message).toMatch(/notes\.docx/);
    expect(verdicts[5].supplier).toMatchObject({ kind: 'department', department: '卫健', name: '洮北区卫生健康局' });

    const overview = await call(county, 'merge:overview', { year: YEAR });
    expect(overview.completeness).toMatchObject({ total: 25, reported: 2, drafts: 1, missing: 22 });
    expect(overview.departments.find((d) => d.department === '卫健')).toMatchObject({
      state: 'reported',
      name: '卫生健康局',
    });

    const result = await call(county, 'merge:result', { year: YEAR });
    expect(cellOf(result.data, 'PD30.total')?.value).toBe(130);
    expect(result.evaluation.indicators.find((i) => i.code === 'P31')).toMatchObject({
      numerator: 59,
      denominator: 130,
    });
    const healthItem = items[0].code;
    expect(result.sources.find((s) => s.item === healthItem)).toMatchObject({
      kind: 'department',
      label: '卫生健康局报送',
    });
    expect(result.notes.join('\n')).toContain(overview.children.find((c) => c.state === 'missing')!.name);
  });

  it('settles a resubmission by the later 报出日期 and shows the cells that changed', async () => {
    const fw = requireFramework(county.ctx, 'taobei');
    const later = await returnFile(fw, {
      regionCode: towns[0].code,
      regionName: towns[0].name,
      year: YEAR,
      cells: { 'PD30.total': 12, 'PD30.female': 5 },
      exportedAt: new Date('2025-01-20T02:00:00Z'),
    });
    const [v] = await call(county, 'merge:import-files', { year: YEAR, files: [upload('a-v2.xlsx', later)] });
    expect(v.resubmission).toMatchObject({ becameCurrent: true, changes: 2 });
    const [again] = await call(county, 'merge:import-files', { year: YEAR, files: [upload('a-v2-copy.xlsx', later)] });
    expect(again.duplicate).toBe(true);
    const resub = await call(county, 'merge:resubmissions', { year: YEAR });
    expect(resub).toHaveLength(1);
    expect(resub[0].versions[0].changes.map((c) => [c.label, c.before, c.after])).toContainEqual([
      expect.stringContaining('PD30'),
      '12',
      '10',
    ]);
    expect(cellOf((await call(county, 'merge:result', { year: YEAR })).data, 'PD30.total')?.value).toBe(132);
  });

  it('shows the county’s entry screen the summed and department values it does not enter', async () => {
    await call(county, 'returns:open', { regionCode: COUNTY, year: YEAR, prefillFromPreviousYear: false });
    const overlay = await call(county, 'merge:entry-overlay', { year: YEAR });
    expect(overlay.cells.find((c) => c.item === 'PD30' && c.sex === 'total')?.value).toBe(132);
    expect(overlay.locked.find((s) => s.item === 'PD30')?.label).toBe('3/3 个下级汇总');
    const fw = requireFramework(county.ctx, 'taobei');
    const countyOnly = fw.dataItems.find((d) => d.level === 'county' && d.department !== '卫健')!;
    expect(overlay.locked.some((s) => s.item === countyOnly.code)).toBe(false);
    expect(overlay.gaps.length).toBeGreaterThanOrEqual(0);
  });

  it('exports the county return with its supplementary sheets, and a city merges it the same way', async () => {
    const file = await call(county, 'merge:export', { year: YEAR });
    expect(file.fileName).toBe('洮北区_2024年_妇女发展监测汇总报表.xlsx');
    countyFile = Buffer.from(file.bytesBase64, 'base64');
    const wb = XLSX.read(countyFile, { type: 'buffer' });
    expect(wb.SheetNames).toEqual(expect.arrayContaining(['汇总说明', '数据来源', '分单位明细']));
    const notes = XLSX.utils.sheet_to_json<string[]>(wb.Sheets.汇总说明, { header: 1 }).flat().join('\n');
    expect(notes).toContain('报送率');
    expect(notes).toContain('未报送的乡镇（街道）');
    const breakdown = XLSX.utils.sheet_to_json<(string | number)[]>(wb.Sheets.分单位明细, { header: 1 });
    const header = breakdown.find((r) => r[0] === '代码')!;
    expect(header).toEqual(expect.arrayContaining([towns[0].name, towns[1].name, '合计']));
    const p31 = breakdown.find((r) => r[0] === 'P31')!;
    expect(p31[header.indexOf('合计')]).toBeCloseTo(((59 + 2) / 132) * 100, 6);
    const sources = XLSX.utils.sheet_to_json<string[]>(wb.Sheets.数据来源, { header: 1 }).flat().join('\n');
    expect(sources).toContain('卫生健康局报送');

    const verdicts = await call(city, 'merge:import-files', { year: YEAR, files: [upload(file.fileName, countyFile)] });
    expect(verdicts[0].verdict).not.toBe('rejected');
    expect(verdicts[0].supplier).toMatchObject({ code: COUNTY, kind: 'county' });
    const cityResult = await call(city, 'merge:result', { year: YEAR });
    expect(cellOf(cityResult.data, 'PD30.total')?.value).toBe(132);
    expect(cityResult.data.regionCode).toBe(CITY);
    const overview = await call(city, 'merge:overview', { year: YEAR });
    expect(overview.children.find((c) => c.code === COUNTY)?.state).not.toBe('missing');
    expect(overview.completeness.total).toBe(6);
  });
});
