// A fresh clone with nothing beside it passes every framework test (the audits that read the plan documents among
// them) and says which audits did not run.
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/paths.ts';

const isGitCheckout = existsSync(join(REPO_ROOT, '.git'));

describe('fresh clone', () => {
  it.runIf(isGitCheckout)('runs the framework tests without ../shared and names the audits it skipped', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wdp-clone-'));
    try {
      const clone = join(dir, 'repo');
      execFileSync('git', ['clone', '--quiet', '--no-hardlinks', REPO_ROOT, clone]);
      // The clone gets the installed packages (npm ci is not what is under test here).
      symlinkSync(join(REPO_ROOT, 'node_modules'), join(clone, 'node_modules'), 'dir');
      const env = { ...process.env };
      delete env.WDP_SEEDS_DIR;
      const run = spawnSync(
        process.execPath,
        [join('node_modules', 'vitest', 'vitest.mjs'), 'run', 'tests/shared/framework'],
        {
          cwd: clone,
          env,
          encoding: 'utf8',
          timeout: 120_000,
        },
      );
      const out = `${run.stdout}\n${run.stderr}`;
      expect(run.status, out).toBe(0);
      expect(out).toContain('plan-quote audit NOT RUN');
      expect(out).toContain('measures audit NOT RUN');
      expect(out).toContain(join(dir, 'shared', 'seeds'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
