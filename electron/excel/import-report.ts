// Assembles the import report: problems in workbook order, counts, and the one-sentence verdict. Pure.
import type { ImportProblem, ImportReport, ProblemSeverity, ReturnIdentity } from '../../shared/api/excel-contract.ts';
import type { Evaluation } from '../../shared/rules/result.ts';
import type { Framework } from '../../shared/framework/schema.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { location } from './layout.ts';

const V = MESSAGES.excel.verdict;

/** A problem before it gets its display location. */
export interface RawProblem {
  severity: ProblemSeverity;
  code: string;
  sheet: string | null;
  cell: string | null;
  item: string | null;
  message: string;
}

const cellOrder = (cell: string | null): [number, number] => {
  const m = cell ? /^([A-Z]+)(\d+)$/.exec(cell) : null;
  if (!m) return [0, 0];
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return [Number(m[2]), col];
};

/** Problems with their location (健康!E12, 健康, or the file name), in sheet, row, column order; file-level first. */
export function locateProblems(
  problems: RawProblem[],
  fileName: string,
  sheetOrder: readonly string[],
): ImportProblem[] {
  const sheetIndex = (s: string | null) =>
    s === null ? -1 : sheetOrder.indexOf(s) === -1 ? sheetOrder.length : sheetOrder.indexOf(s);
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => {
      const s = sheetIndex(a.p.sheet) - sheetIndex(b.p.sheet);
      if (s !== 0) return s;
      const [ra, ca] = cellOrder(a.p.cell);
      const [rb, cb] = cellOrder(b.p.cell);
      return ra - rb || ca - cb || a.i - b.i;
    })
    .map(({ p }) => ({
      ...p,
      location: p.sheet === null ? fileName : p.cell === null ? p.sheet : location(p.sheet, p.cell),
    }));
}

export interface ImportReportParts {
  fileName: string;
  readable: boolean;
  identity: ReturnIdentity | null;
  problems: ImportProblem[];
  evaluation: Evaluation | null;
  framework: Framework | null;
}

export function buildImportReport(parts: ImportReportParts): ImportReport {
  const { evaluation, framework } = parts;
  const names = new Map(framework?.indicators.map((i) => [i.code, i.name]) ?? []);
  return settle({
    fileName: parts.fileName,
    readable: parts.readable,
    verdict: '',
    identity: parts.identity,
    problems: parts.problems,
    counts: { errors: 0, warnings: 0, infos: 0 },
    needsConfirmation: false,
    summary: evaluation ? evaluation.total : null,
    targets: (evaluation?.targets ?? []).map((t) => ({
      targetId: t.targetId,
      indicator: t.indicator,
      name: names.get(t.indicator) ?? t.indicator,
      status: t.status,
      message: t.message,
    })),
  });
}

/** Recomputes counts, verdict and whether confirmation is needed from the problems. */
function settle(report: ImportReport): ImportReport {
  const { fileName, problems, identity, summary } = report;
  const counts = {
    errors: problems.filter((p) => p.severity === 'error').length,
    warnings: problems.filter((p) => p.severity === 'warning').length,
    infos: problems.filter((p) => p.severity === 'info').length,
  };
  let verdict: string;
  if (!report.readable) verdict = V.unreadable(problems.find((p) => p.severity === 'error')?.message ?? fileName);
  else if (counts.errors > 0) verdict = V.errors(fileName, counts.errors, counts.warnings);
  else if (counts.warnings > 0) verdict = V.warnings(fileName, counts.warnings);
  else
    verdict = V.valid(
      fileName,
      identity?.regionName ?? '',
      identity?.year ?? 0,
      summary?.cellsFilled ?? 0,
      summary?.cellsTotal ?? 0,
    );
  return {
    ...report,
    counts,
    verdict,
    needsConfirmation: report.readable && counts.errors === 0 && counts.warnings > 0,
  };
}

/** Adds problems found later (e.g. against this computer's database, listed first) and recomputes the verdict. */
export function withProblems(
  report: ImportReport,
  extra: ImportProblem[],
  /** codes of the report's own problems that `extra` says again, more exactly: dropped */
  superseded: readonly string[] = [],
): ImportReport {
  if (extra.length === 0) return report;
  const own = report.problems.filter((p) => !superseded.includes(p.code));
  return settle({ ...report, problems: [...extra, ...own] });
}

/** The verdict after a successful write. */
export function writtenImportReport(report: ImportReport): ImportReport {
  return {
    ...report,
    verdict: V.written(report.fileName, report.identity?.regionName ?? '', report.identity?.year ?? 0),
    needsConfirmation: false,
  };
}
