import type { AppBackend } from '../backend/open-app.ts';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

export interface ParsedArgs {
  positionals: string[];
  flags: Record<string, string | boolean | undefined>;
}

/** What a string flag's value must look like; checked before the command runs (exit 2 naming the flag). */
export type FlagCheck = 'region' | 'year' | 'number' | 'date' | 'period' | { oneOf: readonly string[] };

/** One flag of one command, as the parser, the checks and `--help` all read it. */
export interface FlagSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** how the help names the value, e.g. <年份> */
  value?: string;
  description: string;
  required?: boolean;
  check?: FlagCheck;
}

/** A command's declaration: its name (`merge`, `plan show`), one line for `wdp --help`, its arguments and flags. */
export interface CommandSpec {
  name: string;
  summary: string;
  positional?: { name: string; description: string; min: number; max: number | null };
  flags: Record<string, FlagSpec>;
  note?: string;
}

/** One CLI command: a thin door onto the same handlers the UI uses. Returns the exit code. */
export interface CliCommand {
  name: string;
  run: (args: ParsedArgs, backend: AppBackend, io: CliIo) => Promise<number> | number;
}

export const flagString = (args: ParsedArgs, name: string): string | undefined => {
  const v = args.flags[name];
  return typeof v === 'string' ? v : undefined;
};

/** A usage error found while a command runs (exit 2, its message printed as is). */
export class UsageError extends Error {}
