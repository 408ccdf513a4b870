// A return whose 单位代码 is not in this machine's region table cannot be stored as this unit's return: the check says
// so once, as the error it is, at the 单位代码 cell (not a warning at the cell and the error again at the file).
import { afterAll, describe, expect, it } from 'vitest';
import { requireFramework } from '../../../electron/frameworks/plans-service.ts';
import { MESSAGES } from '../../../shared/messages.ts';
import { returnFile } from '../merge/excel-files.ts';
import { openTestApp } from '../excel/helpers/app.ts';

const app = openTestApp();
afterAll(() => app.close());

describe('a return of a unit missing from the region table', () => {
  it('is refused with one error at its 单位代码 cell', async () => {
    await app.call('settings:set-profile', {
      planId: 'taobei',
      role: 'county',
      regionCode: '220802000000',
      userName: '王芳',
    });
    const code = '220802555000';
    const bytes = await returnFile(requireFramework(app.backend.ctx, 'taobei'), {
      regionCode: code,
      regionName: '新设镇',
      year: 2024,
    });
    const report = await app.call('excel:validate', { fileName: '新设镇.xlsx', bytesBase64: bytes.toString('base64') });
    const about = report.problems.filter((p) => p.message.includes(code));
    expect(about).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'region_not_in_table',
        location: expect.stringMatching(/!A\d+$/),
        message: MESSAGES.excel.problem.regionNotInTable(code),
      }),
    ]);
  });
});
