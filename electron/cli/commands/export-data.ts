import { OpenDataFormatSchema } from '../../../shared/api/open-data-contract.ts';
import { MESSAGES } from '../../../shared/messages.ts';
import { call } from '../call.ts';
import { flagString, UsageError, type CliCommand } from '../command.ts';
import { writeOutputFile } from './excel-io.ts';

const O = MESSAGES.openData;

/** wdp export-data --region <code> [--with-children] --from <y> --to <y> --format csv|json|dhis2-json|adx -o FILE [--plan <id>] */
export const exportDataCommand: CliCommand = {
  name: 'export-data',
  async run(args, backend, io) {
    // the flags are required and their forms checked by the declaration (specs.ts)
    const region = flagString(args, 'region')!;
    const output = flagString(args, 'output')!;
    const fromYear = Number(flagString(args, 'from'));
    const toYear = Number(flagString(args, 'to'));
    if (fromYear > toYear) throw new UsageError(MESSAGES.cli.fromAfterTo(fromYear, toYear));
    const format = OpenDataFormatSchema.parse(flagString(args, 'format') ?? 'csv');
    const file = await call(backend, 'open-data:export', {
      regionCode: region, withChildren: args.flags['with-children'] === true, fromYear, toYear, format, planId: flagString(args, 'plan'),
    });
    for (const note of file.notes) io.err(note);
    if (!writeOutputFile(output, file.bytesBase64, io)) return 2;
    if (args.flags.json) io.out(JSON.stringify({ ok: true, file: output, rows: file.rows, returns: file.returns, notes: file.notes }));
    else io.out(O.cli.written(output, file.rows));
    return 0;
  },
};
