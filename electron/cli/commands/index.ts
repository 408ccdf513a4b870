// Every CLI command, loaded when it runs (the prebuilt CLI keeps each in its own chunk, so `wdp --help` or
// `wdp validate` never loads the report, template or merge code); add a command by writing commands/<name>.ts
// and listing it here, with its flags declared in specs.ts (the parser, the checks and --help read them there).
import type { CliCommand } from '../command.ts';

export const COMMANDS: Record<string, () => Promise<CliCommand>> = {
  plans: async () => (await import('./plans.ts')).plansCommand,
  plan: async () => (await import('./plan-show.ts')).planCommand,
  report: async () => (await import('./report.ts')).reportCommand,
  template: async () => (await import('./template.ts')).templateCommand,
  export: async () => (await import('./export.ts')).exportCommand,
  validate: async () => (await import('./validate.ts')).validateCommand,
  import: async () => (await import('./import.ts')).importCommand,
  merge: async () => (await import('./merge.ts')).mergeCommand,
  'export-data': async () => (await import('./export-data.ts')).exportDataCommand,
  data: async () => (await import('./data.ts')).dataCommand,
  overdue: async () => (await import('./overdue.ts')).overdueCommand,
  review: async () => (await import('./review.ts')).reviewCommand,
  receipt: async () => (await import('./review.ts')).receiptCommand,
};

/**
 * What a command starts before the back end opens, from its arguments alone. `wdp merge` of a hundred returns or
 * more starts the read workers it will read with: they load the reader on the other core while this one loads the
 * rest and opens the database (300 returns, whole process, alternating runs, with the writer loaded while they
 * read: medians 1.04–1.09 s against 1.07–1.11 s in three sets of runs).
 */
export const EARLY_STARTS: Partial<Record<string, (positionals: readonly string[]) => Promise<void>>> = {
  merge: async (positionals) => (await import('../../merge/read-workers.ts')).prestartForPaths(positionals),
};
