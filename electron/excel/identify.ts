// Which return a workbook is: plan, framework version, region, level and year. First from the hidden 元数据 sheet;
// when that was lost (a copy pasted into a new file, a CSV), from the header block (单位代码, 统计年度, 监测规划).
// Pure.
import type { ReturnIdentity } from '../../shared/api/excel-contract.ts';
import type { RegionLevel } from '../../shared/api/regions-contract.ts';
import type { Framework } from '../../shared/framework/schema.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { META_FORMAT, META_FORMAT_VERSION, parseWorkbookMeta, type WorkbookMeta } from './meta.ts';
import { cellText, type GridSheet, type GridWorkbook } from './grid.ts';
import { address } from './layout.ts';
import { ROW_COLUMN_HEADER, sheetText } from './sheet-text.ts';
import type { RawProblem } from './import-report.ts';

/** The problem code of a 单位代码 missing from this computer's region table (a warning: the file may be newer). */
export const UNKNOWN_REGION = 'unknown_region';

const P = MESSAGES.excel.problem;

export type RegionLookup = (code: string) => { name: string; level: RegionLevel } | null;

export interface Identified {
  identity: ReturnIdentity;
  framework: Framework;
  /** the metadata sheet's contents, when it was there and sound */
  meta: WorkbookMeta | null;
  /** the metadata sheet's name, so the reader skips it */
  metaSheet: string | null;
}

/** The metadata sheet: a sheet whose A1 is "format" and B1 our format name, whatever it is called. */
function findMetaSheet(workbook: GridWorkbook): GridSheet | null {
  return (
    workbook.sheets.find((s) => cellText(s.rows[0]?.[0]) === 'format' && cellText(s.rows[0]?.[1]) === META_FORMAT) ??
    null
  );
}

function readMeta(sheet: GridSheet): { meta: WorkbookMeta | null; problem: RawProblem | null } {
  const raw: Record<string, string> = {};
  for (const row of sheet.rows) {
    const key = cellText(row?.[0]);
    if (key && !(key in raw)) raw[key] = row?.[1] ? String(row[1].v ?? '').trim() : '';
  }
  if (raw.regionVintage === '') delete raw.regionVintage;
  const version = Number(raw.formatVersion);
  if (Number.isFinite(version) && version > META_FORMAT_VERSION) {
    return {
      meta: null,
      problem: {
        severity: 'error',
        code: 'newer_format',
        sheet: sheet.name,
        cell: null,
        item: null,
        message: P.newerFormat(version),
      },
    };
  }
  const parsed = parseWorkbookMeta(raw);
  if (!parsed.success) {
    const detail =
      parsed.error.issues
        .map((i) => i.path.join('.'))
        .filter(Boolean)
        .join('、') || '?';
    return {
      meta: null,
      problem: {
        severity: 'error',
        code: 'bad_meta',
        sheet: sheet.name,
        cell: null,
        item: null,
        message: P.badMeta(detail),
      },
    };
  }
  return { meta: parsed.data, problem: null };
}

interface HeaderFact {
  value: string;
  sheet: string;
  cell: string;
}
interface HeaderFacts {
  regionCode?: HeaderFact;
  year?: HeaderFact;
  plan?: HeaderFact;
  unit?: HeaderFact;
}

