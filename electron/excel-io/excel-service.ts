// Excel returns against this computer's database: export a stored return, a blank template, and validate or import
// a file (pure reading in electron/excel, then the checks that need the database, then one write after a backup).
import type { ImportProblem, ImportReport, ImportResult } from '../../shared/api/excel-contract.ts';
import { AppError } from '../../shared/api/envelope.ts';
import type { Framework } from '../../shared/framework/schema.ts';
import { isLockedStatus, type ReturnData } from '../../shared/returns/schema.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { returnChecksum } from '../excel/checksum.ts';
import { writeImportedReturn } from './import-return.ts';
import { readReturnWorkbook, type ReadContext, type ReadResult } from '../excel/read-return.ts';
import { withProblems, writtenImportReport } from '../excel/import-report.ts';
import { writeReturnWorkbook } from '../excel/write-return.ts';
import { getRegion } from '../db/repos/regions-repo.ts';
import { findReturn, listReturns } from '../db/repos/returns-repo.ts';
import { getFrameworkVersion, latestVersions, listFrameworkVersions } from '../db/repos/frameworks-repo.ts';
import { backupNow } from '../backups/backup-service.ts';
import type { AppContext } from '../context/app-context.ts';
import { requireFramework } from '../frameworks/plans-service.ts';
import { regionVintage, requireRegion } from '../frameworks/regions-service.ts';
import { frameworkOf, requireReturn, returnData } from '../returns/returns-service.ts';
import { evaluateStored } from '../evaluation/return-evaluation.ts';
import { getProfile } from '../settings/settings-service.ts';
import { departmentExport } from '../merge/department-return.ts';
import { departmentScope } from '../settings/department-scope.ts';
import { UNKNOWN_REGION } from '../excel/identify.ts';

const F = MESSAGES.excel.form;
const P = MESSAGES.excel.problem;

export interface ExcelFileBytes {
  fileName: string;
  bytes: Buffer;
}

/** A stored return as a styled .xlsx (with its 校验结果 sheet). */
export async function exportReturn(ctx: AppContext, returnId: number): Promise<ExcelFileBytes> {
  const row = requireReturn(ctx, returnId);
  const { view, evaluation } = evaluateStored(ctx, row);
  const region = requireRegion(ctx, row.regionCode);
  // a county department exports its own items only, as itself (merge/department-return.ts)
  const dep = departmentExport(ctx, row, frameworkOf(ctx, row), region.name);
  const { bytes } = await writeReturnWorkbook({
    kind: 'return',
    framework: dep?.framework ?? frameworkOf(ctx, row),
    data: view.data,
    region: { code: region.code, name: dep?.unitName ?? region.name },
    previous: view.history.find((h) => h.year === row.year - 1) ?? null,
    evaluation,
    explanations: view.explanations,
    userName: getProfile(ctx)?.userName ?? '',
    footer: view.footer,
    regionVintage: regionVintage(ctx) || null,
    now: ctx.now(),
    status: row.status,
    department: dep?.department,
  });
  return { fileName: F.fileName(dep?.unitName ?? region.name, row.year), bytes };
}

/** A blank template of a region's return for a year (the plan defaults to this computer's). */
export async function exportTemplate(
  ctx: AppContext,
  regionCode: string,
  year: number,
  planId?: string,
): Promise<ExcelFileBytes> {
  const plan = planId ?? getProfile(ctx)?.planId;
  if (!plan) throw new AppError('refused', MESSAGES.returns.noProfile);
  const framework = requireFramework(ctx, plan);
  const region = requireRegion(ctx, regionCode);
  const county = framework.plan.region.code;
  const fits = region.code === county || (region.level === 'township' && region.parent === county);
  if (!fits)
    throw new AppError(
      'invalid_request',
      P.regionOutsidePlan(regionCode, framework.plan.name, framework.plan.region.fullName),
      [
        {
          path: 'regionCode',
          message: P.regionOutsidePlan(regionCode, framework.plan.name, framework.plan.region.fullName),
        },
      ],
    );
  const level = region.level === 'township' ? 'township' : 'county';
  const data: ReturnData = {
    planId: plan,
    frameworkVersion: framework.version,
    regionCode,
    level,
    year,
    cells: [],
    qualitative: [],
    externalThresholds: {},
  };
  const previousRow = findReturn(ctx.db, regionCode, year - 1, plan);
  const { bytes } = await writeReturnWorkbook({
    kind: 'template',
    framework,
    data,
    region: { code: region.code, name: region.name },
    previous: previousRow ? returnData(ctx, previousRow) : null,
    evaluation: null,
    explanations: {},
    userName: '',
    regionVintage: regionVintage(ctx) || null,
    now: ctx.now(),
  });
  return { fileName: F.templateFileName(region.name, year), bytes };
}

/** What the pure reader needs from this computer: every framework version, the region table, the history. */
export function readContextOf(ctx: AppContext): ReadContext {
  const frameworks: Framework[] = latestVersions(ctx.db).flatMap(({ planId }) =>
    listFrameworkVersions(ctx.db, planId).map((r) => r.framework),
  );
  return {
    frameworks,
    region: (code) => getRegion(ctx.db, code),
    history: (planId, regionCode, year) =>
      listReturns(ctx.db, regionCode)
        .filter((r) => r.planId === planId && r.year < year)
        .map((r) => returnData(ctx, r)),
  };
}

