// Runs the `wdp` command line as a user does: a child process of the launcher script. WDP_DB points into the
// test's own folder, so a command without --db never touches the user's real database.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './paths.ts';

export const WDP = join(REPO_ROOT, 'electron', 'cli', 'wdp.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A `wdp` runner for a test: `dir` holds the fallback database; `db`, when given, is passed as --db to every call. */
export function wdpRunner(options: { dir: string | (() => string); db?: () => string; timeout?: number }) {
  return (...args: string[]): CliRun => {
    const result = spawnSync(process.execPath, [WDP, ...args, ...(options.db ? ['--db', options.db()] : [])], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      timeout: options.timeout ?? 60_000,
      env: {
        ...process.env,
        WDP_DB: join(typeof options.dir === 'string' ? options.dir : options.dir(), 'default.sqlite'),
        NODE_OPTIONS: '',
      },
    });
    if (result.error) throw result.error;
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };
}
