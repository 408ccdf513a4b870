// Where resources and migrations are when running from the source tree (CLI, tests, loopback).
// The packaged Electron app passes its own paths (process.resourcesPath) instead.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { homedir } from 'node:os';

/** The folder holding package.json above this module: electron/backend/ from the sources, dist-cli/ from the bundle. */
function repoRootFrom(dir: string): string {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, 'package.json'))) return d;
    if (dirname(d) === d) return join(dir, '..');
  }
}

export const REPO_ROOT = repoRootFrom(import.meta.dirname);
export const sourcePaths = {
  resourcesDir: join(REPO_ROOT, 'resources'),
  migrationsDir: join(REPO_ROOT, 'electron', 'db', 'migrations'),
};

/** The default database for the CLI: $WDP_DB, else the same place the desktop app uses on Linux. */
export function defaultDbFile(): string {
  if (process.env.WDP_DB) return process.env.WDP_DB;
  const appData =
    process.platform === 'win32'
      ? (process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'))
      : process.platform === 'darwin'
        ? join(homedir(), 'Library', 'Application Support')
        : (process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'));
  return join(appData, 'wdp-monitor', 'wdp.sqlite');
}
