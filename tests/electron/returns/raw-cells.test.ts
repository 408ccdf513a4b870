// Nothing typed is lost: text that is not a valid number is saved as typed (flagged), survives a reopen, blocks
// 已校验, and is cleared by a valid number, 无数据 or clearing. Any edit after 已校验 returns the return to 草稿.
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/api/envelope.ts';
import { dispatch } from '../../../electron/api/dispatch.ts';
import {
  frameworkOf,
  openReturn,
  requireReturn,
  returnAudit,
  setCells,
  setQualitative,
  viewReturn,
} from '../../../electron/returns/returns-service.ts';
import { evaluateStored, setStatus } from '../../../electron/evaluation/return-evaluation.ts';
import { openTestBackend, TAOBEI_TOWNSHIP, type TestBackend } from '../../helpers/backend.ts';

let backend: TestBackend;
afterEach(() => backend?.dispose());

const KELAN_COUNTY = { planId: 'kelan', role: 'county', regionCode: '140929000000', userName: '李娜' } as const;
const stored = (b: TestBackend, id: number, key: string) =>
  viewReturn(b.ctx, requireReturn(b.ctx, id)).data.cells.find((c) => `${c.item}.${c.sex}` === key);

describe('raw (invalid) text in a cell', () => {
  it('is saved as typed, survives a reopen of the database, and is audited as entered', () => {
    backend = openTestBackend({ profile: KELAN_COUNTY });
    const id = openReturn(backend.ctx, KELAN_COUNTY.regionCode, 2025, false).summary.id;
    const r = setCells(backend.ctx, id, [{ item: 'VD10', sex: 'total', value: null, noData: null, raw: '12.5' }]);
    expect(r.previous).toEqual([{ item: 'VD10', sex: 'total', value: null, noData: null, raw: null }]);
    expect(stored(backend, id, 'VD10.total')).toMatchObject({ value: null, noData: null, raw: '12.5' });
    expect(returnAudit(backend.ctx, id, 1)[0]).toMatchObject({
      field: 'VD10.total',
      oldValue: null,
      newValue: '12.5（有误）',
    });

    // a fresh back end on the same database file
    const dir = backend.dir;
    backend.close();
    backend = openTestBackend({ dir });
    expect(stored(backend, id, 'VD10.total')).toMatchObject({ value: null, raw: '12.5' });
    expect(viewReturn(backend.ctx, requireReturn(backend.ctx, id)).summary.cellsFilled).toBe(1);
  });

  it('counts as an error of the county’s (merged) return and blocks 已校验, naming the cell', () => {
    backend = openTestBackend({ profile: KELAN_COUNTY });
    const id = openReturn(backend.ctx, KELAN_COUNTY.regionCode, 2025, false).summary.id;
    setCells(backend.ctx, id, [{ item: 'VD10', sex: 'total', value: null, noData: null, raw: '12.5' }]);
    const { evaluation } = evaluateStored(backend.ctx, requireReturn(backend.ctx, id));
    expect(evaluation.issues).toContainEqual(
      expect.objectContaining({ item: 'VD10', sex: 'total', severity: 'error', message: '天数应为整数' }),
    );
    try {
      setStatus(backend.ctx, id, 'checked');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).message).toBe('还有 1 处错误，改正后才能标记为已校验');
      expect((error as AppError).details).toContainEqual({ path: 'VD10.total', message: '天数应为整数' });
    }
    // fixed: a valid number clears the raw text, and 已校验 is allowed
    const fix = setCells(backend.ctx, id, [{ item: 'VD10', sex: 'total', value: 300, noData: null }]);
    expect(fix.previous).toEqual([{ item: 'VD10', sex: 'total', value: null, noData: null, raw: '12.5' }]);
    expect(stored(backend, id, 'VD10.total')).toMatchObject({ value: 300, raw: null });
    expect(setStatus(backend.ctx, id, 'checked').status).toBe('checked');
  });

  it('is cleared by 无数据 and by clearing the cell', () => {
    backend = openTestBackend({ profile: TAOBEI_TOWNSHIP });
    const id = openReturn(backend.ctx, TAOBEI_TOWNSHIP.regionCode, 2025, false).summary.id;
    setCells(backend.ctx, id, [{ item: 'PD30', sex: 'total', value: null, noData: null, raw: 'abc' }]);
    setCells(backend.ctx, id, [{ item: 'PD30', sex: 'total', value: null, noData: { reason: '本年未换届' } }]);
    expect(stored(backend, id, 'PD30.total')).toMatchObject({
      value: null,
      noData: { reason: '本年未换届' },
      raw: null,
    });
    setCells(backend.ctx, id, [{ item: 'PD30', sex: 'total', value: null, noData: null, raw: 'abc' }]);
    setCells(backend.ctx, id, [{ item: 'PD30', sex: 'total', value: null, noData: null }]);
    expect(stored(backend, id, 'PD30.total')).toBeUndefined();
  });

  it('is refused together with a value or 无数据, and stored as a number when it is one', () => {
    backend = openTestBackend({ profile: TAOBEI_TOWNSHIP });
    const id = openReturn(backend.ctx, TAOBEI_TOWNSHIP.regionCode, 2025, false).summary.id;
    expect(() =>
      setCells(backend.ctx, id, [{ item: 'PD30', sex: 'total', value: 3, noData: null, raw: 'abc' }]),
    ).toThrow(AppError);
    expect(() =>
      setCells(backend.ctx, id, [{ item: 'PD30', sex: 'total', value: null, noData: { reason: '无' }, raw: 'abc' }]),
    ).toThrow(AppError);
    // the back end parses with the same parser: “1,234” is a number, never kept as text
    setCells(backend.ctx, id, [{ item: 'PD30', sex: 'total', value: null, noData: null, raw: '1,234' }]);
    expect(stored(backend, id, 'PD30.total')).toMatchObject({ value: 1234, raw: null });
  });

  it('goes through the returns:set-cells contract: raw is optional, and an empty or overlong raw is refused', async () => {
    backend = openTestBackend({ profile: TAOBEI_TOWNSHIP });
    const id = openReturn(backend.ctx, TAOBEI_TOWNSHIP.regionCode, 2025, false).summary.id;
    const ok = await dispatch(backend.handlers, 'returns:set-cells', {
      returnId: id,
      edits: [{ item: 'PD30', sex: 'total', value: null, raw: '2.5' }],
    });
    expect(ok).toMatchObject({
      ok: true,
      value: { status: 'draft', previous: [{ item: 'PD30', sex: 'total', value: null, noData: null, raw: null }] },
    });
    const plain = await dispatch(backend.handlers, 'returns:set-cells', {
      returnId: id,
      edits: [{ item: 'PD31', sex: 'total', value: 4 }],
    });
    expect(plain.ok).toBe(true);
    for (const raw of ['', 'x'.repeat(201)]) {
      const bad = await dispatch(backend.handlers, 'returns:set-cells', {
        returnId: id,
        edits: [{ item: 'PD30', sex: 'total', value: null, raw }],
      });
      expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    }
    const view = await dispatch(backend.handlers, 'returns:get', { returnId: id });
    expect(view.ok && (view.value as { data: { cells: unknown[] } }).data.cells).toContainEqual(
      expect.objectContaining({ item: 'PD30', raw: '2.5' }),
    );
  });
});

