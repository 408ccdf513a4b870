// 回执: the county accepts a township's version (审核通过) and writes a receipt naming who received it, which return,
// the SHA-256 of the file received, when, the decision and its remark; the township imports it and its home page
// list shows the return acknowledged. A receipt is hostile: too large, not JSON, an unknown field, edited, for
// another unit, for another version — refused with the reason, nothing written.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/api/dispatch.ts';
import type { Channel, Input, Output } from '../../../shared/api/contract.ts';
import { openTestBackend, TAOBEI_COUNTY, TAOBEI_TOWNSHIP, type TestBackend } from '../../helpers/backend.ts';
import { plausibleReturn } from '../merge/excel-files.ts';
import { requireFramework } from '../../../electron/frameworks/plans-service.ts';
import { receiptChecksum } from '../../../electron/merge/receipt.ts';
import { fingerprint, signingPublicKey, signPayload } from '../../../electron/frameworks/signing-service.ts';
import { pinnedKey } from '../../../electron/plans/framework-package-service.ts';

const YEAR = 2024;
const TOWN = TAOBEI_TOWNSHIP.regionCode;

async function call<C extends Channel>(b: TestBackend, channel: C, input: Input<C>): Promise<Output<C>> {
  const r = await dispatch(b.handlers, channel, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as Output<C>;
}
const refusal = async (b: TestBackend, fileName: string, bytes: Buffer | string) => {
  const r = await dispatch(b.handlers, 'returns:import-receipt', {
    fileName,
    bytesBase64: Buffer.from(bytes).toString('base64'),
  });
  return r.ok ? '' : r.error.message;
};

describe('回执 from the county to the township', () => {
  let town: TestBackend;
  let county: TestBackend;
  let returnId: number;
  let fileBytes: Buffer;
  let receipt: { fileName: string; text: string };

  beforeAll(async () => {
    town = openTestBackend({ profile: TAOBEI_TOWNSHIP, now: () => new Date('2025-01-12T02:00:00Z') });
    county = openTestBackend({ profile: TAOBEI_COUNTY, now: () => new Date('2025-01-15T02:00:00Z') });
    const fw = requireFramework(town.ctx, 'taobei');
    const data = plausibleReturn(fw, { regionCode: TOWN, regionName: '', year: YEAR });
    returnId = (await call(town, 'returns:open', { regionCode: TOWN, year: YEAR, prefillFromPreviousYear: false }))
      .summary.id;
    await call(town, 'returns:set-cells', {
      returnId,
      edits: data.cells.map((c) => ({ item: c.item, sex: c.sex, value: c.value, noData: c.noData })),
    });
    await call(town, 'returns:set-status', { returnId, status: 'checked' });
    await call(town, 'returns:set-status', { returnId, status: 'submitted' });
    const file = await call(town, 'excel:export-return', { returnId });
    fileBytes = Buffer.from(file.bytesBase64, 'base64');
    const [v] = await call(county, 'merge:import-files', { year: YEAR, files: [file] });
    const none = await dispatch(county.handlers, 'merge:receipt', { year: YEAR, submissionId: v.submissionId! });
    expect(none.ok ? '' : none.error.message).toContain('尚未审核');
    await call(county, 'merge:accept', { year: YEAR, submissionId: v.submissionId!, remark: '数据完整，审核通过' });
    const out = await call(county, 'merge:receipt', { year: YEAR, submissionId: v.submissionId! });
    receipt = { fileName: out.fileName, text: Buffer.from(out.bytesBase64, 'base64').toString('utf8') };
  });
  afterAll(() => {
    town?.dispose();
    county?.dispose();
  });

  it('names who received which return, the SHA-256 of the file received, when, the decision and the remark', () => {
    expect(receipt.fileName).toBe(`海明街道_${YEAR}年_妇女发展监测报表_接收回执.json`);
    const r = JSON.parse(receipt.text);
    expect(r).toMatchObject({
      format: 'wdp-monitor/receipt',
      office: { code: TAOBEI_COUNTY.regionCode, name: '洮北区' },
      unit: { code: TOWN, department: '' },
      year: YEAR,
      plan: { id: 'taobei' },
      file: { sha256: createHash('sha256').update(fileBytes).digest('hex') },
      decision: 'accepted',
      decidedAt: '2025-01-15T02:00:00.000Z',
      decidedBy: '王芳',
      remark: '数据完整，审核通过',
    });
    expect(r.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(r.signature.publicKey).toBe(signingPublicKey(county.ctx));
    expect(receipt.text.length).toBeLessThan(2000);
  });

  it('refuses hostile receipts with the reason, writing nothing', async () => {
    const r = JSON.parse(receipt.text);
    expect(await refusal(town, 'big.json', Buffer.alloc(20 * 1024, 32))).toContain('不是回执文件');
    expect(await refusal(town, 'x.json', 'PK\u0003\u0004 not json')).toContain('不是回执文件');
    expect(await refusal(town, 'x.json', JSON.stringify({ ...r, extra: 1 }))).toContain('格式不对');
    expect(await refusal(town, 'x.json', JSON.stringify({ ...r, remark: '不用改' }))).toContain('在程序之外被改动过');
    expect(
      await refusal(
        town,
        'x.json',
        JSON.stringify({ ...r, decision: 'accepted', file: { ...r.file, sha256: '0'.repeat(64) } }),
      ),
    ).toContain('在程序之外被改动过');
    // signed: edited and re-checksummed (the signature no longer fits), or unsigned
    const { checksum: _c, signature: sig, ...body } = r;
    const edited = { ...body, remark: '不用改' };
    expect(
      await refusal(town, 'x.json', JSON.stringify({ ...edited, checksum: receiptChecksum(edited), signature: sig })),
    ).toBe('回执的签名不符（内容被改动过，或不是用所附密钥签名的），不予导入；请向县里索取原文件');
    expect(
      await refusal(
        town,
        'x.json',
        JSON.stringify({
          ...body,
          checksum: r.checksum,
          signature: { ...sig, value: Buffer.alloc(64, 7).toString('base64') },
        }),
      ),
    ).toContain('回执的签名不符');
    expect(await refusal(town, 'x.json', JSON.stringify({ ...body, checksum: r.checksum }))).toBe(
      '回执没有县级的签名（可能是旧版程序出具的），不予导入；请县里用新版程序重新出具回执',
    );
    expect(pinnedKey(town.ctx, 'taobei')).toBeNull();
    const other = openTestBackend({ profile: { ...TAOBEI_TOWNSHIP, regionCode: '220802002000' } });
    try {
      expect(await refusal(other, receipt.fileName, receipt.text)).toMatch(
        /这是海明街道2024年报表的回执，本机的填报单位是.*不予导入/,
      );
    } finally {
      other.dispose();
    }
    expect((await call(town, 'returns:list', { regionCode: TOWN }))[0].receipt).toBeNull();
    expect((await call(town, 'returns:list', { regionCode: TOWN }))[0].status).toBe('submitted');
  });

  it('is imported by the township: its return is shown as received (审核通过), audited, once', async () => {
    const out = await call(town, 'returns:import-receipt', {
      fileName: receipt.fileName,
      bytesBase64: Buffer.from(receipt.text).toString('base64'),
    });
    const fp = fingerprint(signingPublicKey(county.ctx));
    expect(out.message).toBe(
      `已导入回执：洮北区已于2025年1月15日接收本报表（审核通过）；已认定洮北区的签名密钥（指纹 ${fp}），以后只接受用这把密钥签名的回执和指标框架包，请打电话与洮北区核对指纹`,
    );
    expect(pinnedKey(town.ctx, 'taobei')).toMatchObject({ fingerprint: fp, regionName: '洮北区' });
    const [summary] = await call(town, 'returns:list', { regionCode: TOWN });
    expect(summary.receipt).toMatchObject({
      office: '洮北区',
      decision: 'accepted',
      decidedAt: '2025-01-15T02:00:00.000Z',
      remark: '数据完整，审核通过',
    });
    expect(summary.status).toBe('accepted');
    const again = await call(town, 'returns:import-receipt', {
      fileName: receipt.fileName,
      bytesBase64: Buffer.from(receipt.text).toString('base64'),
    });
    expect(again.message).toContain('此回执已导入过');
    const audit = await call(town, 'returns:audit', { returnId, limit: 5 });
    expect(audit.filter((a) => a.field === 'review:receipt')).toHaveLength(1);
    expect(audit.filter((a) => a.field === 'status' && a.newValue === 'accepted')).toHaveLength(1);
  });

  it("refuses a receipt signed with another office's key once the county's key is pinned, writing nothing", async () => {
    const r = JSON.parse(receipt.text);
    const { checksum: _c, signature: _s, ...body } = r;
    const content = { ...body, decidedAt: '2025-01-16T02:00:00.000Z', remark: '另一份' };
    const signed = { ...content, checksum: receiptChecksum(content) };
    const forger = openTestBackend({ profile: TAOBEI_COUNTY });
    try {
      const forged = {
        ...signed,
        signature: { publicKey: signingPublicKey(forger.ctx), value: signPayload(forger.ctx, signed) },
      };
      expect(await refusal(town, 'x.json', JSON.stringify(forged))).toBe(
        `回执是用另一把密钥签名的（回执密钥指纹 ${fingerprint(signingPublicKey(forger.ctx))}），` +
          `本机认定的洮北区签名密钥指纹是 ${fingerprint(signingPublicKey(county.ctx))}；不能确认回执来自洮北区，不予导入。请打电话与洮北区核对密钥指纹`,
      );
    } finally {
      forger.dispose();
    }
    expect(town.ctx.db.prepare('SELECT count(*) AS n FROM return_receipts').get()).toEqual({ n: 1 });
    // the county's own key signs the same content: accepted
    const genuine = {
      ...signed,
      signature: { publicKey: signingPublicKey(county.ctx), value: signPayload(county.ctx, signed) },
    };
    expect(
      (
        await call(town, 'returns:import-receipt', {
          fileName: 'r.json',
          bytesBase64: Buffer.from(JSON.stringify(genuine)).toString('base64'),
        })
      ).message,
    ).toBe('已导入回执：洮北区已于2025年1月16日接收本报表（审核通过）');
  });

  it('locks the accepted version: reopening it is refused, with the county named', async () => {
    const r = await dispatch(town.handlers, 'returns:set-status', { returnId, status: 'draft', reason: '想再改一下' });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error.message).toBe(
        '洮北区已审核通过这份报表（回执），不能改回草稿；如需更正，请先联系洮北区，由其退回',
      );
    expect((await call(town, 'returns:list', { regionCode: TOWN }))[0].status).toBe('accepted');
    for (const status of ['checked', 'submitted'] as const) {
      const again = await dispatch(town.handlers, 'returns:set-status', { returnId, status });
      expect(again.ok ? '' : again.error.message).toContain('已审核通过这份报表');
    }
    const edit = await dispatch(town.handlers, 'returns:set-cells', {
      returnId,
      edits: [{ item: 'PD30', sex: 'female', value: 1 }],
    });
    expect(edit.ok ? '' : edit.error.message).toContain('报表已由上级审核通过');
    // 被退回 and 审核通过 come only from the office's files
    const self = await dispatch(town.handlers, 'returns:set-status', { returnId, status: 'accepted' as 'submitted' });
    expect(self.ok).toBe(false);
  });

  it('refuses a receipt for a version this computer no longer holds', async () => {
    // a computer that never imported the receipt, and changed its return since
    town.ctx.db.prepare('DELETE FROM return_receipts').run();
    town.ctx.db.prepare('UPDATE returns SET review = NULL').run();
    await call(town, 'returns:set-status', { returnId, status: 'draft', reason: '县里要求更正村委会成员数' });
    await call(town, 'returns:set-cells', { returnId, edits: [{ item: 'PD30', sex: 'female', value: 1 }] });
    expect(await refusal(town, receipt.fileName, receipt.text)).toContain('不是本机现有的报表版本');
  });
});
