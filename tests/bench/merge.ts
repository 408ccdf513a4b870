// Benchmark of the county merge, as a user meets it: the whole `wdp merge` process (start-up included, the
// prebuilt CLI when `npm run build` has made it) against a plain openpyxl script doing the same work (read each
// file by code, sum, recompute the rates, WRITE the county workbook: openpyxl-merge.py), in alternating runs, with
// wall time, CPU time and peak memory of each whole process (measure.py, from the kernel's rusage). The township
// files are the app's blank template filled by openpyxl (merge-files.ts), one in ten from a township missing from
// the region table (accepted with a warning). Also: `wdp --help` and `wdp validate` start to finish, and `wdp report`
// of the merged county after each merge.
//   npm run bench     (WDP_BENCH_MERGE_SIZES=30,300,3000 and WDP_BENCH_RUNS=5,3,1 choose the sizes and runs)
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp } from '../../electron/backend/open-app.ts';
import { REPO_ROOT, sourcePaths } from '../../electron/backend/app-paths.ts';
import { requireFramework } from '../../electron/frameworks/plans-service.ts';
import { setProfile } from '../../electron/settings/settings-service.ts';
import { backupNow } from '../../electron/backups/backup-service.ts';
import { fillTownshipFiles, subset, syntheticTownships, townshipFile } from './merge-files.ts';

const PLAN = 'jinkouhe'; // the plan whose township form is the largest
/** Backups the county's database already keeps when a merge starts (the app keeps 30). */
const KEPT_BACKUPS = 29;
const YEAR = 2024;
const SIZES = (process.env.WDP_BENCH_MERGE_SIZES ?? '30,300,3000').split(',').map(Number);
const RUNS = (process.env.WDP_BENCH_RUNS ?? '5,3,1').split(',').map(Number);
const PYTHON = '/usr/bin/python3';
const WDP = join(REPO_ROOT, 'electron', 'cli', 'wdp.js');
const here = import.meta.dirname;
const SCALE: Record<string, number> = { '%': 100, '‰': 1000, '1/10万': 100000 };

interface Cost {
  code: number;
  wall: number;
  cpu: number;
  rssMb: number;
}

function measure(command: string[], stdout?: string): Cost {
  const args = [join(here, 'measure.py'), ...(stdout ? ['--stdout', stdout] : []), ...command];
  return JSON.parse(execFileSync(PYTHON, args, { encoding: 'utf8' })) as Cost;
}
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const summary = (cs: Cost[]) => ({
  wall: median(cs.map((c) => c.wall)),
  cpu: median(cs.map((c) => c.cpu)),
  rssMb: median(cs.map((c) => c.rssMb)),
});
const fmt = (c: { wall: number; cpu: number; rssMb: number }) =>
  `wall ${c.wall.toFixed(2)} s, cpu ${c.cpu.toFixed(2)} s, peak RSS ${c.rssMb.toFixed(0)} MB`;

