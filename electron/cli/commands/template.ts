import { MESSAGES } from '../../../shared/messages.ts';
import { call } from '../call.ts';
import { flagString, type CliCommand } from '../command.ts';
import { parseYear, writeOutputFile } from './excel-io.ts';

const E = MESSAGES.excel.cli;

/** wdp template --plan <id> --region <code> --year <y> -o FILE */
export const templateCommand: CliCommand = {
  name: 'template',
  async run(args, backend, io) {
    const region = flagString(args, 'region');
    const yearText = flagString(args, 'year');
    const output = flagString(args, 'output');
    if (!region || !yearText || !output) {
      io.err(MESSAGES.cli.missingArgument(E.missingTemplateArgs));
      return 2;
    }
    const year = parseYear(yearText);
    if (year === null) {
      io.err(E.badYear(yearText));
      return 2;
    }
    const file = await call(backend, 'excel:template', { regionCode: region, year, planId: flagString(args, 'plan') });
    return writeOutputFile(output, file.bytesBase64, io) ? 0 : 2;
  },
};
