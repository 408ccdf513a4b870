import type { OpenDataFormat } from '../../../shared/api/open-data-contract.ts';
import { OpenDataFormatSchema } from '../../../shared/api/open-data-contract.ts';
import { MESSAGES } from '../../../shared/messages.ts';
import type { AppBackend } from '../../backend/open-app.ts';
import { call } from '../call.ts';
import { flagString, UsageError, type CliCommand, type CliIo, type ParsedArgs } from '../command.ts';
import { writeOutputFile } from './excel-io.ts';

const O = MESSAGES.openData;

export interface OpenDataFileRequest {
  region: string;
  withChildren: boolean;
  fromYear: number;
  toYear: number;
  format: OpenDataFormat;
  plan?: string;
  output: string;
}

/** Writes a region's years as one open-data file (wdp export --format long-csv|json|dhis2-json|adx, wdp export-data). */
export async function writeOpenDataFile(
  backend: AppBackend,
  args: ParsedArgs,
  io: CliIo,
  r: OpenDataFileRequest,
): Promise<number> {
  if (r.fromYear > r.toYear) throw new UsageError(MESSAGES.cli.fromAfterTo(r.fromYear, r.toYear));
  const file = await call(backend, 'open-data:export', {
    regionCode: r.region,
    withChildren: r.withChildren,
    fromYear: r.fromYear,
    toYear: r.toYear,
    format: r.format,
    planId: r.plan,
  });
  for (const note of file.notes) io.err(note);
  if (!writeOutputFile(r.output, file.bytesBase64, io, null)) return 2;
  if (args.flags.json)
    io.out(JSON.stringify({ ok: true, file: r.output, rows: file.rows, returns: file.returns, notes: file.notes }));
  else io.out(O.cli.written(r.output, file.rows));
  return 0;
}

/** wdp export-data --region <code> [--with-children] --from <y> --to <y> --format csv|json|dhis2-json|adx -o FILE [--plan <id>] (kept: wdp export --format does the same) */
export const exportDataCommand: CliCommand = {
  name: 'export-data',
  async run(args, backend, io) {
    // the flags are required and their forms checked by the declaration (specs.ts)
    return writeOpenDataFile(backend, args, io, {
      region: flagString(args, 'region')!,
      output: flagString(args, 'output')!,
      fromYear: Number(flagString(args, 'from')),
      toYear: Number(flagString(args, 'to')),
      format: OpenDataFormatSchema.parse(flagString(args, 'format') ?? 'csv'),
      withChildren: args.flags['with-children'] === true,
      plan: flagString(args, 'plan'),
    });
  },
};
