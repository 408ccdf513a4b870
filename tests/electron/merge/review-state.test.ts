// The county's completeness list shows where each township's current version stands: 已退回 once sent back, until a
// newer version arrives; 审核通过 once accepted (with who, when and the remark).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/api/dispatch.ts';
import type { Channel, Input, Output } from '../../../shared/api/contract.ts';
import { openTestBackend, TAOBEI_COUNTY, type TestBackend } from '../../helpers/backend.ts';
import { returnFile } from './excel-files.ts';
import { requireFramework } from '../../../electron/frameworks/plans-service.ts';
import { reviewsOf } from '../../../electron/merge/review.ts';

const YEAR = 2024;
const TOWN = '220802001000';

async function call<C extends Channel>(b: TestBackend, channel: C, input: Input<C>): Promise<Output<C>> {
  const r = await dispatch(b.handlers, channel, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as Output<C>;
}

describe('review state at the county', () => {
  let county: TestBackend;
  const file = async (day: number, cells: Record<string, number> = {}) => {
    const fw = requireFramework(county.ctx, 'taobei');
    const bytes = await returnFile(fw, {
      regionCode: TOWN,
      regionName: '',
      year: YEAR,
      cells,
      exportedAt: new Date(`2025-01-${day}T02:00:00Z`),
    });
    return { fileName: `town-${day}.xlsx`, bytesBase64: bytes.toString('base64') };
  };
  const child = async () =>
    (await call(county, 'merge:overview', { year: YEAR })).children.find((c) => c.code === TOWN)!;
  beforeAll(() => {
    county = openTestBackend({ profile: TAOBEI_COUNTY, now: () => new Date('2025-01-16T02:00:00Z') });
  });
  afterAll(() => county?.dispose());

  it('shows 已退回 on the version sent back, and nothing once a newer version arrives', async () => {
    const [v] = await call(county, 'merge:import-files', { year: YEAR, files: [await file(10)] });
    expect((await child()).submission?.review).toBeNull();
    await call(county, 'merge:send-back', {
      year: YEAR,
      submissionId: v.submissionId!,
      review: { overall: '请核实村干部人数', remarks: [] },
    });
    expect((await child()).submission?.review).toEqual({
      decision: 'returned',
      at: '2025-01-16T02:00:00.000Z',
      userName: '王芳',
      overall: '请核实村干部人数',
    });
    const [w] = await call(county, 'merge:import-files', {
      year: YEAR,
      files: [await file(20, { 'PD30.total': 20, 'PD30.female': 9 })],
    });
    expect(w.resubmission?.becameCurrent).toBe(true);
    const now = await child();
    expect(now.submission?.id).toBe(w.submissionId);
    expect(now.submission?.review).toBeNull();
  });

  it('accepts the current version with a remark (审核通过), recorded with who and when', async () => {
    const current = (await child()).submission!;
    const accepted = await call(county, 'merge:accept', { year: YEAR, submissionId: current.id, remark: '数据已核实' });
    expect(accepted.review).toEqual({
      decision: 'accepted',
      at: '2025-01-16T02:00:00.000Z',
      userName: '王芳',
      overall: '数据已核实',
    });
    expect((await child()).submission?.review?.decision).toBe('accepted');
    expect(reviewsOf(county.ctx, current.id).map((r) => r.decision)).toEqual(['accepted']);
  });

  it('lists a version’s problems for the remarks: targets short of the plan and 预警 on the cell they come from', async () => {
    const [v] = await call(county, 'merge:import-files', {
      year: YEAR,
      files: [await file(25, { 'PD30.total': 40, 'PD30.female': 2 })],
    });
    const issues = await call(county, 'merge:version-issues', { year: YEAR, submissionId: v.submissionId! });
    expect(issues).toContainEqual(
      expect.objectContaining({
        item: 'PD30',
        sex: 'female',
        severity: 'warning',
        message: expect.stringContaining('尚有差距'),
      }),
    );
    // the version before (9 women of 20) had no such problem on that cell
    const previous = (await call(county, 'merge:resubmissions', { year: YEAR }))[0].versions.find(
      (x) => x.submission.fileName === 'town-20.xlsx',
    )!;
    const before = await call(county, 'merge:version-issues', { year: YEAR, submissionId: previous.submission.id });
    expect(before.filter((i) => i.item === 'PD30' && i.sex === 'female')).toEqual([]);
  });

  it('refuses to accept a version of another year or one that does not exist', async () => {
    const current = (await child()).submission!;
    const other = await dispatch(county.handlers, 'merge:accept', {
      year: YEAR + 1,
      submissionId: current.id,
      remark: '',
    });
    expect(other.ok ? '' : other.error.message).toContain(`不是 ${YEAR + 1} 年的报表`);
    const none = await dispatch(county.handlers, 'merge:accept', { year: YEAR, submissionId: 9999, remark: '' });
    expect(none.ok ? '' : none.error.message).toContain('找不到报表版本');
  });
});
