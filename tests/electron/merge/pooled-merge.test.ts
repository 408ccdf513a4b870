// The issue's case end to end, through the handlers the UI calls: four townships' Excel returns, one marking the
// numerator of 适龄妇女宫颈癌人群筛查率 (H06 = HD18 / HD17) 无数据 and one leaving its denominator blank. The county's
// rate is pooled over the two townships that have both (5135/6161 = 83.3 %), never 6035/9261; the result, the
// breakdown, the merged Excel return, the annual report and the county's entry screen show the same figure with
// the same note; and the city merging the county's exported return pools the same pair.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { dispatch } from '../../../electron/api/dispatch.ts';
import { requireFramework } from '../../../electron/frameworks/plans-service.ts';
import { listChildRegions } from '../../../electron/frameworks/regions-service.ts';
import { annualReport } from '../../../electron/report/report-service.ts';
import { readReturnWorkbook } from '../../../electron/excel/read-return.ts';
import type { Channel, Input, Output } from '../../../shared/api/contract.ts';
import type { Framework } from '../../../shared/framework/schema.ts';
import type { ReturnData } from '../../../shared/returns/schema.ts';
import { evaluateReturn } from '../../../shared/rules/evaluate.ts';
import { openTestBackend, TAOBEI_COUNTY, type TestBackend } from '../../helpers/backend.ts';
import { REPO_ROOT } from '../../helpers/paths.ts';
import { plausibleReturn, returnFile } from './excel-files.ts';
import { CITY, COUNTY, cellOf } from './helpers.ts';

const YEAR = 2024;
const now = () => new Date('2025-02-20T02:00:00Z');
const H06 = 'taobei-H-G03-2'; // 适龄妇女宫颈癌人群筛查率达到70%以上
const POOLED = (5135 / 6161) * 100;

