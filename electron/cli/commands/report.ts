// wdp report --region <code> --year <y> [--plan <id>] [-o report.html] [--json] [--system-fonts]
// Writes the annual monitoring report as one self-contained HTML file: CSS, SVG charts and a subset of an
// installed CJK font inline, so any browser prints it the same (A4, page numbers). Without -o the HTML goes
// to stdout; --json prints the summary instead (and still writes the file when -o is given).
import { writeFileSync } from 'node:fs';
import { MESSAGES } from '../../../shared/messages.ts';
import { renderAnnualReport, toHtmlDocument } from '../../../shared/report/index.ts';
import { RegionCodeSchema, YearSchema } from '../../../shared/returns/schema.ts';
import { embedFonts } from '../../report/embed-fonts.ts';
import { annualReport } from '../../services/report-service.ts';
import { flagString, type CliCommand } from '../command.ts';

const R = MESSAGES.report.cli;

export const reportCommand: CliCommand = {
  name: 'report',
  async run(args, backend, io) {
    const region = RegionCodeSchema.safeParse(flagString(args, 'region'));
    const year = YearSchema.safeParse(Number(flagString(args, 'year')));
    if (!region.success || !year.success) {
      io.err(MESSAGES.cli.missingArgument(MESSAGES.cli.reportUsage));
      return 2;
    }
    const output = flagString(args, 'output');
    const report = annualReport(backend.ctx, { regionCode: region.data, year: year.data, planId: flagString(args, 'plan') });
    let html = report.html;
    let fonts: { family: string; bytes: number } | null = null;
    if (!args.flags['system-fonts'] && (output || !args.flags.json)) {
      const embedded = await embedFonts(report.html);
      if (embedded) {
        fonts = { family: embedded.family, bytes: embedded.bytes };
        html = toHtmlDocument(renderAnnualReport(report.model, embedded.setup));
      }
    }
    if (output) {
      writeFileSync(output, html);
      if (!args.flags.json) {
        io.out(R.written(output, Math.round(Buffer.byteLength(html) / 1024)));
        io.out(fonts ? R.fontsEmbedded(fonts.family, Math.round(fonts.bytes / 1024)) : R.fontsNotEmbedded);
      }
    }
    if (args.flags.json) {
      io.out(JSON.stringify({ title: report.title, returnId: report.returnId, summary: report.summary, file: output ?? null, fonts }, null, 2));
    } else if (!output) {
      io.out(html);
    }
    return 0;
  },
};
