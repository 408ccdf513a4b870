// Shared by the Excel CLI commands: reading the file given, writing -o, printing a report.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { ImportReport } from '../../../shared/api/excel-contract.ts';
import { MAX_IMPORT_BYTES } from '../../../shared/api/limits.ts';
import { MESSAGES } from '../../../shared/messages.ts';
import { buildImportReport, locateProblems } from '../../excel/import-report.ts';
import type { AppBackend } from '../../backend/open-app.ts';
import { errnoOf, systemReason } from '../../fs/system-error.ts';
import { call } from '../call.ts';
import { flagString, UsageError, type CliIo, type ParsedArgs } from '../command.ts';

const E = MESSAGES.excel;

/** The file as base64, or a report saying why it cannot be read (missing, a folder, far too large). */
export function readInputFile(
  path: string,
): { fileName: string; bytesBase64: string } | { fileName: string; report: ImportReport } {
  const fileName = basename(path);
  const refuse = (code: string, message: string) => ({
    fileName,
    report: buildImportReport({
      fileName,
      readable: false,
      identity: null,
      evaluation: null,
      framework: null,
      problems: locateProblems(
        [{ severity: 'error', code, sheet: null, cell: null, item: null, message }],
        fileName,
        [],
      ),
    }),
  });
  try {
    const size = statSync(path).size;
    // not even read: the main check would refuse it anyway
    if (size > MAX_IMPORT_BYTES) return refuse('file_too_large', E.problem.tooLarge(fileName, size, MAX_IMPORT_BYTES));
    return { fileName, bytesBase64: readFileSync(path).toString('base64') };
  } catch (error) {
    return refuse('cannot_read', E.cli.cannotRead(fileName, systemReason(error)));
  }
}

/** Writes -o; false (after saying why in Chinese) when it cannot. `said` is printed on success (null: nothing). */
export function writeOutputFile(
  path: string,
  bytes: string | Buffer,
  io: CliIo,
  said: string | null = E.cli.written(path),
): boolean {
  try {
    writeFileSync(path, typeof bytes === 'string' ? Buffer.from(bytes, 'base64') : bytes);
    if (said !== null) io.out(said);
    return true;
  } catch (error) {
    io.err(E.cli.cannotWrite(path, MESSAGES.files.writeReason(errnoOf(error))));
    return false;
  }
}

/** The verdict, then one line per problem (tab-separated: 类别 位置 代码 问题说明). */
export function printReport(report: ImportReport, io: CliIo): void {
  io.out(report.verdict);
  if (report.identity) {
    const id = report.identity;
    io.out(E.ui.identity(id.regionName, id.regionCode, id.year, id.planName));
  }
  if (report.problems.length === 0) return;
  io.out(E.cli.problemHeader);
  for (const p of report.problems)
    io.out([E.result.severity[p.severity], p.location, p.item ?? '', p.message].join('\t'));
}

/** --region, --year and -o of `wdp export` / `wdp template` (required and checked by their declarations). */
export function regionYearOutput(args: ParsedArgs): { region: string; year: number; output: string } {
  return {
    region: flagString(args, 'region')!,
    year: Number(flagString(args, 'year')),
    output: flagString(args, 'output')!,
  };
}

/** --plan names a plan on this machine and --year lies in its period (or is its base year); else a usage error. */
export async function checkPlanYear(backend: AppBackend, planId: string, year: number): Promise<void> {
  const plans = await call(backend, 'plans:list', {});
  const found = plans.find((p) => p.plan.id === planId);
  if (!found)
    throw new UsageError(
      MESSAGES.cli.badPlan(
        planId,
        plans.map((p) => p.plan.id),
      ),
    );
  const { period, baselineYear } = found.plan;
  if ((year < period.start || year > period.end) && year !== baselineYear) {
    throw new UsageError(MESSAGES.cli.yearOutsidePlan(year, planId, period.start, period.end, baselineYear));
  }
}
