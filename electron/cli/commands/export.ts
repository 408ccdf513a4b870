import { MESSAGES } from '../../../shared/messages.ts';
import { call } from '../call.ts';
import { flagString, type CliCommand } from '../command.ts';
import { regionYearOutput, writeOutputFile } from './excel-io.ts';

const E = MESSAGES.excel.cli;

/** wdp export --region <code> --year <y> [--plan <id>] -o FILE */
export const exportCommand: CliCommand = {
  name: 'export',
  async run(args, backend, io) {
    const { region, year, output } = regionYearOutput(args);
    const plan = flagString(args, 'plan');
    const candidates = (await call(backend, 'returns:list', { regionCode: region })).filter((r) => r.year === year && (!plan || r.planId === plan));
    if (candidates.length === 0) {
      const name = await call(backend, 'regions:get', { code: region }).then((r) => `${r.name}（${region}）`, () => region);
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
