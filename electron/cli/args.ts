// Reads `wdp` arguments strictly, against the declarations of the one command named: an unknown flag, a missing
// required one, a value of the wrong form, a missing or surplus argument stop it before the database is opened.
import { parseArgs } from 'node:util';
import { MESSAGES } from '../../shared/messages.ts';
import type { CommandSpec, FlagCheck, FlagSpec, ParsedArgs } from './command.ts';
import { COMMAND_SPECS, GLOBAL_FLAGS, GROUPS, specOf } from './commands/specs.ts';
import { commandHelp, groupHelp, topHelp } from './help.ts';

const C = MESSAGES.cli;

export type CommandLine =
  | { kind: 'help'; text: string; code: 0 | 2 }
  | { kind: 'error'; lines: string[] }
  | { kind: 'run'; command: string; spec: CommandSpec; args: ParsedArgs };

type Options = Record<string, { type: 'string' | 'boolean'; short?: string }>;
const optionsOf = (flags: Record<string, FlagSpec>): Options =>
  Object.fromEntries(
    Object.entries(flags).map(([name, f]) => [name, f.short ? { type: f.type, short: f.short } : { type: f.type }]),
  );

/** Every flag any command takes: only to find the command's words before the strict reading. */
const ANY_FLAG: Options = optionsOf(Object.assign({}, ...COMMAND_SPECS.map((s) => s.flags), GLOBAL_FLAGS));

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = up;
    }
  }
  return row[b.length];
}

/** The known flag nearest a mistyped one (two edits at most, or a prefix of it), else null. */
function closestFlag(raw: string, known: string[]): string | null {
  if (!raw.startsWith('--')) return null;
  const typed = raw.slice(2);
  let best: { name: string; d: number } | null = null;
  for (const name of known) {
    const d = name.startsWith(typed) && typed.length >= 2 ? 0.5 : distance(typed, name);
    if (d <= Math.min(2, Math.floor(name.length / 2)) && (!best || d < best.d)) best = { name, d };
  }
  return best ? `--${best.name}` : null;
}

const YEAR = /^\d{4}$/;
function checkValue(check: FlagCheck, value: string): string | null {
  if (typeof check === 'object') return check.oneOf.includes(value) ? null : C.form.oneOf(check.oneOf);
  switch (check) {
    case 'region':
      return /^\d{12}$/.test(value) ? null : C.form.region;
    case 'year':
      return YEAR.test(value) && Number(value) >= 2000 && Number(value) <= 2100 ? null : C.form.year;
    case 'number':
      return value.trim() !== '' && Number.isFinite(Number(value)) ? null : C.form.number;
    case 'date': {
      const date = new Date(`${value}T00:00:00Z`);
      const ok =
        /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
      return ok ? null : C.form.date;
    }
    case 'period': {
      const m = value.match(/^(\d{4})\s*[-–—]\s*(\d{4})$/);
      return m && Number(m[1]) < Number(m[2]) ? null : C.form.period;
    }
  }
}

export function readCommandLine(argv: string[]): CommandLine {
  const loose = parseArgs({ args: argv, options: ANY_FLAG, allowPositionals: true, strict: false });
  const wantsHelp = loose.values.help === true;
  let words = loose.positionals;
  const helpCommand = words[0] === 'help';
  if (helpCommand) words = words.slice(1);
  if (words.length === 0) return { kind: 'help', text: topHelp(), code: wantsHelp || helpCommand ? 0 : 2 };

  const [name, ...rest] = words;
  let specName = name;
  let used = 1;
  if (Object.hasOwn(GROUPS, name)) {
    const sub = rest[0];
    if (sub === undefined) {
      return wantsHelp || helpCommand
        ? { kind: 'help', text: groupHelp(name), code: 0 }
        : { kind: 'error', lines: [C.missingSubcommand(name, GROUPS[name]), groupHelp(name)] };
    }
    if (!GROUPS[name].includes(sub)) return { kind: 'error', lines: [C.unknownSubcommand(name, sub, GROUPS[name])] };
    specName = `${name} ${sub}`;
    used = 2;
  }
  const spec = specOf(specName);
  if (!spec) return { kind: 'error', lines: [C.unknownCommand(name)] };
  if (wantsHelp || helpCommand) return { kind: 'help', text: commandHelp(spec), code: 0 };

  const declared = { ...spec.flags, ...GLOBAL_FLAGS };
  const strict = parseArgs({
    args: argv,
    options: optionsOf(declared),
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  const errors: string[] = [];
  for (const token of strict.tokens) {
    if (token.kind !== 'option') continue;
    const decl = Object.hasOwn(declared, token.name) ? declared[token.name] : undefined;
    if (!decl) errors.push(C.unknownFlag(token.rawName, closestFlag(token.rawName, Object.keys(declared))));
    else if (decl.type === 'string' && token.value === undefined) errors.push(C.flagNeedsValue(token.rawName));
    else if (decl.type === 'boolean' && token.inlineValue) errors.push(C.flagTakesNoValue(token.rawName));
  }
  if (errors.length > 0) return { kind: 'error', lines: [...errors, C.seeHelp(spec.name)] };

  const flags = strict.values as ParsedArgs['flags'];
  for (const [flag, decl] of Object.entries(spec.flags)) {
    const value = flags[flag];
    const display = decl.short ? `-${decl.short}` : `--${flag}`;
    if (decl.required && (value === undefined || value === '')) errors.push(C.missingFlag(display));
    else if (typeof value === 'string' && decl.check) {
      const allowed = checkValue(decl.check, value);
      if (allowed) errors.push(C.badValue(`--${flag}`, value, allowed));
    }
  }
  const positionals = strict.positionals.slice(used);
  const slot = spec.positional;
  if (slot && positionals.length < slot.min) errors.push(C.missingPositional(slot.name));
  const max = slot ? (slot.max ?? Infinity) : 0;
  if (positionals.length > max) errors.push(C.extraArgument(positionals[max]));
  if (errors.length > 0) return { kind: 'error', lines: [...errors, C.seeHelp(spec.name)] };
  return { kind: 'run', command: name, spec, args: { positionals: strict.positionals.slice(1), flags } };
}
