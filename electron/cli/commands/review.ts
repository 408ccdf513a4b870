// wdp review --year <year> (--unit <code> | --department <部门>) --decision accept|send-back [--remark <文字>]
//   [--cell <代码.列> --cell-remark <文字>] [-o 退回意见.xlsx] [--region <county-or-city>] [--plan <id>] [--json]
// wdp receipt write --year <year> (--unit | --department) -o 回执.json;  wdp receipt import <回执.json>
// The county's review of a unit's current version and the receipt, through the same contract entries as the 汇总
// page (merge:accept, merge:version-issues + merge:send-back, merge:receipt) and the township's 导入导出 page
// (returns:import-receipt). Exit codes: 0 done, 1 refused (nothing received, a forged receipt…), 2 bad arguments.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { AppError } from '../../../shared/api/envelope.ts';
import type { Overview } from '../../../shared/api/merge-contract.ts';
import { MESSAGES } from '../../../shared/messages.ts';
import { SexColumnSchema } from '../../../shared/framework/schema.ts';
import type { AppBackend } from '../../backend/open-app.ts';
import { systemReason } from '../../fs/system-error.ts';
import { call } from '../call.ts';
import { flagString, UsageError, type CliCommand, type CliIo, type ParsedArgs } from '../command.ts';
import { writeOutputFile } from './excel-io.ts';

const J = MESSAGES.cli.journey;

interface Target {
  year: number;
  regionCode?: string;
  planId?: string;
  unit: string;
  submissionId: number;
  fileName: string;
}

/** The unit named by --unit or --department, and its current version at this office (refused when none). */
async function currentVersion(args: ParsedArgs, backend: AppBackend): Promise<Target> {
  const unit = flagString(args, 'unit');
  const department = flagString(args, 'department');
  if (!unit && !department) throw new UsageError(J.unitNeeded);
  if (unit && department) throw new UsageError(J.unitOrDepartment);
  const where = {
    year: Number(flagString(args, 'year')),
    regionCode: flagString(args, 'region'),
    planId: flagString(args, 'plan'),
  };
  const overview: Overview = await call(backend, 'merge:overview', where);
  const found = unit
    ? overview.children.find((c) => c.code === unit)
    : overview.departments.find((d) => d.department === department || d.name === department);
  const name = found?.name ?? unit ?? department!;
  if (!found) throw new AppError('not_found', J.notChild(name, overview.office.name));
  if (!found.submission) throw new AppError('not_found', J.nothingReceived(name, where.year));
  return { ...where, unit: name, submissionId: found.submission.id, fileName: found.submission.fileName };
}

export const reviewCommand: CliCommand = {
  name: 'review',
  async run(args, backend, io) {
    const decision = flagString(args, 'decision');
    const remark = flagString(args, 'remark') ?? '';
    const out = flagString(args, 'output');
    const cell = flagString(args, 'cell');
    const cellRemark = flagString(args, 'cell-remark');
    if (decision === 'send-back' && !out) throw new UsageError(J.sendBackNeedsOutput);
    if ((cell === undefined) !== (cellRemark === undefined)) throw new UsageError(J.cellNeedsRemark);
    const [item, sex, extra] = cell?.split('.') ?? [];
    if (cell !== undefined && (!item || extra !== undefined || !SexColumnSchema.safeParse(sex).success))
      throw new UsageError(J.badCell(cell));
    const t = await currentVersion(args, backend);
    const where = { year: t.year, regionCode: t.regionCode, planId: t.planId, submissionId: t.submissionId };
    if (decision === 'accept') {
      const summary = await call(backend, 'merge:accept', { ...where, remark });
      return done(
        io,
        args,
        {
          unit: t.unit,
          decision,
          submissionId: t.submissionId,
          fileName: t.fileName,
          review: summary.review,
          remarks: 0,
          written: null,
        },
        J.accepted(t.unit, t.fileName),
      );
    }
    // as the 汇总 page's 退回 form pre-fills it: each error and warning of the version a cell remark
    const issues = await call(backend, 'merge:version-issues', where);
    const remarks = issues
      .filter((i) => i.severity !== 'info')
      .map((i) => ({
        item: i.item,
        sex: i.sex,
        problem: i.message.slice(0, 300),
        remark: MESSAGES.merge.review.prefill,
      }));
    if (cell !== undefined) remarks.push({ item, sex: SexColumnSchema.parse(sex), problem: '', remark: cellRemark! });
    const file = await call(backend, 'merge:send-back', { ...where, review: { overall: remark, remarks } });
    if (!writeOutputFile(out!, file.bytesBase64, io, null)) return 2;
    return done(
      io,
      args,
      {
        unit: t.unit,
        decision,
        submissionId: t.submissionId,
        fileName: t.fileName,
        remarks: remarks.length,
        written: out!,
      },
      J.sentBack(t.unit, remarks.length, out!),
    );
  },
};

function done(io: CliIo, args: ParsedArgs, result: Record<string, unknown>, said: string): number {
  io.out(args.flags.json ? JSON.stringify(result, null, 2) : said);
  return 0;
}

export const receiptCommand: CliCommand = {
  name: 'receipt',
  async run(args, backend, io) {
    const [sub, file] = args.positionals;
    if (sub === 'import') {
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch (error) {
        throw new AppError('not_found', MESSAGES.excel.cli.cannotRead(basename(file), systemReason(error)));
      }
      const r = await call(backend, 'returns:import-receipt', {
        fileName: basename(file),
        bytesBase64: bytes.toString('base64'),
      });
      const view = await call(backend, 'returns:get', { returnId: r.returnId });
      const status = view.summary.status;
      if (args.flags.json) io.out(JSON.stringify({ ...r, status }, null, 2));
      else {
        io.out(r.message);
        io.out(J.status(MESSAGES.returns.status[status]));
      }
      return 0;
    }
    const t = await currentVersion(args, backend);
    const out = flagString(args, 'output')!;
    const receipt = await call(backend, 'merge:receipt', {
      year: t.year,
      regionCode: t.regionCode,
      planId: t.planId,
      submissionId: t.submissionId,
    });
    if (!writeOutputFile(out, receipt.bytesBase64, io, null)) return 2;
    const body = JSON.parse(Buffer.from(receipt.bytesBase64, 'base64').toString('utf8')) as unknown;
    return done(
      io,
      args,
      { unit: t.unit, submissionId: t.submissionId, written: out, receipt: body },
      J.receiptWritten(t.unit, out),
    );
  },
};
