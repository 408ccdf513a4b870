import { call } from '../call.ts';
import type { CliCommand } from '../command.ts';
import { MESSAGES } from '../../../shared/messages.ts';
import { printReport, readInputFile } from './excel-io.ts';
import { isOpenDataFile, printOpenDataReport } from './open-data-io.ts';

/**
 * wdp import FILE [--yes] [--json]: exit 0 written, 1 not written (errors, or warnings without --yes), 2 unreadable.
 */
export const importCommand: CliCommand = {
  name: 'import',
  async run(args, backend, io) {
    const [path] = args.positionals; // exactly one, by the declaration (specs.ts)
    const input = readInputFile(path);
    if (!('report' in input) && isOpenDataFile(path)) {
      const report = await call(backend, 'open-data:import', { ...input, acceptWarnings: args.flags.yes === true });
      if (args.flags.json) io.out(JSON.stringify(report, null, 2));
      else {
        printOpenDataReport(report, io);
        if (!report.written && report.needsConfirmation) io.err(MESSAGES.excel.cli.notWrittenWarnings);
      }
      if (!report.readable) return 2;
      return report.written ? 0 : 1;
    }
    const result =
      'report' in input
        ? { ...input.report, written: false, returnId: null }
        : await call(backend, 'excel:import', { ...input, acceptWarnings: args.flags.yes === true });
    if (args.flags.json) io.out(JSON.stringify(result, null, 2));
    else {
      printReport(result, io);
      if (!result.written && result.needsConfirmation) io.err(MESSAGES.excel.cli.notWrittenWarnings);
    }
    if (!result.readable) return 2;
    return result.written ? 0 : 1;
  },
};
