import { OpenDataFormatSchema } from '../../../shared/api/open-data-contract.ts';
import { MESSAGES } from '../../../shared/messages.ts';
import { call } from '../call.ts';
import { flagString, type CliCommand } from '../command.ts';
import { parseYear, writeOutputFile } from './excel-io.ts';

const O = MESSAGES.openData;

/** wdp export-data --region <code> [--with-children] --from <y> --to <y> --format csv|json|dhis2-json|adx -o FILE [--plan <id>] */
export const exportDataCommand: CliCommand = {
  name: 'export-data',
  async run(args, backend, io) {
    const region = flagString(args, 'region');
    const output = flagString(args, 'output');
    const fromText = flagString(args, 'from');
    const toText = flagString(args, 'to');
    const formatText = flagString(args, 'format') ?? 'csv';
    if (!region || !output || !fromText || !toText) {
      io.err(MESSAGES.cli.missingArgument(O.cli.missingArgs));
      return 2;
    }
    const fromYear = parseYear(fromText);
    const toYear = parseYear(toText);
    if (fromYear === null || toYear === null) {
      io.err(MESSAGES.excel.cli.badYear(fromYear === null ? fromText : toText));
      return 2;
    }
    const format = OpenDataFormatSchema.safeParse(formatText);
    if (!format.success) {
      io.err(O.cli.badFormat(formatText));
      return 2;
    }
    const file = await call(backend, 'open-data:export', {
      regionCode: region, withChildren: args.flags['with-children'] === true, fromYear, toYear, format: format.data, planId: flagString(args, 'plan'),
    });
    for (const note of file.notes) io.err(note);
    if (!writeOutputFile(output, file.bytesBase64, io)) return 2;
    if (args.flags.json) io.out(JSON.stringify({ ok: true, file: output, rows: file.rows, returns: file.returns, notes: file.notes }));
    else io.out(O.cli.written(output, file.rows));
    return 0;
  },
};
