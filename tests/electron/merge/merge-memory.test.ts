// A merge whose memory does not grow with its folder (issue 18): ~300 hostile files built from the app's own
// export (big files near the size limit, zip bombs, duplicate entries, macros, dangling strings, outside links,
// huge shared strings within limits, garbage, truncated archives), plus a symlink loop, a link to the folder
// itself and a FIFO. `wdp merge` runs as a child process under /usr/bin/time: every file gets its verdict line,
// the lines come as each chunk is decided (streamed, not all at the end), and the peak RSS stays under 480 MB.
// The bound, 480 MB, whatever the folder's size: the CLI with its database, frameworks and region table is ~170 MB
// (measured on ten good returns); each of the two read workers ~30 MB plus the one file it reads (a file ≤ 10 MB is
// moved to it, not copied; its parts ≤ 24 MB inflated, one part ≤ 8 MB, refused beyond; the worst part, a full
// string table, parses in ≤ 100 MB of a heap capped at 160 MB), plus garbage not yet collected. Measured 370–420
// MB on this folder; before: 1.2 GB (the chunked import held 50 files' bytes twice over, part limits of 100 MB).
// Also: the cap on files per merge and on bytes per merge, each refused before anything is read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  ftruncateSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MESSAGES } from '../../../shared/messages.ts';
import { MAX_MERGE_BYTES, MAX_MERGE_FILES } from '../../../electron/merge/gather-folder.ts';
import { MAX_IMPORT_BYTES as MAX_RETURN_BYTES } from '../../../shared/api/limits.ts';
import { DEFAULT_LIMITS } from '../../../electron/excel/file-guards.ts';
import { openTestBackend } from '../../helpers/backend.ts';
import { requireFramework } from '../../../electron/frameworks/plans-service.ts';
import { listChildRegions } from '../../../electron/frameworks/regions-service.ts';
import { REPO_ROOT } from '../../helpers/paths.ts';
import { WDP, wdpRunner } from '../../helpers/cli.ts';
import { partsOf, textOf, withText, zipParts, type Part } from '../excel/helpers/hostile-corpus.ts';
import { deflatedZeros, makeZip } from '../excel/helpers/zip.ts';
import { COUNTY } from './helpers.ts';
import { returnFile } from './excel-files.ts';

const posix = process.platform !== 'win32';
const MB = 1024 * 1024;
const root = mkdtempSync(join(tmpdir(), 'wdp-merge-memory-'));
afterAll(() => {
  if (!process.env.WDP_KEEP_TMP) rmSync(root, { recursive: true, force: true });
});
const wdp = wdpRunner({ dir: root, timeout: 60_000 });

interface TimedRun {
  code: number | null;
  stdout: string;
  stderr: string;
  lines: { at: number; text: string }[];
  maxRssKb: number;
}

/** `wdp …` under /usr/bin/time, stdout lines time-stamped as they arrive. */
function timedWdp(...args: string[]): Promise<TimedRun> {
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/time', ['-f', 'MAXRSS_KB=%M', process.execPath, WDP, ...args], {
      // the CLI as shipped: without the test suite's second reading of every file by SheetJS (WDP_XLSX_CROSSCHECK)
      cwd: REPO_ROOT,
      env: { ...process.env, WDP_DB: join(root, 'default.sqlite'), NODE_OPTIONS: '', WDP_XLSX_CROSSCHECK: '' },
    });
    const start = Date.now();
    const lines: TimedRun['lines'] = [];
    let out = '';
    let pending = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      pending += d;
      const parts = pending.split('\n');
      pending = parts.pop()!;
      for (const text of parts) lines.push({ at: Date.now() - start, text });
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      err += d;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const rss = /MAXRSS_KB=(\d+)/.exec(err);
      resolve({ code, stdout: out, stderr: err, lines, maxRssKb: rss ? Number(rss[1]) : NaN });
    });
  });
}

