// Packs the app for Linux the way `npm run dist` does (but --dir, with a stand-in Electron binary, offline)
// and checks what ends up in app.asar and app.asar.unpacked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
  mkdirSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { extractFile, listPackage, statFile } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { REPO_ROOT } from '../helpers/paths.ts';

const ELECTRON_VERSION = '45.5.0';
const PACK_TIMEOUT = 300_000;
/** The app code an office installs beside Electron itself (app.asar plus app.asar.unpacked). */
const APP_CODE_LIMIT = 12 * 1024 * 1024;

/**
 * Electron's fuse wire as @electron/fuses finds it in the real binary: the sentinel, the wire version (1), the
 * wire length, then one byte per fuse ('1' on, '0' off). The states are Electron's defaults: RunAsNode, NODE_OPTIONS,
 * --inspect and the file:// extra privileges on; cookie encryption, ASAR integrity and asar-only loading off.
 */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const DEFAULT_WIRE = '10110001';

function sizeOf(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0);
}

function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => {
      output += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      output += c.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** A few of the languages Electron's locales/ folder holds. */
const SHIPPED_LOCALES = ['de', 'en-GB', 'en-US', 'fr', 'ja', 'zh-CN', 'zh-TW'];

describe('electron-builder --dir --linux', () => {
  let work: string;
  let appOutDir: string;
  let asarFile: string;
  let unpackedDir: string;
  let entries: Set<string>;

  beforeAll(async () => {
    for (const built of ['dist/renderer/index.html', 'dist-electron/main.cjs', 'dist-electron/preload.cjs']) {
      if (!existsSync(join(REPO_ROOT, built)))
        throw new Error(`${built} is missing: run \`npm run build\` first (npm test does it before vitest).`);
    }
    work = mkdtempSync(join(tmpdir(), 'wdp-pack-'));
    // A stand-in for the Electron distribution (the real one cannot be downloaded here): electron-builder only
    // needs the `electron` executable, which it renames to the app's executableName.
    const electronDist = join(work, 'electron-dist');
    mkdirSync(electronDist);
    writeFileSync(
      join(electronDist, 'electron'),
      Buffer.concat([
        Buffer.from('#!/bin/sh\necho "stand-in for Electron"\nexit 0\n# '),
        Buffer.from(FUSE_SENTINEL),
        Buffer.from([1, DEFAULT_WIRE.length]),
        Buffer.from(`${DEFAULT_WIRE}\n`),
      ]),
    );
    chmodSync(join(electronDist, 'electron'), 0o755);
    // Chromium's translations of its own widgets, one .pak per language, as Electron ships them (~40 MB in all)
    mkdirSync(join(electronDist, 'locales'));
    for (const lang of SHIPPED_LOCALES) writeFileSync(join(electronDist, 'locales', `${lang}.pak`), `pak ${lang}`);
    const output = join(work, 'release');
    const npx = join(dirname(process.execPath), 'npx');
    const { code, output: log } = await run(
      existsSync(npx) ? npx : 'npx',
      [
        'electron-builder',
        '--dir',
        '--publish',
        'never',
        '--linux',
        '--x64',
        `-c.electronDist=${electronDist}`,
        `-c.electronVersion=${ELECTRON_VERSION}`,
        `-c.directories.output=${output}`,
      ],
      { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false', npm_config_offline: 'true' },
    );
    if (code !== 0) throw new Error(`electron-builder exited with ${code}:\n${log}`);
    appOutDir = join(output, 'linux-unpacked');
    asarFile = join(appOutDir, 'resources', 'app.asar');
    unpackedDir = join(appOutDir, 'resources', 'app.asar.unpacked');
    entries = new Set(listPackage(asarFile, { isPack: false }).map((p) => p.replace(/\\/g, '/').replace(/^\//, '')));
  }, PACK_TIMEOUT);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it("keeps only Chromium's Chinese translation (the app runs with --lang=zh-CN) and English as its fallback", () => {
    expect(readdirSync(join(appOutDir, 'locales')).sort()).toEqual(['en-US.pak', 'zh-CN.pak']);
  });

  it('produces the executable and app.asar', () => {
    expect(existsSync(join(appOutDir, 'wdp-monitor'))).toBe(true);
    expect(statSync(join(appOutDir, 'wdp-monitor')).mode & 0o111).not.toBe(0);
    expect(existsSync(asarFile)).toBe(true);
  });

  it('holds the built main, preload, renderer, shipped data, migrations and package.json', () => {
    for (const file of [
      'package.json',
      'dist-electron/main.cjs',
      'dist-electron/preload.cjs',
      'dist/renderer/index.html',
      'resources/frameworks/catalogue/health.json',
      'resources/regions/regions.json',
      'electron/db/migrations/0001_init.sql',
    ])
      expect(entries.has(file), file).toBe(true);
    const pkg = JSON.parse(extractFile(asarFile, 'package.json').toString('utf8'));
    expect(pkg.main).toBe('dist-electron/main.cjs');
    expect(pkg.devDependencies).toBeUndefined();
    expect(pkg.scripts).toBeUndefined();
  });

  it('holds every migration and every shipped plan file', () => {
    const migrations = [...entries].filter((e) => /^electron\/db\/migrations\/\d{4}_[a-z0-9_]+\.sql$/.test(e));
    expect(migrations.length).toBeGreaterThanOrEqual(1);
    expect([...entries].some((e) => /^resources\/frameworks\/plans\/taobei\/plan\.json$/.test(e))).toBe(true);
  });

  it('holds no sources, tests, source maps or build tooling', () => {
    const list = [...entries];
    expect(list.filter((e) => /\.(ts|tsx|map)$/.test(e))).toEqual([]);
    // Outside node_modules only the allow-listed files (and their folders) are packed.
    const allowed =
      /^(package\.json|dist|dist\/renderer(\/.*)?|dist-electron(\/.*)?|resources(\/.*)?|electron|electron\/db|electron\/db\/migrations(\/\d{4}_[a-z0-9_]+\.sql)?|node_modules(\/.*)?)$/;
    expect(list.filter((e) => !allowed.test(e))).toEqual([]);
    for (const absent of [
      'electron/main.ts',
      'electron/cli/wdp.js',
      'electron/build/bundle.js',
      'vite.config.ts',
      'tsconfig.json',
      'resources/regions/make-regions.mjs',
      'electron-builder.yml',
      'package-lock.json',
    ]) {
      expect(entries.has(absent), absent).toBe(false);
    }
    expect(list.some((e) => e.startsWith('node_modules/electron/'))).toBe(false);
    expect(
      list.some((e) => e.startsWith('node_modules/vitest/') || e.startsWith('node_modules/playwright-core/')),
    ).toBe(false);
  });

  it("carries better-sqlite3 only: the libraries main.cjs bundles (zod, exceljs, xlsx) and the CLI's subset-font are not copied again", () => {
    for (const file of [
      'node_modules/better-sqlite3/package.json',
      'node_modules/better-sqlite3/lib/index.js',
      'node_modules/better-sqlite3/lib/binding.js',
    ]) {
      expect(entries.has(file), file).toBe(true);
    }
    const packages = new Set(
      [...entries]
        .filter((e) => e.startsWith('node_modules/'))
        .map((e) => e.split('/')[1])
        .filter(Boolean),
    );
    expect([...packages]).toEqual(['better-sqlite3']);
    for (const prefix of ['deps/', 'src/', 'build/'])
      expect(
        [...entries].some((e) => e.startsWith(`node_modules/better-sqlite3/${prefix}`)),
        prefix,
      ).toBe(false);
  });

  it("ships only the target platform's better-sqlite3 binary", () => {
    const binaries = [...entries].filter((e) => e.endsWith('.node'));
    expect(binaries).toEqual(['node_modules/better-sqlite3/prebuilds/linux-x64.node']);
  });

  it('builds the preload from the plain list of channel names: a few kilobytes, no zod inside', () => {
    const preload = extractFile(asarFile, 'dist-electron/preload.cjs').toString('utf8');
    expect(preload.length).toBeLessThan(8 * 1024);
    expect(preload).not.toMatch(/zod|ZodType|safeParse/);
    expect(preload).toContain('contextBridge');
  });

  it(`keeps the app code (app.asar and app.asar.unpacked) at most ${APP_CODE_LIMIT / 1024 / 1024} MB`, () => {
    const bytes = sizeOf(asarFile) + sizeOf(unpackedDir);
    console.log(
      `app code: app.asar ${(sizeOf(asarFile) / 1048576).toFixed(1)} MB + unpacked ${(sizeOf(unpackedDir) / 1048576).toFixed(1)} MB`,
    );
    expect(bytes).toBeLessThanOrEqual(APP_CODE_LIMIT);
  });

  it('flips the Electron fuses at packaging: no RunAsNode, NODE_OPTIONS or --inspect, the app only from a verified app.asar', async () => {
    const wire = await getCurrentFuseWire(join(appOutDir, 'wdp-monitor'));
    const on = (fuse: FuseV1Options) => String.fromCharCode(wire[fuse] as number) === '1';
    expect(on(FuseV1Options.RunAsNode)).toBe(false);
    expect(on(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe(false);
    expect(on(FuseV1Options.EnableNodeCliInspectArguments)).toBe(false);
    expect(on(FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe(false);
    expect(on(FuseV1Options.OnlyLoadAppFromAsar)).toBe(true);
    expect(on(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe(true);
    expect(on(FuseV1Options.EnableCookieEncryption)).toBe(true);
  });

  it('unpacks the better-sqlite3 linux-x64 binary next to app.asar, byte for byte, and marks it unpacked in the archive', () => {
    const relative = 'node_modules/better-sqlite3/prebuilds/linux-x64.node';
    const unpacked = join(unpackedDir, relative);
    expect(existsSync(unpacked)).toBe(true);
    expect(readFileSync(unpacked).equals(readFileSync(join(REPO_ROOT, relative)))).toBe(true);
    // better-sqlite3's lib/binding.js checks fs.existsSync(<app.asar>/node_modules/better-sqlite3/prebuilds/…) and then
    // requires it; Electron's asar fs answers from this header entry and loads the file from app.asar.unpacked.
    expect(entries.has(relative)).toBe(true);
    expect(statFile(asarFile, relative)).toMatchObject({ unpacked: true });
    const elf = readFileSync(unpacked).subarray(0, 4);
    expect(elf.equals(Buffer.from([0x7f, 0x45, 0x4c, 0x46]))).toBe(true);
  });
});