async function call<C extends Channel>(b: TestBackend, channel: C, input: Input<C>): Promise<Output<C>> {
  const r = await dispatch(b.handlers, channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value as Output<C>;
}
const upload = (fileName: string, bytes: Buffer) => ({ fileName, bytesBase64: bytes.toString('base64') });

/** A township's plausible return with HD17 (适龄妇女数), HD18 (宫颈癌筛查人数) and HD19 (乳腺癌筛查人数) set. */
function town(
  fw: Framework,
  t: { code: string; name: string },
  den: number | null,
  num: number | 'nodata',
  breast: number,
): ReturnData {
  const data = plausibleReturn(fw, { regionCode: t.code, regionName: t.name, year: YEAR });
  const set = (item: string, value: number | null, noData: string | null = null) => {
    data.cells = data.cells.filter((c) => !(c.item === item && c.sex === 'total'));
    data.cells.push({
      item,
      sex: 'total',
      value,
      noData: noData ? { reason: noData } : null,
      prefilled: false,
      raw: null,
    });
  };
  set('HD17', den);
  set('HD18', num === 'nodata' ? null : num, num === 'nodata' ? '未开展筛查统计' : null);
  set('HD19', breast);
  return data;
}

describe('a county rate pooled over the townships that have both numerator and denominator', () => {
  let county: TestBackend;
  let city: TestBackend;
  let towns: { code: string; name: string }[];
  let note: string;
  let countyFile: Buffer;

  beforeAll(async () => {
    county = openTestBackend({ profile: TAOBEI_COUNTY, now });
    city = openTestBackend({ profile: { planId: 'taobei', role: 'city', regionCode: CITY, userName: '李明' }, now });
    towns = listChildRegions(county.ctx, COUNTY)
      .slice(0, 4)
      .map((r) => ({ code: r.code, name: r.name }));
    const fw = requireFramework(county.ctx, 'taobei');
    const data = [
      town(fw, towns[0], 3600, 3000, 3000),
      town(fw, towns[1], 2561, 2135, 2000),
      town(fw, towns[2], 3100, 'nodata', 2500), // numerator 无数据
      town(fw, towns[3], null, 900, 800), // denominator blank
    ];
    const files = await Promise.all(
      data.map(async (d, i) =>
        upload(
          `t${i}.xlsx`,
          await returnFile(fw, { regionCode: d.regionCode, regionName: towns[i].name, year: YEAR }, d),
        ),
      ),
    );
    const verdicts = await call(county, 'merge:import-files', { year: YEAR, files });
    expect(verdicts.map((v) => v.verdict)).not.toContain('rejected');
    note = `由2个乡镇（共4个）汇总计算；缺少：${towns[2].name}、${towns[3].name}`;
  });
  afterAll(() => {
    county?.dispose();
    city?.dispose();
  });

  it('keeps the summed cells and judges the pooled rate 5135/6161', async () => {
    const result = await call(county, 'merge:result', { year: YEAR });
    expect(cellOf(result.data, 'HD18.total')?.value).toBe(6035);
    expect(cellOf(result.data, 'HD17.total')?.value).toBe(9261);
    const h06 = result.evaluation.indicators.find((i) => i.code === 'H06')!;
    expect(h06).toMatchObject({
      numerator: 5135,
      denominator: 6161,
      coverage: { units: 2, of: 4, unitLevel: 'township', missing: [towns[2].name, towns[3].name] },
    });
    expect(h06.value).toBeCloseTo(POOLED, 9);
    const target = result.evaluation.targets.find((t) => t.targetId === H06)!;
    expect(target.value).toBe(83.3);
    expect(target.status).not.toBe('not_met');
    expect(result.notes.join('\n')).toContain(`H06 适龄妇女宫颈癌人群筛查率：${note}`);
  });

  it('shows the same total and note in the breakdown', async () => {
    const breakdown = await call(county, 'merge:breakdown', { year: YEAR });
    const row = breakdown.rows.find((r) => r.kind === 'indicator' && r.code === 'H06')!;
    expect(row.total).toBeCloseTo(POOLED, 9);
    expect(row.totalNote).toBe(note);
    expect(row.totalStatus).not.toBe('not_met');
    // each township's own rate, 无数据 and blank ones without a value
    expect(row.values.map((v) => (v === null ? null : Math.round(v * 10) / 10))).toEqual([83.3, 83.4, null, null]);
  });

  it('writes the same figure and note into the merged Excel return', async () => {
    const file = await call(county, 'merge:export', { year: YEAR });
    countyFile = Buffer.from(file.bytesBase64, 'base64');
    // kept for a look: soffice --headless --convert-to pdf, pdftoppm -png
    mkdirSync(join(REPO_ROOT, 'tests', '.artifacts'), { recursive: true });
    writeFileSync(join(REPO_ROOT, 'tests', '.artifacts', 'pooled-county.xlsx'), countyFile);
    const wb = XLSX.read(countyFile, { type: 'buffer' });
    const rows = (sheet: string) =>
      XLSX.utils.sheet_to_json<(string | number)[]>(wb.Sheets[sheet], { header: 1, defval: '' });
    const breakdown = rows('分单位明细');
    const header = breakdown.find((r) => r[0] === '代码')!;
    const h06 = breakdown.find((r) => r[0] === 'H06')!;
    expect(h06[header.indexOf('合计')]).toBeCloseTo(POOLED, 9);
    expect(h06[header.indexOf('合计说明')]).toBe(note);
    const result = rows('校验结果').find((r) => r[0] === H06)!;
    expect(result[4]).toBe('83.3%');
    expect(String(result[6])).toContain(note);
    expect(rows('汇总说明').flat().join('\n')).toContain(note);
  });

  it('prints the same figure and note in the annual report', async () => {
    const own = await call(county, 'returns:open', { regionCode: COUNTY, year: YEAR, prefillFromPreviousYear: false });
    expect(own.summary.id).toBeGreaterThan(0);
    const report = annualReport(county.ctx, { regionCode: COUNTY, year: YEAR });
    const row = report.model.areas.flatMap((a) => a.rows).find((r) => r.targetId === H06)!;
    expect(row).toMatchObject({ value: 83.3, coverage: note });
    const tr = report.html.match(new RegExp(`<tr data-target="${H06}">.*?</tr>`))![0];
    expect(tr).toContain(note);
    expect(tr).toContain('83.3');
  });

  it('gives the county’s entry screen the pooled pairs, so it judges the same figure', async () => {
    const own = await call(county, 'returns:open', { regionCode: COUNTY, year: YEAR, prefillFromPreviousYear: false });
    const overlay = await call(county, 'merge:entry-overlay', { year: YEAR });
    expect(overlay.pooledRatios.H06).toMatchObject({ numerator: 5135, denominator: 6161, units: 2, of: 4 });
    // as useReturnEditor builds the county's data: its own cells, the overlay's cells for locked items, the pairs
    const locked = new Set(overlay.locked.map((s) => s.item));
    const data = {
      ...own.data,
      cells: [...own.data.cells.filter((c) => !locked.has(c.item)), ...overlay.cells],
      pooledRatios: overlay.pooledRatios,
    };
    const e = evaluateReturn(requireFramework(county.ctx, 'taobei'), data, own.history);
    expect(e.targets.find((t) => t.targetId === H06)?.value).toBe(83.3);
    expect(e.indicators.find((i) => i.code === 'H06')?.coverage?.missing).toEqual([towns[2].name, towns[3].name]);
  });

  it('lets the city pool the county’s pair from its exported return, never the mixed cells', async () => {
    const verdicts = await call(city, 'merge:import-files', { year: YEAR, files: [upload('county.xlsx', countyFile)] });
    expect(verdicts[0].verdict).not.toBe('rejected');
    // the pairs are covered by the file's checksum: read back unchanged
    expect(verdicts[0].problems.map((p) => p.message)).toContain('数值与导出时一致（校验码相符）');
    const result = await call(city, 'merge:result', { year: YEAR });
    expect(cellOf(result.data, 'HD18.total')?.value).toBe(6035);
    expect(result.data.pooledRatios?.H06).toMatchObject({
      numerator: 5135,
      denominator: 6161,
      units: 1,
      of: 1,
      unitLevel: 'county',
    });
    expect(result.evaluation.targets.find((t) => t.targetId === H06)?.value).toBe(83.3);
  });

  it('reports a pooled row edited outside the program and leaves it out', () => {
    const wb = XLSX.read(countyFile, { type: 'buffer' });
    const meta = wb.Sheets.元数据;
    const rows = XLSX.utils.sheet_to_json<string[]>(meta, { header: 1, defval: '' });
    const r = rows.findIndex((row) => row[0] === 'pooledRatio' && row[1] === 'H06');
    expect(rows[r].slice(2, 9)).toEqual(['HD18.total', 'HD17.total', '5135', '6161', '2', '4', 'township']);
    meta[XLSX.utils.encode_cell({ r, c: 5 })] = { t: 's', v: '六千' };
    const edited = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
    const read = readReturnWorkbook(edited, 'edited.xlsx', { frameworks: [requireFramework(county.ctx, 'taobei')] });
    const messages = read.report.problems.map((p) => p.message);
    expect(messages).toContain(
      '元数据页中指标 H06 的汇总比率无法读取，已忽略：市级汇总将按该县的数据项合计计算此比率，请向报送单位索取程序导出的原文件',
    );
    expect(read.parsed?.pooledRatios?.H06).toBeUndefined();
    expect(read.parsed?.pooledRatios?.H07).toMatchObject({ units: 3, of: 4 });
  });
});