describe.runIf(posix)('a merge of a hostile folder: bounded memory, a verdict for every file, streamed', () => {
  const folder = join(root, '敌意文件夹');
  const names: string[] = [];
  const put = (name: string, bytes: Buffer) => {
    writeFileSync(join(folder, name), bytes);
    names.push(name);
  };

  beforeAll(async () => {
    mkdirSync(folder, { recursive: true });
    const b = openTestBackend();
    let exported: Buffer;
    try {
      const fw = requireFramework(b.ctx, 'taobei');
      const towns = listChildRegions(b.ctx, COUNTY).slice(0, 10);
      for (const t of towns)
        put(`正常-${t.name}.xlsx`, await returnFile(fw, { regionCode: t.code, regionName: t.name, year: 2024 }));
      exported = await returnFile(fw, { regionCode: towns[0].code, regionName: towns[0].name, year: 2024 });
    } finally {
      b.dispose();
    }
    const parts: Part[] = await partsOf(exported);
    const sheet = 'xl/worksheets/sheet2.xml';
    const n3 = (i: number) => String(i).padStart(3, '0');
    // big files just under the size limit: the return plus an unused stored entry of random bytes
    for (let i = 0; i < 40; i++)
      put(
        `大文件-${n3(i)}.xlsx`,
        zipParts([
          ...parts,
          { name: 'docProps/padding.bin', data: randomBytes(MAX_RETURN_BYTES - exported.length - 4096), method: 0 },
        ]),
      );
    const zeros = deflatedZeros(150 * MB);
    for (let i = 0; i < 12; i++)
      put(
        `炸弹-${n3(i)}.xlsx`,
        makeZip([
          ...parts.filter((p) => p.name !== sheet),
          { name: sheet, data: Buffer.alloc(0), compressed: zeros, declaredSize: i % 2 ? 1000 : 150 * MB },
        ]),
      );
    // shared strings just within the limit on one part: ~15 MB of strings no cell uses
    const strings = textOf(parts, 'xl/sharedStrings.xml');
    const item = '<si><t>填充填充填充填充填充填充填充填充</t></si>';
    const huge = strings.replace(
      '</sst>',
      `${item.repeat(Math.floor((DEFAULT_LIMITS.maxEntryBytes - 200_000) / Buffer.byteLength(item)))}</sst>`,
    );
    const hugeZip = zipParts(withText(parts, 'xl/sharedStrings.xml', () => huge));
    for (let i = 0; i < 4; i++) put(`大字符串-${n3(i)}.xlsx`, hugeZip);
    const sheetXml = textOf(parts, sheet);
    for (let i = 0; i < 40; i++)
      put(
        `重名-${n3(i)}.xlsx`,
        zipParts([...parts, { name: sheet, data: Buffer.from(sheetXml.replace(/<v>(\d+)<\/v>/, `<v>${i + 7}</v>`)) }]),
      );
    for (let i = 0; i < 40; i++)
      put(
        `宏-${n3(i)}.xlsx`,
        zipParts([...parts, { name: 'xl/vbaProject.bin', data: Buffer.from(`d0cf11e0a1b11ae1${n3(i)}0`, 'hex') }]),
      );
    for (let i = 0; i < 40; i++)
      put(
        `断串-${n3(i)}.xlsx`,
        zipParts(
          withText(parts, sheet, (x) =>
            x.replace(/<c r="([A-Z]+\d+)"([^>]*?)><v>\d+<\/v><\/c>/, `<c r="$1"$2 t="s"><v>${99_000 + i}</v></c>`),
          ),
        ),
      );
    for (let i = 0; i < 40; i++)
      put(
        `外链-${n3(i)}.xlsx`,
        zipParts([
          ...parts,
          { name: `xl/externalLinks/externalLink${i + 1}.xml`, data: Buffer.from('<externalLink/>') },
        ]),
      );
    for (let i = 0; i < 30; i++)
      put(`截断-${n3(i)}.xlsx`, exported.subarray(0, Math.floor(exported.length * (0.3 + i / 100))));
    for (let i = 0; i < 25; i++) put(`不是表格-${n3(i)}.xlsx`, randomBytes(2000 + i));
    for (let i = 0; i < 15; i++) put(`空-${n3(i)}.csv`, Buffer.alloc(0));
    // a symlink loop, a link to the folder itself, a FIFO
    symlinkSync('循环乙.xlsx', join(folder, '循环甲.xlsx'));
    symlinkSync('循环甲.xlsx', join(folder, '循环乙.xlsx'));
    symlinkSync('.', join(folder, '本目录'));
    execFileSync('mkfifo', [join(folder, '管道.xlsx')]);
  }, 120_000);

  it('every file gets a verdict line, streamed as decided, with the peak RSS under 480 MB', async () => {
    expect(names.length).toBeGreaterThanOrEqual(290);
    const run = await timedWdp(
      'merge',
      '--db',
      join(root, 'county.sqlite'),
      '--region',
      COUNTY,
      '--year',
      '2024',
      folder,
    );
    console.log(
      `merge of ${names.length} hostile files: peak RSS ${(run.maxRssKb / 1024).toFixed(0)} MB, ${run.lines.at(-1)?.at} ms`,
    );
    expect(run.stderr.replace(/Command exited with non-zero status \d+\s*/, '').replace(/MAXRSS_KB=\d+\s*/, '')).toBe(
      '',
    );
    expect(run.code).toBe(3);
    const verdicts = new Set(Object.values(MESSAGES.merge.verdict));
    const verdictLines = run.lines.filter((l) => verdicts.has(l.text.split('\t')[0]));
    const named = new Map(verdictLines.map((l) => [l.text.split('\t').at(-1)!, l]));
    expect(names.filter((n) => !named.has(n))).toEqual([]);
    expect(verdictLines).toHaveLength(names.length);
    for (let i = 0; i < 10; i++)
      expect(named.get(names[i])!.text.split('\t')[0]).not.toBe(MESSAGES.merge.verdict.rejected);
    for (const n of names.slice(10))
      if (!/^(大文件|大字符串)/.test(n))
        expect(named.get(n)!.text.split('\t')[0], n).toBe(MESSAGES.merge.verdict.rejected);
    // the loop, the folder link and the FIFO are skipped with their reasons, in Chinese
    const skipped = run.lines.filter((l) => l.text.startsWith('已跳过\t')).map((l) => l.text);
    expect(skipped).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^已跳过\t循环甲\.xlsx\t.*链接形成循环/),
        expect.stringMatching(/^已跳过\t循环乙\.xlsx\t.*链接形成循环/),
        expect.stringMatching(/^已跳过\t本目录\t/),
        expect.stringMatching(/^已跳过\t管道\.xlsx\t.*命名管道/),
      ]),
    );
    expect(run.stdout).not.toMatch(/ENOENT|ELOOP|EACCES|Error/);
    // streamed: the first verdicts were on screen long before the last (the old CLI printed them all at the end)
    expect(verdictLines.at(-1)!.at - verdictLines[0].at).toBeGreaterThan(1000);
    expect(run.maxRssKb / 1024).toBeLessThan(480);
  }, 120_000);
});

