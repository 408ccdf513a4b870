// `wdp merge` through the contract (issue 15: the three doors are one interface): the command starts the merge
// page's own long import (merge:import-start) and follows it (merge:import-progress), printing each batch's verdicts
// as they are stored and, with --progress (or on a terminal), the progress on stderr; it no longer reaches into the
// merge services or the worker pool itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTestBackend } from '../../helpers/backend.ts';
import { WDP, wdpRunner } from '../../helpers/cli.ts';
import { REPO_ROOT } from '../../helpers/paths.ts';
import { requireFramework } from '../../../electron/frameworks/plans-service.ts';
import { listChildRegions } from '../../../electron/frameworks/regions-service.ts';
import { COUNTY } from '../merge/helpers.ts';
import { returnFile } from '../merge/excel-files.ts';

const dir = mkdtempSync(join(tmpdir(), 'wdp-merge-progress-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const wdp = wdpRunner({ dir });
const folder = join(dir, '2024年乡镇报表');
let names: string[] = [];

beforeAll(async () => {
  const b = openTestBackend();
  try {
    const fw = requireFramework(b.ctx, 'taobei');
    const towns = listChildRegions(b.ctx, COUNTY).slice(0, 4);
    names = towns.map((t) => t.name);
    mkdirSync(folder, { recursive: true });
    for (const t of towns)
      writeFileSync(
        join(folder, `${t.name}.xlsx`),
        await returnFile(fw, { regionCode: t.code, regionName: t.name, year: 2024 }),
      );
    writeFileSync(join(folder, '说明.xlsx'), 'not a workbook');
  } finally {
    b.dispose();
  }
}, 60_000);

describe('wdp merge through the contract', () => {
  it('--progress prints the import progress to stderr; the verdicts and the completeness on stdout as before', () => {
    const { code, stdout, stderr } = wdp(
      'merge',
      '--db',
      join(dir, 'county.sqlite'),
      '--region',
      COUNTY,
      '--year',
      '2024',
      '--progress',
      folder,
    );
    expect(code).toBe(3);
    for (const name of names) expect(stdout).toContain(`已接收\t${name}\t${name}.xlsx`);
    expect(stdout).toMatch(/已拒收\t—\t说明\.xlsx/);
    expect(stdout).toContain('洮北区 2024年 报送情况：应报 25，已报送 4');
    const lines = stderr.trim().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^正在导入 \d+\/5（已保存 \d+）( .+\.xlsx)?$/);
  });

  it('without --progress and not on a terminal: nothing on stderr', () => {
    const { code, stderr } = wdp(
      'merge',
      '--db',
      join(dir, 'quiet.sqlite'),
      '--region',
      COUNTY,
      '--year',
      '2024',
      folder,
    );
    expect(code).toBe(3);
    expect(stderr).toBe('');
  });

  it('a merge of 500 files or more (run once more by the launcher, with small semi-spaces): Ctrl+C reaches it, its exit code is the launcher’s', async () => {
    const many = join(dir, '五百多');
    mkdirSync(many, { recursive: true });
    for (let i = 0; i < 520; i++)
      copyFileSync(join(folder, `${names[i % names.length]}.xlsx`), join(many, `${i}.xlsx`));
    const child = spawn(
      process.execPath,
      [WDP, 'merge', '--db', join(dir, 'big.sqlite'), '--region', COUNTY, '--year', '2024', '--progress', many],
      { cwd: REPO_ROOT, env: { ...process.env, NODE_OPTIONS: '' } },
    );
    let stderr = '';
    let interrupted = false;
    child.stderr.on('data', (d) => {
      stderr += d;
      if (!interrupted && /正在导入 \d+\/520（已保存 [1-9]/.test(stderr)) {
        interrupted = true;
        child.kill('SIGINT'); // to the launcher alone, as a terminal's Ctrl+C may
      }
    });
    const code = await new Promise<number | null>((ok) => child.on('close', ok));
    expect(stderr).toMatch(/已取消导入：已处理的 \d+ 个文件已保存/);
    expect(code).toBe(130);
  }, 120_000);

  it('Ctrl+C cancels through merge:import-cancel: exit 130, the files stored so far stay and are said', async () => {
    const many = join(dir, '很多');
    mkdirSync(many, { recursive: true });
    for (let i = 0; i < 80; i++) copyFileSync(join(folder, `${names[i % names.length]}.xlsx`), join(many, `${i}.xlsx`));
    const child = spawn(
      process.execPath,
      [WDP, 'merge', '--db', join(dir, 'cancel.sqlite'), '--region', COUNTY, '--year', '2024', '--progress', many],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, NODE_OPTIONS: '' },
      },
    );
    let stdout = '';
    let stderr = '';
    let interrupted = false;
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
      // once: a second Ctrl+C ends the process at once (SQLite rolls back a batch not yet committed)
      if (!interrupted && stderr.includes('正在导入')) {
        interrupted = true;
        child.kill('SIGINT');
      }
    });
    const code = await new Promise<number | null>((ok) => child.on('close', ok));
    expect(code).toBe(130);
    const said =
      /已取消导入：已处理的 (\d+) 个文件已保存（结果见下表），其余 (\d+) 个文件未读取、未保存，可重新导入。/.exec(
        stderr,
      );
    expect(said, stderr).not.toBeNull();
    const stored = Number(said![1]);
    expect(stored + Number(said![2])).toBe(80);
    expect(stored).toBeLessThan(80);
    // every stored file's verdict was printed, and nothing else
    expect(stdout.split('\n').filter((l) => /^已接收/.test(l))).toHaveLength(stored);
  }, 120_000);

  it('the command calls the contract only: no merge service, no worker pool', () => {
    const source = readFileSync(join(REPO_ROOT, 'electron', 'cli', 'commands', 'merge.ts'), 'utf8');
    const imports = [...source.matchAll(/^import .* from '([^']+)';$/gm)].map((m) => m[1]);
    expect(imports.filter((p) => p.includes('/merge/') || p.includes('/services/') || p.includes('/db/'))).toEqual([]);
    expect(source).toContain("'merge:import-start'");
  });
});
