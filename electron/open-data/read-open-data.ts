// Reads an open-data file into checked returns and one report: records (read-records) → returns
// (assemble-returns) → problems in file order, counts and a verdict. Pure; the service adds the database checks.
import type { ImportProblem } from '../../shared/api/excel-contract.ts';
import type { OpenDataReport } from '../../shared/api/open-data-contract.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { assembleReturns, type AssembleContext, type AssembledReturn } from './assemble-returns.ts';
import { readRecords } from './read-records.ts';
import type { RecordContext, RecordProblem } from './records.ts';

const V = MESSAGES.openData.verdict;

export interface OpenDataRead {
  report: OpenDataReport;
  returns: AssembledReturn[] | null;
}

const toImportProblem = (p: RecordProblem): ImportProblem => ({
  severity: p.severity,
  code: p.code,
  sheet: null,
  cell: null,
  location: p.location,
  item: p.item,
  message: p.message,
});

/** Problems in file order (file-level first), then counts, verdict and whether the user must confirm. */
export function settleReport(
  base: Omit<OpenDataReport, 'verdict' | 'counts' | 'needsConfirmation' | 'problems'>,
  problems: RecordProblem[],
): OpenDataReport {
  const sorted = problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => a.p.order - b.p.order || a.i - b.i)
    .map(({ p }) => toImportProblem(p));
  const counts = {
    errors: sorted.filter((p) => p.severity === 'error').length,
    warnings: sorted.filter((p) => p.severity === 'warning').length,
    infos: sorted.filter((p) => p.severity === 'info').length,
  };
  const cells = base.returns.reduce((n, r) => n + r.cells, 0);
  const verdict = !base.readable
    ? V.unreadable(sorted.find((p) => p.severity === 'error')?.message ?? base.fileName)
    : base.written
      ? V.written(base.fileName, base.returns.length)
      : counts.errors > 0
        ? V.errors(base.fileName, counts.errors, counts.warnings)
        : counts.warnings > 0
          ? V.warnings(base.fileName, counts.warnings, base.returns.length)
          : V.valid(base.fileName, base.returns.length, cells);
  return {
    ...base,
    problems: sorted,
    counts,
    verdict,
    needsConfirmation: base.readable && !base.written && counts.errors === 0 && counts.warnings > 0,
  };
}

export function readOpenData(
  bytes: Uint8Array,
  fileName: string,
  ctx: AssembleContext & RecordContext,
): OpenDataRead & { problems: RecordProblem[] } {
  try {
    const read = readRecords(bytes, fileName, ctx);
    if (!read.ok) {
      return {
        report: settleReport(
          { fileName, format: read.format, readable: false, returns: [], written: false },
          read.problems,
        ),
        returns: null,
        problems: read.problems,
      };
    }
    const { returns, problems } = assembleReturns(read.records, ctx);
    const all = [...read.problems, ...problems];
    const summary = returns.map((r) => ({
      regionCode: r.data.regionCode,
      regionName: r.regionName,
      year: r.data.year,
      planId: r.data.planId,
      level: r.data.level,
      cells: r.data.cells.length,
      qualitative: r.data.qualitative.length,
      thresholds: Object.keys(r.data.externalThresholds).length,
    }));
    const report = settleReport(
      { fileName, format: read.format, readable: true, returns: summary, written: false },
      all,
    );
    return { report, returns: report.counts.errors === 0 ? returns : null, problems: all };
  } catch (error) {
    // a fault of ours, not of the file: still a verdict naming the file, never a crash or a partial result
    const problems: RecordProblem[] = [
      {
        severity: 'error',
        code: 'internal',
        order: 0,
        location: fileName,
        item: null,
        message: MESSAGES.openData.problem.internal(fileName, String((error as Error)?.message ?? error)),
      },
    ];
    return {
      report: settleReport({ fileName, format: null, readable: false, returns: [], written: false }, problems),
      returns: null,
      problems,
    };
  }
}
