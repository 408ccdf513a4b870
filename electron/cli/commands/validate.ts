import { call } from '../call.ts';
import type { CliCommand } from '../command.ts';
import { MESSAGES } from '../../../shared/messages.ts';
import { headlineOf } from '../../../shared/report/headline.ts';
import { printReport, readInputFile } from './excel-io.ts';
import { isOpenDataFile, printOpenDataReport } from './open-data-io.ts';

/** wdp validate FILE [--json]: exit 0 valid, 1 problems found (errors or warnings), 2 unreadable. */
export const validateCommand: CliCommand = {
  name: 'validate',
  async run(args, backend, io) {
    const [path] = args.positionals;
    if (!path) {
      io.err(MESSAGES.excel.cli.missingFile('validate'));
      return 2;
    }
    const input = readInputFile(path);
    if (!('report' in input) && isOpenDataFile(path)) {
      const report = await call(backend, 'open-data:validate', input);
      if (args.flags.json) io.out(JSON.stringify(report, null, 2));
      else printOpenDataReport(report, io);
      if (!report.readable) return 2;
      return report.counts.errors > 0 || report.counts.warnings > 0 ? 1 : 0;
    }
    const report = 'report' in input ? input.report : await call(backend, 'excel:validate', input);
    // the file's targets with the figures the report and the app show for the same values
    if (args.flags.json) io.out(JSON.stringify({ ...report, headline: report.summary ? headlineOf(report.summary) : null }, null, 2));
    else printReport(report, io);
    if (!report.readable) return 2;
    return report.counts.errors > 0 || report.counts.warnings > 0 ? 1 : 0;
  },
};
