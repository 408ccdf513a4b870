// The Excel import's pure reader, seen from the merge: a file's problems (sheet!cell and a Chinese message) and,
// when it has no error, its return with who made it (填报单位, department, the signed footer), its 报出日期 (the
// footer's date), when the file was made, and the status it had.
import { readReturnWorkbook, type ReadContext } from '../excel/read-return.ts';
import { getRegion } from '../db/repos/regions-repo.ts';
import { latestVersions, listFrameworkVersions } from '../db/repos/frameworks-repo.ts';
import type { Framework } from '../../shared/framework/schema.ts';
import { departmentItems } from '../../shared/aggregation/department.ts';
import type { AppContext } from '../context/app-context.ts';
import type { ReadOutcome, ReturnReader } from './batch-import.ts';

const cache = new WeakMap<AppContext, { key: string; frameworks: Framework[] }>();

/** Every framework version on this computer (an old return is read under its own version); parsed once until one is added. */
export function allFrameworks(ctx: AppContext): Framework[] {
  const key = JSON.stringify(
    ctx.db.prepare('SELECT count(*) AS n, max(loaded_at) AS at FROM framework_versions').get(),
  );
  const hit = cache.get(ctx);
  if (hit && hit.key === key) return hit.frameworks;
  const frameworks = latestVersions(ctx.db).flatMap(({ planId }) =>
    listFrameworkVersions(ctx.db, planId).map((r) => r.framework),
  );
  cache.set(ctx, { key, frameworks });
  return frameworks;
}

/** Reads one file with the Excel import's reader (no database: safe in a worker thread). */
export function readForMerge(bytes: Uint8Array, fileName: string, readCtx: ReadContext): ReadOutcome {
  // the targets' verdicts are not part of a merge's outcome: only the problems and the return
  const { report, parsed, meta } = readReturnWorkbook(bytes, fileName, { ...readCtx, checksOnly: true });
  const wm = meta?.workbookMeta ?? null;
  let found = report.problems;
  if (wm?.department) {
    // a department's form holds its own items only: the county's other rows are missing on purpose
    const fw = readCtx.frameworks.find((f) => f.plan.id === wm.planId && f.version === wm.frameworkVersion);
    const own = new Set(fw ? departmentItems(fw, wm.department).map((d) => d.code) : []);
    found = found.filter((p) => p.code !== 'area_missing' && !(p.code === 'row_missing' && !own.has(p.item ?? '')));
  }
  const problems = found.map((p) => ({
    severity: p.severity,
    location: p.location === fileName ? '' : p.location,
    message: p.message,
  }));
  const id = report.identity;
  const identity = id
    ? { regionCode: id.regionCode, regionName: wm?.regionName || id.regionName, level: id.level, year: id.year }
    : null;
  if (!parsed || !meta) return { problems, incoming: null, identity };
  return {
    problems,
    identity,
    incoming: {
      data: parsed,
      supplierName: wm?.regionName || meta.identity.regionName,
      department: wm?.department ?? '',
      reportedOn: meta.footer.reportedOn,
      madeAt: meta.madeAt,
      valuesChecksum: meta.checksum.actual,
      footer: {
        head: meta.footer.head,
        statistician: meta.footer.statistician,
        filler: meta.footer.filler,
        phone: meta.footer.phone,
      },
      fileStatus: wm?.status || null,
    },
  };
}

/** The reader the app uses: in this thread, one file after another. */
export function excelReturnReader(ctx: AppContext): ReturnReader {
  const readCtx: ReadContext = { frameworks: allFrameworks(ctx), region: (code) => getRegion(ctx.db, code) };
  return (bytes, fileName) => readForMerge(bytes, fileName, readCtx);
}
