// Merges the townships' returns into the county's return (and the counties' returns into the city's).
// Township items that add up (aggregation 'sum', level 'township') are summed per sex column over the
// children; county items and non-additive items, the qualitative answers and the 上级要求 thresholds come
// from the county's own entries, or, for a county item, from the return of the county department that
// collects it (卫健局, 教育局 …). At city level every additive item is summed over the counties, whatever
// level collects it. A ratio over two summed items is pooled here over only the children that have both its
// numerator and its denominator (data.pooledRatios): a child lacking either leaves both sums, so the engine
// never divides one population's numerator by another's denominator, and never averages the children's
// rates. A child that is itself a merged return brings its own pooled pair. Pure: no I/O.
import { SEX_COLUMNS, type Framework, type SexColumn } from '../framework/schema.ts';
import { cellKey, type Cell, type PooledRatio, type ReturnData } from '../returns/schema.ts';
import { compileFramework } from '../rules/compile.ts';
import { roundTo } from '../rules/format.ts';
import { NO_DATA, VALUE, readReturn, type CompiledReturn } from '../rules/input-validity.ts';
import { AGGREGATION_MSG } from '../rules/messages.ts';

/** A summed cell that some children lacked (blank, 无数据, or a value that fails input validity). */
export interface AggregationGap {
  item: string;
  sex: SexColumn;
  /** region codes of the children without a usable value, in the children's order */
  missingIn: string[];
}

/** Who supplied one data item of the merged return. */
export type ItemSource =
  | { item: string; kind: 'children'; contributors: number; children: number }
  | { item: string; kind: 'department'; department: string }
  | { item: string; kind: 'own' }
  | { item: string; kind: 'none' };

export interface AggregationResult {
  data: ReturnData;
  gaps: AggregationGap[];
  /** per data item of the framework, in framework order: summed from the children, a department's, or the office's own */
  sources: ItemSource[];
}

/** A county department's return: it supplies the county-level items of its own department. */
export interface DepartmentReturn {
  department: string;
  data: ReturnData;
}

export interface AggregateOptions {
  /** returns of the office's departments (卫健, 教育 … as in DataItem.department) */
  departments?: readonly DepartmentReturn[];
  /** accept children under other plans, matched by data item code (a city merging counties with their own plans) */
  anyPlan?: boolean;
  /** names of the children by region code, for the units a pooled ratio leaves out (default: the code) */
  names?: Readonly<Record<string, string>>;
}

/** Which items a merge at this level sums over its children. */
export const isSummedAt = (item: { aggregation: string; level: string }, level: 'county' | 'city'): boolean =>
  item.aggregation === 'sum' && (level === 'city' || item.level === 'township');

/**
 * Builds the county return for `year` from its townships' returns (`children`) and the county's own
 * entries (`own`). A sum is computed from the children that have the cell; those that lack it are listed
 * in `gaps`. When no child has a value the cell stays blank (or 无数据 when every child marked it so).
 * Throws (Chinese message) when a child is of another year or plan, or appears twice.
 */
