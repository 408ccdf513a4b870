// Plan authoring, pure: a county's (or city's) own plan copied from a shipped one and relabelled, its targets
// entered or changed one by one, the framework re-assembled from the shared catalogue (only the indicators the
// targets use, and their data items) and checked; a sample value judged as the engine would.
import { assembleFramework } from './assemble.ts';
import {
  AREA_CODES,
  AREA_LETTER,
  FrameworkSchema,
  INDICATOR_FACTORS,
  isLocalCode,
  LOCAL_CODE_RANGE,
  type CatalogueArea,
  type DataItem,
  type Framework,
  type Indicator,
  type Target,
  type TargetRule,
} from './schema.ts';
import { areaTitles } from '../messages/framework.ts';
import type { ReturnData } from '../returns/schema.ts';
import { evaluateReturn } from '../rules/evaluate.ts';
import { AUTHOR_MSG as M } from '../messages/plan-author.ts';

export interface PlanLabel {
  id: string;
  name: string;
  region: { code: string; name: string; fullName: string };
  start: number;
  end: number;
  baselineYear: number;
}

/** A shipped plan relabelled as another office's: ids, region, name, period and base year; no local adjustments. */
export function copyPlan(source: Framework, label: PlanLabel): Framework {
  const sourceFile = M.sourceFile(label.name);
  const areas = source.areas.map((a) => ({
    ...a,
    targets: a.targets.map(
      ({ adjustment: _a, ...t }): Target => ({
        ...t,
        id: t.id.replace(/^[a-z]+-/, `${label.id}-`),
        year: t.year !== undefined && (t.year < label.start || t.year > label.end) ? undefined : t.year,
        source: { ...t.source, file: sourceFile },
      }),
    ),
  }));
  return FrameworkSchema.parse({
    plan: {
      id: label.id,
      name: label.name,
      status: '正式',
      region: label.region,
      period: { start: label.start, end: label.end },
      baselineYear: label.baselineYear,
      sourceFile,
    },
    version: 1,
    areas,
    dataItems: source.dataItems,
    indicators: source.indicators,
  });
}

/**
 * A new plan from the bare shared catalogue: the eight areas with no objective and no target yet; the office
 * then chooses indicators from the catalogue (or declares local ones) and enters each target as its plan states it.
 */
export function emptyPlan(label: PlanLabel): Framework {
  const sourceFile = M.sourceFile(label.name);
  return FrameworkSchema.parse({
    plan: {
      id: label.id,
      name: label.name,
      status: '正式',
      region: label.region,
      period: { start: label.start, end: label.end },
      baselineYear: label.baselineYear,
      sourceFile,
    },
    version: 1,
    areas: AREA_CODES.map((area) => ({ area, title: areaTitles[area], objectives: [], targets: [] })),
    dataItems: [],
    indicators: [],
    local: { indicators: [], dataItems: [] },
  });
}

/** The shared catalogue with the plan's own (local) indicators and data items added to their areas. */
export function catalogueOf(framework: Framework, catalogue: CatalogueArea[]): CatalogueArea[] {
  const local = framework.local;
  if (!local || (local.indicators.length === 0 && local.dataItems.length === 0)) return catalogue;
  const letter = (code: string) => code[0];
  return catalogue.map((c) => ({
    ...c,
    dataItems: [...c.dataItems, ...local.dataItems.filter((d) => letter(d.code) === AREA_LETTER[c.area])],
    indicators: [...c.indicators, ...local.indicators.filter((i) => i.area === c.area)],
  }));
}

export interface LocalIndicatorInput {
  /** the indicator with a local code (its area's letter + 80–99), its definition in `note` */
  indicator: Indicator;
  /** local data items it needs that are not declared yet (codes like HD80–HD99) */
  dataItems: DataItem[];
}

/**
 * Problems with a local indicator declaration, in Chinese: codes outside the reserved range or of another area,
 * a collision with a catalogue code, references to items that exist nowhere.
 */
export function localIndicatorProblems(
  framework: Framework,
  catalogue: CatalogueArea[],
  input: LocalIndicatorInput,
): string[] {
  const out: string[] = [];
  const { indicator } = input;
  const letter = AREA_LETTER[indicator.area];
  const catalogueIndicators = new Set(catalogue.flatMap((c) => c.indicators.map((i) => i.code)));
  const catalogueItems = new Set(catalogue.flatMap((c) => c.dataItems.map((d) => d.code)));
  if (catalogueIndicators.has(indicator.code)) out.push(M.localCollides(indicator.code));
  else if (!isLocalCode(indicator.code))
    out.push(M.localOutside(indicator.code, letter, LOCAL_CODE_RANGE.from, LOCAL_CODE_RANGE.to));
  else if (indicator.code[0] !== letter) out.push(M.localArea(indicator.code, letter));
  const declared = new Map((framework.local?.dataItems ?? []).map((d) => [d.code, d]));
  for (const item of input.dataItems) {
    if (catalogueItems.has(item.code)) out.push(M.localCollides(item.code));
    else if (!isLocalCode(item.code))
      out.push(M.localOutside(item.code, `${letter}D`, LOCAL_CODE_RANGE.from, LOCAL_CODE_RANGE.to));
    else if (item.code[0] !== letter) out.push(M.localArea(item.code, letter));
    declared.set(item.code, item);
  }
  const refs =
    indicator.kind === 'ratio'
      ? [indicator.numerator, indicator.denominator]
      : indicator.kind === 'value'
        ? [indicator.source]
        : [];
  for (const ref of refs) {
    if (!catalogueItems.has(ref.item) && !declared.has(ref.item)) out.push(M.localNoItem(indicator.code, ref.item));
  }
  if (
    indicator.kind === 'ratio' &&
    indicator.numerator.item === indicator.denominator.item &&
    indicator.numerator.sex === indicator.denominator.sex
  ) {
    out.push(M.localSameItem(indicator.code));
  }
  return out;
}

