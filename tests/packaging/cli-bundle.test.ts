// The prebuilt CLI (dist-cli/, made by `npm run build`): what `npx wdp` runs when it is fresh. Its entry answers
// --help, validates a return and merges files; its read worker, loaded by a worker thread from the bundle alone,
// reads a return exactly as the sources do. Catches what only bundling can break (import.meta, chunk paths, requires).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readForMerge, allFrameworks } from '../../electron/merge/excel-reader.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { openTestBackend, TAOBEI_COUNTY, type TestBackend } from '../helpers/backend.ts';
import { REPO_ROOT } from '../helpers/paths.ts';
import { returnFile } from '../electron/merge/excel-files.ts';
import { TOWNS } from '../electron/merge/helpers.ts';

const BUNDLE = join(REPO_ROOT, 'dist-cli', 'wdp.mjs');
const WORKER = join(REPO_ROOT, 'dist-cli', 'read-worker.mjs');
const dir = mkdtempSync(join(tmpdir(), 'wdp-cli-bundle-'));
let backend: TestBackend;
let bytes: Buffer;

beforeAll(async () => {
  backend = openTestBackend({ profile: TAOBEI_COUNTY, dir: join(dir, 'db') });
  const taobei = allFrameworks(backend.ctx).find((f) => f.plan.id === 'taobei')!;
  bytes = await returnFile(taobei, { regionCode: TOWNS[0], regionName: '海明街道', year: 2024 });
  writeFileSync(join(dir, '海明街道.xlsx'), bytes);
});
afterAll(() => {
  backend.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the bundle's runCli in a fresh Node process (not the launcher: this is the bundle itself). */
function bundled(...args: string[]) {
  const code = `const { runCli } = await import(${JSON.stringify(pathToFileURL(BUNDLE).href)}); process.exitCode = await runCli(${JSON.stringify(args)});`;
  return spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8', timeout: 60_000 });
}

describe('prebuilt CLI', () => {
  it('exists after the build', () => {
    expect(existsSync(BUNDLE), 'run npm run build first (npm test does)').toBe(true);
    expect(existsSync(WORKER)).toBe(true);
  });

  it('bundles zod with its default English only, not its other locales; a bad argument is still refused in words', () => {
    const code = ['wdp.mjs', ...readdirSync(join(REPO_ROOT, 'dist-cli'))]
      .filter((f) => f.endsWith('.mjs'))
      .map((f) => readFileSync(join(REPO_ROOT, 'dist-cli', f), 'utf8'))
      .join('\n');
    const locales = new Set(code.match(/node_modules\/zod\/v4\/locales\/[\w-]+\.js/g));
    expect([...locales]).toEqual(['node_modules/zod/v4/locales/en.js']);
    for (const file of ['main.cjs', 'read-worker.cjs'])
      expect(readFileSync(join(REPO_ROOT, 'dist-electron', file), 'utf8')).not.toMatch(/zod\/v4\/locales\/(?!en\.js)/);
    const refused = bundled('merge', '--region', 'x', '--year', 'not-a-year', dir);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/\S/);
  });

  it('answers --help, validates a return and merges it', () => {
    const help = bundled('--help');
    expect(help.status, help.stderr).toBe(0);
    expect(help.stdout).toContain(MESSAGES.cli.title);
    const db = join(dir, 'cli.sqlite');
    const validate = bundled('validate', '--db', db, join(dir, '海明街道.xlsx'));
    expect(validate.status, validate.stderr).toBe(0);
    const merge = bundled(
      'merge',
      '--db',
      db,
      '--region',
      TAOBEI_COUNTY.regionCode,
      '--year',
      '2024',
      join(dir, '海明街道.xlsx'),
      '-o',
      join(dir, 'county.xlsx'),
      '--json',
    );
    expect(merge.status, merge.stderr).toBe(0);
    const out = JSON.parse(merge.stdout) as { verdicts: { verdict: string }[]; completeness: { reported: number } };
    expect(out.verdicts.map((v) => v.verdict)).toEqual(['accepted']);
    expect(out.completeness.reported).toBe(1);
    expect(existsSync(join(dir, 'county.xlsx'))).toBe(true);
  });

  it('its read worker reads a return as the sources do', async () => {
    const frameworks = allFrameworks(backend.ctx);
    const regions = backend.ctx.db.prepare('SELECT code, name, level FROM regions').raw().all();
    const worker = new Worker(WORKER, { workerData: { frameworks, regions } });
    try {
      const copy = new Uint8Array(bytes);
      const answer = await new Promise<{ outcome?: unknown; error?: string }>((ok, fail) => {
        worker.once('message', ok);
        worker.once('error', fail);
        worker.postMessage({ id: 1, bytes: copy, fileName: '海明街道.xlsx' });
      });
      expect(answer.error).toBeUndefined();
      const table = new Map(
        (regions as [string, string, string][]).map(([code, name, level]) => [code, { name, level }]),
      );
      const expected = readForMerge(bytes, '海明街道.xlsx', {
        frameworks,
        region: (code) => (table.get(code) as never) ?? null,
      });
      expect(answer.outcome).toEqual(expected);
    } finally {
      await worker.terminate();
    }
  });
});
