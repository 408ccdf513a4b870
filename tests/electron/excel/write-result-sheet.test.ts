// The 校验结果 sheet of an exported return dates its check as the user's calendar does (local time), like the form's
// 报出日期: an export at 03:45 in Beijing is not dated the day before (it took the UTC day).
import { describe, expect, it } from 'vitest';
import { inTimeZone } from '../../helpers/time-zone.ts';
import * as XLSX from 'xlsx';
import { MESSAGES } from '../../../shared/messages.ts';
import { plausibleReturn } from '../merge/excel-files.ts';
import { openTestApp } from './helpers/app.ts';
import { writeTownshipReturn } from './helpers/written.ts';

inTimeZone('Asia/Shanghai');

describe('校验结果 sheet', () => {
  it('dates the check by the local day', async () => {
    const app = openTestApp();
    try {
      const framework = app.framework('jinkouhe');
      const town = { code: '511113100000', name: '永和镇' };
      const data = plausibleReturn(framework, { regionCode: town.code, regionName: town.name, year: 2025 });
      const { bytes } = await writeTownshipReturn(framework, data, town, {
        now: new Date('2026-11-29T19:45:31Z'), // 2026-11-30 03:45:31 in Beijing
      });
      const wb = XLSX.read(bytes, { type: 'buffer' });
      const sheet = wb.Sheets[MESSAGES.excel.form.resultSheet];
      expect(sheet?.A2?.v).toBe(MESSAGES.excel.result.checkedAt(town.name, 2025, '2026-11-30'));
    } finally {
      app.close();
    }
  });
});