describe.runIf(posix)('the caps on a merge, refused before anything is read', () => {
  it(`more than ${MAX_MERGE_FILES} files: a clear message, nothing imported`, () => {
    const folder = join(root, '太多');
    mkdirSync(folder);
    for (let i = 0; i <= MAX_MERGE_FILES; i++) writeFileSync(join(folder, `${i}.xlsx`), '');
    const run = wdp('merge', '--db', join(root, 'many.sqlite'), '--region', COUNTY, '--year', '2024', folder);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(MESSAGES.merge.limits.tooManyFiles(MAX_MERGE_FILES));
    expect(run.stdout).toBe('');
  }, 60_000);

  it('more bytes than a merge reads: a clear message, nothing imported', () => {
    const folder = join(root, '太大');
    mkdirSync(folder);
    // sparse files: each as large as a return may be, together over the cap, taking no disk
    const count = Math.ceil(MAX_MERGE_BYTES / MAX_RETURN_BYTES) + 1;
    for (let i = 0; i < count; i++) {
      const fd = openSync(join(folder, `${i}.xlsx`), 'w');
      ftruncateSync(fd, MAX_RETURN_BYTES);
      closeSync(fd);
    }
    const run = wdp('merge', '--db', join(root, 'big.sqlite'), '--region', COUNTY, '--year', '2024', folder);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(MESSAGES.merge.limits.tooManyBytes(MAX_MERGE_BYTES / 1024 / 1024 / 1024));
    expect(run.stdout).toBe('');
  }, 60_000);
});
