import type { ImportReport } from '../../../shared/api/excel-contract.ts';
import type { OpenDataReport } from '../../../shared/api/open-data-contract.ts';
import { MESSAGES } from '../../../shared/messages.ts';
import { call } from '../call.ts';
import type { CliCommand } from '../command.ts';
import { headlineOf } from '../../../shared/report/headline.ts';
import { printReport, readInputFile } from './excel-io.ts';
import { isOpenDataFile, printOpenDataReport } from './open-data-io.ts';

const V = MESSAGES.cli.validateVerdict;

/** validate only checks: its verdict says what it found and that nothing was written (the import's says 未导入). */
function checkedVerdict<R extends ImportReport | OpenDataReport>(report: R): R {
  if (!report.readable) return report;
  const { errors, warnings } = report.counts;
  if (errors > 0) return { ...report, verdict: V.errors(report.fileName, errors, warnings) };
  if (warnings > 0) return { ...report, verdict: V.warnings(report.fileName, warnings) };
  return report;
}

/** wdp validate FILE [--json]: exit 0 valid, 1 problems found (errors or warnings), 2 unreadable. Never writes. */
export const validateCommand: CliCommand = {
  name: 'validate',
  async run(args, backend, io) {
    const [path] = args.positionals; // exactly one, by the declaration (specs.ts)
    const input = readInputFile(path);
    if (!('report' in input) && isOpenDataFile(path)) {
      const report = checkedVerdict(await call(backend, 'open-data:validate', input));
      if (args.flags.json) io.out(JSON.stringify(report, null, 2));
      else printOpenDataReport(report, io);
      if (!report.readable) return 2;
      return report.counts.errors > 0 || report.counts.warnings > 0 ? 1 : 0;
    }
    const report = checkedVerdict('report' in input ? input.report : await call(backend, 'excel:validate', input));
    // the file's targets with the figures the report and the app show for the same values
    if (args.flags.json)
      io.out(JSON.stringify({ ...report, headline: report.summary ? headlineOf(report.summary) : null }, null, 2));
    else printReport(report, io);
    if (!report.readable) return 2;
    return report.counts.errors > 0 || report.counts.warnings > 0 ? 1 : 0;
  },
};
