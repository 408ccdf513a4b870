// `wdp` command line: parses arguments, opens the back end on --db, runs one command. The back end and the
// command are loaded only when a command runs, so `wdp --help` starts in a few tens of milliseconds.
import { parseArgs } from 'node:util';
import { MESSAGES } from '../../shared/messages.ts';
import { AppError } from '../../shared/api/envelope.ts';
import { errnoOf, systemErrorText } from '../fs/system-error.ts';
import { defaultDbFile, sourcePaths } from '../app-paths.ts';
import type { CliIo, ParsedArgs } from './command.ts';
import { COMMANDS } from './commands/index.ts';

const consoleIo: CliIo = { out: (t) => process.stdout.write(`${t}\n`), err: (t) => process.stderr.write(`${t}\n`) };

export async function runCli(argv: string[], io: CliIo = consoleIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: false,
      options: {
        db: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
        output: { type: 'string', short: 'o' }, plan: { type: 'string' }, region: { type: 'string' }, year: { type: 'string' }, kind: { type: 'string' },
        from: { type: 'string' }, to: { type: 'string' }, format: { type: 'string' }, 'with-children': { type: 'boolean' },
        // wdp plan new | edit
        id: { type: 'string' }, copy: { type: 'string' }, name: { type: 'string' }, period: { type: 'string' }, 'base-year': { type: 'string' },
        target: { type: 'string' }, indicator: { type: 'string' }, value: { type: 'string' }, strict: { type: 'boolean' }, tolerance: { type: 'string' },
        sides: { type: 'string' }, min: { type: 'string' }, max: { type: 'string' }, low: { type: 'string' }, high: { type: 'string' }, direction: { type: 'string' },
        text: { type: 'string' }, quote: { type: 'string' }, section: { type: 'string' }, item: { type: 'string' }, sample: { type: 'string' }, remove: { type: 'string' },
        deadline: { type: 'string' },
      },
    });
  } catch (error) {
    io.err(MESSAGES.cli.failed((error as Error).message));
    return 2;
  }
  const [name, ...rest] = parsed.positionals;
  if (parsed.values.help || !name) {
    io.out(MESSAGES.cli.usage);
    return name || parsed.values.help ? 0 : 2;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) {
    io.err(MESSAGES.cli.unknownCommand(name));
    return 2;
  }
  const args: ParsedArgs = { positionals: rest, flags: parsed.values as ParsedArgs['flags'] };
  const [command, { openApp }] = await Promise.all([load(), import('../app.ts')]);
  let backend;
  try {
    backend = openApp({ dbFile: (parsed.values.db as string | undefined) ?? defaultDbFile(), ...sourcePaths });
  } catch (error) {
    io.err(MESSAGES.cli.failed(errnoOf(error) ? systemErrorText(error, (error as NodeJS.ErrnoException).path) : (error as Error).message));
    return 2;
  }
  try {
    for (const warning of backend.ctx.startupWarnings) io.err(warning);
    return await command.run(args, backend, io);
  } catch (error) {
    // a system error (a file that cannot be written or read) in Chinese, naming the file, never ENOENT or a full path
    const path = (error as NodeJS.ErrnoException).path;
    const writing = path !== undefined && path === parsed.values.output;
    const message = errnoOf(error) ? systemErrorText(error, path, { writing }) : (error as Error).message;
    if (parsed.values.json) io.out(JSON.stringify({ ok: false, error: { code: error instanceof AppError ? error.code : 'internal', message } }));
    io.err(MESSAGES.cli.failed(message));
    return 1;
  } finally {
    backend.close();
  }
}
