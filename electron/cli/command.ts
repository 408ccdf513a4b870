import type { AppBackend } from '../app.ts';

export interface CliIo { out: (text: string) => void; err: (text: string) => void }

export interface ParsedArgs { positionals: string[]; flags: Record<string, string | boolean | string[]> }

/** One CLI command: a thin door onto the same handlers the UI uses. Returns the exit code. */
export interface CliCommand {
  name: string;
  run: (args: ParsedArgs, backend: AppBackend, io: CliIo) => Promise<number> | number;
}

export const flagString = (args: ParsedArgs, name: string): string | undefined => {
  const v = args.flags[name];
  return typeof v === 'string' ? v : Array.isArray(v) ? v[v.length - 1] : undefined;
};
