// Where resources and migrations are when running from the source tree (CLI, tests, loopback).
// The packaged Electron app passes its own paths (process.resourcesPath) instead.
import { join } from 'node:path';
import { homedir } from 'node:os';

export const REPO_ROOT = join(import.meta.dirname, '..');
export const sourcePaths = {
  resourcesDir: join(REPO_ROOT, 'resources'),
  migrationsDir: join(REPO_ROOT, 'electron', 'db', 'migrations'),
};

/** The default database for the CLI: $WDP_DB, else the same place the desktop app uses on Linux. */
export function defaultDbFile(): string {
  if (process.env.WDP_DB) return process.env.WDP_DB;
  const appData = process.platform === 'win32' ? (process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'))
    : process.platform === 'darwin' ? join(homedir(), 'Library', 'Application Support')
    : (process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'));
  return join(appData, 'wdp-monitor', 'wdp.sqlite');
}
