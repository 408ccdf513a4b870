// Open data against this computer's database. Export: a region's returns (and its townships') over a span of
// years, each judged by the rule engine as everywhere else (a county's on its merged values, like the Excel export),
// as the long CSV / JSON table, a DHIS2 dataValueSet or ADX. Import: the long table or a dataValueSet read and
// checked in full (electron/open-data), then the database checks (plan in use, locked returns, overwrites); nothing
// is written on any error or on warnings not accepted; otherwise a backup and one transaction for all the returns.
import { AppError } from '../../shared/api/envelope.ts';
import {
  DATABASE_MAX_ROWS,
  type DatabaseView,
  type OpenDataExport,
  type OpenDataFormat,
  type OpenDataReport,
} from '../../shared/api/open-data-contract.ts';
import type { Framework } from '../../shared/framework/schema.ts';
import { MESSAGES } from '../../shared/messages.ts';
import {
  defaultMapping,
  Dhis2MappingSchema,
  mappingClashes,
  toAdx,
  toDataValueSet,
  type Dhis2Mapping,
} from '../../shared/open-data/dhis2.ts';
import { indicatorsOf, matchesFilter, pivotOf, type DatabaseFilter } from '../../shared/open-data/database.ts';
import { longRowsToCsv } from '../../shared/open-data/long-csv.ts';
import {
  LongDatasetSchema,
  longRowsOf,
  OPEN_DATA_FORMAT,
  OPEN_DATA_VERSION,
  type LongRow,
} from '../../shared/open-data/long-format.ts';
import { isLockedStatus, type ReturnData } from '../../shared/returns/schema.ts';
import { childRegions, getRegion } from '../db/repos/regions-repo.ts';
import { findReturn, listReturns } from '../db/repos/returns-repo.ts';
import { readMapping, replaceMapping } from '../db/repos/dhis2-mapping-repo.ts';
import { APP_VERSION } from '../excel/meta.ts';
import { writeImportedReturn } from '../excel-io/import-return.ts';
import { buildMergedReturn } from '../merge/county-aggregate.ts';
import { childNoun, resolveOffice } from '../merge/office.ts';
import { readOpenData, settleReport } from '../open-data/read-open-data.ts';
import type { RecordProblem } from '../open-data/records.ts';
import { backupNow } from '../backups/backup-service.ts';
import type { AppContext } from '../context/app-context.ts';
import { readContextOf } from '../excel-io/excel-service.ts';
import { requireFramework } from '../frameworks/plans-service.ts';
import { requireRegion } from '../frameworks/regions-service.ts';
import { frameworkOf, requireReturn, returnData } from '../returns/returns-service.ts';
import { evaluateStored } from '../evaluation/return-evaluation.ts';
import { getProfile } from '../settings/settings-service.ts';

const O = MESSAGES.openData;

export interface ExportInput {
  regionCode: string;
  withChildren: boolean;
  fromYear: number;
  toYear: number;
  format: OpenDataFormat;
  planId?: string;
  filter?: DatabaseFilter;
}

function planOf(ctx: AppContext, planId?: string): Framework {
  const plan = planId ?? getProfile(ctx)?.planId;
  if (!plan) throw new AppError('refused', MESSAGES.returns.noProfile);
  return requireFramework(ctx, plan);
}

/** The plan's region codes (the county and its townships), for the default orgUnit mapping. */
function planRegions(ctx: AppContext, framework: Framework): string[] {
  const county = framework.plan.region.code;
  return [
    county,
    ...childRegions(ctx.db, county)
      .filter((r) => r.level === 'township')
      .map((r) => r.code),
  ];
}

function mappingOf(ctx: AppContext, framework: Framework): Dhis2Mapping {
  return readMapping(ctx.db, defaultMapping(framework, planRegions(ctx, framework)));
}

interface Judged {
  data: ReturnData;
  framework: Framework;
  regionName: string;
  rows: LongRow[];
}

