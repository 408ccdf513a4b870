// A township whose code is not in the region table (new, or renamed since the table's vintage) is accepted by its code
// with one warning that says where the code is and what was done: not twice, once by the reader (单位代码 … 不在本机
// 的区划代码表中) and again by the merge (区划代码 … 已按代码接收).
import { afterAll, describe, expect, it } from 'vitest';
import { importBatch } from '../../../electron/merge/batch-import.ts';
import { excelReturnReader } from '../../../electron/merge/excel-reader.ts';
import { resolveOffice } from '../../../electron/merge/office.ts';
import { MESSAGES } from '../../../shared/messages.ts';
import { openTestBackend, TAOBEI_COUNTY } from '../../helpers/backend.ts';
import { returnFile } from './excel-files.ts';

const backend = openTestBackend({ profile: TAOBEI_COUNTY });
afterAll(() => backend.dispose());

describe('a township missing from the region table', () => {
  it('is accepted with one warning naming the cell and saying it was accepted by its code', async () => {
    const office = resolveOffice(backend.ctx);
    const code = '220802555000'; // under 洮北区, in no region table
    const bytes = await returnFile(office.framework, { regionCode: code, regionName: '新设镇', year: 2024 });
    const [verdict] = await importBatch(
      backend.ctx,
      office,
      2024,
      [{ fileName: '新设镇.xlsx', bytes }],
      excelReturnReader(backend.ctx),
    );
    expect(verdict.verdict).toBe('warnings');
    const about = verdict.problems.filter((p) => p.message.includes(code));
    expect(about).toEqual([
      { severity: 'warning', location: expect.stringMatching(/!A\d+$/), message: MESSAGES.merge.file.unlisted(code) },
    ]);
  });
});
