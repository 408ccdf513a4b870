// A real back end on a temp database (real migrations, shipped frameworks and regions) for service tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { openApp, type AppBackend } from '../../electron/backend/open-app.ts';
import { sourcePaths } from '../../electron/backend/app-paths.ts';
import type { Profile } from '../../shared/api/settings-contract.ts';
import type { Shell } from '../../electron/context/shell.ts';
import { setProfile } from '../../electron/settings/settings-service.ts';

export interface TestBackend extends AppBackend {
  dir: string;
  dbFile: string;
  dispose: () => void;
}
export interface TestBackendOptions {
  profile?: Profile;
  now?: () => Date;
  dir?: string;
  dbFile?: string;
  shell?: Shell;
  backupsDir?: string;
}

/**
 * The one way tests open a back end. A temp folder of its own (removed by dispose), or `dir`; or an existing
 * `dbFile` (an end-to-end test reopening its database: dispose then only closes it). `shell` stands in for the
 * save dialogs and printing, `backupsDir` for where automatic backups go.
 */
export function openTestBackend(options: TestBackendOptions = {}): TestBackend {
  const dir = options.dbFile ? dirname(options.dbFile) : (options.dir ?? mkdtempSync(join(tmpdir(), 'wdp-svc-')));
  const dbFile = options.dbFile ?? join(dir, 'wdp.sqlite');
  const backend = openApp({
    dbFile,
    ...sourcePaths,
    now: options.now,
    shell: options.shell,
    ...(options.backupsDir ? { backupsDir: options.backupsDir } : {}),
  });
  if (options.profile) setProfile(backend.ctx, options.profile);
  return {
    ...backend,
    dir,
    dbFile,
    dispose: () => {
      backend.close();
      if (!options.dbFile) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const TAOBEI_TOWNSHIP: Profile = {
  planId: 'taobei',
  role: 'township',
  regionCode: '220802001000',
  userName: '张丽',
};
export const TAOBEI_COUNTY: Profile = {
  planId: 'taobei',
  role: 'county',
  regionCode: '220802000000',
  userName: '王芳',
};