export function aggregateReturns(
  framework: Framework,
  level: 'county' | 'city',
  regionCode: string,
  year: number,
  children: readonly ReturnData[],
  own?: ReturnData,
  options: AggregateOptions = {},
): AggregationResult {
  const planId = framework.plan.id;
  const seen = new Set<string>();
  for (const child of children) {
    if (child.year !== year) throw new Error(AGGREGATION_MSG.wrongYear(child.regionCode, child.year, year));
    if (child.planId !== planId && !options.anyPlan)
      throw new Error(AGGREGATION_MSG.wrongPlan(child.regionCode, child.planId, planId));
    if (seen.has(child.regionCode)) throw new Error(AGGREGATION_MSG.duplicateChild(child.regionCode));
    seen.add(child.regionCode);
  }
  if (own && own.regionCode !== regionCode) throw new Error(AGGREGATION_MSG.ownWrongRegion(own.regionCode, regionCode));
  if (own && own.year !== year) throw new Error(AGGREGATION_MSG.ownWrongYear(own.year, year));

  const compiled = compileFramework(framework);
  const views: CompiledReturn[] = children.map((c) => readReturn(compiled, c, null));
  const ownView = own ? readReturn(compiled, own, null) : null;
  const departmentViews = (options.departments ?? []).map((d) => {
    if (d.data.year !== year) throw new Error(AGGREGATION_MSG.departmentWrongYear(d.department, d.data.year, year));
    return { department: d.department, view: readReturn(compiled, d.data, null) };
  });
  const hasAny = (view: CompiledReturn, ci: (typeof compiled.items)[number]) =>
    [0, 1, 2].some(
      (s) =>
        ci.columns[s] &&
        view.cells[ci.index * 3 + s] !== undefined &&
        (view.cells[ci.index * 3 + s]!.value !== null ||
          view.cells[ci.index * 3 + s]!.noData !== null ||
          (view.cells[ci.index * 3 + s]!.raw ?? null) !== null),
    );

  const cells: Cell[] = [];
  const gaps: AggregationGap[] = [];
  const sources: ItemSource[] = [];
  for (const ci of compiled.items) {
    const { item } = ci;
    const summed = isSummedAt(item, level);
    let from: CompiledReturn | null = null;
    if (!summed) {
      // The department that collects the item supplies it; otherwise the office's own entry.
      const dep = departmentViews.find((d) => d.department === item.department && hasAny(d.view, ci));
      if (dep) {
        from = dep.view;
        sources.push({ item: item.code, kind: 'department', department: dep.department });
      } else {
        from = ownView;
        sources.push({ item: item.code, kind: ownView && hasAny(ownView, ci) ? 'own' : 'none' });
      }
    } else {
      let contributors = 0;
      for (const v of views)
        if ([0, 1, 2].some((s) => ci.columns[s] && v.state[ci.index * 3 + s] === VALUE)) contributors++;
      if (contributors > 0) sources.push({ item: item.code, kind: 'children', contributors, children: views.length });
      else if (ownView && hasAny(ownView, ci)) {
        // Nothing received for this item: the office's own figure stands (a county that keys township totals
        // itself, e.g. where townships do not use the program).
        from = ownView;
        sources.push({ item: item.code, kind: 'own' });
      } else sources.push({ item: item.code, kind: 'none' });
    }
    for (let s = 0; s < 3; s++) {
      if (!ci.columns[s]) continue;
      const slot = ci.index * 3 + s;
      const sex = SEX_COLUMNS[s];
      if (!summed || from) {
        const c = from?.cells[slot];
        cells.push({
          item: item.code,
          sex,
          value: c?.value ?? null,
          noData: c?.noData ?? null,
          prefilled: c?.prefilled ?? false,
          raw: c?.raw ?? null,
        });
        continue;
      }
      let sum = 0;
      let contributors = 0;
      let noDataCount = 0;
      let prefilled = false;
      const missingIn: string[] = [];
      for (let k = 0; k < views.length; k++) {
        const v = views[k];
        if (v.state[slot] === VALUE) {
          sum += v.values[slot];
          contributors++;
          if (v.cells[slot]?.prefilled) prefilled = true;
        } else {
          if (v.state[slot] === NO_DATA) noDataCount++;
          missingIn.push(children[k].regionCode);
        }
      }
      if (missingIn.length > 0) gaps.push({ item: item.code, sex, missingIn });
      if (contributors === 0) {
        const allNoData = views.length > 0 && noDataCount === views.length;
        cells.push({
          item: item.code,
          sex,
          value: null,
          noData: allNoData ? { reason: AGGREGATION_MSG.allNoData } : null,
          prefilled: false,
          raw: null,
        });
      } else {
        cells.push({ item: item.code, sex, value: roundTo(sum, item.decimals), noData: null, prefilled, raw: null });
      }
    }
  }

  const pooledRatios = poolRatios(compiled, views, children, sources, level, options.names ?? {});
  const data: ReturnData = {
    planId,
    frameworkVersion: framework.version,
    regionCode,
    // a city's merged return is a city return (judged like a county's: every indicator at its judge level)
    level,
    year,
    cells,
    qualitative: own ? own.qualitative.map((q) => ({ ...q })) : [],
    externalThresholds: own ? { ...own.externalThresholds } : {},
    ...(Object.keys(pooledRatios).length > 0 ? { pooledRatios } : {}),
  };
  return { data, gaps, sources };
}

/**
 * Each ratio whose numerator and denominator are both summed from the children, pooled over the children
 * that have a usable value in both (or, for a merged child, its own pooled pair over the same cells). Ratios
 * none of whose cells any child reported are left out: the blank cells say it.
 */
function poolRatios(
  compiled: ReturnType<typeof compileFramework>,
  views: readonly CompiledReturn[],
  children: readonly ReturnData[],
  sources: readonly ItemSource[],
  level: 'county' | 'city',
  names: Readonly<Record<string, string>>,
): Record<string, PooledRatio> {
  const fromChildren = new Set(sources.filter((s) => s.kind === 'children').map((s) => s.item));
  const childPairs = children.map((c) => {
    const m = new Map<string, PooledRatio>();
    for (const p of Object.values(c.pooledRatios ?? {})) m.set(`${p.numeratorCell}/${p.denominatorCell}`, p);
    return m;
  });
  const out: Record<string, PooledRatio> = {};
  for (const ind of compiled.indicators) {
    const indicator = ind.indicator;
    if (
      indicator.kind !== 'ratio' ||
      !fromChildren.has(indicator.numerator.item) ||
      !fromChildren.has(indicator.denominator.item)
    )
      continue;
    const numeratorCell = cellKey(indicator.numerator.item, indicator.numerator.sex);
    const denominatorCell = cellKey(indicator.denominator.item, indicator.denominator.sex);
    let n = 0;
    let d = 0;
    let units = 0;
    let touched = false;
    const missingIn: PooledRatio['missingIn'] = [];
    views.forEach((v, k) => {
      const own = childPairs[k].get(`${numeratorCell}/${denominatorCell}`);
      const hasNum = v.state[ind.numSlot] === VALUE;
      const hasDen = v.state[ind.denSlot] === VALUE;
      if (own || hasNum || hasDen) touched = true;
      if (own ? own.numerator !== null && own.denominator !== null : hasNum && hasDen) {
        n += own ? own.numerator! : v.values[ind.numSlot];
        d += own ? own.denominator! : v.values[ind.denSlot];
        units++;
      } else {
        const code = children[k].regionCode;
        missingIn.push({ code, name: names[code] ?? code });
      }
    });
    if (!touched) continue;
    const numItem = compiled.items[Math.floor(ind.numSlot / 3)].item;
    const denItem = compiled.items[Math.floor(ind.denSlot / 3)].item;
    out[indicator.code] = {
      numeratorCell,
      denominatorCell,
      numerator: units > 0 ? roundTo(n, numItem.decimals) : null,
      denominator: units > 0 ? roundTo(d, denItem.decimals) : null,
      units,
      of: views.length,
      unitLevel: level === 'county' ? 'township' : 'county',
      missingIn,
    };
  }
  return out;
}
