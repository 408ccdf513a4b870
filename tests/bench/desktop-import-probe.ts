// Probe (not part of npm test): the desktop's merge import of N files through the contract — wall time, and how long
// the main thread was ever blocked (event-loop delay) while it ran, against the same files read in the main thread.
// node tests/bench/desktop-import-probe.ts [N]
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { dispatch } from '../../electron/api/dispatch.ts';
import { openTestBackend, TAOBEI_COUNTY } from '../helpers/backend.ts';
import { requireFramework } from '../../electron/frameworks/plans-service.ts';
import { listChildRegions } from '../../electron/frameworks/regions-service.ts';
import { returnFile } from '../electron/merge/excel-files.ts';

const N = Number(process.argv[2] ?? 300);
const dir = mkdtempSync(join(tmpdir(), 'wdp-probe-'));
const b0 = openTestBackend();
const fw = requireFramework(b0.ctx, 'taobei');
const towns = listChildRegions(b0.ctx, '220802000000');
b0.dispose();
mkdirSync(join(dir, 'files'));
const originals: string[] = [];
for (const t of towns) {
  const f = join(dir, 'files', `${t.name}.xlsx`);
  writeFileSync(f, await returnFile(fw, { regionCode: t.code, regionName: t.name, year: 2024 }));
  originals.push(f);
}
for (let i = originals.length; i < N; i++)
  copyFileSync(originals[i % originals.length], join(dir, 'files', `copy${i}.xlsx`));

for (const offMainThread of [true, false]) {
  const b = openTestBackend({ profile: TAOBEI_COUNTY });
  const h = monitorEventLoopDelay({ resolution: 5 });
  const t0 = performance.now();
  h.enable();
  const s = await dispatch(b.handlers, 'merge:import-start', {
    year: 2024,
    source: { kind: 'paths', paths: [join(dir, 'files')] },
    offMainThread,
  });
  if (!s.ok) throw new Error(s.error.message);
  const id = (s.value as { operationId: string }).operationId;
  let since = 0;
  for (;;) {
    const p = await dispatch(b.handlers, 'merge:import-progress', { operationId: id, since, waitMs: 1000 });
    if (!p.ok) throw new Error(p.error.message);
    const v = p.value as { state: string; verdicts: unknown[] };
    since += v.verdicts.length;
    if (v.state !== 'running') break;
  }
  h.disable();
  console.log(
    `${N} files, ${offMainThread ? 'workers (desktop)' : 'main thread below 100 (CLI)'}: ${((performance.now() - t0) / 1000).toFixed(2)} s wall, main thread blocked at most ${(h.max / 1e6).toFixed(0)} ms (p99 ${(h.percentile(99) / 1e6).toFixed(0)} ms), ${since} verdicts`,
  );
  b.dispose();
}
// before: the page sent five files per merge:import-files call, each read in the main thread
{
  const b = openTestBackend({ profile: TAOBEI_COUNTY });
  const names = readdirSync(join(dir, 'files'));
  const h = monitorEventLoopDelay({ resolution: 5 });
  const t0 = performance.now();
  h.enable();
  for (let i = 0; i < names.length; i += 5) {
    const files = names
      .slice(i, i + 5)
      .map((n) => ({ fileName: n, bytesBase64: readFileSync(join(dir, 'files', n)).toString('base64') }));
    const r = await dispatch(b.handlers, 'merge:import-files', { year: 2024, files });
    if (!r.ok) throw new Error(r.error.message);
    await new Promise((ok) => setImmediate(ok));
  }
  h.disable();
  console.log(
    `${N} files, before (five per merge:import-files call, read in the main thread): ${((performance.now() - t0) / 1000).toFixed(2)} s wall, main thread blocked at most ${(h.max / 1e6).toFixed(0)} ms (p99 ${(h.percentile(99) / 1e6).toFixed(0)} ms)`,
  );
  b.dispose();
}
rmSync(dir, { recursive: true, force: true });