/** Labelled facts in the rows above each sheet's column header. */
function readHeaderFacts(workbook: GridWorkbook, skip: Set<string>, problems: RawProblem[]): HeaderFacts {
  const facts: HeaderFacts = {};
  const patterns: [keyof HeaderFacts, RegExp][] = [
    ['regionCode', /单位代码[:：]?\s*(\d{12})/],
    ['year', /统计年度[:：]?\s*(\S+?)\s*年?$/],
    ['plan', /监测规划[:：]\s*(.+)$/],
    ['unit', /填报单位[:：]\s*(.+)$/],
  ];
  const labels = { regionCode: '单位代码', year: '统计年度', plan: '监测规划', unit: '填报单位' };
  for (const sheet of workbook.sheets) {
    if (skip.has(sheet.name)) continue;
    const limit = Math.min(sheet.rows.length, 30);
    const index = sheetText(sheet);
    for (let r = 0; r < limit; r++) {
      if (index.flags[r] & ROW_COLUMN_HEADER) break; // the column header: the block is above
      const row = index.text[r];
      for (let c = 0; c < row.length; c++) {
        const text = row[c];
        if (!text) continue;
        for (const [key, re] of patterns) {
          const m = re.exec(text);
          if (!m) continue;
          const value = m[1].trim();
          const fact = { value, sheet: sheet.name, cell: address(r + 1, c + 1) };
          const seen = facts[key];
          if (!seen) facts[key] = fact;
          else if (seen.value !== value && key !== 'unit') {
            problems.push({
              severity: 'error',
              code: 'header_conflict',
              sheet: sheet.name,
              cell: fact.cell,
              item: null,
              message: P.headerConflict(labels[key], `${seen.sheet}!${seen.cell}：${seen.value}`, value),
            });
          }
        }
      }
    }
  }
  return facts;
}

const latest = (frameworks: readonly Framework[], planId: string) =>
  frameworks.filter((f) => f.plan.id === planId).sort((a, b) => b.version - a.version)[0] ?? null;

const levelOf = (code: string, lookup: RegionLookup | undefined): 'township' | 'county' | 'city' => {
  const region = lookup?.(code);
  if (region) return region.level === 'township' ? 'township' : region.level === 'city' ? 'city' : 'county';
  return code.endsWith('00000000') ? 'city' : code.endsWith('000000') ? 'county' : 'township';
};

