import { call } from '../call.ts';
import { flagString, type CliCommand } from '../command.ts';
import { checkPlanYear, regionYearOutput, writeOutputFile } from './excel-io.ts';

/** wdp template --plan <id> --region <code> --year <y> -o FILE */
export const templateCommand: CliCommand = {
  name: 'template',
  async run(args, backend, io) {
    const { region, year, output } = regionYearOutput(args);
    const planId = flagString(args, 'plan');
    if (planId) await checkPlanYear(backend, planId, year);
    const file = await call(backend, 'excel:template', { regionCode: region, year, planId });
    return writeOutputFile(output, file.bytesBase64, io) ? 0 : 2;
  },
};
