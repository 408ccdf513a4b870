// The app's log: what happened, never what was entered. Lines carry channel names, codes, counts, region codes
// and years — no cell values, no person's name (填表人), no file names, no home folder. The desktop app writes a
// rotating file in userData/logs (electron-log's file transport: main.log, moved to main.old.log past 1 MB);
// the CLI and tests use none or their own. The file log itself is file-log.ts, which only the desktop app loads
// (electron-log costs every command line start ~7 ms).
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface AppLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
  /** the folder holding the log files, or null when nothing is written */
  readonly dir: string | null;
}

export const noLog: AppLog = { info() {}, warn() {}, error() {}, dir: null };

export const LOG_FILE = 'main.log';
const OLD_LOG_FILE = 'main.old.log';
export const LOG_MAX_BYTES = 1024 * 1024;

/** The user's home folder (on Windows it holds the user's name) written as ~ in anything logged or exported. */
export function withoutHome(text: string, home = homedir()): string {
  if (!home || home.length < 2) return text;
  return text.split(home).join('~');
}

/** An error as one log text: its message and stack, with the home folder hidden. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return withoutHome(error.stack ?? `${error.name}: ${error.message}`);
  return withoutHome(String(error));
}

/** The newest `count` lines of the log (the rotated file first, then the current one). */
export function recentLogLines(dir: string | null, count = 500): string[] {
  if (!dir) return [];
  const lines = [OLD_LOG_FILE, LOG_FILE]
    .map((name) => join(dir, name))
    .filter((file) => existsSync(file))
    .flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => line.length > 0),
    );
  return lines.slice(-count);
}
