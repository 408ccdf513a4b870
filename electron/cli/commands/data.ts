import { MESSAGES } from '../../../shared/messages.ts';
import { areaOfRow } from '../../../shared/open-data/database.ts';
import type { LongRow } from '../../../shared/open-data/long-format.ts';
import { formatRaw } from '../../../shared/rules/format.ts';
import { ALERT_LABEL, VERDICT_LABEL } from '../../../shared/rules/messages.ts';
import { call } from '../call.ts';
import { flagString, UsageError, type CliCommand } from '../command.ts';
import { writeOutputFile } from './excel-io.ts';

const D = MESSAGES.openData.database;

/** One 指标评估 row as a line of the table: tab-separated, tabs and line breaks in text made spaces. */
function tableLine(r: LongRow): string {
  const area = areaOfRow(r);
  const alerts = [r.hardToMeet ? ALERT_LABEL.hardToMeet : '', r.volatile ? ALERT_LABEL.volatile : '']
    .filter(Boolean)
    .join('、');
  return [
    r.regionName,
    r.regionCode,
    String(r.year),
    area ? MESSAGES.areaShortNames[area] : '',
    r.code,
    r.name,
    r.value === null ? '' : formatRaw(r.value),
    r.unit,
    r.target ?? '',
    r.verdict ? VERDICT_LABEL[r.verdict] : '',
    alerts,
  ]
    .map((t) => t.replace(/[\t\r\n]+/g, ' '))
    .join('\t');
}

/**
 * wdp data --region <code> --from <y> --to <y> [--format table|long-csv|json] [--out FILE] [--plan <id>]:
 * the 统计数据库 of a unit and its units — every year × indicator target (table), or the long CSV / JSON — to
 * standard output or a file. Exit 0 written, 1 nothing in those years.
 */
export const dataCommand: CliCommand = {
  name: 'data',
  async run(args, backend, io) {
    const region = flagString(args, 'region')!;
    const fromYear = Number(flagString(args, 'from'));
    const toYear = Number(flagString(args, 'to'));
    if (fromYear > toYear) throw new UsageError(MESSAGES.cli.fromAfterTo(fromYear, toYear));
    const format = flagString(args, 'format') ?? 'table';
    const out = flagString(args, 'out');
    const plan = flagString(args, 'plan');
    let text: string;
    let rows: number;
    if (format === 'table') {
      const view = await call(backend, 'open-data:database', {
        regionCode: region,
        planId: plan,
        pivot: null,
        maxRows: 1_000_000,
        filter: { regionCodes: [], fromYear, toYear, area: null, text: '', verdicts: [] },
      });
      if (view.total === 0) {
        io.err(MESSAGES.openData.noReturns(view.regionName, fromYear, toYear));
        return 1;
      }
      const C = D.columns;
      const header = [
        C.unit,
        MESSAGES.openData.headers.regionCode,
        C.year,
        C.area,
        C.code,
        C.name,
        C.value,
        MESSAGES.openData.headers.unit,
        C.target,
        C.verdict,
        C.alert,
      ].join('\t');
      if (args.flags.json && !out) {
        io.out(JSON.stringify({ ok: true, region: view.regionName, returns: view.returns, rows: view.rows }, null, 1));
        return 0;
      }
      text = [header, ...view.rows.map(tableLine)].join('\n');
      rows = view.rows.length;
    } else {
      const file = await call(backend, 'open-data:export', {
        regionCode: region,
        withChildren: true,
        fromYear,
        toYear,
        format: format === 'json' ? 'json' : 'csv',
        planId: plan,
      });
      if (out) return writeOutputFile(out, file.bytesBase64, io, MESSAGES.openData.cli.written(out, file.rows)) ? 0 : 2;
      // to standard output without the byte-order mark (that is for files opened by Excel)
      text = Buffer.from(file.bytesBase64, 'base64')
        .toString('utf8')
        .replace(/^\uFEFF/, '')
        .replace(/\r?\n$/, '');
      rows = file.rows;
    }
    if (!out) {
      io.out(text);
      return 0;
    }
    return writeOutputFile(out, Buffer.from(`${text}\n`, 'utf8'), io, MESSAGES.openData.cli.written(out, rows)) ? 0 : 2;
  },
};
