// The long merge import through the contract (merge:import-stage / -start / -progress / -cancel), called the way
// every door calls it (dispatch): files read on a worker, per-file progress with the file being read, verdicts as
// each batch is stored, and a cancel that stops before the next batch, leaves what was stored (and only that) in
// the database and says how many.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTestBackend, TAOBEI_COUNTY, type TestBackend } from '../../helpers/backend.ts';
import { dispatch } from '../../../electron/api/dispatch.ts';
import type { Channel, Input, Output } from '../../../shared/api/contract.ts';
import type { ImportProgress } from '../../../shared/api/merge-contract.ts';
import { requireFramework } from '../../../electron/frameworks/plans-service.ts';
import { listChildRegions } from '../../../electron/frameworks/regions-service.ts';
import { listReceivedFiles, listSubmissions } from '../../../electron/db/repos/submissions-repo.ts';
import { COUNTY } from './helpers.ts';
import { returnFile } from './excel-files.ts';
import { spareWorkers } from '../../../electron/merge/read-workers.ts';

const YEAR = 2024;
const dir = mkdtempSync(join(tmpdir(), 'wdp-import-op-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let b: TestBackend;
const files: { fileName: string; bytes: Buffer }[] = [];

async function call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  const r = await dispatch(b.handlers, channel, input);
  if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
  return r.value as Output<C>;
}

/** Long-polls until the operation ends, recording every snapshot. */
async function follow(operationId: string, seen: ImportProgress[] = []) {
  const verdicts: ImportProgress['verdicts'] = [];
  for (;;) {
    const p: ImportProgress = await call('merge:import-progress', {
      operationId,
      since: verdicts.length,
      waitMs: 2000,
    });
    seen.push(p);
    verdicts.push(...p.verdicts);
    if (p.state !== 'running') return { last: p, verdicts, seen };
  }
}

beforeAll(async () => {
  b = openTestBackend({ profile: TAOBEI_COUNTY });
  const fw = requireFramework(b.ctx, 'taobei');
  const towns = listChildRegions(b.ctx, COUNTY);
  // 40 returns: every township once, the rest resubmissions with another 报出 time (each a new version)
  for (let i = 0; i < 40; i++) {
    const t = towns[i % towns.length];
    files.push({
      fileName: `${String(i).padStart(2, '0')}-${t.name}.xlsx`,
      bytes: await returnFile(fw, {
        regionCode: t.code,
        regionName: t.name,
        year: YEAR,
        exportedAt: new Date(Date.UTC(2025, 0, 1 + i)),
      }),
    });
  }
  files.push({ fileName: '说明.xlsx', bytes: Buffer.from('not a workbook') });
}, 120_000);
afterAll(() => b?.dispose());

describe('merge import operation', () => {
  it('staged files: read on a worker with per-file progress and the file being read, every verdict delivered, stored', async () => {
    let token: string | undefined;
    for (let i = 0; i < files.length; i += 10) {
      const staged = await call('merge:import-stage', {
        year: YEAR,
        token,
        files: files.slice(i, i + 10).map((f) => ({ fileName: f.fileName, bytesBase64: f.bytes.toString('base64') })),
      });
      token = staged.token;
      expect(staged.staged).toBe(Math.min(i + 10, files.length));
    }
    // the worker that will read them was started during the upload, and the import adopts it
    expect(spareWorkers()).toBe(1);
    const started = await call('merge:import-start', { year: YEAR, source: { kind: 'staged', token: token! } });
    expect(spareWorkers()).toBe(0);
    expect(started.total).toBe(files.length);
    expect(started.backup).toMatch(/import/);
    const t0 = performance.now();
    const { last, verdicts, seen } = await follow(started.operationId);
    const elapsed = performance.now() - t0;
    expect(last.state).toBe('done');
    // a waiter hears of the next file read at most every 50 ms (at once for each stored batch): not twice per file
    const batches = new Set(seen.map((p) => p.stored)).size;
    expect(seen.length).toBeLessThanOrEqual(Math.ceil(elapsed / 50) + batches + 2);
    expect(last.read).toBe(files.length);
    expect(last.stored).toBe(files.length);
    expect(verdicts.map((v) => v.fileName).sort()).toEqual(files.map((f) => f.fileName).sort());
    expect(last.counts.rejected).toBe(1);
    expect(last.counts.accepted + last.counts.warnings).toBe(files.length - 1);
    expect(last.message).toBe(
      `已处理 ${files.length} 个文件：接收 ${last.counts.accepted}，有提示 ${last.counts.warnings}，拒收 1`,
    );
    // progress moved file by file, naming the file being read
    const reads = new Set(seen.filter((p) => p.state === 'running').map((p) => p.read));
    expect(reads.size).toBeGreaterThan(3);
    expect(seen.some((p) => p.state === 'running' && files.some((f) => f.fileName === p.current))).toBe(true);
    expect(listReceivedFiles(b.ctx.db, COUNTY, YEAR)).toHaveLength(files.length);
    // the staged files are let go: the token cannot start a second import
    await expect(call('merge:import-start', { year: YEAR, source: { kind: 'staged', token: token! } })).rejects.toThrow(
      '上传的文件已失效',
    );
  }, 120_000);

  it('cancel: stops before the next batch, keeps exactly what was stored, says how many; the database stays consistent', async () => {
    const folder = join(dir, 'folder');
    mkdirSync(folder, { recursive: true });
    for (const f of files) writeFileSync(join(folder, f.fileName), f.bytes);
    const receivedBefore = listReceivedFiles(b.ctx.db, COUNTY, YEAR).length;
    const submissionsBefore = listSubmissions(b.ctx.db, COUNTY, 2023).length;
    const started = await call('merge:import-start', { year: 2023, source: { kind: 'paths', paths: [folder] } });
    expect(started.total).toBe(files.length);
    // a second import while this one runs is refused, in Chinese
    await expect(
      call('merge:import-start', { year: 2023, source: { kind: 'paths', paths: [folder] } }),
    ).rejects.toThrow('另一批导入正在进行');
    // wait for the first batch, then cancel
    for (;;) {
      const p = await call('merge:import-progress', { operationId: started.operationId, waitMs: 2000 });
      if (p.stored > 0 || p.state !== 'running') break;
    }
    const cancelled = await call('merge:import-cancel', { operationId: started.operationId });
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.stored).toBeGreaterThan(0);
    expect(cancelled.stored).toBeLessThan(files.length);
    expect(cancelled.read).toBe(cancelled.stored);
    expect(cancelled.message).toBe(
      `已取消导入：已处理的 ${cancelled.stored} 个文件已保存（结果见下表），其余 ${files.length - cancelled.stored} 个文件未读取、未保存，可重新导入。`,
    );
    // the year-2023 files are all refused (wrong year) but each is logged: exactly the stored ones, nothing half-written
    expect(listReceivedFiles(b.ctx.db, COUNTY, 2023)).toHaveLength(cancelled.stored);
    expect(listReceivedFiles(b.ctx.db, COUNTY, YEAR)).toHaveLength(receivedBefore);
    expect(listSubmissions(b.ctx.db, COUNTY, 2023)).toHaveLength(submissionsBefore);
    const all = await call('merge:import-progress', { operationId: started.operationId });
    expect(all.verdicts).toHaveLength(cancelled.stored);
    expect(b.ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
    // and a new import may start
    const again = await call('merge:import-start', {
      year: 2023,
      source: { kind: 'paths', paths: [join(folder, files[0].fileName)] },
    });
    expect((await follow(again.operationId)).last.state).toBe('done');
  }, 120_000);

  it('an unknown operation and a stale folder token are refused with a Chinese message', async () => {
    await expect(call('merge:import-progress', { operationId: 'nope' })).rejects.toThrow('这批导入已结束或不存在');
    await expect(
      call('merge:import-start', { year: YEAR, source: { kind: 'folder', token: 'stale' } }),
    ).rejects.toThrow('所选文件夹已失效');
  });
});
