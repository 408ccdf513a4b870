// wdp report --region <code> [--kind annual|midterm|final] --year <y> [--plan <id>] [-o report.html] [--json] [--system-fonts]
// Writes the annual monitoring report (the default) or the 中期评估 / 终期评估 report as one self-contained
// HTML file: CSS, SVG charts and a subset of an installed CJK font inline, so any browser prints it the same
// (A4, page numbers). An evaluation report's --year is optional (the plan's mid or end year, or the latest
// year with a return before it). Without -o the HTML goes to stdout; --json prints the summary instead (and
// still writes the file when -o is given).
import { EvaluationKindSchema } from '../../../shared/api/report-contract.ts';
import { MESSAGES } from '../../../shared/messages.ts';
import type { FontSetup } from '../../../shared/report/index.ts';
import { RegionCodeSchema, YearSchema } from '../../../shared/returns/schema.ts';
import { embedFonts } from '../../fonts/embed-fonts.ts';
import { call } from '../call.ts';
import { flagString, UsageError, type CliCommand } from '../command.ts';
import { writeOutputFile } from './excel-io.ts';

const R = MESSAGES.report.cli;

export const reportCommand: CliCommand = {
  name: 'report',
  async run(args, backend, io) {
    // --kind, --region and --year are checked by the declaration (specs.ts)
    const kind = flagString(args, 'kind') ?? 'annual';
    const evaluation = EvaluationKindSchema.safeParse(kind);
    const region = RegionCodeSchema.safeParse(flagString(args, 'region'));
    const yearText = flagString(args, 'year');
    const year = YearSchema.safeParse(Number(yearText));
    // an evaluation report may leave the year to the plan; the annual report needs it
    if (kind === 'annual' && yearText === undefined) throw new UsageError(MESSAGES.cli.missingFlag('--year'));
    if (!region.success)
      throw new UsageError(
        MESSAGES.cli.badValue('--region', flagString(args, 'region') ?? '', MESSAGES.cli.form.region),
      );
    const output = flagString(args, 'output');
    const planId = flagString(args, 'plan');
    // the same contract calls as the print page; with fonts, the report again with the embedded subset
    const fetch = (fonts?: FontSetup) =>
      evaluation.success
        ? call(backend, 'report:evaluation', {
            regionCode: region.data,
            kind: evaluation.data,
            year: year.success ? year.data : undefined,
            planId,
            fonts,
          })
        : call(backend, 'report:annual', { regionCode: region.data, year: year.data!, planId, fonts });
    let report = await fetch();
    let fonts: { family: string; bytes: number } | null = null;
    if (!args.flags['system-fonts'] && (output || !args.flags.json)) {
      const embedded = await embedFonts(report.html);
      if (embedded) {
        fonts = { family: embedded.family, bytes: embedded.bytes };
        report = await fetch(embedded.setup);
      }
    }
    const html = report.html;
    if (output) {
      if (!writeOutputFile(output, Buffer.from(html), io, null)) return 2;
      if (!args.flags.json) {
        io.out(R.written(output, Math.round(Buffer.byteLength(html) / 1024)));
        io.out(fonts ? R.fontsEmbedded(fonts.family, Math.round(fonts.bytes / 1024)) : R.fontsNotEmbedded);
      }
    }
    if (args.flags.json) {
      const { html: _html, headline, ...rest } = report;
      io.out(JSON.stringify({ ...rest, headline, kind, file: output ?? null, fonts }, null, 2));
    } else if (!output) {
      io.out(html);
    }
    return 0;
  },
};
