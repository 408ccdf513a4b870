// `wdp` command line: reads the arguments strictly against the named command's declarations (commands/specs.ts),
// opens the back end on --db, runs the command. The back end and the command are loaded only when a command
// runs, so `wdp --help` starts in a few tens of milliseconds.
import { MESSAGES } from '../../shared/messages.ts';
import { z } from 'zod';
import { AppError } from '../../shared/api/envelope.ts';
import { errnoOf, systemErrorText } from '../fs/system-error.ts';
import { defaultDbFile, sourcePaths } from '../backend/app-paths.ts';
import { readCommandLine } from './args.ts';
import { UsageError, type CliIo } from './command.ts';
import { COMMANDS, EARLY_STARTS } from './commands/index.ts';
import { ContractRefusal } from './errors.ts';
import type { AppBackend } from '../backend/open-app.ts';

const consoleIo: CliIo = { out: (t) => process.stdout.write(`${t}\n`), err: (t) => process.stderr.write(`${t}\n`) };

export async function runCli(argv: string[], io: CliIo = consoleIo): Promise<number> {
  // A command runs once and exits: zod's compiled parsers (built on a schema's first parse) cost a run more than they
  // save, most of all on the large outputs of the merge (merge:result, merge:overview). The checks are the same.
  z.config({ jitless: true });
  const line = readCommandLine(argv);
  if (line.kind === 'help') {
    io.out(line.text);
    return line.code;
  }
  if (line.kind === 'error') {
    for (const text of line.lines) io.err(text);
    return 2;
  }
  const { args } = line;
  void EARLY_STARTS[line.command]?.(args.positionals).catch(() => {}); // the command itself says what is wrong
  const load = COMMANDS[line.command];
  const [command, { openApp }] = await Promise.all([load(), import('../backend/open-app.ts')]);
  let backend: AppBackend;
  try {
    backend = openApp({ dbFile: (args.flags.db as string | undefined) ?? defaultDbFile(), ...sourcePaths });
  } catch (error) {
    io.err(
      MESSAGES.cli.failed(
        errnoOf(error) ? systemErrorText(error, (error as NodeJS.ErrnoException).path) : (error as Error).message,
      ),
    );
    return 2;
  }
  try {
    for (const warning of backend.ctx.startupWarnings) io.err(warning);
    return await command.run(args, backend, io);
  } catch (error) {
    // an argument the contract refused (said of its flag) or found wrong while running: a usage error;
    // a system error (a file that cannot be written or read) in Chinese, naming the file, never ENOENT or a full path
    const usage = error instanceof UsageError || error instanceof ContractRefusal ? error.message : null;
    const path = (error as NodeJS.ErrnoException).path;
    const writing = path !== undefined && path === args.flags.output;
    const system = errnoOf(error) ? systemErrorText(error, path, { writing }) : null;
    const message = usage ?? MESSAGES.cli.failed(system ?? (error as Error).message);
    if (args.flags.json)
      io.out(
        JSON.stringify({
          ok: false,
          error: { code: error instanceof AppError ? error.code : usage ? 'invalid_request' : 'internal', message },
        }),
      );
    io.err(message);
    return usage ? 2 : 1;
  } finally {
    backend.close();
  }
}
