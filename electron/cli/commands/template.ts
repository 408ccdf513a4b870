import { MESSAGES } from '../../../shared/messages.ts';
import { call } from '../call.ts';
import { flagString, type CliCommand } from '../command.ts';
import { regionYearOutput, writeOutputFile } from './excel-io.ts';

const E = MESSAGES.excel.cli;

/** wdp template --plan <id> --region <code> --year <y> -o FILE */
export const templateCommand: CliCommand = {
  name: 'template',
  async run(args, backend, io) {
    const parsed = regionYearOutput(args, io, E.missingTemplateArgs);
    if (!parsed) return 2;
    const { region, year, output } = parsed;
    const file = await call(backend, 'excel:template', { regionCode: region, year, planId: flagString(args, 'plan') });
    return writeOutputFile(output, file.bytesBase64, io) ? 0 : 2;
  },
};