/**
 * The plan with a local indicator declared (or its definition changed) and the data items it needs; a new version.
 * Throws an Error listing every problem in Chinese.
 */
export function withLocalIndicator(
  framework: Framework,
  catalogue: CatalogueArea[],
  input: LocalIndicatorInput,
): Framework {
  const problems = localIndicatorProblems(framework, catalogue, input);
  if (problems.length > 0) throw new Error(problems.join('；'));
  const local = framework.local ?? { indicators: [], dataItems: [] };
  const items = new Map(local.dataItems.map((d) => [d.code, d]));
  for (const d of input.dataItems) items.set(d.code, d);
  const indicators = new Map(local.indicators.map((i) => [i.code, i]));
  indicators.set(input.indicator.code, input.indicator);
  const next: Framework = {
    ...framework,
    local: { indicators: [...indicators.values()], dataItems: [...items.values()] },
  };
  return reassemble(next, catalogue, next.areas);
}

/** Re-assembles a plan (one version up) from the catalogue and its own local indicators, keeping `local`. */
function reassemble(framework: Framework, catalogue: CatalogueArea[], areas: Framework['areas']): Framework {
  let next: Framework;
  try {
    next = assembleFramework({
      plan: { version: framework.version + 1, plan: framework.plan },
      catalogue: catalogueOf(framework, catalogue),
      areas,
    });
  } catch (error) {
    const text = (error as Error).message;
    throw new Error(text.includes('\n') ? text.split('\n').slice(1).join('；') : M.invalid(text));
  }
  const { release: _r, ...rest } = next;
  return FrameworkSchema.parse({ ...rest, ...(framework.local ? { local: framework.local } : {}) });
}

export interface TargetInput {
  /** the target to change; absent to add one */
  targetId?: string;
  indicator: string;
  text: string;
  rule: TargetRule;
  year?: number;
  section: '主要目标' | '策略措施';
  item: number;
  quote: string;
}

/** Problems with a rule the schema cannot see (contradictory or impossible values), in Chinese. */
function ruleProblems(
  rule: TargetRule,
  indicator: Indicator,
  framework: Framework,
  year?: number,
  gross = false,
): string[] {
  const out: string[] = [];
  const percent = indicator.kind === 'ratio' && indicator.unit === '%' && !gross;
  const inRange = (v: number, what: string) => {
    if (v < 0) out.push(M.negative(what));
    if (percent && v > 100) out.push(M.overHundred(what));
  };
  switch (rule.kind) {
    case 'at_least':
    case 'at_most':
      inRange(rule.value, M.value);
      break;
    case 'about':
      inRange(rule.value, M.value);
      if (rule.tolerance >= Math.abs(rule.value) && rule.value !== 0)
        out.push(M.toleranceTooWide(rule.tolerance, rule.value));
      break;
    case 'range':
      inRange(rule.min, M.min);
      inRange(rule.max, M.max);
      if (!(rule.min < rule.max)) out.push(M.rangeOrder(rule.min, rule.max));
      break;
    case 'balanced':
      if (!(rule.low >= 0 && rule.high <= 100 && rule.low < rule.high && rule.low <= 50 && rule.high >= 50))
        out.push(M.band(rule.low, rule.high));
      break;
    case 'relative':
      if (rule.indicator === indicator.code) out.push(M.selfRelative);
      break;
    default:
      break;
  }
  if (year !== undefined && (year < framework.plan.period.start || year > framework.plan.period.end))
    out.push(M.yearOutside(year, framework.plan.period.start, framework.plan.period.end));
  return out;
}

const nextTargetId = (
  framework: Framework,
  indicator: Indicator,
  section: TargetInput['section'],
  item: number,
): string => {
  const ids = new Set(framework.areas.flatMap((a) => a.targets.map((t) => t.id)));
  const stem = `${framework.plan.id}-${AREA_LETTER[indicator.area]}-${section === '主要目标' ? 'G' : 'M'}${String(item).padStart(2, '0')}`;
  for (let n = 1; n <= 9; n++) if (!ids.has(`${stem}-${n}`)) return `${stem}-${n}`;
  throw new Error(M.tooManyTargets(section, item));
};

