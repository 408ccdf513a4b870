// `wdp review` and `wdp receipt` as a county and a township run them, on two databases: the county sends one
// township's return back (the annotated copy written, the township's return 被退回 when imported) and accepts
// another's, writes its signed receipt, which the township imports (审核通过, locked); an edited receipt is refused
// in Chinese, nothing written. Usage errors exit 2, refusals 1, with the reason in Chinese. --json throughout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dispatch } from '../../../electron/api/dispatch.ts';
import { requireFramework } from '../../../electron/frameworks/plans-service.ts';
import type { Channel, Input, Output } from '../../../shared/api/contract.ts';
import { MESSAGES } from '../../../shared/messages.ts';
import { openTestBackend, TAOBEI_COUNTY, TAOBEI_TOWNSHIP, type TestBackend } from '../../helpers/backend.ts';
import { wdpRunner } from '../../helpers/cli.ts';
import { plausibleReturn } from '../merge/excel-files.ts';

const J = MESSAGES.cli.journey;
const YEAR = 2024;
const dir = mkdtempSync(join(tmpdir(), 'wdp-review-cli-'));
const wdp = wdpRunner({ dir });
const TOWN_A = TAOBEI_TOWNSHIP.regionCode;
const TOWN_B = '220802002000';
const dbs = { county: join(dir, 'county'), a: join(dir, 'a'), b: join(dir, 'b') };
const dbFile = (d: string) => join(d, 'wdp.sqlite');

