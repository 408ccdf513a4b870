import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/api/envelope.ts';
import {
  confirmPrefilledCells,
  openReturn,
  requireReturn,
  returnAudit,
  setCells,
  setExplanation,
  viewReturn,
} from '../../../electron/returns/returns-service.ts';
import { evaluateStored, setStatus } from '../../../electron/evaluation/return-evaluation.ts';
import { openTestBackend, TAOBEI_TOWNSHIP, type TestBackend } from '../../helpers/backend.ts';

let backend: TestBackend;
afterEach(() => backend?.dispose());

const cellValue = (b: TestBackend, id: number, key: string) =>
  viewReturn(b.ctx, requireReturn(b.ctx, id)).data.cells.find((c) => `${c.item}.${c.sex}` === key);

describe('returns service', () => {
  it('opens one return per region, year and plan, and reopens the same one', () => {
    backend = openTestBackend({ profile: TAOBEI_TOWNSHIP });
    const a = openReturn(backend.ctx, TAOBEI_TOWNSHIP.regionCode, 2025, false);
    const b = openReturn(backend.ctx, TAOBEI_TOWNSHIP.regionCode, 2025, false);
    expect(b.summary.id).toBe(a.summary.id);
    expect(a.summary.level).toBe('township');
    expect(a.summary.status).toBe('draft');
    expect(a.data.cells).toEqual([]);
  });

  it('saves a batch in one transaction, returns old values for undo, and audits who/when/old/new', () => {
    backend = openTestBackend({ profile: TAOBEI_TOWNSHIP, now: () => new Date('2026-01-05T08:00:00Z') });
    const id = openReturn(backend.ctx, TAOBEI_TOWNSHIP.regionCode, 2025, false).summary.id;
    setCells(backend.ctx, id, [{ item: 'PD30', sex: 'total', value: 40, noData: null }]);
    const r = setCells(backend.ctx, id, [
      { item: 'PD30', sex: 'total', value: 42, noData: null },
      { item: 'PD30', sex: 'female', value: 12, noData: null },
    ]);
    expect(r.previous).toEqual([
      { item: 'PD30', sex: 'total', value: 40, noData: null, raw: null },
      { item: 'PD30', sex: 'female', value: null, noData: null, raw: null },
    ]);
    const audit = returnAudit(backend.ctx, id, 10);
    expect(audit[0]).toMatchObject({
      field: 'PD30.female',
      oldValue: null,
      newValue: '12',
      userName: '张丽',
      at: '2026-01-05T08:00:00.000Z',
    });
    expect(audit[1]).toMatchObject({ field: 'PD30.total', oldValue: '40', newValue: '42' });
  });

  it('writes nothing of a batch when one edit is invalid', () => {
    backend = openTestBackend({ profile: TAOBEI_TOWNSHIP });
    const id = openReturn(backend.ctx, TAOBEI_TOWNSHIP.regionCode, 2025, false).summary.id;
    expect(() =>
      setCells(backend.ctx, id, [
        { item: 'PD30', sex: 'total', value: 40, noData: null },
        { item: 'PD30', sex: 'male', value: 1, noData: null },
      ]),
    ).toThrow('“村委会成员数”没有“男”栏');
    expect(cellValue(backend, id, 'PD30.total')).toBeUndefined();
  });

  it('keeps 无数据 apart from zero and blank', () => {
    backend = openTestBackend({ profile: TAOBEI_TOWNSHIP });
    const id = openReturn(backend.ctx, TAOBEI_TOWNSHIP.regionCode, 2025, false).summary.id;
    setCells(backend.ctx, id, [
      { item: 'PD30', sex: 'total', value: 0, noData: null },
      { item: 'PD31', sex: 'total', value: null, noData: { reason: '本年未换届' } },
    ]);
    expect(cellValue(backend, id, 'PD30.total')).toMatchObject({ value: 0, noData: null });
    expect(cellValue(backend, id, 'PD31.total')).toMatchObject({ value: null, noData: { reason: '本年未换届' } });
    setCells(backend.ctx, id, [{ item: 'PD31', sex: 'total', value: null, noData: null }]);
    expect(cellValue(backend, id, 'PD31.total')).toBeUndefined();
  });

  it('prefills a new year from last year, marked, and blocks checking until confirmed', () => {
    backend = openTestBackend({ profile: TAOBEI_TOWNSHIP });
    const y24 = openReturn(backend.ctx, TAOBEI_TOWNSHIP.regionCode, 2024, false).summary.id;
    setCells(backend.ctx, y24, [
      { item: 'PD30', sex: 'total', value: 40, noData: null },
      { item: 'PD30', sex: 'female', value: 12, noData: null },
    ]);
    const y25 = openReturn(backend.ctx, TAOBEI_TOWNSHIP.regionCode, 2025, true);
    expect(y25.summary.prefilledCells).toBe(2);
    expect(y25.history.map((h) => h.year)).toEqual([2024]);
    expect(() => setStatus(backend.ctx, y25.summary.id, 'checked')).toThrow(/沿用上年的数值未确认/);
    expect(confirmPrefilledCells(backend.ctx, y25.summary.id).confirmed).toBe(2);
    expect(setStatus(backend.ctx, y25.summary.id, 'checked').status).toBe('checked');
  });

  it('refuses 已校验 while errors remain, naming the cells', () => {
    backend = openTestBackend({ profile: TAOBEI_TOWNSHIP });
    const id = openReturn(backend.ctx, TAOBEI_TOWNSHIP.regionCode, 2025, false).summary.id;
    setCells(backend.ctx, id, [
      { item: 'PD30', sex: 'total', value: 40, noData: null },
      { item: 'PD30', sex: 'female', value: 50, noData: null },
    ]);
    try {
      setStatus(backend.ctx, id, 'checked');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).message).toBe('还有 1 处错误，改正后才能标记为已校验');
      expect((error as AppError).details[0].path).toBe('PD30.female');
    }
  });

  it('requires an explanation for each warning before submission, then locks the return', () => {
    backend = openTestBackend({ profile: TAOBEI_TOWNSHIP });
    const last = openReturn(backend.ctx, TAOBEI_TOWNSHIP.regionCode, 2024, false).summary.id;
    setCells(backend.ctx, last, [
      { item: 'PD30', sex: 'total', value: 100, noData: null },
      { item: 'PD30', sex: 'female', value: 45, noData: null },
    ]);
    const id = openReturn(backend.ctx, TAOBEI_TOWNSHIP.regionCode, 2025, false).summary.id;
    // 31% meets 30%以上 (已实现); the fall from 45% is 波动较大: a 预警 beside the verdict
    setCells(backend.ctx, id, [
      { item: 'PD30', sex: 'total', value: 100, noData: null },
      { item: 'PD30', sex: 'female', value: 31, noData: null },
    ]);
    const { evaluation } = evaluateStored(backend.ctx, requireReturn(backend.ctx, id));
    expect(evaluation.targets.find((t) => t.targetId === 'taobei-P-G08-3')).toMatchObject({
      status: 'met',
      volatile: true,
    });
    setStatus(backend.ctx, id, 'checked');
    expect(() => setStatus(backend.ctx, id, 'submitted')).toThrow(/预警没有填写说明/);
    // the refusal says where: area and indicator, with the target as the path
    try {
      setStatus(backend.ctx, id, 'submitted');
    } catch (e) {
      expect((e as AppError).details).toEqual([
        {
          path: 'taobei-P-G08-3',
          message: '妇女参与决策和管理 · P31 村委会成员中女性比例（波动较大）：请填写预警说明',
        },
      ]);
    }
    setExplanation(backend.ctx, id, 'taobei-P-G08-3', '本年换届后女性成员略有减少，明年补选');
    expect(setStatus(backend.ctx, id, 'submitted').status).toBe('submitted');
    expect(() => setCells(backend.ctx, id, [{ item: 'PD30', sex: 'total', value: 1, noData: null }])).toThrow(
      /已报送并锁定/,
    );
    // back to 草稿 only with a reason, audited
    expect(() => setStatus(backend.ctx, id, 'draft')).toThrow(/须写明原因/);
    expect(() => setStatus(backend.ctx, id, 'draft', '  ')).toThrow(/须写明原因/);
    expect(setStatus(backend.ctx, id, 'draft', '县里要求更正').status).toBe('draft');
    const audit = returnAudit(backend.ctx, id, 5);
    expect(audit.slice(0, 2).map((a) => [a.field, a.oldValue, a.newValue])).toEqual([
      ['status-reason', null, '县里要求更正'],
      ['status', 'submitted', 'draft'],
    ]);
  });
});
