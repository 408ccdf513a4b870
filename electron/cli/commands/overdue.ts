// wdp overdue --year <year> [--region <county-or-city>] [--deadline YYYY-MM-DD] [-o list.xlsx] [--json]
// The 催报 list: every unit not yet reported for the year (nothing received, only a draft, or sent back), with the
// contact from its latest return's footer and the days past the deadline (the one given, else the office's own).
// Exit codes: 0 listed, 2 bad arguments (no year, an impossible deadline).
import { MESSAGES } from '../../../shared/messages.ts';
import { DeadlineSchema } from '../../../shared/returns/overdue.ts';
import { call } from '../call.ts';
import { flagString, type CliCommand } from '../command.ts';
import { writeOutputFile } from './excel-io.ts';

const T = MESSAGES.merge.overdue;

export const overdueCommand: CliCommand = {
  name: 'overdue',
  async run(args, backend, io) {
    // --year is required and checked by the declaration (specs.ts), --deadline's form too
    const year = Number(flagString(args, 'year'));
    const deadline = flagString(args, 'deadline');
    const checked = deadline === undefined ? null : DeadlineSchema.safeParse(deadline);
    if (checked && !checked.success) {
      io.err(`${checked.error.issues[0].message}（--deadline ${deadline}）`);
      return 2;
    }
    const where = { year, regionCode: flagString(args, 'region'), planId: flagString(args, 'plan'), deadline };
    const list = await call(backend, 'merge:overdue', where);
    const out = flagString(args, 'output');
    if (out) {
      const file = await call(backend, 'merge:overdue-export', where);
      if (!writeOutputFile(out, file.bytesBase64, io, null)) return 2;
    }
    if (args.flags.json) {
      io.out(JSON.stringify({ ...list, written: out ?? null }, null, 2));
      return 0;
    }
    io.out(T.title(list.office.name, year));
    io.out(T.meta(list.deadline ?? '', list.asOf, list.daysLate, list.rows.length, list.total));
    for (const r of list.rows)
      io.out(T.cli.line(r.name, r.code, T.state[r.state], r.contact?.filler ?? '', r.contact?.phone ?? ''));
    // the short text to copy into a message (as on the 汇总 page)
    if (list.message) io.out(`\n${list.message}`);
    if (out) io.out(T.cli.written(out));
    return 0;
  },
};