/** One stored return as exported: judged like the Excel export (a county's on its merged values), with sources. */
function judged(ctx: AppContext, rowId: number, regionName: string): Judged {
  const row = requireReturn(ctx, rowId);
  const framework = frameworkOf(ctx, row);
  const { view, evaluation } = evaluateStored(ctx, row);
  let sources: Record<string, string> | undefined;
  const merged = row.level !== 'township' && getProfile(ctx)?.role !== 'department';
  if (merged) {
    const office = resolveOffice(ctx, row.regionCode, row.planId);
    const m = buildMergedReturn(ctx, office, row.year);
    sources = Object.fromEntries(
      m.result.sources.map((s) => [
        s.item,
        s.kind === 'children'
          ? O.source.children(s.contributors, s.children, childNoun(office))
          : s.kind === 'department'
            ? O.source.department(MESSAGES.merge.departmentName(s.department))
            : s.kind === 'own'
              ? O.source.own
              : O.source.none,
      ]),
    );
  }
  const rows = longRowsOf({
    framework,
    data: view.data,
    regionName,
    status: row.status,
    sources,
    defaultSource: merged ? O.source.own : O.source.entered,
    evaluation,
  });
  return { data: view.data, framework, regionName, rows };
}

/** The region's (and its units') returns of the plan over the years, each judged, oldest first per unit. */
function collect(
  ctx: AppContext,
  framework: Framework,
  regionCode: string,
  withChildren: boolean,
  fromYear: number,
  toYear: number,
) {
  const region = requireRegion(ctx, regionCode);
  const units = [
    region,
    ...(withChildren
      ? childRegions(ctx.db, region.code).filter((r) => r.level === 'township' || r.level === 'county')
      : []),
  ];
  const list = units.flatMap((r) =>
    listReturns(ctx.db, r.code)
      .filter((x) => x.planId === framework.plan.id && x.year >= fromYear && x.year <= toYear)
      .sort((a, b) => a.year - b.year)
      .map((x) => ({ id: x.id, name: r.name })),
  );
  return { region, units, all: list.map((x) => judged(ctx, x.id, x.name)) };
}

/** A return's cells kept by the filter (DHIS2 / ADX carry data items only: a verdict filter keeps none). */
function filteredData(j: Judged, filter: DatabaseFilter): ReturnData {
  const names = new Map(j.framework.dataItems.map((d) => [d.code, d.name]));
  const cells = j.data.cells.filter((c) =>
    matchesFilter(
      {
        kind: 'item',
        regionCode: j.data.regionCode,
        year: j.data.year,
        code: c.item,
        name: names.get(c.item) ?? '',
        targetId: null,
        verdict: null,
      },
      filter,
    ),
  );
  return { ...j.data, cells };
}

export function exportOpenData(ctx: AppContext, input: ExportInput): OpenDataExport & { bytes: Buffer } {
  if (input.fromYear > input.toYear)
    throw new AppError('invalid_request', O.badYears(input.fromYear, input.toYear), [
      { path: 'fromYear', message: O.badYears(input.fromYear, input.toYear) },
    ]);
  const framework = planOf(ctx, input.planId);
  const { region, all: every } = collect(
    ctx,
    framework,
    input.regionCode,
    input.withChildren,
    input.fromYear,
    input.toYear,
  );
  if (every.length === 0) throw new AppError('refused', O.noReturns(region.name, input.fromYear, input.toYear));
  const filter = input.filter;
  // with the database page's filter: its rows (long formats) or its data items' cells (DHIS2), returns left empty dropped
  const all = !filter
    ? every
    : every
        .map((j) => ({ ...j, data: filteredData(j, filter), rows: j.rows.filter((r) => matchesFilter(r, filter)) }))
        .filter((j) =>
          input.format === 'csv' || input.format === 'json' ? j.rows.length > 0 : j.data.cells.length > 0,
        );
  if (all.length === 0)
    throw new AppError(
      'refused',
      input.format === 'csv' || input.format === 'json' ? O.database.nothingToExport : O.database.noItemValues,
    );
  const base = O.fileName(region.name, input.fromYear, input.toYear, '');
  const notes: string[] = [];
  const mapping = input.format === 'dhis2-json' || input.format === 'adx' ? mappingOf(ctx, framework) : null;
  let text: string;
  let rows: number;
  let ext: string;
  switch (input.format) {
    case 'csv': {
      const longRows = all.flatMap((j) => j.rows);
      text = longRowsToCsv(longRows);
      rows = longRows.length;
      ext = 'csv';
      break;
    }
    case 'json': {
      const dataset = LongDatasetSchema.parse({
        format: OPEN_DATA_FORMAT,
        version: OPEN_DATA_VERSION,
        generatedAt: ctx.now().toISOString(),
        generator: O.generator(APP_VERSION),
        rows: all.flatMap((j) => j.rows),
      });
      text = `${JSON.stringify(dataset, null, 1)}\n`;
      rows = dataset.rows.length;
      ext = 'json';
      break;
    }
    case 'dhis2-json': {
      const set = toDataValueSet(all, mapping!);
      text = `${JSON.stringify(set, null, 1)}\n`;
      rows = set.dataValues.length;
      ext = 'dhis2.json';
      break;
    }
    case 'adx': {
      const { xml, leftOut } = toAdx(all, mapping!, ctx.now().toISOString());
      if (leftOut > 0) notes.push(O.adxLeftOut(leftOut));
      text = xml;
      rows = (xml.match(/<dataValue /g) ?? []).length;
      ext = 'adx.xml';
      break;
    }
  }
  const bytes = Buffer.from(text, 'utf8');
  return { fileName: `${base}${ext}`, bytesBase64: bytes.toString('base64'), bytes, rows, returns: all.length, notes };
}

