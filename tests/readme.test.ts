// The README names every environment variable the project reads (app, CLI, dev server, tests, CI), where the
// database, backups and logs live, and what a first start needs when Electron cannot be downloaded.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './helpers/paths.ts';

const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx|js|mjs)$/.test(name) ? [path] : [];
  });

describe('README', () => {
  it('documents every environment variable the code reads', () => {
    const sources = [
      ...files(join(REPO_ROOT, 'electron')),
      ...files(join(REPO_ROOT, 'shared')),
      ...files(join(REPO_ROOT, 'renderer')),
      ...files(join(REPO_ROOT, 'tests', 'helpers')),
    ];
    const read = new Set<string>();
    for (const file of sources)
      for (const m of readFileSync(file, 'utf8').matchAll(/process\.env\.([A-Za-z_][A-Za-z0-9_]*)/g)) read.add(m[1]);
    for (const m of readFileSync(join(REPO_ROOT, '.ci', 'run'), 'utf8').matchAll(/\$\{?(WDP_[A-Z_]+)/g)) read.add(m[1]);
    expect(read.size).toBeGreaterThanOrEqual(5);
    const missing = [...read].filter((name) => !readme.includes(`\`${name}\``));
    expect(missing).toEqual([]);
  });

  it('says where the database, backups and logs live, in both languages', () => {
    for (const text of [
      'wdp-monitor/wdp.sqlite',
      '`backups/`',
      'logs/main.log',
      '数据库位置',
      '备份位置',
      '日志位置',
      'Backups:',
      'Logs:',
    ])
      expect(readme, text).toContain(text);
  });

  it('says what a first npm start / npm run dist shows without the internet, and how to use a local Electron', () => {
    for (const text of [
      'Electron failed to install correctly',
      'ENOTFOUND github.com',
      '`electron_config_cache',
      '`ELECTRON_MIRROR',
      '-c.electronDist=',
      '导出诊断信息',
      'Installing a new version',
      '在单位电脑上安装新版本',
    ])
      expect(readme, text).toContain(text);
  });

  it('draws every folder of electron/ in its Architecture section (the layers the architecture test enforces)', () => {
    const section = readme.slice(readme.indexOf('### Architecture'));
    expect(section.length).toBeGreaterThan(1000);
    const folders = readdirSync(join(REPO_ROOT, 'electron'), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    expect(folders.filter((f) => !section.includes(`\`${f}/\``))).toEqual([]);
  });
});
