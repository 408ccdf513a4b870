// Benchmark of the county merge: 30, 300 and 3,000 township return files (the app's own Excel export) are merged,
// checked, judged and written as the county return, each size in its own process (clean peak memory); the same
// files are then summed by a plain openpyxl script (python3-openpyxl), and the two are compared.
// Aim: 300 returns merged, validated and written in under 3 s on a 2-core machine.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp } from '../../electron/app.ts';
import { sourcePaths } from '../../electron/app-paths.ts';
import { requireFramework } from '../../electron/services/plans-service.ts';
import { syntheticTownships, writeTownshipFiles } from './merge-files.ts';

const PLAN = 'jinkouhe'; // the plan whose township form is the largest
const YEAR = 2024;
const SIZES = (process.env.WDP_BENCH_MERGE_SIZES ?? '30,300,3000').split(',').map(Number);
const PYTHON = '/usr/bin/python3';
const here = import.meta.dirname;

interface ChildResult {
  files: number; accepted: number; warnings: number; rejected: number; reported: number; rate: number; targets: number;
  ms: { total: number; pool: number; import: number; merge: number; write: number }; peakRssMb: number; outBytes: number; firstProblem: string | null;
}
interface PyResult { files: number; cells: number; seconds: number; peakRssMb: number }

export async function run(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'wdp-bench-'));
  const backend = openApp({ dbFile: join(root, 'gen.sqlite'), ...sourcePaths });
  const framework = requireFramework(backend.ctx, PLAN);
  backend.close();
  console.log(`汇总 merge: plan ${PLAN} (${framework.plan.region.name}), ${availableParallelism()} cores; each size in its own process`);
  try {
    for (const n of SIZES) {
      const dir = join(root, `t${n}`);
      const g0 = performance.now();
      await writeTownshipFiles(framework, syntheticTownships(framework.plan.region.code, n), YEAR, dir);
      const genS = (performance.now() - g0) / 1000;
      const out = join(root, `county-${n}.xlsx`);
      const r = JSON.parse(execFileSync(process.execPath, [join(here, 'merge-child.ts'), PLAN, String(YEAR), dir, out], { encoding: 'utf8', maxBuffer: 64 << 20 }).trim().split('\n').pop()!) as ChildResult;
      let py: PyResult | null = null;
      try {
        py = JSON.parse(execFileSync(PYTHON, [join(here, 'openpyxl-sum.py'), dir], { encoding: 'utf8', maxBuffer: 64 << 20 })) as PyResult;
      } catch (error) {
        console.log(`  openpyxl baseline unavailable: ${(error as Error).message.split('\n')[0]}`);
      }
      const s = r.ms.total / 1000;
      console.log(`  ${String(n).padStart(5)} returns: ${s.toFixed(2)} s total, ${(n / s).toFixed(0)} files/s, peak RSS ${r.peakRssMb.toFixed(0)} MB`
        + `  [workers ${r.ms.pool.toFixed(0)} ms, read+check+store ${(r.ms.import / 1000).toFixed(2)} s, aggregate+judge ${r.ms.merge.toFixed(0)} ms, write county return ${r.ms.write.toFixed(0)} ms]`);
      console.log(`         accepted ${r.accepted}, with warnings ${r.warnings}, rejected ${r.rejected}; reported ${r.reported} (${r.rate}%), ${r.targets} targets judged; county file ${(r.outBytes / 1024).toFixed(0)} KB${r.firstProblem ? `; e.g. “${r.firstProblem}”` : ''}`);
      if (py) {
        console.log(`         openpyxl sum of the same cells: ${py.seconds.toFixed(2)} s, ${(py.files / py.seconds).toFixed(0)} files/s, peak RSS ${py.peakRssMb.toFixed(0)} MB`
          + ` → ratio openpyxl / wdp = ${(py.seconds / s).toFixed(2)}×`);
      }
      console.log(`         (generating the ${n} files took ${genS.toFixed(1)} s, not counted)`);
      if (n === 300) console.log(`         aim: 300 returns in under 3 s — ${s < 3 ? 'met' : 'NOT met'}`);
      rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (import.meta.main) await run();