/**
 * The 统计数据库 page: every unit × year × indicator target of the office's region from this computer's database,
 * judged like the export, filtered by the one filter the exports use; the pivot of one indicator.
 */
export function queryDatabase(
  ctx: AppContext,
  input: { regionCode?: string; planId?: string; filter: DatabaseFilter; pivot: string | null; maxRows?: number },
): DatabaseView {
  const { filter } = input;
  if (filter.fromYear > filter.toYear)
    throw new AppError('invalid_request', O.badYears(filter.fromYear, filter.toYear), [
      { path: 'filter.fromYear', message: O.badYears(filter.fromYear, filter.toYear) },
    ]);
  const framework = planOf(ctx, input.planId);
  const regionCode = input.regionCode ?? getProfile(ctx)?.regionCode;
  if (!regionCode) throw new AppError('refused', MESSAGES.returns.noProfile);
  const { region, units, all } = collect(ctx, framework, regionCode, true, filter.fromYear, filter.toYear);
  const yearsHeld = [
    ...new Set(
      units.flatMap((u) =>
        listReturns(ctx.db, u.code)
          .filter((x) => x.planId === framework.plan.id)
          .map((x) => x.year),
      ),
    ),
  ].sort((a, b) => a - b);
  const matching = all.flatMap((j) => j.rows).filter((r) => matchesFilter(r, filter));
  const indicatorRows = matching.filter((r) => r.kind === 'indicator');
  return {
    regionName: region.name,
    planName: framework.plan.name,
    units: units.map((u) => ({ code: u.code, name: u.name, level: u.level })),
    years: yearsHeld,
    rows: indicatorRows.slice(0, input.maxRows ?? DATABASE_MAX_ROWS),
    total: indicatorRows.length,
    itemValues: matching.filter((r) => r.kind === 'item').length,
    returns: new Set(matching.map((r) => `${r.regionCode}|${r.year}`)).size,
    indicators: indicatorsOf(indicatorRows),
    pivot: input.pivot ? pivotOf(indicatorRows, input.pivot) : null,
  };
}

