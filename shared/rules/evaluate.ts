// The rule engine's entry point: layer 1 input validity, layer 2 consistency, layer 3 targets
// (with volatility), and the per-area summaries. Pure: no Node, no DOM, no I/O.
import type { Framework } from '../framework/schema.ts';
import { engineLevel, type QualitativeAnswer, type ReturnData } from '../returns/schema.ts';
import type { CellIssue, Evaluation, IndicatorValue, TargetResult } from './result.ts';
import { compileFramework } from './compile.ts';
import { checkConsistency } from './consistency.ts';
import { computeIndicators, toIndicatorValue, type IndicatorState } from './indicators.ts';
import { readReturn } from './input-validity.ts';
import { resolveOptions, type RuleOptions } from './options.ts';
import { summarise } from './summary.ts';
import { evaluateTarget, type TargetContext } from './targets.ts';

/**
 * Evaluates one return of a region. `history` holds the same region's other returns in any order: the
 * engine takes year−1 as the previous year, the plan's baselineYear for trend targets on a baseline, and
 * the years a 上升趋势减缓 target needs. Returns of the current year or later are ignored; of several
 * returns for one year the first is used.
 */
export function evaluateReturn(
  framework: Framework,
  current: ReturnData,
  history: readonly ReturnData[],
  options?: Partial<RuleOptions>,
): Evaluation {
  const compiled = compileFramework(framework);
  const opts = resolveOptions(options);
  const level = engineLevel(current.level);

  const issues: CellIssue[] = [];
  const view = readReturn(compiled, current, issues);
  checkConsistency(compiled, view, issues);

  const states = computeIndicators(compiled, view, level);

  const byYear = new Map<number, ReturnData>();
  for (const h of history) if (h.year < current.year && !byYear.has(h.year)) byYear.set(h.year, h);
  const yearCache = new Map<number, IndicatorState[] | null>();
  const yearStates = (year: number): IndicatorState[] | null => {
    let hit = yearCache.get(year);
    if (hit !== undefined) return hit;
    const data = byYear.get(year);
    hit = data ? computeIndicators(compiled, readReturn(compiled, data, null), engineLevel(data.level)) : null;
    yearCache.set(year, hit);
    return hit;
  };

  const qualitative = new Map<string, QualitativeAnswer>();
  for (const q of current.qualitative) qualitative.set(q.indicator, q);

  const ctx: TargetContext = { compiled, options: opts, data: current, view, level, states, yearStates, qualitative };
  const targets: TargetResult[] = new Array(compiled.targets.length);
  for (let i = 0; i < compiled.targets.length; i++) targets[i] = evaluateTarget(ctx, compiled.targets[i]);

  const indicators: IndicatorValue[] = compiled.indicators.map((ind) => toIndicatorValue(ind, states[ind.index]));
  const { areas, total } = summarise(compiled, view, level, issues, targets);
  return { issues, indicators, targets, areas, total };
}
