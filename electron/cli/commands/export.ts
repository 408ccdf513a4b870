import type { OpenDataFormat } from '../../../shared/api/open-data-contract.ts';
import { MESSAGES } from '../../../shared/messages.ts';
import { call } from '../call.ts';
import { flagString, UsageError, type CliCommand } from '../command.ts';
import { writeOutputFile } from './excel-io.ts';
import { writeOpenDataFile } from './export-data.ts';

const E = MESSAGES.excel.cli;

/** The open-data formats by their CLI name (long-csv is the contract's csv). */
const DATA: Record<string, OpenDataFormat> = {
  'long-csv': 'csv',
  json: 'json',
  'dhis2-json': 'dhis2-json',
  adx: 'adx',
};

/**
 * wdp export --region <code> --year <y> [--plan <id>] -o FILE                      one return as the Excel form
 * wdp export --region <code> (--year <y> | --from <y> --to <y>) --format long-csv|json|dhis2-json|adx [--with-children] -o FILE
 */
export const exportCommand: CliCommand = {
  name: 'export',
  async run(args, backend, io) {
    const region = flagString(args, 'region')!;
    const output = flagString(args, 'output')!;
    const plan = flagString(args, 'plan');
    const format = flagString(args, 'format') ?? 'form';
    const yearFlag = flagString(args, 'year');
    const from = flagString(args, 'from');
    const to = flagString(args, 'to');
    if (yearFlag !== undefined && (from !== undefined || to !== undefined))
      throw new UsageError(MESSAGES.cli.yearAndRange);
    if (format !== 'form') {
      if (yearFlag === undefined && (from === undefined || to === undefined))
        throw new UsageError(MESSAGES.cli.dataNeedsYears(format));
      return writeOpenDataFile(backend, args, io, {
        region,
        output,
        plan,
        format: DATA[format],
        withChildren: args.flags['with-children'] === true,
        fromYear: Number(yearFlag ?? from),
        toYear: Number(yearFlag ?? to),
      });
    }
    if (yearFlag === undefined) throw new UsageError(MESSAGES.cli.formNeedsYear);
    const year = Number(yearFlag);
    const candidates = (await call(backend, 'returns:list', { regionCode: region })).filter(
      (r) => r.year === year && (!plan || r.planId === plan),
    );
    if (candidates.length === 0) {
      const name = await call(backend, 'regions:get', { code: region }).then(
        (r) => `${r.name}（${region}）`,
        () => region,
      );
      io.err(E.noReturn(name, year));
      return 1;
    }
    if (candidates.length > 1) {
      io.err(E.severalPlans(candidates.map((c) => c.planId)));
      return 2;
    }
    const file = await call(backend, 'excel:export-return', { returnId: candidates[0].id });
    return writeOutputFile(output, file.bytesBase64, io) ? 0 : 2;
  },
};
