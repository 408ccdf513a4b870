// wdp merge --region <county-or-city> --year <year> FILES… [-o county.xlsx] [--plan id] [--json]
// Imports every file given (folders are searched for .xlsx/.xls/.csv by gather-folder.ts: regular files only, links
// kept inside the folder, each file once), prints each file's verdict and what was skipped, the completeness
// and the file written. The files are read on every core (a worker pool); everything else goes through the same
// handlers the UI uses (backup, overview, export).
// Each file's verdict is printed as soon as its chunk is decided (a crash late still leaves the earlier verdicts on
// screen); only --json keeps them all (they are small: no bytes, no grid, problems capped per file). A folder over
// the caps on files or bytes per merge is refused whole, before anything is read.
// Exit codes: 0 every file accepted, 3 some files rejected (the rest merged), 2 bad arguments or nothing to import.
import { MESSAGES } from '../../../shared/messages.ts';
import { headlineOf } from '../../../shared/report/headline.ts';
import { importMany, type FileVerdict } from '../../merge/batch-import.ts';
import { gatherReturnFiles } from '../../merge/gather-folder.ts';
import { resolveOffice } from '../../merge/office.ts';
import { openReadPool, poolSize } from '../../merge/read-pool.ts';
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
    const { files, skipped, refused } = gatherReturnFiles(args.positionals);
    if (refused) {
      io.err(refused);
      return 2;
    }
    if (files.length === 0) {
      for (const s of skipped) io.err(C.skippedLine(s.fileName, s.reason));
      io.err(C.noFiles);
      return 2;
    }
    const planId = flagString(args, 'plan');
    const where = { year, regionCode: region, planId };
    const office = resolveOffice(backend.ctx, region, planId);
    await call(backend, 'merge:begin-import', where);
    const pool = openReadPool(backend.ctx, poolSize(files.length));
    const json = Boolean(args.flags.json);
    const kept: FileVerdict[] = [];
    const print = (v: FileVerdict) => {
      const who = v.supplier ? (v.supplier.department ? MESSAGES.merge.departmentName(v.supplier.department) : v.supplier.name) : '—';
      io.out(C.fileLine(v.fileName, MESSAGES.merge.verdict[v.verdict], who));
      for (const p of v.problems) if (p.severity !== 'info') io.out(C.reasonLine(p.location, p.message));
    };
    // what the walk left out is known before anything is read: said first
    if (!json) for (const s of skipped) io.out(C.skippedLine(s.fileName, s.reason));
    let counts;
    try {
      counts = await importMany(backend.ctx, office, year, files, pool.read, { onVerdicts: (vs) => { if (json) kept.push(...vs); else vs.forEach(print); } });
    } finally {
      await pool.close();
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
      io.out(JSON.stringify({ office: overview.office, year, verdicts: kept, skipped, completeness: overview.completeness, headline, children: overview.children.map((c) => ({ code: c.code, name: c.name, state: c.state, file: c.submission?.fileName ?? null })), written }, null, 2));
    } else {
      io.out('');
      io.out(`${overview.office.name} ${year}年 ${C.completeness}${MESSAGES.merge.page.rate(overview.completeness)}`);
      for (const c of overview.children) if (c.state !== 'reported') io.out(C.childLine(c.name, c.code, MESSAGES.merge.state[c.state]));
      if (written) io.out(C.written(written));
    }
    return counts.rejected > 0 ? 3 : 0;
  },
};