/** Identifies the return; problems explain what could not be identified or does not fit. */
export function identifyReturn(
  workbook: GridWorkbook,
  fileName: string,
  frameworks: readonly Framework[],
  region?: RegionLookup,
): { identified: Identified | null; problems: RawProblem[] } {
  const problems: RawProblem[] = [];
  const metaSheet = findMetaSheet(workbook);
  const { meta, problem } = metaSheet ? readMeta(metaSheet) : { meta: null, problem: null };
  if (problem) return { identified: null, problems: [problem] };
  const skip = new Set(metaSheet ? [metaSheet.name] : []);
  const facts = readHeaderFacts(workbook, skip, problems);
  if (problems.length > 0) return { identified: null, problems };

  let framework: Framework | null = null;
  let regionCode: string;
  let year: number;
  if (meta) {
    framework = frameworks.find((f) => f.plan.id === meta.planId && f.version === meta.frameworkVersion) ?? null;
    if (!framework) {
      const known = frameworks.some((f) => f.plan.id === meta.planId);
      return {
        identified: null,
        problems: [
          {
            severity: 'error',
            code: known ? 'unknown_framework_version' : 'unknown_plan',
            sheet: null,
            cell: null,
            item: null,
            message: known ? P.unknownFrameworkVersion(meta.planId, meta.frameworkVersion) : P.unknownPlan(meta.planId),
          },
        ],
      };
    }
    regionCode = meta.regionCode;
    year = meta.year;
    if (facts.regionCode && facts.regionCode.value !== regionCode) {
      problems.push({
        severity: 'error',
        code: 'meta_header_mismatch',
        sheet: facts.regionCode.sheet,
        cell: facts.regionCode.cell,
        item: null,
        message: P.metaHeaderMismatch('单位代码', regionCode, facts.regionCode.value),
      });
    }
    if (facts.year && facts.year.value !== String(year)) {
      problems.push({
        severity: 'error',
        code: 'meta_header_mismatch',
        sheet: facts.year.sheet,
        cell: facts.year.cell,
        item: null,
        message: P.metaHeaderMismatch('统计年度', `${year}`, facts.year.value),
      });
    }
    if (problems.length > 0) return { identified: null, problems };
  } else {
    if (!facts.regionCode || !facts.year) {
      return {
        identified: null,
        problems: [
          {
            severity: 'error',
            code: 'no_identity',
            sheet: null,
            cell: null,
            item: null,
            message: P.noIdentity(fileName),
          },
        ],
      };
    }
    regionCode = facts.regionCode.value;
    year = Number(facts.year.value);
    if (!/^\d{4}$/.test(facts.year.value) || year < 2000 || year > 2100) {
      return {
        identified: null,
        problems: [
          {
            severity: 'error',
            code: 'bad_year',
            sheet: facts.year.sheet,
            cell: facts.year.cell,
            item: null,
            message: P.badYear(facts.year.value),
          },
        ],
      };
    }
    const planIds = [...new Set(frameworks.map((f) => f.plan.id))];
    const planText = facts.plan?.value;
    // header texts are NFKC-normalised (full-width brackets become ASCII): compare names the same way
    const byName = planText
      ? planIds.find(
          (id) =>
            latest(frameworks, id)?.plan.name.normalize('NFKC').replace(/\s+/g, '') === planText.replace(/\s+/g, ''),
        )
      : undefined;
    const byRegion = planIds.filter(
      (id) => latest(frameworks, id)?.plan.region.code.slice(0, 6) === regionCode.slice(0, 6),
    );
    const planId = byName ?? (byRegion.length >= 1 ? byRegion[0] : undefined);
    if (!planId) {
      return {
        identified: null,
        problems: [
          planText
            ? {
                severity: 'error',
                code: 'unknown_plan',
                sheet: facts.plan!.sheet,
                cell: facts.plan!.cell,
                item: null,
                message: P.planNotFoundByHeader(planText),
              }
            : {
                severity: 'error',
                code: 'no_plan_for_region',
                sheet: facts.regionCode.sheet,
                cell: facts.regionCode.cell,
                item: null,
                message: P.noPlanForRegion(regionCode),
              },
        ],
      };
    }
    framework = latest(frameworks, planId)!;
    problems.push({
      severity: 'info',
      code: 'identified_from_header',
      sheet: null,
      cell: null,
      item: null,
      message: P.identifiedFromHeader,
    });
  }

  const plan = framework.plan;
  // a county's plan covers its townships (first 6 digits), a city's its counties (first 4)
  const prefix = plan.region.code.slice(4, 6) === '00' ? 4 : 6;
  if (regionCode.slice(0, prefix) !== plan.region.code.slice(0, prefix)) {
    problems.push({
      severity: 'error',
      code: 'region_outside_plan',
      sheet: facts.regionCode?.sheet ?? null,
      cell: facts.regionCode?.cell ?? null,
      item: null,
      message: P.regionOutsidePlan(regionCode, plan.name, plan.region.fullName),
    });
    return { identified: null, problems };
  }
  const known = region?.(regionCode) ?? null;
  if (region && !known)
    problems.push({
      severity: 'warning',
      code: UNKNOWN_REGION,
      sheet: facts.regionCode?.sheet ?? null,
      cell: facts.regionCode?.cell ?? null,
      item: null,
      message: P.unknownRegion(regionCode),
    });
  if (year < plan.baselineYear || year > plan.period.end) {
    problems.push({
      severity: 'warning',
      code: 'year_outside_plan',
      sheet: facts.year?.sheet ?? null,
      cell: facts.year?.cell ?? null,
      item: null,
      message: P.yearOutsidePlan(year, plan.period.start, plan.period.end),
    });
  }
  if (meta?.kind === 'template')
    problems.push({
      severity: 'info',
      code: 'template',
      sheet: null,
      cell: null,
      item: null,
      message: P.templateImported,
    });
  const identity: ReturnIdentity = {
    planId: plan.id,
    planName: plan.name,
    frameworkVersion: framework.version,
    regionCode,
    regionName: known?.name ?? meta?.regionName ?? facts.unit?.value ?? regionCode,
    level: meta?.level ?? levelOf(regionCode, region),
    year,
    source: meta ? 'metadata' : 'header',
    kind: meta?.kind ?? 'unknown',
  };
  return { identified: { identity, framework, meta, metaSheet: metaSheet?.name ?? null }, problems };
}
