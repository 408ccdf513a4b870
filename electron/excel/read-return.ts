// The import's reading half: bytes → a checked ReturnData and a cell-level report. Finds rows by their code (not
// by position: people insert rows and reformat), columns by their header text, identifies the return, reads every
// cell strictly, and runs the whole rule engine. A pure function of the bytes and the frameworks (plus optional
// region and history look-ups): no database writes, so a county batch merge can call it file after file.
import type { ImportReport, ReturnIdentity } from '../../shared/api/excel-contract.ts';
import type { Framework } from '../../shared/framework/schema.ts';
import { cellKey, type ReturnData } from '../../shared/returns/schema.ts';
import { checkReturnCells, evaluateReturn } from '../../shared/rules/evaluate.ts';
import type { CellIssue, Evaluation } from '../../shared/rules/result.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { assembleReturn } from './assemble-return.ts';
import { returnChecksum } from './checksum.ts';
import { formulaProblems } from './formula-refs.ts';
import { DEFAULT_LIMITS, type FileLimits } from './file-guards.ts';
import { identifyReturn, type RegionLookup } from './identify.ts';
import { locateRows } from './locate-rows.ts';
import type { WorkbookMeta } from './meta.ts';
import { isResultSheet, readExplanations } from './read-explanations.ts';
import { readPooledRows } from './pooled-rows.ts';
import { readFooter } from './read-footer.ts';
import { readReview, type ReviewReading } from './read-review.ts';
import type { ReturnFooter } from '../../shared/returns/footer.ts';
import { readWorkbookBytes, type ReaderChoice } from './read-workbook.ts';
import { buildImportReport, locateProblems, type RawProblem } from './import-report.ts';

const P = MESSAGES.excel.problem;

export interface ReadContext {
  /** every framework version this computer has (an old return is read under its own version) */
  frameworks: readonly Framework[];
  /** the region table; unknown codes get a warning */
  region?: RegionLookup;
  /** the region's other returns, for 上年 and trend targets */
  history?: (planId: string, regionCode: string, year: number) => ReturnData[];
  limits?: Partial<FileLimits>;
  /** `sheetjs` reads every file with SheetJS (the small .xlsx reader is used by default where it can) */
  reader?: ReaderChoice;
  /**
   * Only what a merge reads: every problem and the return, but the targets are not judged (the report's summary is
   * null and its targets empty, so its verdict sentence counts no cells). The problems are the same either way.
   */
  checksOnly?: boolean;
}

/** How many reads took the checks only (a test proves the merge's reads do). */
export const checksOnlyReads = { count: 0 };

export interface ParsedMeta {
  identity: ReturnIdentity;
  /** the hidden metadata sheet's contents, when present */
  workbookMeta: WorkbookMeta | null;
  checksum: { stated: string | null; actual: string };
  /** explanations of warnings read from the 校验结果 sheet, by target id */
  explanations: Record<string, string>;
  /** where each value was found: HD01.total / P01 / target id → 健康!E12 */
  addresses: Record<string, string>;
  /** the signed footer (表尾) as the form sheets hold it */
  footer: ReturnFooter;
  /** when the file was made: the workbook's saved time, else the export time its metadata states; null when unknown */
  madeAt: string | null;
  /** an annotated copy sent back (退回): its remarks, checked against their checksum */
  review: ReviewReading;
}

export interface ReadResult {
  report: ImportReport;
  /** the checked return; null when the file is unreadable, unidentified, or has any error */
  parsed: ReturnData | null;
  meta: ParsedMeta | null;
}

/** A moment a file states (hostile text): ISO when it is a real time between 2000 and 2100, else null. */
function plausibleMoment(text: string): string | null {
  const d = new Date(text);
  if (Number.isNaN(d.getTime())) return null;
  const y = d.getUTCFullYear();
  return y >= 2000 && y <= 2100 ? d.toISOString() : null;
}

/** Sheets a merged (county or city) return adds after the form: 汇总说明, 数据来源, 分单位明细. Not read as data. */
const MERGE_SHEETS = new Set<string>([...MESSAGES.merge.sheets.supplements, MESSAGES.excel.review.sheet]);

/**
 * Reads a return workbook (.xlsx, .xls or .csv bytes). Never throws for anything in the file: every problem is in
 * the report, with its sheet and cell. `parsed` is the checked return when there is no error at all.
 */
export function readReturnWorkbook(bytes: Uint8Array, fileName: string, ctx: ReadContext): ReadResult {
  try {
    return readUnguarded(bytes, fileName, ctx);
  } catch (error) {
    // a fault of ours, not of the file: still a verdict naming the file, never a crash or a partial result
    return unreadable(fileName, {
      code: 'internal',
      message: P.internal(fileName, String((error as Error)?.message ?? error)),
    });
  }
}

/** The verdict on a file that could not be read at all: its one error (where it is, when known), no return. */
function unreadable(
  fileName: string,
  error: { code: string; message: string; sheet?: string | null; cell?: string | null },
): ReadResult {
  const problem: RawProblem = {
    severity: 'error',
    code: error.code,
    sheet: error.sheet ?? null,
    cell: error.cell ?? null,
    item: null,
    message: error.message,
  };
  return {
    report: buildImportReport({
      fileName,
      readable: false,
      identity: null,
      problems: locateProblems([problem], fileName, []),
      evaluation: null,
      framework: null,
    }),
    parsed: null,
    meta: null,
  };
}

