// Shared by the Excel CLI commands: reading the file given, writing -o, printing a report.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { MAX_IMPORT_BYTES, type ImportReport } from '../../../shared/api/excel-contract.ts';
import { MESSAGES } from '../../../shared/messages.ts';
import { buildReport, locateProblems } from '../../excel/report.ts';
import { errnoOf, systemReason } from '../../fs/system-error.ts';
import { flagString, type CliIo, type ParsedArgs } from '../command.ts';

const E = MESSAGES.excel;

/** The file as base64, or a report saying why it cannot be read (missing, a folder, far too large). */
export function readInputFile(path: string): { fileName: string; bytesBase64: string } | { fileName: string; report: ImportReport } {
  const fileName = basename(path);
  const refuse = (code: string, message: string) => ({
    fileName,
    report: buildReport({ fileName, readable: false, identity: null, evaluation: null, framework: null, problems: locateProblems([{ severity: 'error', code, sheet: null, cell: null, item: null, message }], fileName, []) }),
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

export function writeOutputFile(path: string, bytesBase64: string, io: CliIo): boolean {
  try {
    writeFileSync(path, Buffer.from(bytesBase64, 'base64'));
    io.out(E.cli.written(path));
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
  for (const p of report.problems) io.out([E.result.severity[p.severity], p.location, p.item ?? '', p.message].join('\t'));
}

export function parseYear(text: string | undefined): number | null {
  if (!text || !/^\d{4}$/.test(text)) return null;
  return Number(text);
}

/** --region, --year and -o of `wdp export` / `wdp template`; null (after saying why) when one is missing or wrong. */
export function regionYearOutput(args: ParsedArgs, io: CliIo, missing: string): { region: string; year: number; output: string } | null {
  const region = flagString(args, 'region');
  const yearText = flagString(args, 'year');
  const output = flagString(args, 'output');
  if (!region || !yearText || !output) {
    io.err(MESSAGES.cli.missingArgument(missing));
    return null;
  }
  const year = parseYear(yearText);
  if (year === null) {
    io.err(MESSAGES.excel.cli.badYear(yearText));
    return null;
  }
  return { region, year, output };
}