export async function run(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'wdp-bench-'));
  try {
    const bundled = existsSync(join(REPO_ROOT, 'dist-cli', 'wdp.mjs'));
    // the county's database as after some weeks of use: its folder holds the kept backups of earlier imports
    const county0 = join(root, 'county');
    mkdirSync(county0);
    const base = join(county0, 'county.sqlite');
    const backend = openApp({ dbFile: base, ...sourcePaths });
    const { ctx } = backend;
    const framework = requireFramework(ctx, PLAN);
    const county = framework.plan.region.code;
    const max = Math.max(...SIZES);
    const towns = syntheticTownships(county, max);
    // nine in ten townships are in the region table; the others are accepted as unlisted, with a warning
    ctx.db.transaction(() => {
      const put = ctx.db.prepare(
        "INSERT OR IGNORE INTO regions (code, name, level, parent) VALUES (?, ?, 'township', ?)",
      );
      towns.forEach((t, i) => {
        if (i % 10 !== 9) put.run(t.code, t.name, county);
      });
    })();
    setProfile(ctx, { planId: PLAN, role: 'county', regionCode: county, userName: '王芳' });
    for (let i = 0; i < KEPT_BACKUPS; i++) await backupNow(ctx, 'import');
    backend.close();
    console.log(
      `汇总 merge: plan ${PLAN} (${framework.plan.region.name}), ${availableParallelism()} cores, ${bundled ? 'prebuilt CLI (dist-cli)' : 'CLI from TypeScript sources (run npm run build for the prebuilt one)'}`,
    );
    console.log("  whole processes, alternating runs, medians; township files = the app's template filled by openpyxl");
    console.log(
      `  the county's database has ${KEPT_BACKUPS} kept backups, as after some weeks of imports (each merge takes one more)`,
    );

    const template = join(root, 'template.xlsx');
    execFileSync(
      process.execPath,
      [
        WDP,
        'template',
        '--db',
        base,
        '--plan',
        PLAN,
        '--region',
        towns[0].code,
        '--year',
        String(YEAR),
        '-o',
        template,
      ],
      { stdio: 'ignore' },
    );
    const all = join(root, 'all');
    const g0 = performance.now();
    await fillTownshipFiles(framework, template, towns, YEAR, all, root);
    console.log(
      `  (filling ${max} township files took ${((performance.now() - g0) / 1000).toFixed(1)} s, not counted)`,
    );
    const rates = framework.indicators.flatMap((i) =>
      i.kind === 'ratio'
        ? [
            {
              code: i.code,
              numerator: `${i.numerator.item}.${i.numerator.sex}`,
              denominator: `${i.denominator.item}.${i.denominator.sex}`,
              scale: SCALE[i.unit] ?? 100,
              decimals: i.decimals,
            },
          ]
        : [],
    );
    const ratesFile = join(root, 'rates.json');
    writeFileSync(ratesFile, JSON.stringify(rates));

    // start-up costs: the commands a statistician runs one file at a time
    const one = join(all, townshipFile(towns[0], YEAR));
    const startup = (label: string, cmd: string[], n = 5) => {
      const cs = Array.from({ length: n }, () => measure(cmd));
      console.log(`  ${label.padEnd(34)} ${fmt(summary(cs))}`);
      return summary(cs);
    };
    startup('wdp --help', [process.execPath, WDP, '--help']);
    startup('wdp validate (one return)', [process.execPath, WDP, 'validate', '--db', base, one]);
    startup('openpyxl: open and read one return', [
      PYTHON,
      '-c',
      `import openpyxl,sys\nwb=openpyxl.load_workbook(sys.argv[1],read_only=True,data_only=True)\nfor ws in wb.worksheets:\n  [r for r in ws.iter_rows(values_only=True)]`,
      one,
    ]);

    for (const [k, n] of SIZES.entries()) {
      const runs = RUNS[Math.min(k, RUNS.length - 1)];
      const dir = join(root, `t${n}`);
      subset(all, towns, n, YEAR, dir);
      const app: Cost[] = [];
      const peer: Cost[] = [];
      const reports: Cost[] = [];
      let verdicts = '';
      let peerFiles = 0;
      for (let r = 0; r < runs; r++) {
        const runDir = join(root, `run-${n}-${r}`);
        cpSync(county0, runDir, { recursive: true, preserveTimestamps: true });
        const db = join(runDir, 'county.sqlite');
        const doApp = () => {
          const json = join(root, 'app.json');
          const c = measure(
            [
              process.execPath,
              WDP,
              'merge',
              '--db',
              db,
              '--region',
              county,
              '--year',
              String(YEAR),
              dir,
              '-o',
              join(root, `county-${n}.xlsx`),
              '--json',
            ],
            json,
          );
          const out = JSON.parse(readFileSync(json, 'utf8')) as { verdicts: { verdict: string }[] };
          const count = (v: string) => out.verdicts.filter((x) => x.verdict === v).length;
          verdicts = `accepted ${count('accepted')}, with warnings ${count('warnings')}, rejected ${count('rejected')}`;
          if (c.code !== 0 || count('rejected') > 0) throw new Error(`wdp merge exited ${c.code}: ${verdicts}`);
          app.push(c);
        };
        const doPeer = () => {
          const json = join(root, 'peer.json');
          const c = measure(
            [PYTHON, join(here, 'openpyxl-merge.py'), dir, ratesFile, join(root, `peer-${n}.xlsx`)],
            json,
          );
          if (c.code !== 0) throw new Error(`openpyxl script exited ${c.code}`);
          peerFiles = (JSON.parse(readFileSync(json, 'utf8')) as { files: number }).files;
          peer.push(c);
        };
        if (r % 2 === 0) {
          doApp();
          doPeer();
        } else {
          doPeer();
          doApp();
        }
        // the annual report of the merged county, as a statistician runs it next: the merged workbook imported as
        // the county's return (not timed), then the report written
        // (at thousands of townships the merged workbook inflates past the import's 24 MB limit: no report then)
        const imported =
          measure([process.execPath, WDP, 'import', '--db', db, join(root, `county-${n}.xlsx`), '--yes']).code === 0;
        if (imported)
          reports.push(
            measure([
              process.execPath,
              WDP,
              'report',
              '--db',
              db,
              '--region',
              county,
              '--year',
              String(YEAR),
              '-o',
              join(root, `report-${n}.html`),
            ]),
          );
        rmSync(runDir, { recursive: true, force: true });
      }
      const a = summary(app);
      const p = summary(peer);
      console.log(
        `  ${String(n).padStart(5)} returns, ${runs} run${runs > 1 ? 's' : ''} each (${verdicts}; openpyxl read ${peerFiles})`,
      );
      console.log(`        wdp merge        ${fmt(a)}`);
      console.log(`        openpyxl script  ${fmt(p)}`);
      console.log(`        openpyxl ÷ wdp   wall ${(p.wall / a.wall).toFixed(1)}×, cpu ${(p.cpu / a.cpu).toFixed(1)}×`);
      if (reports.some((c) => c.code !== 0)) throw new Error('wdp report failed');
      console.log(
        `        wdp report       ${reports.length > 0 ? fmt(summary(reports)) : 'not run (the merged workbook was refused as a return)'}`,
      );
      rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (import.meta.main) await run();
