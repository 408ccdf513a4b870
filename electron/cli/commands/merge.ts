// wdp merge --region <county-or-city> --year <year> FILES… [-o county.xlsx] [--plan id] [--json]
// Imports every file given (folders are searched for .xlsx/.xls/.csv), prints each file's verdict, the completeness
// and the file written. The files are read on every core (a worker pool); everything else goes through the same
// handlers the UI uses (backup, overview, export).
// Exit codes: 0 every file accepted, 3 some files rejected (the rest merged), 2 bad arguments or nothing to import.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { MESSAGES } from '../../../shared/messages.ts';
import { importMany, type LazyFile } from '../../merge/batch-import.ts';
import { resolveOffice } from '../../merge/office.ts';
import { openReadPool, poolSize } from '../../merge/read-pool.ts';
import { isReturnFileName } from '../../../shared/returns/file-names.ts';
import { call } from '../call.ts';
import { flagString, type CliCommand } from '../command.ts';

const C = MESSAGES.merge.cli;

/** The files named, with every return file inside the folders named (recursively), in name order per folder. */
export function expandPaths(paths: readonly string[]): LazyFile[] {
  const out: LazyFile[] = [];
  const walk = (path: string, top: boolean) => {
    let isDir = false;
    try { isDir = statSync(path).isDirectory(); } catch { /* reported when loaded */ }
    if (isDir) {
      for (const name of readdirSync(path).sort()) walk(join(path, name), false);
      return;
    }
    if (top || isReturnFileName(basename(path))) out.push({ fileName: basename(path), load: () => readFileSync(path) });
  };
  for (const p of paths) walk(p, true);
  return out;
}

export const mergeCommand: CliCommand = {
  name: 'merge',
  async run(args, backend, io) {
    const region = flagString(args, 'region');
    const yearText = flagString(args, 'year');
    const year = Number(yearText);
    if (!region || !yearText || !Number.isInteger(year)) {
      io.err(MESSAGES.cli.missingArgument(C.usage));
      return 2;
    }
    const files = expandPaths(args.positionals);
    if (files.length === 0) {
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
      writeFileSync(out, Buffer.from(file.bytesBase64, 'base64'));
      written = out;
    }
    const rejected = verdicts.filter((v) => v.verdict === 'rejected').length;
    if (args.flags.json) {
      io.out(JSON.stringify({ office: overview.office, year, verdicts, completeness: overview.completeness, children: overview.children.map((c) => ({ code: c.code, name: c.name, state: c.state, file: c.submission?.fileName ?? null })), written }, null, 2));
    } else {
      for (const v of verdicts) {
        const who = v.supplier ? (v.supplier.department ? MESSAGES.merge.departmentName(v.supplier.department) : v.supplier.name) : '—';
        io.out(C.fileLine(v.fileName, MESSAGES.merge.verdict[v.verdict], who));
        for (const p of v.problems) if (p.severity !== 'info') io.out(C.reasonLine(p.location, p.message));
      }
      io.out('');
      io.out(`${overview.office.name} ${year}年 ${C.completeness}${MESSAGES.merge.page.rate(overview.completeness)}`);
      for (const c of overview.children) if (c.state !== 'reported') io.out(C.childLine(c.name, c.code, MESSAGES.merge.state[c.state]));
      if (written) io.out(C.written(written));
    }
    return rejected > 0 ? 3 : 0;
  },
};
