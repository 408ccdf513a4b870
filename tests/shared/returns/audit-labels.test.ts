// The 修改记录 in words: no internal key, status or English reaches the reader.
import { describe, expect, it } from 'vitest';
import { loadBundledFramework } from '../../../electron/frameworks/bundled.ts';
import { describeAudit } from '../../../shared/returns/audit-labels.ts';
import { describeAlert, unexplainedAlerts } from '../../../shared/returns/blockers.ts';
import type { Evaluation, TargetResult } from '../../../shared/rules/result.ts';
import { FRAMEWORKS_DIR } from '../../helpers/paths.ts';

const fw = loadBundledFramework(FRAMEWORKS_DIR, 'taobei');
const line = (field: string, oldValue: string | null, newValue: string | null) =>
  describeAudit(fw, { field, oldValue, newValue });

describe('audit trail labels', () => {
  it('names a cell by its item and column, a status by its label, an explanation by its indicator', () => {
    expect(line('PD30.female', '10', '14')).toEqual({ field: '村委会成员数 · 女', oldValue: '10', newValue: '14' });
    expect(line('status', 'submitted', 'draft')).toEqual({ field: '状态', oldValue: '已报送', newValue: '草稿' });
    expect(line('status', 'draft', 'checked').newValue).toBe('已校验');
    expect(line('explanation:taobei-P-G08-3', null, '换届').field).toBe('预警说明：P31 村委会成员中女性比例');
    expect(line('status-reason', null, '县里要求').field).toBe('改回草稿的原因');
    expect(line('prefill', null, '2024')).toEqual({ field: '沿用上年数值', oldValue: null, newValue: '2024 年的数值' });
    expect(line('prefill-confirmed', null, '3').newValue).toBe('3 个单元格');
  });

  it('words a qualitative answer by its choice label, and keeps an unknown field as stored', () => {
    const q = fw.indicators.find((i) => i.kind === 'qualitative')!;
    const described = line(q.code, null, 'in_progress 正在起草');
    expect(described.field).toBe(`定性目标：${q.code} ${q.name}`);
    expect(described.newValue).toBe('推进中 正在起草');
    expect(line('something-new', 'a', 'b')).toEqual({ field: 'something-new', oldValue: 'a', newValue: 'b' });
  });
});

describe('submission blockers', () => {
  it('names the footer fields and the office’s 退回 remarks in Chinese', () => {
    expect(line('footer:reportedOn', null, '2025-01-20')).toEqual({
      field: '表尾：报出日期',
      oldValue: null,
      newValue: '2025-01-20',
    });
    expect(line('footer:phone', '0436-1', '0436-2')).toMatchObject({ field: '表尾：联系电话' });
    expect(line('review:returned', null, '请核对PD30')).toMatchObject({ field: '上级退回意见' });
    expect(line('review:receipt', null, '审核通过')).toMatchObject({ field: '上级回执' });
  });
  it('lists only 预警 without an explanation, each with its area and indicator', () => {
    const base: TargetResult = {
      targetId: 'taobei-P-G08-3',
      indicator: 'P31',
      area: 'decision',
      status: 'met',
      message: '',
      value: 30,
      previous: 40,
      changePercent: -25,
      volatile: true,
      hardToMeet: false,
      progress: null,
      gap: null,
    };
    const quiet = { ...base, targetId: 'other', volatile: false };
    const evaluation = { targets: [base, quiet] } as unknown as Evaluation;
    expect(unexplainedAlerts(evaluation, {}).map((t) => t.targetId)).toEqual(['taobei-P-G08-3']);
    expect(unexplainedAlerts(evaluation, { 'taobei-P-G08-3': '  ' })).toHaveLength(1);
    expect(unexplainedAlerts(evaluation, { 'taobei-P-G08-3': '换届' })).toHaveLength(0);
    expect(describeAlert(fw, base)).toBe('妇女参与决策和管理 · P31 村委会成员中女性比例（波动较大）');
    expect(describeAlert(fw, { ...base, hardToMeet: true })).toBe(
      '妇女参与决策和管理 · P31 村委会成员中女性比例（预计完成困难、波动较大）',
    );
  });
});