const fileProblem = (
  fileName: string,
  severity: ImportProblem['severity'],
  code: string,
  message: string,
): ImportProblem => ({ severity, code, sheet: null, cell: null, location: fileName, item: null, message });

/** Checks against the database: the plan in use, the unit, and the return already held for that year. */
function databaseProblems(ctx: AppContext, result: ReadResult): ImportProblem[] {
  const identity = result.report.identity;
  if (!identity || !result.report.readable) return [];
  const fileName = result.report.fileName;
  const out: ImportProblem[] = [];
  const profile = getProfile(ctx);
  if (profile && profile.planId !== identity.planId) {
    const own = requireFramework(ctx, profile.planId).plan.name;
    out.push(fileProblem(fileName, 'error', 'other_plan', P.otherPlan(identity.planName, own)));
    return out;
  }
  // a department imports its own items only: each other filled item is refused, named
  const parsedFramework = result.parsed
    ? getFrameworkVersion(ctx.db, identity.planId, result.parsed.frameworkVersion)?.framework
    : undefined;
  const scope = parsedFramework ? departmentScope(ctx, identity.regionCode, parsedFramework) : null;
  if (scope && result.parsed) {
    for (const code of new Set(
      result.parsed.cells.filter((c) => c.value !== null || c.noData !== null || c.raw !== null).map((c) => c.item),
    )) {
      const why = scope.refusal(code, 'import');
      if (why) out.push({ ...fileProblem(fileName, 'error', 'not_own_item', why), item: code });
    }
  }
  const region = getRegion(ctx.db, identity.regionCode);
  if (!region) {
    // at the 单位代码 cell, where the reader found the code (its warning on it is superseded: see validateWorkbook)
    const at = result.report.problems.find((p) => p.code === UNKNOWN_REGION);
    const error = fileProblem(fileName, 'error', 'region_not_in_table', P.regionNotInTable(identity.regionCode));
    out.push(at ? { ...error, sheet: at.sheet, cell: at.cell, location: at.location } : error);
  }
  if (profile?.role === 'township' && profile.regionCode !== identity.regionCode) {
    out.push(
      fileProblem(
        fileName,
        'warning',
        'other_unit',
        P.otherUnit(identity.regionName, getRegion(ctx.db, profile.regionCode)?.name ?? profile.regionCode),
      ),
    );
  }
  const existing = findReturn(ctx.db, identity.regionCode, identity.year, identity.planId);
  if (existing) {
    const stored = returnData(ctx, existing);
    const filled = stored.cells.length + stored.qualitative.length + Object.keys(stored.externalThresholds).length;
    if (isLockedStatus(existing.status))
      out.push(fileProblem(fileName, 'error', 'locked_return', P.lockedReturn(identity.regionName, identity.year)));
    else if (result.meta && returnChecksum(stored) === result.meta.checksum.actual)
      out.push(fileProblem(fileName, 'info', 'same_as_stored', P.sameAsStored));
    else if (filled > 0)
      out.push(
        fileProblem(
          fileName,
          'warning',
          'will_overwrite',
          P.willOverwrite(identity.regionName, identity.year, stored.cells.length),
        ),
      );
  }
  return out;
}

/** Validates a file: every problem, none written. */
export function validateWorkbook(
  ctx: AppContext,
  bytes: Uint8Array,
  fileName: string,
): { result: ReadResult; report: ImportReport } {
  const result = readReturnWorkbook(bytes, fileName, readContextOf(ctx));
  const extra = databaseProblems(ctx, result);
  // a code missing from the region table is said once: as the error that refuses the file, not also as a warning
  const superseded = extra.some((p) => p.code === 'region_not_in_table') ? [UNKNOWN_REGION] : [];
  return { result, report: withProblems(result.report, extra, superseded) };
}

/**
 * Imports a file: nothing is written when there is any error, or warnings the user has not accepted. Otherwise a
 * backup is taken and the return written in one transaction.
 */
export async function importWorkbook(
  ctx: AppContext,
  bytes: Uint8Array,
  fileName: string,
  acceptWarnings: boolean,
): Promise<ImportResult> {
  const { result, report } = validateWorkbook(ctx, bytes, fileName);
  const parsed = result.parsed;
  const counts = `errors=${report.counts.errors} warnings=${report.counts.warnings} infos=${report.counts.infos}`;
  const identity = report.identity ? ` region=${report.identity.regionCode} year=${report.identity.year}` : '';
  if (!parsed || !result.meta || report.counts.errors > 0 || (report.counts.warnings > 0 && !acceptWarnings)) {
    ctx.log.info(`excel import not written readable=${report.readable}${identity} ${counts}`);
    return { ...report, written: false, returnId: null };
  }
  await backupNow(ctx, 'import');
  const { returnId } = writeImportedReturn(ctx, parsed, { fileName, explanations: result.meta.explanations });
  ctx.log.info(`excel import written return=${returnId}${identity} ${counts}`);
  return { ...writtenImportReport(report), written: true, returnId };
}