function readUnguarded(bytes: Uint8Array, fileName: string, ctx: ReadContext): ReadResult {
  const limits = { ...DEFAULT_LIMITS, ...ctx.limits };
  const read = readWorkbookBytes(bytes, fileName, limits, ctx.reader);
  if (!read.ok) return unreadable(fileName, read);
  const { workbook } = read;
  const order = workbook.sheets.map((s) => s.name);
  const { identified, problems: identityProblems } = identifyReturn(workbook, fileName, ctx.frameworks, ctx.region);
  if (!identified) {
    return {
      report: buildImportReport({
        fileName,
        readable: true,
        identity: null,
        problems: locateProblems(identityProblems, fileName, order),
        evaluation: null,
        framework: null,
      }),
      parsed: null,
      meta: null,
    };
  }
  const { identity, framework } = identified;
  const resultSheets = workbook.sheets.filter(isResultSheet);
  const skip = new Set([
    ...(identified.metaSheet ? [identified.metaSheet] : []),
    ...resultSheets.map((s) => s.name),
    ...order.filter((n) => MERGE_SHEETS.has(n)),
  ]);
  const located = locateRows(workbook, skip, framework);
  const problems: RawProblem[] = [...identityProblems, ...formulaProblems(workbook), ...located.problems];
  if (located.rows.size === 0) {
    problems.push({
      severity: 'error',
      code: 'no_items',
      sheet: null,
      cell: null,
      item: null,
      message: P.noItems(fileName),
    });
    return {
      report: buildImportReport({
        fileName,
        readable: true,
        identity,
        problems: locateProblems(problems, fileName, order),
        evaluation: null,
        framework,
      }),
      parsed: null,
      meta: null,
    };
  }
  const assembled = assembleReturn(located, framework, identity, workbook.kind === 'csv' ? 'csv' : 'typed');
  problems.push(...assembled.problems);
  const explanations: Record<string, string> = {};
  for (const sheet of resultSheets) Object.assign(explanations, readExplanations(sheet, framework, problems));

  const footer = readFooter(
    workbook.sheets.filter((s) => !skip.has(s.name)),
    problems,
  );
  const { data, addresses } = assembled;
  // a merged (county) return's pooled ratios, which a city pools instead of the county's summed cells
  const metaSheet = identified.metaSheet ? workbook.sheets.find((s) => s.name === identified.metaSheet) : undefined;
  const pooled = metaSheet && identity.level !== 'township' ? readPooledRows(metaSheet, problems) : undefined;
  if (pooled) data.pooledRatios = pooled;
  const actual = returnChecksum(data);
  const stated = identified.meta?.checksum ?? null;
  if (identified.meta?.kind === 'return') {
    problems.push(
      stated === actual
        ? {
            severity: 'info',
            code: 'checksum_matches',
            sheet: null,
            cell: null,
            item: null,
            message: P.checksumMatches,
          }
        : {
            severity: 'warning',
            code: 'checksum_changed',
            sheet: null,
            cell: null,
            item: null,
            message: P.checksumChanged,
          },
    );
  }

  // the whole rule engine, on the values that could be read
  let evaluation: Evaluation | null = null;
  let issues: CellIssue[];
  let cellsTotal: number;
  if (ctx.checksOnly) {
    checksOnlyReads.count++;
    ({ issues, cellsTotal } = checkReturnCells(framework, data));
  } else {
    const history = ctx.history?.(identity.planId, identity.regionCode, identity.year) ?? [];
    evaluation = evaluateReturn(framework, data, history);
    issues = evaluation.issues;
    cellsTotal = evaluation.total.cellsTotal;
  }
  for (const issue of issues) {
    const where = addresses[cellKey(issue.item, issue.sex)];
    const cut = where ? where.lastIndexOf('!') : -1;
    const [sheet, cell] = where && cut > 0 ? [where.slice(0, cut), where.slice(cut + 1)] : [null, null];
    problems.push({
      severity: issue.severity,
      code: issue.code,
      sheet,
      cell,
      item: issue.item,
      message: issue.message,
    });
  }

  // a template sent back unfilled is no return: it must never pass as 校验通过 nor count as reported
  const anything =
    data.cells.some((c) => c.value !== null || c.noData !== null || c.raw !== null) ||
    data.qualitative.some((q) => q.choice !== null || q.note !== '') ||
    Object.keys(data.externalThresholds).length > 0;
  if (!anything)
    problems.push({
      severity: 'error',
      code: 'blank_return',
      sheet: null,
      cell: null,
      item: null,
      message: P.blankReturn(fileName, cellsTotal),
    });

  const report = buildImportReport({
    fileName,
    readable: true,
    identity,
    problems: locateProblems(problems, fileName, order),
    evaluation,
    framework,
  });
  return {
    report,
    parsed: report.counts.errors === 0 ? data : null,
    meta: {
      identity,
      workbookMeta: identified.meta,
      checksum: { stated, actual },
      explanations,
      addresses,
      footer,
      review: readReview(workbook, identified.meta, addresses),
      madeAt:
        workbook.modifiedAt ??
        (identified.meta?.kind === 'return' ? plausibleMoment(identified.meta.exportedAt) : null),
    },
  };
}
