import type { Database } from 'better-sqlite3';
import type { Shell } from './shell.ts';
import type { AppLog } from './app-log.ts';

export interface AppPaths {
  /** resources/: frameworks, regions */
  resourcesDir: string;
  migrationsDir: string;
  /** where automatic backups go (beside the database by default) */
  backupsDir: string;
}

/** What every service gets: the open database, where things are, and the clock (tests fix it). */
export interface AppContext {
  db: Database;
  dbFile: string;
  paths: AppPaths;
  now: () => Date;
  /** problems found at start-up that did not stop the app (shown in the UI, logged by the CLI) */
  startupWarnings: string[];
  /** save dialogs and printing, supplied by the door (Electron, loopback, CLI) */
  shell: Shell;
  /** what happened, for support (codes and counts, never values or names); the desktop app's goes to userData/logs */
  log: AppLog;
}

export const isoNow = (ctx: AppContext) => ctx.now().toISOString();
