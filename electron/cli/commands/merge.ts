// wdp merge --region <county-or-city> --year <year> FILES… [-o county.xlsx] [--plan id] [--json]
// Imports every file given (folders are searched for .xlsx/.xls/.csv by gather-folder.ts: regular files only, links
// kept inside the folder, each file once), prints each file's verdict and what was skipped, the completeness
// and the file written. The import is the merge page's own operation through the contract (merge:import-start,
// merge:import-progress; the files read on every core by its worker pool), so the three doors are one interface;
// progress goes to stderr on a terminal (or with --progress), and Ctrl+C cancels it through merge:import-cancel
// (the files stored so far stay). Everything after goes through the same handlers too (overview, export).
// Each file's verdict is printed as soon as its chunk is decided (a crash late still leaves the earlier verdicts on
// screen); only --json keeps them all (they are small: no bytes, no grid, problems capped per file). A folder over
// the caps on files or bytes per merge is refused whole, before anything is read.
// Exit codes: 0 every file accepted, 3 some files rejected (the rest merged), 2 bad arguments or nothing to import,
// 130 cancelled by Ctrl+C (a second Ctrl+C ends the process at once; SQLite rolls back a batch not yet committed).
import { AppError } from '../../../shared/api/envelope.ts';
import type { Output } from '../../../shared/api/contract.ts';
import type { FileVerdict, ImportProgress } from '../../../shared/api/merge-contract.ts';
import { MESSAGES } from '../../../shared/messages.ts';
import { headlineOf } from '../../../shared/report/headline.ts';
import { call } from '../call.ts';
import { flagString, type CliCommand } from '../command.ts';
import { writeOutputFile } from './excel-io.ts';

const C = MESSAGES.merge.cli;

export const mergeCommand: CliCommand = {
  name: 'merge',
  async run(args, backend, io) {
    // --region and --year are required and checked by the declaration (specs.ts)
    const region = flagString(args, 'region')!;
    const year = Number(flagString(args, 'year'));
    if (args.positionals.length === 0) {
      io.err(C.noFiles);
      return 2;
    }
    const planId = flagString(args, 'plan');
    const where = { year, regionCode: region, planId };
    const json = Boolean(args.flags.json);
    let started: Output<'merge:import-start'>;
    try {
      // the CLI reads up to 100 files in its own thread (faster than starting workers); the folder walk and its caps are the operation's
      started = await call(backend, 'merge:import-start', {
        ...where,
        source: { kind: 'paths', paths: args.positionals },
        offMainThread: false,
      });
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'refused')) throw error;
      io.err(error.message); // a folder over the caps: refused whole, nothing read
      return 2;
    }
    if (started.total === 0) {
      for (const s of started.skipped) io.err(C.skippedLine(s.fileName, s.reason));
      io.err(C.noFiles);
      return 2;
    }
    const kept: FileVerdict[] = [];
    const print = (v: FileVerdict) => {
      const who = v.supplier
        ? v.supplier.department
          ? MESSAGES.merge.departmentName(v.supplier.department)
          : v.supplier.name
        : '—';
      io.out(C.fileLine(v.fileName, MESSAGES.merge.verdict[v.verdict], who));
      for (const p of v.problems) if (p.severity !== 'info') io.out(C.reasonLine(p.location, p.message));
    };
    // what the walk left out is known before anything is read: said first
    if (!json) for (const s of started.skipped) io.out(C.skippedLine(s.fileName, s.reason));

    // progress: rewritten in place on a terminal, a line per stored batch with --progress into a file or pipe
    const tty = Boolean(process.stderr.isTTY);
    const showProgress = Boolean(args.flags.progress) || tty;
    let shown = false;
    const clear = () => {
      if (shown && tty) process.stderr.write('\r\x1b[2K');
      shown = false;
    };
    let lastStored = -1;
    const operationId = started.operationId;
    const interrupt = () => {
      void call(backend, 'merge:import-cancel', { operationId }).catch(() => {});
    };
    process.once('SIGINT', interrupt);
    let last: ImportProgress;
    try {
      for (;;) {
        const p = await call(backend, 'merge:import-progress', { operationId, since: kept.length, waitMs: 1000 });
        if (p.verdicts.length > 0) {
          clear();
          kept.push(...p.verdicts);
          if (!json) p.verdicts.forEach(print);
        }
        if (p.state !== 'running') {
          clear();
          last = p;
          break;
        }
        if (showProgress) {
          const line = C.progress(p.read, p.total, p.stored, p.current);
          if (tty) {
            process.stderr.write(`\r\x1b[2K${line}`);
            shown = true;
          } else if (p.stored !== lastStored) {
            io.err(line);
            lastStored = p.stored;
          }
        }
      }
    } finally {
      process.removeListener('SIGINT', interrupt);
    }
    if (last.state === 'failed') throw new AppError('internal', last.message);
    if (last.state === 'cancelled') {
      io.err(last.message);
      return 130;
    }
    const overview = await call(backend, 'merge:overview', where);
    // the merged return's targets as the merge page, the report and the exported 校验结果 sheet show them; asked
    // before the export, which records who supplied each item (a write: the merge would be computed again after it)
    const headline = json ? headlineOf((await call(backend, 'merge:result', where)).evaluation.total) : null;
    const out = flagString(args, 'output');
    let written: string | null = null;
    if (out) {
      const file = await call(backend, 'merge:export', where);
      if (!writeOutputFile(out, file.bytesBase64, io, null)) return 2;
      written = out;
    }
    if (json) {
      io.out(
        JSON.stringify(
          {
            office: overview.office,
            year,
            verdicts: kept,
            skipped: started.skipped,
            completeness: overview.completeness,
            headline,
            children: overview.children.map((c) => ({
              code: c.code,
              name: c.name,
              state: c.state,
              file: c.submission?.fileName ?? null,
            })),
            written,
          },
          null,
          2,
        ),
      );
    } else {
      io.out('');
      io.out(
        `${C.officeYear(overview.office.name, year)} ${C.completeness}${MESSAGES.merge.page.rate(overview.completeness)}`,
      );
      for (const c of overview.children)
        if (c.state !== 'reported') io.out(C.childLine(c.name, c.code, MESSAGES.merge.state[c.state]));
      if (written) io.out(C.written(written));
    }
    return last.counts.rejected > 0 ? 3 : 0;
  },
};
