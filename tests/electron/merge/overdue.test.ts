// 催报: the county sets the year's deadline; the late list names every township not yet reported — nothing received,
// or the version in use sent back — with the contact from the footer of its latest return received (any year) and
// the days past the deadline; printable (A4 HTML) and as a workbook.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { dispatch } from '../../../electron/api/dispatch.ts';
import type { Channel, Input, Output } from '../../../shared/api/contract.ts';
import { openTestBackend, TAOBEI_COUNTY, type TestBackend } from '../../helpers/backend.ts';
import { returnFile } from './excel-files.ts';
import { requireFramework } from '../../../electron/frameworks/plans-service.ts';
import { listChildRegions } from '../../../electron/frameworks/regions-service.ts';
import { departmentItems } from '../../../shared/aggregation/department.ts';
import { plausibleReturn } from './excel-files.ts';

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
      fileName: `${t.name}${year}.xlsx`,
      bytesBase64: (
        await returnFile(fw, {
          regionCode: t.code,
          regionName: t.name,
          year,
          exportedAt: new Date(`${year + 1}-01-10T02:00:00Z`),
        })
      ).toString('base64'),
    });
    // towns[0] reported last year only; towns[1] this year, sent back; towns[2] this year, fine
    await call(county, 'merge:import-files', { year: YEAR - 1, files: [await file(towns[0], YEAR - 1)] });
    const [returned] = await call(county, 'merge:import-files', { year: YEAR, files: [await file(towns[1], YEAR)] });
    await call(county, 'merge:import-files', { year: YEAR, files: [await file(towns[2], YEAR)] });
    await call(county, 'merge:send-back', {
      year: YEAR,
      submissionId: returned.submissionId!,
      review: { overall: '请重报', remarks: [] },
    });
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

  it('refuses a deadline before the reporting year begins (a mistyped year), naming both and keeping the one set', async () => {
    const early = await dispatch(county.handlers, 'merge:set-deadline', { year: YEAR, deadline: '2020-01-31' });
    expect(early.ok).toBe(false);
    expect(early.ok ? '' : early.error.message).toBe(
      '报送截止日期2020年1月31日早于2024年度开始，请检查年份（年度报表一般在次年年初报送，如2025年1月31日）。',
    );
    expect((await call(county, 'merge:overdue', { year: YEAR })).deadline).toBe('2025-01-31');
  });

  it('lists who is late: missing (with last year’s contact) and sent back, not who reported; days past the deadline', async () => {
    const o = await call(county, 'merge:overdue', { year: YEAR });
    expect(o).toMatchObject({ asOf: '2025-02-10', daysLate: 10, total: 25 });
    expect(o.rows).toHaveLength(24);
    const by = new Map(o.rows.map((r) => [r.code, r]));
    expect(by.get(towns[0].code)).toMatchObject({ state: 'missing', contact: { filler: '张丽', year: YEAR - 1 } });
    expect(by.get(towns[1].code)).toMatchObject({ state: 'returned', contact: { filler: '张丽', year: YEAR } });
    expect(by.has(towns[2].code)).toBe(false);
    expect(by.get(listChildRegions(county.ctx, TAOBEI_COUNTY.regionCode)[5].code)).toMatchObject({
      state: 'missing',
      contact: null,
    });
    // no department return ever received: the county enters its own items, its departments are not chased
    expect(o.rows.filter((r) => r.department)).toEqual([]);
  });

  it('gives a short 催报 text to copy, for the whole list and for each unit: the deadline, 已逾期, whom to call back', async () => {
    const own = (
      await call(county, 'returns:open', {
        regionCode: TAOBEI_COUNTY.regionCode,
        year: YEAR,
        prefillFromPreviousYear: false,
      })
    ).summary.id;
    await call(county, 'returns:set-footer', {
      returnId: own,
      footer: { head: '', statistician: '', filler: '王芳', phone: '0436-3212345', reportedOn: null },
    });
    const late = await call(county, 'merge:overdue', { year: YEAR });
    const by = new Map(late.rows.map((r) => [r.code, r]));
    expect(by.get(towns[0].code)!.message).toBe(
      `【催报】${towns[0].name}：${YEAR}年度妇女发展监测统计报表尚未报送，截止日期为2025年1月31日，已逾期10天，请尽快报送。联系人：洮北区 王芳，电话0436-3212345。`,
    );
    expect(by.get(towns[1].code)!.message).toContain(
      `【催报】${towns[1].name}：${YEAR}年度妇女发展监测统计报表已退回，尚未重新报送，`,
    );
    expect(late.message).toMatch(
      new RegExp(
        `^【催报】${late.rows
          .map((r) => r.name)
          .join('、')
          .replace(
            /[()（）]/g,
            '.',
          )}：${YEAR}年度妇女发展监测统计报表尚未报送，截止日期为2025年1月31日，已逾期10天，请尽快报送。联系人：洮北区 王芳，电话0436-3212345。$`,
      ),
    );
    const early = await call(county, 'merge:overdue', { year: YEAR, deadline: '2025-03-01' });
    expect(early.rows[0].message).toContain('截止日期为2025年3月1日，请于2025年3月1日前报送。');
    const none = await call(county, 'merge:overdue', { year: YEAR - 1, deadline: undefined });
    expect(none.rows[0].message).toContain('统计报表尚未报送，请尽快报送。联系人：洮北区 王芳。');
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
    ws.eachRow((r, n) => {
      if (n > 4) rows.push((r.values as unknown[]).slice(1).map(String));
    });
    expect(rows).toHaveLength(24);
    const row = rows.find((r) => r[1] === towns[0].code)!;
    expect(row.slice(1)).toEqual([towns[0].code, towns[0].name, '未报送', '张丽', '', '', '', `${YEAR - 1}年报表`]);
    expect(rows.map((r) => r[0])).toEqual(rows.map((_, i) => String(i + 1)));
  });

  it('chases county departments (县级部门) like townships once the county works with department returns', async () => {
    const dep = openTestBackend({
      profile: {
        planId: 'taobei',
        role: 'department',
        department: '卫健',
        regionCode: TAOBEI_COUNTY.regionCode,
        userName: '赵敏',
      },
    });
    try {
      const fw = requireFramework(dep.ctx, 'taobei');
      const mine = new Set(departmentItems(fw, '卫健').map((d) => d.code));
      const data = plausibleReturn(fw, {
        regionCode: TAOBEI_COUNTY.regionCode,
        regionName: '',
        year: YEAR - 1,
        level: 'county',
      });
      const returnId = (
        await call(dep, 'returns:open', {
          regionCode: TAOBEI_COUNTY.regionCode,
          year: YEAR - 1,
          prefillFromPreviousYear: false,
        })
      ).summary.id;
      await call(dep, 'returns:set-cells', {
        returnId,
        edits: data.cells
          .filter((c) => mine.has(c.item))
          .map((c) => ({ item: c.item, sex: c.sex, value: c.value, noData: c.noData })),
      });
      await call(dep, 'returns:set-footer', {
        returnId,
        footer: { head: '', statistician: '', filler: '赵敏', phone: '0436-3300001', reportedOn: null },
      });
      const file = await call(dep, 'excel:export-return', { returnId });
      const [v] = await call(county, 'merge:import-files', { year: YEAR - 1, files: [file] });
      expect(v.supplier).toMatchObject({ department: '卫健' });
    } finally {
      dep.dispose();
    }
    const o = await call(county, 'merge:overdue', { year: YEAR });
    const deps = o.rows.filter((r) => r.department);
    expect(deps.length).toBeGreaterThan(1);
    expect(o.total).toBe(25 + deps.length);
    expect(deps.find((r) => r.department === '卫健')).toMatchObject({
      code: TAOBEI_COUNTY.regionCode,
      name: '卫生健康局',
      state: 'missing',
      contact: { filler: '赵敏', phone: '0436-3300001', year: YEAR - 1 },
      message: expect.stringMatching(/^【催报】卫生健康局：2024年度妇女发展监测统计报表尚未报送，/),
    });
    expect(o.message).toContain('、卫生健康局');
    const doc = await call(county, 'merge:overdue-print', { year: YEAR });
    expect(doc.html).toContain('<td>卫生健康局</td><td class="center">未报送</td>\n<td>赵敏</td><td>0436-3300001</td>');
  });
});
