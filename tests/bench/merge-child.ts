// One benchmark run in its own process (so its peak memory is its own): a fresh database whose county has exactly
// the generated townships, then the whole merge as `wdp merge` does it — read and check every file (on every
// core), store them, aggregate, judge with the rule engine, write the county return — timed. Prints JSON.
//   node tests/bench/merge-child.ts <plan> <year> <dir> <out.xlsx>
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp } from '../../electron/app.ts';
import { sourcePaths } from '../../electron/app-paths.ts';
import { importMany } from '../../electron/merge/batch-import.ts';
import { buildMergedReturn } from '../../electron/merge/county-aggregate.ts';
import { writeMergedWorkbook } from '../../electron/merge/county-export.ts';
import { resolveOffice } from '../../electron/merge/office.ts';
import { openReadPool } from '../../electron/merge/read-pool.ts';
import { requireFramework } from '../../electron/services/plans-service.ts';
import { setProfile } from '../../electron/services/settings-service.ts';

const [planId, yearText, dir, out] = process.argv.slice(2);
const year = Number(yearText);
const work = mkdtempSync(join(tmpdir(), 'wdp-bench-merge-'));
const backend = openApp({ dbFile: join(work, 'wdp.sqlite'), ...sourcePaths });
const { ctx } = backend;
const county = requireFramework(ctx, planId).plan.region.code;
const files = readdirSync(dir).filter((f) => f.endsWith('.xlsx')).sort();
// the county's townships are exactly the generated ones
ctx.db.transaction(() => {
  ctx.db.prepare("DELETE FROM regions WHERE parent = ? AND level = 'township'").run(county);
  const put = ctx.db.prepare("INSERT INTO regions (code, name, level, parent) VALUES (?, ?, 'township', ?)");
  for (const f of files) { const [code, name] = f.split('_'); put.run(code, name, county); }
})();
setProfile(ctx, { planId, role: 'county', regionCode: county, userName: '王芳' });
const office = resolveOffice(ctx);

const t0 = performance.now();
const pool = openReadPool(ctx);
const tPool = performance.now();
const verdicts = await importMany(ctx, office, year, files.map((f) => ({ fileName: f, load: () => readFileSync(join(dir, f)) })), pool.read);
await pool.close();
const tImport = performance.now();
const merged = buildMergedReturn(ctx, office, year);
const tMerge = performance.now();
const bytes = await writeMergedWorkbook(ctx, merged, { breakdown: files.length <= 1000 });
writeFileSync(out, bytes);
const tWrite = performance.now();

const count = (v: string) => verdicts.filter((x) => x.verdict === v).length;
console.log(JSON.stringify({
  files: files.length, accepted: count('accepted'), warnings: count('warnings'), rejected: count('rejected'),
  reported: merged.completeness.reported, rate: merged.completeness.rate, targets: merged.evaluation.targets.length,
  ms: { total: tWrite - t0, pool: tPool - t0, import: tImport - tPool, merge: tMerge - tImport, write: tWrite - tMerge },
  peakRssMb: process.resourceUsage().maxRSS / 1024, outBytes: bytes.length,
  firstProblem: verdicts.find((v) => v.verdict !== 'accepted')?.problems[0]?.message ?? null,
}));
backend.close();
rmSync(work, { recursive: true, force: true });
