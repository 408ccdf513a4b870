// A blank template sent back unfilled is no return: validating it says so (never 「校验通过……已填 0 / 42」), importing
// it writes nothing, and a county merging it rejects it, so the township still counts as 未报送.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/api/dispatch.ts';
import type { Channel, Input, Output } from '../../../shared/api/contract.ts';
import { openTestBackend, TAOBEI_COUNTY, TAOBEI_TOWNSHIP, type TestBackend } from '../../helpers/backend.ts';

const YEAR = 2024;
const TOWN = TAOBEI_TOWNSHIP.regionCode;

async function call<C extends Channel>(b: TestBackend, channel: C, input: Input<C>): Promise<Output<C>> {
  const r = await dispatch(b.handlers, channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value as Output<C>;
}

describe('a blank, unfilled template', () => {
  let county: TestBackend;
  let blank: { fileName: string; bytesBase64: string };
  beforeAll(async () => {
    county = openTestBackend({ profile: TAOBEI_COUNTY, now: () => new Date('2025-02-01T02:00:00Z') });
    blank = await call(county, 'excel:template', { regionCode: TOWN, year: YEAR });
  });
  afterAll(() => county?.dispose());

  it('does not validate: an error saying it is unfilled and what to do', async () => {
    const report = await call(county, 'excel:validate', { fileName: blank.fileName, bytesBase64: blank.bytesBase64 });
    expect(report.verdict).not.toContain('校验通过');
    expect(report.counts.errors).toBeGreaterThan(0);
    const problem = report.problems.find((p) => p.code === 'blank_return');
    expect(problem?.severity).toBe('error');
    expect(problem?.message).toMatch(/没有填写任何数据.*空白模板.*请在黄色单元格中填写/);
  });

  it('is rejected by the merge and the township stays 未报送', async () => {
    const [v] = await call(county, 'merge:import-files', {
      year: YEAR,
      files: [{ fileName: blank.fileName, bytesBase64: blank.bytesBase64 }],
    });
    expect(v.verdict).toBe('rejected');
    expect(v.problems.map((p) => p.message).join('\n')).toContain('空白模板');
    const overview = await call(county, 'merge:overview', { year: YEAR });
    expect(overview.completeness.reported).toBe(0);
    expect(overview.children.find((c) => c.code === TOWN)?.state).toBe('missing');
  });
});
