// `wdp --help`, `wdp <命令> --help` and `wdp help <命令>`, printed from the declarations in commands/specs.ts
// (so the help can never leave out a flag the parser accepts).
import { MESSAGES } from '../../shared/messages.ts';
import type { CommandSpec, FlagSpec } from './command.ts';
import { COMMAND_SPECS, GLOBAL_FLAGS, GROUPS } from './commands/specs.ts';

const C = MESSAGES.cli;

const flagName = (name: string, flag: FlagSpec) => (flag.short ? `-${flag.short}, --${name}` : `--${name}`);
const flagUse = (name: string, flag: FlagSpec) => {
  const use = `${flag.short ? `-${flag.short}` : `--${name}`}${flag.type === 'string' ? ` ${flag.value ?? C.anyValue}` : ''}`;
  return flag.required ? use : `[${use}]`;
};

/** Terminal columns: a Chinese character or full-width mark takes two. */
const columns = (text: string) =>
  [...text].reduce(
    (n, ch) =>
      n +
      (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
        ? 2
        : 1),
    0,
  );

/** Two columns, the left padded to the widest entry. */
function table(rows: [string, string][]): string[] {
  const width = Math.max(...rows.map(([left]) => columns(left))) + 3;
  return rows.map(([left, right]) => `  ${left}${' '.repeat(width - columns(left))}${right}`);
}

const flagRows = (flags: Record<string, FlagSpec>): [string, string][] =>
  Object.entries(flags).map(([name, flag]) => [
    `${flagName(name, flag)}${flag.type === 'string' ? ` ${flag.value ?? C.anyValue}` : ''}`,
    `${flag.description}${flag.required ? C.required : ''}`,
  ]);

function usageOf(spec: CommandSpec): string {
  const parts = [`wdp ${spec.name}`];
  // a required argument right after the command (wdp plan edit <规划编号> …), an optional list last (merge's files)
  if (spec.positional && spec.positional.min > 0) parts.push(spec.positional.name);
  for (const [name, flag] of Object.entries(spec.flags)) parts.push(flagUse(name, flag));
  if (spec.positional && spec.positional.min === 0) parts.push(`[${spec.positional.name}]`);
  return parts.join(' ');
}

export function topHelp(): string {
  return [
    C.title,
    '',
    C.usageLine,
    '',
    C.commandsHeading,
    ...table(COMMAND_SPECS.map((s) => [s.name, s.summary])),
    '',
    C.moreHelp,
    '',
    C.globalHeading,
    ...table(flagRows(GLOBAL_FLAGS)),
  ].join('\n');
}

export function commandHelp(spec: CommandSpec): string {
  const lines = [C.commandUsage(usageOf(spec)), spec.summary];
  if (spec.positional)
    lines.push('', C.argumentsHeading, ...table([[spec.positional.name, spec.positional.description]]));
  if (Object.keys(spec.flags).length > 0) lines.push('', C.optionsHeading, ...table(flagRows(spec.flags)));
  if (spec.note) lines.push('', spec.note);
  lines.push('', C.globalHeading, ...table(flagRows(GLOBAL_FLAGS)));
  return lines.join('\n');
}

/** `wdp plan --help`: each subcommand's usage and summary. */
export function groupHelp(group: string): string {
  const specs = GROUPS[group].map((sub) => COMMAND_SPECS.find((s) => s.name === `${group} ${sub}`)!);
  return [...specs.flatMap((s) => [`  ${usageOf(s)}`, `      ${s.summary}`]), '', C.moreHelp].join('\n');
}
