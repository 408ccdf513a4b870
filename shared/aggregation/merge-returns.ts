// Merges the townships' returns into the county's return.
// Township items that add up (aggregation 'sum', level 'township') are summed per sex column over the
// children; county items and non-additive items, the qualitative answers and the 上级要求 thresholds come
// from the county's own entries. Ratios are not merged here: the engine recomputes them from the summed
// numerator and denominator, never averaging the townships' rates. Pure: no I/O.
import type { Framework, SexColumn } from '../framework/schema.ts';
import type { Cell, ReturnData } from '../returns/schema.ts';
import { compileFramework, SEX_COLUMNS } from '../rules/compile.ts';
import { roundTo } from '../rules/format.ts';
import { NO_DATA, VALUE, readReturn, type ReturnView } from '../rules/input-validity.ts';
import { AGGREGATION_MSG } from '../rules/messages.ts';

/** A summed cell that some children lacked (blank, 无数据, or a value that fails input validity). */
export interface AggregationGap {
  item: string;
  sex: SexColumn;
  /** region codes of the children without a usable value, in the children's order */
  missingIn: string[];
}

export interface AggregationResult {
  data: ReturnData;
  gaps: AggregationGap[];
}

/**
 * Builds the county return for `year` from its townships' returns (`children`) and the county's own
 * entries (`own`). A sum is computed from the children that have the cell; those that lack it are listed
 * in `gaps`. When no child has a value the cell stays blank (or 无数据 when every child marked it so).
 * Throws (Chinese message) when a child is of another year or plan, or appears twice.
 */
export function aggregateReturns(
  framework: Framework,
  level: 'county',
  regionCode: string,
  year: number,
  children: readonly ReturnData[],
  own?: ReturnData,
): AggregationResult {
  const planId = framework.plan.id;
  const seen = new Set<string>();
  for (const child of children) {
    if (child.year !== year) throw new Error(AGGREGATION_MSG.wrongYear(child.regionCode, child.year, year));
    if (child.planId !== planId) throw new Error(AGGREGATION_MSG.wrongPlan(child.regionCode, child.planId, planId));
    if (seen.has(child.regionCode)) throw new Error(AGGREGATION_MSG.duplicateChild(child.regionCode));
    seen.add(child.regionCode);
  }
  if (own && own.regionCode !== regionCode) throw new Error(AGGREGATION_MSG.ownWrongRegion(own.regionCode, regionCode));
  if (own && own.year !== year) throw new Error(AGGREGATION_MSG.ownWrongYear(own.year, year));

  const compiled = compileFramework(framework);
  const views: ReturnView[] = children.map((c) => readReturn(compiled, c, null));
  const ownView = own ? readReturn(compiled, own, null) : null;

  const cells: Cell[] = [];
  const gaps: AggregationGap[] = [];
  for (const ci of compiled.items) {
    const { item } = ci;
    const summed = item.aggregation === 'sum' && item.level === 'township';
    for (let s = 0; s < 3; s++) {
      if (!ci.columns[s]) continue;
      const slot = ci.index * 3 + s;
      const sex = SEX_COLUMNS[s];
      if (!summed) {
        const c = ownView?.cells[slot];
        cells.push({ item: item.code, sex, value: c?.value ?? null, noData: c?.noData ?? null, prefilled: c?.prefilled ?? false });
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
        cells.push({ item: item.code, sex, value: null, noData: allNoData ? { reason: AGGREGATION_MSG.allNoData } : null, prefilled: false });
      } else {
        cells.push({ item: item.code, sex, value: roundTo(sum, item.decimals), noData: null, prefilled });
      }
    }
  }

  const data: ReturnData = {
    planId,
    frameworkVersion: framework.version,
    regionCode,
    level,
    year,
    cells,
    qualitative: own ? own.qualitative.map((q) => ({ ...q })) : [],
    externalThresholds: own ? { ...own.externalThresholds } : {},
  };
  return { data, gaps };
}
