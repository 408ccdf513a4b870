// The second half of reading an open-data file: records → returns. Every record is checked against the
// frameworks and the region table (codes, 栏, 计量单位, numbers with the entry grid's parser, 无数据 reasons,
// duplicates, one framework version per return), grouped by plan, region and year, and each return is run through
// the whole rule engine; its cell problems are placed back at the record they came from. Pure.
import { sexColumnsOf, type Framework } from '../../shared/framework/schema.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { codeOfLabel } from '../../shared/open-data/long-csv.ts';
import { parseNumberInput } from '../../shared/returns/parse-number.ts';
import { cellKey, type Cell, type QualitativeAnswer, type ReturnData } from '../../shared/returns/schema.ts';
import { evaluateReturn } from '../../shared/rules/evaluate.ts';
import type { Evaluation } from '../../shared/rules/result.ts';
import type { IncomingRecord, RecordProblem } from './records.ts';

const O = MESSAGES.openData;
const P = O.problem;

export interface AssembleContext {
  frameworks: readonly Framework[];
  region: (code: string) => { code: string; name: string; level: string; parent: string | null } | null;
  /** the region's other returns, for 上年 and trend targets */
  history?: (planId: string, regionCode: string, year: number) => ReturnData[];
  /** the plan a record without 规划编号 belongs to (this computer's) */
  defaultPlanId: string | null;
}

export interface AssembledReturn {
  data: ReturnData;
  regionName: string;
  framework: Framework;
  evaluation: Evaluation;
  /** where the return's first record is, for return-level problems */
  at: string;
  order: number;
}

