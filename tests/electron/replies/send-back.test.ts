// 退回 by file: the county sends a received return back with an overall remark and a remark per problem cell; the
// annotated copy is the township's own return with exactly those cells red and noted and a 退回意见 sheet; the
// township imports it: its return is a draft again, the remarks are at their cells until fixed, audited on both
// sides. A copy with edited remarks or values, for another unit, or for another version is refused, nothing written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { dispatch } from '../../../electron/api/dispatch.ts';
import type { Channel, Input, Output } from '../../../shared/api/contract.ts';
import { openTestBackend, TAOBEI_COUNTY, TAOBEI_TOWNSHIP, type TestBackend } from '../../helpers/backend.ts';
import { plausibleReturn } from '../merge/excel-files.ts';
import { requireFramework } from '../../../electron/frameworks/plans-service.ts';
import { reviewsOf } from '../../../electron/merge/review.ts';

const YEAR = 2024;
const TOWN = TAOBEI_TOWNSHIP.regionCode;

async function call<C extends Channel>(b: TestBackend, channel: C, input: Input<C>): Promise<Output<C>> {
  const r = await dispatch(b.handlers, channel, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as Output<C>;
}

async function edit(bytes: Buffer, change: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  change(wb);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

describe('退回 with an annotated copy', () => {
  let town: TestBackend;
  let county: TestBackend;
  let returnId: number;
  let annotated: Buffer;
  let annotatedName: string;

  beforeAll(async () => {
    town = openTestBackend({ profile: TAOBEI_TOWNSHIP, now: () => new Date('2025-01-12T02:00:00Z') });
    county = openTestBackend({ profile: TAOBEI_COUNTY, now: () => new Date('2025-01-15T02:00:00Z') });
    const fw = requireFramework(town.ctx, 'taobei');
    const data = plausibleReturn(fw, {
      regionCode: TOWN,
      regionName: '',
      year: YEAR,
      cells: { 'PD30.total': 40, 'PD30.female': 2 },
    });
    const view = await call(town, 'returns:open', { regionCode: TOWN, year: YEAR, prefillFromPreviousYear: false });
    returnId = view.summary.id;
    await call(town, 'returns:set-cells', {
      returnId,
      edits: data.cells.map((c) => ({ item: c.item, sex: c.sex, value: c.value, noData: c.noData })),
    });
    await call(town, 'returns:set-status', { returnId, status: 'checked' });
    await call(town, 'returns:set-status', { returnId, status: 'submitted' });
    const file = await call(town, 'excel:export-return', { returnId });
    const [v] = await call(county, 'merge:import-files', { year: YEAR, files: [file] });
    expect(v.verdict).not.toBe('rejected');
    const out = await call(county, 'merge:send-back', {
      year: YEAR,
      submissionId: v.submissionId!,
      review: {
        overall: '村干部人数请与组织部门核对后重报',
        remarks: [
          { item: 'PD30', sex: 'female', problem: '女村干部仅2人，比上年明显减少', remark: '请核实女村干部人数' },
        ],
      },
    });
    annotated = Buffer.from(out.bytesBase64, 'base64');
    annotatedName = out.fileName;
    expect(annotatedName).toContain('退回意见');
    // the county's own record of the review: who, when, what
    expect(reviewsOf(county.ctx, v.submissionId!)).toEqual([
      expect.objectContaining({
        decision: 'returned',
        overall: '村干部人数请与组织部门核对后重报',
        userName: '王芳',
        at: '2025-01-15T02:00:00.000Z',
        remarks: 1,
      }),
    ]);
  });
  afterAll(() => {
    town?.dispose();
    county?.dispose();
  });

  it('writes the township’s return with exactly the remarked cell red and noted, and a 退回意见 sheet first', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(annotated as unknown as ArrayBuffer);
    expect(wb.worksheets[0].name).toBe('退回意见');
    const sheet = wb.worksheets[0];
    expect(String(sheet.getCell('A3').value)).toBe('总体意见：村干部人数请与组织部门核对后重报');
    const row = sheet.getRow(7).values as unknown[];
    expect(row.slice(1, 6)).toEqual([
      expect.stringMatching(/^决策!E\d+$/),
      'PD30',
      expect.stringContaining('（女）'),
      '女村干部仅2人，比上年明显减少',
      '请核实女村干部人数',
    ]);
    const noted: string[] = [];
    for (const ws of wb.worksheets)
      ws.eachRow((r) =>
        r.eachCell((c) => {
          if (c.note) noted.push(`${ws.name}!${c.address}`);
        }),
      );
    expect(noted).toEqual([row[1]]);
    const [s, a] = String(row[1]).split('!');
    const cell = wb.getWorksheet(s)!.getCell(a);
    expect(cell.value).toBe(2);
    expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
  });

  it('refuses copies edited outside the app, for another unit, or for another version, writing nothing', async () => {
    const tamperedRemark = await edit(annotated, (wb) => {
      wb.getWorksheet('退回意见')!.getCell('E7').value = '不用改了';
    });
    const tamperedValue = await edit(annotated, (wb) => {
      const at = String(wb.getWorksheet('退回意见')!.getCell('A7').value).split('!');
      wb.getWorksheet(at[0])!.getCell(at[1]).value = 5;
    });
    const refusal = async (b: TestBackend, bytesBase64: string) => {
      const r = await dispatch(b.handlers, 'returns:import-returned', { fileName: annotatedName, bytesBase64 });
      return r.ok ? '' : r.error.message;
    };
    expect(await refusal(town, tamperedRemark)).toContain('退回意见在程序之外被改动过');
    expect(await refusal(town, tamperedValue)).toContain('报表数值在退回后被改动过');
    const other = openTestBackend({ profile: { ...TAOBEI_TOWNSHIP, regionCode: '220802002000' } });
    try {
      expect(await refusal(other, annotated.toString('base64'))).toMatch(/本机的填报单位是.*不予导入/);
    } finally {
      other.dispose();
    }
    expect((await call(town, 'returns:get', { returnId })).summary.status).toBe('submitted');
    expect((await call(town, 'returns:get', { returnId })).remarks).toEqual([]);
  });

  it('makes the township’s return 被退回 (editable) with the remarks at their cells until fixed, audited', async () => {
    const r = await call(town, 'returns:import-returned', {
      fileName: annotatedName,
      bytesBase64: annotated.toString('base64'),
    });
    expect(r.message).toBe(
      '已导入洮北区的退回意见（1 条单元格意见），报表状态为“被退回”；请按意见改正后重新校验、报送',
    );
    const view = await call(town, 'returns:get', { returnId });
    expect(view.summary.status).toBe('returned');
    expect((await call(town, 'returns:list', { regionCode: TOWN }))[0].status).toBe('returned');
    // the corrected return is the next version: its 报出日期 is set again at resubmission
    expect(view.footer.reportedOn).toBeNull();
    const trail = await call(town, 'returns:audit', { returnId, limit: 10 });
    expect(trail).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'status', oldValue: 'submitted', newValue: 'returned' }),
        expect.objectContaining({ field: 'footer:reportedOn', oldValue: '2025-01-12', newValue: null }),
      ]),
    );
    expect(view.remarks).toEqual([
      expect.objectContaining({ item: '', remark: '村干部人数请与组织部门核对后重报', office: '洮北区', fixed: false }),
      expect.objectContaining({
        item: 'PD30',
        sex: 'female',
        location: expect.stringMatching(/^决策!E\d+$/),
        remark: '请核实女村干部人数',
        fixed: false,
      }),
    ]);
    const audit = await call(town, 'returns:audit', { returnId, limit: 5 });
    expect(audit[0]).toMatchObject({
      field: 'review:returned',
      newValue: expect.stringContaining('洮北区退回：村干部人数请与组织部门核对后重报（单元格意见 1 条）'),
    });
    await call(town, 'returns:set-cells', { returnId, edits: [{ item: 'PD30', sex: 'female', value: 12 }] });
    expect((await call(town, 'returns:get', { returnId })).remarks[1].fixed).toBe(true);
    // the return changed since: the same copy is for another version now
    const again = await dispatch(town.handlers, 'returns:import-returned', {
      fileName: annotatedName,
      bytesBase64: annotated.toString('base64'),
    });
    expect(again.ok ? '' : again.error.message).toContain('退回的不是本机现有的报表版本');
    // an edit keeps it 被退回 until it is checked again
    expect((await call(town, 'returns:get', { returnId })).summary.status).toBe('returned');
  });

  it('resubmits the corrected return as the next version, which the county sees beside the first', async () => {
    await call(town, 'returns:set-status', { returnId, status: 'checked' });
    const s = await call(town, 'returns:set-status', { returnId, status: 'submitted' });
    expect(s.status).toBe('submitted');
    expect((await call(town, 'returns:get', { returnId })).footer.reportedOn).toBe('2025-01-12');
    const file = await call(town, 'excel:export-return', { returnId });
    const [v] = await call(county, 'merge:import-files', { year: YEAR, files: [file] });
    expect(v.verdict).not.toBe('rejected');
    const [resub] = await call(county, 'merge:resubmissions', { year: YEAR });
    expect(resub.versions).toHaveLength(2);
    const other = resub.versions.find((x) => x.submission.id !== v.submissionId)!;
    expect(other.changes).toEqual([expect.objectContaining({ item: 'PD30', sex: 'female', before: '12', after: '2' })]);
  });
});
