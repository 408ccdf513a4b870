// electron-builder.yml is valid for the installed electron-builder (checked the way electron-builder itself does:
// ajv against app-builder-lib/scheme.json, non-strict, coercing) and says what the app needs.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { REPO_ROOT } from '../helpers/paths.ts';

const require = createRequire(import.meta.url);
// js-yaml is what electron-builder reads its YAML with (it ships no types, hence require).
const yaml = require('js-yaml') as { load: (text: string) => unknown };
// The minimatch electron-builder itself matches `files` patterns with (its own copy, not the top-level one).
const { minimatch } = createRequire(join(REPO_ROOT, 'node_modules', 'app-builder-lib', 'package.json'))(
  'minimatch',
) as { minimatch: (path: string, pattern: string, options?: object) => boolean };
const scheme = JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8'));

type Config = Record<string, any>;
const loadConfig = (): Config => yaml.load(readFileSync(join(REPO_ROOT, 'electron-builder.yml'), 'utf8')) as Config;

/** The same ajv options as app-builder-lib/out/util/config/schemaValidator.js (compiled once: it takes a while). */
let compiled: ReturnType<Ajv['compile']> | null = null;
function validator() {
  compiled ??= new Ajv({ allErrors: true, verbose: true, coerceTypes: true, strict: false }).compile(scheme);
  return compiled;
}

describe('electron-builder.yml', () => {
  it("validates against electron-builder's own schema", () => {
    const validate = validator();
    const ok = validate(loadConfig());
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the validator does catch mistakes (unknown option, wrong type)', () => {
    const validate = validator();
    expect(validate({ ...loadConfig(), noSuchOption: true })).toBe(false);
    expect(validate({ ...loadConfig(), nsis: { oneClick: 'maybe' } })).toBe(false);
    expect(validate({ ...loadConfig(), linux: { target: { nope: 1 } } })).toBe(false);
  });

  it('identifies the app', () => {
    const config = loadConfig();
    expect(config.appId).toBe('cn.wdp.monitor');
    expect(config.productName).toBe('妇女发展监测填报');
    expect(config.directories.output).toBe('release');
    expect(config.publish).toBeNull();
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
    expect(pkg.main).toBe('dist-electron/main.cjs');
    expect(pkg.dependencies['better-sqlite3']).toBeDefined();
    expect(pkg.devDependencies.electron).toBeDefined(); // electron-builder refuses electron in dependencies
  });

  it('packs the built app, the data and the migrations, and never sources, tests or maps', () => {
    const files: string[] = loadConfig().files;
    for (const pattern of [
      'package.json',
      'dist/renderer/**',
      'dist-electron/**',
      'resources/**',
      'electron/db/migrations/*.sql',
    ])
      expect(files).toContain(pattern);
    for (const pattern of ['!**/*.map', '!**/*.ts', '!tests/**']) expect(files).toContain(pattern);
    expect(files.some((f) => /^(electron|renderer|shared)\/\*\*$/.test(f) || f === '**/*')).toBe(false);
  });

  it("keeps better-sqlite3's prebuilt binary loadable: asar with the .node files unpacked, nothing rebuilt", () => {
    const config = loadConfig();
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**/*.node');
    expect(config.npmRebuild).toBe(false);
    expect(config.nodeGypRebuild).toBe(false);
    expect(config.files).not.toContain('!node_modules/better-sqlite3/prebuilds/**');
    expect(config.files).not.toContain('!node_modules/better-sqlite3/lib/**');
    // A platform-level `files` list replaces the top-level one in electron-builder: there must be none.
    expect(config.win.files).toBeUndefined();
    expect(config.linux.files).toBeUndefined();
  });

  // biome-ignore lint/suspicious/noTemplateCurlyInString: electron-builder's own ${os} macro, named as written in its configuration
  it("keeps only the target platform's better-sqlite3 prebuild (the ${os} and ${arch} macros expanded as electron-builder does)", () => {
    const pattern: string = loadConfig().files.find((f: string) =>
      f.startsWith('!node_modules/better-sqlite3/prebuilds/'),
    );
    expect(pattern).toBeDefined();
    const prebuilds = readdirSync(join(REPO_ROOT, 'node_modules', 'better-sqlite3', 'prebuilds')).filter((f) =>
      f.endsWith('.node'),
    );
    expect(prebuilds.length).toBeGreaterThan(2);
    const kept = (os: string, arch: string) => {
      // biome-ignore lint/suspicious/noTemplateCurlyInString: electron-builder's ${os} and ${arch} macros, expanded here as it does
      const glob = pattern.slice(1).replace('${os}', os).replace('${arch}', arch);
      return prebuilds.filter(
        (file) => minimatch(`node_modules/better-sqlite3/prebuilds/${file}`, glob, { dot: true }) === false,
      );
    };
    expect(kept('linux', 'x64')).toEqual(['linux-x64.node']);
    expect(kept('win', 'x64')).toEqual(['win32-x64.node']);
    expect(kept('linux', 'arm64')).toEqual(['linux-arm64.node']);
    // No macOS target, whose prebuilds are named darwin-*: adding one needs its own pattern.
    expect(loadConfig().mac).toBeUndefined();
  });

  it('copies only better-sqlite3 from node_modules: everything else is bundled into main.cjs and preload.cjs', () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
    expect(Object.keys(pkg.dependencies)).toEqual(['better-sqlite3']);
    for (const bundled of ['zod', 'exceljs', 'xlsx', 'electron-log', 'subset-font'])
      expect(pkg.devDependencies[bundled], bundled).toBeDefined();
    expect(loadConfig().files).toContain('!node_modules/node-addon-api/**');
  });

  it('flips the Electron fuses at packaging', () => {
    expect(loadConfig().electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      grantFileProtocolExtraPrivileges: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
    });
  });

  it('builds a Chinese NSIS installer for Windows x64 that lets the user choose the folder', () => {
    const config = loadConfig();
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis.oneClick).toBe(false);
    expect(config.nsis.allowToChangeInstallationDirectory).toBe(true);
    expect(config.nsis.installerLanguages).toEqual(['zh_CN']);
  });

  it('builds AppImage and deb for Linux in the Office category', () => {
    const config = loadConfig();
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Office');
    expect(config.linux.maintainer).toMatch(/<.+@.+>/); // deb needs a maintainer e-mail
  });
});