export function assembleReturns(
  records: readonly IncomingRecord[],
  ctx: AssembleContext,
): { returns: AssembledReturn[]; problems: RecordProblem[] } {
  const problems: RecordProblem[] = [];
  const add = (
    r: IncomingRecord,
    field: Parameters<IncomingRecord['at']>[0],
    message: string,
    code: string,
    item: string | null = null,
    severity: RecordProblem['severity'] = 'error',
  ) => problems.push({ severity, code, order: r.order, location: r.at(field), item, message });
  const latest = new Map<string, Framework>();
  for (const f of ctx.frameworks) if ((latest.get(f.plan.id)?.version ?? 0) < f.version) latest.set(f.plan.id, f);

  interface Group {
    data: ReturnData;
    framework: Framework;
    regionName: string;
    first: IncomingRecord;
    where: Map<string, IncomingRecord>;
    seen: Map<string, number>;
  }
  const groups = new Map<string, Group>();
  let indicatorRows = 0;
  let firstIndicator: IncomingRecord | null = null;

  for (const r of records) {
    const f = r.fields;
    const kind = codeOfLabel(O.kind, f.kind ?? '');
    if (kind === null) {
      add(r, 'kind', P.unknownKind(f.kind ?? ''), 'unknown_kind');
      continue;
    }
    if (kind === 'indicator') {
      indicatorRows++;
      firstIndicator ??= r;
      continue;
    }
    const regionCode = f.regionCode ?? '';
    if (!/^\d{12}$/.test(regionCode)) {
      add(r, 'regionCode', P.badRegion(regionCode), 'bad_region');
      continue;
    }
    const yearText = f.year ?? '';
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
    if (!(year >= 2000 && year <= 2100)) {
      add(r, 'year', P.badYear(yearText), 'bad_year');
      continue;
    }
    const planId = f.planId || ctx.defaultPlanId;
    if (!planId) {
      add(r, 'planId', P.noPlan, 'no_plan');
      continue;
    }
    if (!latest.has(planId)) {
      add(r, 'planId', P.unknownPlan(planId), 'unknown_plan');
      continue;
    }
    const versionText = f.frameworkVersion ?? '';
    const framework =
      versionText === ''
        ? latest.get(planId)!
        : ctx.frameworks.find((x) => x.plan.id === planId && String(x.version) === versionText);
    if (!framework) {
      add(r, 'frameworkVersion', P.unknownVersion(planId, versionText), 'unknown_version');
      continue;
    }
    const region = ctx.region(regionCode);
    if (!region) {
      add(r, 'regionCode', P.regionNotInTable(regionCode), 'region_not_in_table');
      continue;
    }
    const county = framework.plan.region.code;
    if (region.code !== county && region.parent !== county) {
      add(r, 'regionCode', P.regionOutsidePlan(regionCode, framework.plan.name), 'region_outside_plan');
      continue;
    }
    const level = region.level === 'township' ? 'township' : 'county';
    if (f.level && codeOfLabel(O.level, f.level) !== level) {
      add(r, 'level', P.levelMismatch(f.level, O.level[level]), 'level_mismatch');
      continue;
    }

    const key = `${planId}|${regionCode}|${year}`;
    let g = groups.get(key);
    if (!g) {
      g = {
        data: {
          planId,
          frameworkVersion: framework.version,
          regionCode,
          level,
          year,
          cells: [],
          qualitative: [],
          externalThresholds: {},
        },
        framework,
        regionName: region.name,
        first: r,
        where: new Map(),
        seen: new Map(),
      };
      groups.set(key, g);
    } else if (g.framework.version !== framework.version) {
      add(r, 'frameworkVersion', P.mixedVersions(g.framework.version, framework.version), 'mixed_versions');
      continue;
    }
    const code = f.code ?? '';
    const once = (cellId: string): boolean => {
      const first = g.seen.get(cellId);
      if (first !== undefined) {
        add(r, 'code', P.duplicate(first), 'duplicate', code);
        return false;
      }
      g.seen.set(cellId, r.order);
      return true;
    };

    if (kind === 'item') {
      const item = g.framework.dataItems.find((d) => d.code === code);
      if (!item) {
        add(r, 'code', P.unknownItem(code), 'unknown_item', code);
        continue;
      }
      const sex = codeOfLabel(O.column, f.column || O.column.total);
      if (sex === null) {
        add(r, 'column', P.badColumn(f.column ?? ''), 'bad_column', code);
        continue;
      }
      if (!sexColumnsOf(item).includes(sex)) {
        add(r, 'column', P.noSuchColumn(code, item.name, O.column[sex]), 'no_such_column', code);
        continue;
      }
      if (f.unit && f.unit !== item.unit) {
        add(r, 'unit', P.unitMismatch(code, f.unit, item.unit), 'unit_mismatch', code);
        continue;
      }
      if (!once(cellKey(code, sex))) continue;
      const spec = { valueType: item.valueType, decimals: item.decimals, unit: item.unit };
      const reason = (f.noDataReason ?? '').trim();
      const valueText = (f.value ?? '').trim() || (f.rawText ?? '').trim();
      const valueField = (f.value ?? '').trim() ? 'value' : 'rawText';
      let cell: Cell | null = null;
      if (valueText !== '') {
        const parsed = parseNumberInput(valueText, spec);
        if (!parsed.ok) {
          add(r, valueField, P.badNumber(parsed.message), 'invalid_number', code);
          continue;
        }
        if (parsed.value !== null && reason) {
          add(r, 'noDataReason', P.valueAndReason, 'value_and_reason', code);
          continue;
        }
        cell =
          parsed.value !== null
            ? { item: code, sex, value: parsed.value, noData: null, prefilled: false, raw: null }
            : { item: code, sex, value: null, noData: { reason: reason || valueText }, prefilled: false, raw: null };
      } else if (reason) {
        if (reason.length > 200) {
          add(r, 'noDataReason', P.badShape(O.headers.noDataReason, '最多200个字符'), 'reason_too_long', code);
          continue;
        }
        cell = { item: code, sex, value: null, noData: { reason }, prefilled: false, raw: null };
      }
      if (cell) {
        g.data.cells.push(cell);
        g.where.set(cellKey(code, sex), r);
      }
    } else if (kind === 'qualitative') {
      const ind = g.framework.indicators.find((i) => i.code === code && i.kind === 'qualitative');
      if (!ind) {
        add(r, 'code', P.unknownIndicator(code), 'unknown_indicator', code);
        continue;
      }
      const text = (f.choice ?? '').trim();
      const choice = text === '' ? null : (codeOfLabel(O.choice, text) ?? codeOfLabel(O.choiceAlt, text));
      if (text !== '' && choice === null) {
        add(r, 'choice', P.badChoice(text), 'bad_choice', code);
        continue;
      }
      if (!once(code)) continue;
      const note = f.note ?? '';
      if (note.length > 1000) {
        add(r, 'note', P.badShape(O.headers.note, '最多1000个字符'), 'note_too_long', code);
        continue;
      }
      const answer: QualitativeAnswer = { indicator: code, choice, note };
      g.data.qualitative.push(answer);
      g.where.set(code, r);
    } else {
      const target = g.framework.areas
        .flatMap((a) => a.targets)
        .find((t) => t.id === code && t.rule.kind === 'external');
      if (!target) {
        add(r, 'code', P.unknownTarget(code), 'unknown_target', code);
        continue;
      }
      const parsed = parseNumberInput((f.value ?? '').trim(), { valueType: 'value', decimals: 4, unit: '' });
      if (!parsed.ok || parsed.value === null) {
        add(r, 'value', P.badThreshold(f.value ?? ''), 'bad_threshold', code);
        continue;
      }
      if (!once(code)) continue;
      g.data.externalThresholds[code] = parsed.value;
      g.where.set(code, r);
    }
  }
  if (firstIndicator)
    add(firstIndicator, 'kind', P.indicatorRowsSkipped(indicatorRows), 'indicator_rows_skipped', null, 'info');

  const returns: AssembledReturn[] = [];
  for (const g of groups.values()) {
    const history = ctx.history?.(g.data.planId, g.data.regionCode, g.data.year) ?? [];
    const evaluation = evaluateReturn(g.framework, g.data, history);
    for (const issue of evaluation.issues) {
      const r = g.where.get(cellKey(issue.item, issue.sex)) ?? g.first;
      add(
        r,
        'value',
        P.engine(`${g.regionName}${g.data.year}年`, issue.message),
        issue.code,
        issue.item,
        issue.severity,
      );
    }
    returns.push({
      data: g.data,
      regionName: g.regionName,
      framework: g.framework,
      evaluation,
      at: g.first.at(null),
      order: g.first.order,
    });
  }
  return { returns, problems };
}