describe('an edit after 已校验', () => {
  it('returns the return to 草稿, says so in the answer, and audits the change of status', () => {
    backend = openTestBackend({ profile: TAOBEI_TOWNSHIP, now: () => new Date('2026-01-05T08:00:00Z') });
    const id = openReturn(backend.ctx, TAOBEI_TOWNSHIP.regionCode, 2025, false).summary.id;
    setCells(backend.ctx, id, [{ item: 'PD30', sex: 'total', value: 40, noData: null }]);
    expect(setStatus(backend.ctx, id, 'checked').status).toBe('checked');
    const r = setCells(backend.ctx, id, [{ item: 'PD30', sex: 'total', value: 41, noData: null }]);
    expect(r.status).toBe('draft');
    expect(requireReturn(backend.ctx, id).status).toBe('draft');
    const audit = returnAudit(backend.ctx, id, 2);
    expect(audit[0]).toMatchObject({ field: 'status', oldValue: 'checked', newValue: 'draft', userName: '张丽' });
    expect(audit[1]).toMatchObject({ field: 'PD30.total', oldValue: '40', newValue: '41' });
  });

  it('leaves 已校验 alone when nothing changed, and a draft stays a draft without a status entry', () => {
    backend = openTestBackend({ profile: TAOBEI_TOWNSHIP });
    const id = openReturn(backend.ctx, TAOBEI_TOWNSHIP.regionCode, 2025, false).summary.id;
    setCells(backend.ctx, id, [{ item: 'PD30', sex: 'total', value: 40, noData: null }]);
    expect(returnAudit(backend.ctx, id, 10).some((a) => a.field === 'status')).toBe(false);
    setStatus(backend.ctx, id, 'checked');
    expect(setCells(backend.ctx, id, [{ item: 'PD30', sex: 'total', value: 40, noData: null }]).status).toBe('checked');
    expect(requireReturn(backend.ctx, id).status).toBe('checked');
  });

  it('also applies to a qualitative answer', () => {
    backend = openTestBackend({ profile: TAOBEI_TOWNSHIP });
    const id = openReturn(backend.ctx, TAOBEI_TOWNSHIP.regionCode, 2025, false).summary.id;
    const framework = frameworkOf(backend.ctx, requireReturn(backend.ctx, id));
    const indicator = framework.indicators.find((i) => i.kind === 'qualitative')!;
    setStatus(backend.ctx, id, 'checked');
    expect(setQualitative(backend.ctx, id, indicator.code, 'done', '').status).toBe('draft');
    expect(requireReturn(backend.ctx, id).status).toBe('draft');
  });
});