async function call<C extends Channel>(b: TestBackend, channel: C, input: Input<C>): Promise<Output<C>> {
  const r = await dispatch(b.handlers, channel, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as Output<C>;
}
/** A township submits its return and exports it; the county's database receives it. */
async function submitted(regionCode: string, d: string) {
  const town = openTestBackend({
    profile: { ...TAOBEI_TOWNSHIP, regionCode },
    dir: d,
    now: () => new Date('2025-01-12T02:00:00Z'),
  });
  try {
    const data = plausibleReturn(requireFramework(town.ctx, 'taobei'), {
      regionCode,
      regionName: '',
      year: YEAR,
      cells: { 'PD30.total': 40, 'PD30.female': 2 },
    });
    const returnId = (await call(town, 'returns:open', { regionCode, year: YEAR, prefillFromPreviousYear: false }))
      .summary.id;
    await call(town, 'returns:set-cells', {
      returnId,
      edits: data.cells.map((c) => ({ item: c.item, sex: c.sex, value: c.value, noData: c.noData })),
    });
    await call(town, 'returns:set-status', { returnId, status: 'checked' });
    await call(town, 'returns:set-status', { returnId, status: 'submitted' });
    return { returnId, file: await call(town, 'excel:export-return', { returnId }) };
  } finally {
    town.close();
  }
}
const townStatus = async (regionCode: string, d: string) => {
  const town = openTestBackend({ dir: d });
  try {
    return (await call(town, 'returns:list', { regionCode }))[0].status;
  } finally {
    town.close();
  }
};

beforeAll(async () => {
  for (const d of Object.values(dbs)) rmSync(d, { recursive: true, force: true });
  const { mkdirSync } = await import('node:fs');
  for (const d of Object.values(dbs)) mkdirSync(d);
  const a = await submitted(TOWN_A, dbs.a);
  const b = await submitted(TOWN_B, dbs.b);
  const county = openTestBackend({
    profile: TAOBEI_COUNTY,
    dir: dbs.county,
    now: () => new Date('2025-01-15T02:00:00Z'),
  });
  try {
    await call(county, 'merge:import-files', { year: YEAR, files: [a.file, b.file] });
  } finally {
    county.close();
  }
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('wdp review', () => {
  it('refuses bad arguments (exit 2) and units with nothing received (exit 1), in Chinese', () => {
    const base = ['review', '--db', dbFile(dbs.county), '--year', String(YEAR)];
    expect(wdp(...base, '--decision', 'accept')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining(J.unitNeeded),
    });
    expect(wdp(...base, '--unit', TOWN_A, '--decision', 'send-back')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining(J.sendBackNeedsOutput),
    });
    expect(wdp(...base, '--unit', TOWN_A, '--decision', 'ok')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('参数 --decision 应为accept|send-back，不能是“ok”'),
    });
    expect(
      wdp(...base, '--unit', TOWN_A, '--decision', 'send-back', '-o', join(dir, 'x.xlsx'), '--cell', 'PD30'),
    ).toMatchObject({ code: 2, stderr: expect.stringContaining(J.cellNeedsRemark) });
    expect(
      wdp(
        ...base,
        '--unit',
        TOWN_A,
        '--decision',
        'send-back',
        '-o',
        join(dir, 'x.xlsx'),
        '--cell',
        'PD30.woman',
        '--cell-remark',
        '核实',
      ),
    ).toMatchObject({ code: 2, stderr: expect.stringContaining(J.badCell('PD30.woman')) });
    expect(wdp(...base, '--unit', '220802003000', '--decision', 'accept').stderr).toContain(
      J.nothingReceived('瑞光街道', YEAR),
    );
    expect(wdp(...base, '--unit', '220802003000', '--decision', 'accept').code).toBe(1);
    expect(wdp(...base, '--department', '卫健', '--decision', 'accept').stderr).toContain(
      J.nothingReceived('卫生健康局', YEAR),
    );
    expect(wdp(...base, '--unit', '220821000000', '--decision', 'accept')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('不是洮北区的下级单位'),
    });
    expect(existsSync(join(dir, 'x.xlsx'))).toBe(false);
  });

  it('sends a version back with the overall remark, its problems and a cell remark, writing the annotated copy the township imports as 被退回', async () => {
    const out = join(dir, '退回意见.xlsx');
    const run = wdp(
      'review',
      '--db',
      dbFile(dbs.county),
      '--year',
      String(YEAR),
      '--unit',
      TOWN_B,
      '--decision',
      'send-back',
      '--remark',
      '村干部人数请核实后重报',
      '--cell',
      'PD30.female',
      '--cell-remark',
      '女村干部仅2人，请核实',
      '-o',
      out,
      '--json',
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const r = JSON.parse(run.stdout);
    expect(r).toMatchObject({ decision: 'send-back', written: out });
    expect(r.remarks).toBeGreaterThanOrEqual(1);
    const town = openTestBackend({ profile: { ...TAOBEI_TOWNSHIP, regionCode: TOWN_B }, dir: dbs.b });
    try {
      const imported = await call(town, 'returns:import-returned', {
        fileName: '退回意见.xlsx',
        bytesBase64: readFileSync(out).toString('base64'),
      });
      expect(imported.remarks).toBe(r.remarks);
      const view = await call(town, 'returns:get', { returnId: imported.returnId });
      expect(view.summary.status).toBe('returned');
      expect(view.remarks).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ item: '', remark: '村干部人数请核实后重报' }),
          expect.objectContaining({ item: 'PD30', sex: 'female', remark: '女村干部仅2人，请核实' }),
        ]),
      );
    } finally {
      town.close();
    }
  });

  it('accepts a version; wdp receipt write signs a receipt that wdp receipt import turns into 审核通过; an edited one is refused', async () => {
    const accept = wdp(
      'review',
      '--db',
      dbFile(dbs.county),
      '--year',
      String(YEAR),
      '--unit',
      TOWN_A,
      '--decision',
      'accept',
      '--remark',
      '数据完整',
    );
    expect(accept.stderr).toBe('');
    expect(accept.stdout.trim()).toMatch(/^已审核通过海明街道的报表（.+\.xlsx）；可用 wdp receipt write 写出回执$/);
    const file = join(dir, '回执.json');
    const write = wdp(
      'receipt',
      'write',
      '--db',
      dbFile(dbs.county),
      '--year',
      String(YEAR),
      '--unit',
      TOWN_A,
      '-o',
      file,
      '--json',
    );
    expect(write.code, write.stderr).toBe(0);
    const written = JSON.parse(write.stdout);
    expect(written.receipt).toMatchObject({
      decision: 'accepted',
      remark: '数据完整',
      unit: { code: TOWN_A },
      signature: { publicKey: expect.any(String) },
    });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(written.receipt);

    const edited = join(dir, '改过的回执.json');
    writeFileSync(edited, JSON.stringify({ ...written.receipt, remark: '另有意见' }));
    const refused = wdp('receipt', 'import', edited, '--db', dbFile(dbs.a));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('回执内容在程序之外被改动过（校验码不符），不予导入');
    expect(await townStatus(TOWN_A, dbs.a)).toBe('submitted');
    expect(wdp('receipt', 'import', join(dir, '没有.json'), '--db', dbFile(dbs.a))).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('无法读取文件“没有.json”'),
    });

    const imported = wdp('receipt', 'import', file, '--db', dbFile(dbs.a), '--json');
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({
      status: 'accepted',
      message: expect.stringMatching(
        /^已导入回执：洮北区已于\d{4}年\d+月\d+日接收本报表（审核通过）；已认定洮北区的签名密钥/,
      ),
    });
    expect(wdp('receipt', 'import', file, '--db', dbFile(dbs.a)).stdout).toContain('本机报表状态：审核通过');
    expect(await townStatus(TOWN_A, dbs.a)).toBe('accepted');
  });
});