/**
 * The plan with one target set (changed or added) or removed, re-assembled from the catalogue and checked.
 * Throws an Error whose message lists every problem in Chinese.
 */
export function withTarget(
  framework: Framework,
  shared: CatalogueArea[],
  input: TargetInput | { remove: string },
): { framework: Framework; targetId: string } {
  const catalogue = catalogueOf(framework, shared);
  const indicators = new Map(catalogue.flatMap((c) => c.indicators).map((i) => [i.code, i]));
  const areas = structuredClone(framework.areas);
  let targetId: string;
  if ('remove' in input) {
    const area = areas.find((a) => a.targets.some((t) => t.id === input.remove));
    if (!area) throw new Error(M.noTarget(input.remove));
    area.targets = area.targets.filter((t) => t.id !== input.remove);
    targetId = input.remove;
  } else {
    const indicator = indicators.get(input.indicator);
    if (!indicator) throw new Error(M.noIndicator(input.indicator));
    const items = catalogue.flatMap((c) => c.dataItems);
    const gross = indicator.kind === 'ratio' && items.some((d) => d.code === indicator.numerator.item && d.gross);
    const problems = ruleProblems(input.rule, indicator, framework, input.year, gross);
    if (problems.length > 0) throw new Error(problems.join('；'));
    const area = areas.find((a) => a.area === indicator.area)!;
    const existing = input.targetId ? areas.flatMap((a) => a.targets).find((t) => t.id === input.targetId) : undefined;
    if (input.targetId && !existing) throw new Error(M.noTarget(input.targetId));
    if (existing && existing.indicator !== indicator.code)
      throw new Error(M.otherIndicator(existing.id, existing.indicator));
    targetId = existing?.id ?? nextTargetId(framework, indicator, input.section, input.item);
    const target: Target = {
      id: targetId,
      indicator: indicator.code,
      text: input.text.trim(),
      rule: input.rule,
      ...(input.year !== undefined ? { year: input.year } : {}),
      source: { file: framework.plan.sourceFile, section: input.section, item: input.item, quote: input.quote.trim() },
    };
    if (existing) area.targets[area.targets.findIndex((t) => t.id === targetId)] = target;
    else area.targets.push(target);
    // a 主要目标 item the plan has not stated yet (a plan authored from the catalogue): its sentence is the item
    if (input.section === '主要目标' && !area.objectives.some((o) => o.item === input.item)) {
      area.objectives.push({ item: input.item, text: input.quote.trim() });
      area.objectives.sort((a, b) => a.item - b.item);
    }
  }
  return { framework: reassemble(framework, shared, areas), targetId };
}

/**
 * How the engine would judge `sample` for one target: a county return holding just that value (a ratio as
 * sample × 100 over factor × 100; 2 decimals kept exact). Only bound, 左右 and range rules can be judged on one value.
 */
export function judgeSample(framework: Framework, targetId: string, sample: number) {
  const target = framework.areas.flatMap((a) => a.targets).find((t) => t.id === targetId);
  if (!target) throw new Error(M.noTarget(targetId));
  const indicator = framework.indicators.find((i) => i.code === target.indicator)!;
  const cells: ReturnData['cells'] = [];
  const put = (item: string, sex: 'total' | 'female' | 'male', value: number) =>
    cells.push({ item, sex, value, noData: null, prefilled: false, raw: null });
  if (indicator.kind === 'ratio') {
    const factor = INDICATOR_FACTORS[indicator.unit];
    const denominator = factor * 100;
    const numerator = Math.round(sample * 100);
    put(indicator.denominator.item, indicator.denominator.sex, denominator);
    put(indicator.numerator.item, indicator.numerator.sex, numerator);
    // a female column needs its total (and a total its female) to be consistent
    for (const ref of [indicator.numerator, indicator.denominator]) {
      if (ref.sex === 'female')
        put(ref.item, 'total', ref === indicator.denominator ? denominator : Math.max(numerator, denominator));
    }
  } else if (indicator.kind === 'value') {
    put(indicator.source.item, indicator.source.sex, sample);
    if (indicator.source.sex === 'female') put(indicator.source.item, 'total', sample);
  } else {
    throw new Error(M.qualitativeSample);
  }
  const dedup = new Map(cells.map((c) => [`${c.item}.${c.sex}`, c]));
  const data: ReturnData = {
    planId: framework.plan.id,
    frameworkVersion: framework.version,
    regionCode: framework.plan.region.code,
    level: 'county',
    year: target.year ?? framework.plan.period.end,
    cells: [...dedup.values()],
    qualitative: [],
    externalThresholds: {},
  };
  const result = evaluateReturn(framework, data, []).targets.find((t) => t.targetId === targetId)!;
  return { status: result.status, message: result.message, value: result.value };
}