/** Reads and checks a file: every problem, none written. */
function check(ctx: AppContext, bytes: Uint8Array, fileName: string) {
  const profile = getProfile(ctx);
  const readCtx = readContextOf(ctx);
  const planFramework = profile ? requireFramework(ctx, profile.planId) : null;
  const read = readOpenData(bytes, fileName, {
    frameworks: readCtx.frameworks,
    region: (code) => getRegion(ctx.db, code),
    history: readCtx.history,
    defaultPlanId: profile?.planId ?? null,
    mapping: planFramework ? mappingOf(ctx, planFramework) : null,
  });
  if (!read.returns && read.report.counts.errors > 0) return read;
  const extra: RecordProblem[] = [];
  for (const r of read.returns ?? []) {
    const p = O.problem;
    const at = { order: r.order, location: r.at, item: null };
    if (profile && profile.planId !== r.data.planId) {
      extra.push({
        ...at,
        severity: 'error',
        code: 'other_plan',
        message: p.otherPlan(r.framework.plan.name, planFramework!.plan.name),
      });
      continue;
    }
    const existing = findReturn(ctx.db, r.data.regionCode, r.data.year, r.data.planId);
    if (!existing) continue;
    if (isLockedStatus(existing.status))
      extra.push({
        ...at,
        severity: 'error',
        code: 'locked_return',
        message: p.lockedReturn(r.regionName, r.data.year),
      });
    else {
      const stored = returnData(ctx, existing);
      if (stored.cells.length + stored.qualitative.length + Object.keys(stored.externalThresholds).length > 0) {
        extra.push({
          ...at,
          severity: 'warning',
          code: 'will_overwrite',
          message: p.willOverwrite(r.regionName, r.data.year, stored.cells.length),
        });
      }
    }
  }
  if (extra.length === 0) return read;
  const report = settleReport({ ...read.report, written: false }, [...read.problems, ...extra]);
  return { ...read, report, returns: report.counts.errors === 0 ? read.returns : null };
}

export function validateOpenData(ctx: AppContext, bytes: Uint8Array, fileName: string): OpenDataReport {
  return check(ctx, bytes, fileName).report;
}

/** Nothing is written on any error, or on warnings not accepted; otherwise a backup, then one transaction. */
export async function importOpenData(
  ctx: AppContext,
  bytes: Uint8Array,
  fileName: string,
  acceptWarnings: boolean,
): Promise<OpenDataReport> {
  const read = check(ctx, bytes, fileName);
  const { report } = read;
  if (!read.returns || report.counts.errors > 0 || (report.counts.warnings > 0 && !acceptWarnings)) return report;
  await backupNow(ctx, 'import');
  ctx.db.transaction(() => {
    for (const r of read.returns!) writeImportedReturn(ctx, r.data, { fileName });
  })();
  return settleReport({ ...report, written: true }, read.problems);
}

export function exportMapping(ctx: AppContext, planId?: string): { fileName: string; bytes: Buffer } {
  const framework = planOf(ctx, planId);
  const mapping = mappingOf(ctx, framework);
  return {
    fileName: O.mappingFileName(framework.plan.name),
    bytes: Buffer.from(`${JSON.stringify(mapping, null, 2)}\n`, 'utf8'),
  };
}

/** An edited mapping, validated in full (shape, the plan in use, known items, no two keys on one identifier). */
export function importMapping(ctx: AppContext, bytes: Uint8Array): { entries: number; message: string } {
  const M = O.mapping;
  const fail = (message: string, path = 'mapping') => {
    throw new AppError('invalid_request', message, [{ path, message }]);
  };
  if (bytes.length > 2 * 1024 * 1024) fail(O.problem.tooLarge('mapping', bytes.length, 2 * 1024 * 1024));
  let doc: unknown;
  try {
    doc = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''));
  } catch (error) {
    return fail(M.notJson((error as Error).message));
  }
  const parsed = Dhis2MappingSchema.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail(M.invalid(issue.path.join('.') || '（根）', issue.message), issue.path.join('.'));
  }
  const m = parsed.data;
  const framework = planOf(ctx);
  if (m.planId !== framework.plan.id) fail(M.otherPlan(m.planId, framework.plan.id));
  const known = new Set(framework.dataItems.map((d) => d.code));
  for (const code of Object.keys(m.dataElements))
    if (!known.has(code)) fail(M.unknownItem(code), `dataElements.${code}`);
  const clash = mappingClashes(m)[0];
  if (clash) fail(M.duplicateTarget(M.what[clash.what], clash.code, clash.a, clash.b));
  const entries = ctx.db.transaction(() => replaceMapping(ctx.db, m))();
  return { entries, message: M.imported(entries) };
}
