// The signed footer (表尾) is part of the return: 填表人 prefilled from the user, every field stored and audited,
// checked on the way in, 报出日期 set on submission unless corrected before, locked once submitted.
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/api/dispatch.ts';
import {
  openReturn,
  returnAudit,
  setFooter,
  requireReturn,
  viewReturn,
} from '../../../electron/returns/returns-service.ts';
import { setStatus } from '../../../electron/evaluation/return-evaluation.ts';
import { returnForm } from '../../../electron/report/report-service.ts';
import { openTestBackend, TAOBEI_TOWNSHIP, type TestBackend } from '../../helpers/backend.ts';

let backend: TestBackend;
afterEach(() => backend?.dispose());
const NOW = () => new Date('2025-01-12T02:00:00Z');
const footer = { head: '李强', statistician: '王敏', filler: '张丽', phone: '0436-1234567', reportedOn: null };

describe('the signed footer', () => {
  it('prefills 填表人 from the user when a return is opened', () => {
    backend = openTestBackend({ profile: TAOBEI_TOWNSHIP, now: NOW });
    const view = openReturn(backend.ctx, TAOBEI_TOWNSHIP.regionCode, 2024, false);
    expect(view.footer).toEqual({ head: '', statistician: '', filler: '张丽', phone: '', reportedOn: null });
  });

  it('stores the footer and audits each changed field; an 已校验 return stays 已校验', () => {
    backend = openTestBackend({ profile: TAOBEI_TOWNSHIP, now: NOW });
    const id = openReturn(backend.ctx, TAOBEI_TOWNSHIP.regionCode, 2024, false).summary.id;
    setStatus(backend.ctx, id, 'checked');
    setFooter(backend.ctx, id, footer);
    setFooter(backend.ctx, id, { ...footer, phone: '13912345678', reportedOn: '2025-01-10' });
    const view = viewReturn(backend.ctx, requireReturn(backend.ctx, id));
    expect(view.footer).toEqual({ ...footer, phone: '13912345678', reportedOn: '2025-01-10' });
    expect(view.summary.status).toBe('checked');
    const audit = returnAudit(backend.ctx, id, 20).filter((a) => a.field.startsWith('footer:'));
    expect(audit.map((a) => [a.field, a.oldValue, a.newValue])).toEqual([
      ['footer:reportedOn', null, '2025-01-10'],
      ['footer:phone', '0436-1234567', '13912345678'],
      ['footer:phone', null, '0436-1234567'],
      ['footer:statistician', null, '王敏'],
      ['footer:head', null, '李强'],
    ]);
  });

  it('refuses a bad phone or date with the field named, in Chinese', async () => {
    backend = openTestBackend({ profile: TAOBEI_TOWNSHIP, now: NOW });
    const id = openReturn(backend.ctx, TAOBEI_TOWNSHIP.regionCode, 2024, false).summary.id;
    const phone = await dispatch(backend.handlers, 'returns:set-footer', {
      returnId: id,
      footer: { ...footer, phone: '打电话给我' },
    });
    expect(phone.ok).toBe(false);
    if (!phone.ok)
      expect(phone.error.details).toContainEqual(
        expect.objectContaining({ path: 'footer.phone', message: expect.stringContaining('联系电话只能包含数字') }),
      );
    const date = await dispatch(backend.handlers, 'returns:set-footer', {
      returnId: id,
      footer: { ...footer, reportedOn: '2025-02-30' },
    });
    expect(date.ok).toBe(false);
    if (!date.ok)
      expect(date.error.details).toContainEqual(
        expect.objectContaining({ path: 'footer.reportedOn', message: '没有这一天' }),
      );
  });

  it('sets 报出日期 to the day of submission unless it was set before, and locks the footer once submitted', () => {
    backend = openTestBackend({ profile: TAOBEI_TOWNSHIP, now: NOW });
    const a = openReturn(backend.ctx, TAOBEI_TOWNSHIP.regionCode, 2024, false).summary.id;
    setStatus(backend.ctx, a, 'checked');
    setStatus(backend.ctx, a, 'submitted');
    expect(viewReturn(backend.ctx, requireReturn(backend.ctx, a)).footer.reportedOn).toBe('2025-01-12');
    expect(returnAudit(backend.ctx, a, 5)[0]).toMatchObject({
      field: 'footer:reportedOn',
      oldValue: null,
      newValue: '2025-01-12',
    });
    expect(() => setFooter(backend.ctx, a, footer)).toThrow(/已报送并锁定/);

    const b = openReturn(backend.ctx, TAOBEI_TOWNSHIP.regionCode, 2023, false).summary.id;
    setFooter(backend.ctx, b, { ...footer, reportedOn: '2025-01-08' });
    setStatus(backend.ctx, b, 'checked');
    setStatus(backend.ctx, b, 'submitted');
    expect(viewReturn(backend.ctx, requireReturn(backend.ctx, b)).footer.reportedOn).toBe('2025-01-08');
  });

  it('prints the footer on the return form', () => {
    backend = openTestBackend({ profile: TAOBEI_TOWNSHIP, now: NOW });
    const id = openReturn(backend.ctx, TAOBEI_TOWNSHIP.regionCode, 2024, false).summary.id;
    setFooter(backend.ctx, id, { ...footer, reportedOn: '2025-01-10' });
    const { html } = returnForm(backend.ctx, { regionCode: TAOBEI_TOWNSHIP.regionCode, year: 2024 });
    const signatures = /<div class="signatures keep">(.*?)<\/div>/s.exec(html)?.[1] ?? '';
    for (const text of [
      '单位负责人：<span class="line">李强',
      '统计负责人：<span class="line">王敏',
      '填表人：<span class="line">张丽',
      '联系电话：<span class="line">0436-1234567',
      '报出日期：<span class="line">2025年1月10日',
    ]) {
      expect(signatures).toContain(text);
    }
  });
});
