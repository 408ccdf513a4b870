// wdp merge --region <county-or-city> --year <year> FILES… [-o county.xlsx] [--plan id] [--json]
// Imports every file given (folders are searched for .xlsx/.xls/.csv by gather-folder.ts: regular files only, links
// kept inside the folder, each file once), prints each file's verdict and what was skipped, the completeness
// and the file written. The files are read on every core (a worker pool); everything else goes through the same
// handlers the UI uses (backup, overview, export).
// Exit codes: 0 every file accepted, 3 some files rejected (the rest merged), 2 bad arguments or nothing to import.
import { MESSAGES } from '../../../shared/messages.ts';
import { headlineOf } from '../../../shared/report/headline.ts';
import { importMany } from '../../merge/batch-import.ts';
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
    const { files, skipped } = gatherReturnFiles(args.positionals);
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
    let verdicts;
    try {
      verdicts = await importMany(backend.ctx, office, year, files, pool.read);
    } finally {
      await pool.close();
    }
    const overview = await call(backend, 'merge:overview', where);
    const out = flagString(args, 'output');
    let written: string | null = null;
    if (out) {
      const file = await call(backend, 'merge:export', where);
      if (!writeOutputFile(out, file.bytesBase64, io, null)) return 2;
      written = out;
    }
    const rejected = verdicts.filter((v) => v.verdict === 'rejected').length;
    if (args.flags.json) {
      // the merged return's targets as the merge page, the report and the exported 校验结果 sheet show them
      const headline = headlineOf((await call(backend, 'merge:result', where)).evaluation.total);
      io.out(JSON.stringify({ office: overview.office, year, verdicts, skipped, completeness: overview.completeness, headline, children: overview.children.map((c) => ({ code: c.code, name: c.name, state: c.state, file: c.submission?.fileName ?? null })), written }, null, 2));
    } else {
      for (const v of verdicts) {
        const who = v.supplier ? (v.supplier.department ? MESSAGES.merge.departmentName(v.supplier.department) : v.supplier.name) : '—';
        io.out(C.fileLine(v.fileName, MESSAGES.merge.verdict[v.verdict], who));
        for (const p of v.problems) if (p.severity !== 'info') io.out(C.reasonLine(p.location, p.message));
      }
      for (const s of skipped) io.out(C.skippedLine(s.fileName, s.reason));
      io.out('');
      io.out(`${overview.office.name} ${year}年 ${C.completeness}${MESSAGES.merge.page.rate(overview.completeness)}`);
      for (const c of overview.children) if (c.state !== 'reported') io.out(C.childLine(c.name, c.code, MESSAGES.merge.state[c.state]));
      if (written) io.out(C.written(written));
    }
    return rejected > 0 ? 3 : 0;
  },
};
