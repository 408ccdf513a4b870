// A domain's handlers (and the services under them) are loaded at the first call of one of its channels: a
// command line call loads only what it uses. Run in a process of its own, with a module hook listing every
// module loaded: opening the back end loads no domain's handlers; a merge call loads the merge domain only.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/paths.ts';

it('loads a domain’s handlers at its first call, and no other domain’s', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wdp-lazy-handlers-'));
  const at = (path: string) => JSON.stringify(join(REPO_ROOT, path));
  const script = `import module from 'node:module';
const loaded = [];
module.registerHooks({ load(url, context, next) { loaded.push(url); return next(url, context); } });
const { openApp } = await import(${at('electron/backend/open-app.ts')});
const { sourcePaths } = await import(${at('electron/backend/app-paths.ts')});
const { dispatch } = await import(${at('electron/api/dispatch.ts')});
const b = openApp({ dbFile: ${JSON.stringify(join(dir, 'wdp.sqlite'))}, ...sourcePaths });
const atOpen = loaded.length;
await dispatch(b.handlers, 'merge:overview', { year: 2024, regionCode: '220802000000' });
b.close();
console.log(JSON.stringify({ atOpen: loaded.slice(0, atOpen), afterCall: loaded.slice(atOpen) }));`;
  try {
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    expect(run.status, run.stderr).toBe(0);
    const { atOpen, afterCall } = JSON.parse(run.stdout) as { atOpen: string[]; afterCall: string[] };
    const handlers = (urls: string[]) => urls.filter((u) => u.includes('/electron/api/handlers/'));
    expect(handlers(atOpen)).toEqual([]);
    expect(handlers(afterCall).map((u) => u.replace(/.*\/handlers\//, ''))).toEqual(['merge.ts']);
    expect([...atOpen, ...afterCall].filter((u) => u.includes('/electron/report/'))).toEqual([]);
    // the desktop's log file (electron-log) is not the back end's to load: the command line writes no log
    expect([...atOpen, ...afterCall].filter((u) => u.includes('electron-log'))).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
