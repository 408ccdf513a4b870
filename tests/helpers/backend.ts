// A real back end on a temp database (real migrations, shipped frameworks and regions) for service tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, type AppBackend } from '../../electron/backend/open-app.ts';
import { sourcePaths } from '../../electron/backend/app-paths.ts';
import type { Profile } from '../../shared/api/settings-contract.ts';
import { setProfile } from '../../electron/settings/settings-service.ts';

export interface TestBackend extends AppBackend { dir: string; dbFile: string; dispose: () => void }

export function openTestBackend(options: { profile?: Profile; now?: () => Date; dir?: string } = {}): TestBackend {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'wdp-svc-'));
  const dbFile = join(dir, 'wdp.sqlite');
  const backend = openApp({ dbFile, ...sourcePaths, now: options.now });
  if (options.profile) setProfile(backend.ctx, options.profile);
  return {
    ...backend, dir, dbFile,
    dispose: () => { backend.close(); rmSync(dir, { recursive: true, force: true }); },
  };
}

export const TAOBEI_TOWNSHIP: Profile = { planId: 'taobei', role: 'township', regionCode: '220802001000', userName: '张丽' };
export const TAOBEI_COUNTY: Profile = { planId: 'taobei', role: 'county', regionCode: '220802000000', userName: '王芳' };
