// The rule engine's entry point: layer 1 input validity, layer 2 consistency, layer 3 targets
// (with volatility), and the per-area summaries. Pure: no Node, no DOM, no I/O.
import { AREA_CODES, type Framework } from '../framework/schema.ts';
import { engineLevel, type QualitativeAnswer, type ReturnData } from '../returns/schema.ts';
import type { CellIssue, Evaluation, IndicatorValue, TargetResult } from './result.ts';
import { compileFramework, type CompiledFramework } from './compile.ts';
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
  const { compiled, ctx, issues } = prepare(framework, current, history, options);
  const targets: TargetResult[] = new Array(compiled.targets.length);
  for (let i = 0; i < compiled.targets.length; i++) targets[i] = evaluateTarget(ctx, compiled.targets[i]);

  const indicators: IndicatorValue[] = compiled.indicators.map((ind) => toIndicatorValue(ind, ctx.states[ind.index]));
  const { areas, total } = summarise(compiled, ctx.view, ctx.level, issues, targets);
  return { issues, indicators, targets, areas, total };
}

/**
 * Only some targets of a return judged, and its indicators' values: each the same as evaluateReturn's, without the
 * other targets and the summaries. The 分单位明细 sheet judges every child of a merge this way (thousands at a
 * city), its level targets only. `targets` lists the indexes into the compiled framework's targets.
 */
export function judgeSomeTargets(
  framework: Framework,
  current: ReturnData,
  history: readonly ReturnData[],
  targets: readonly number[],
  options?: Partial<RuleOptions>,
): { indicators: IndicatorValue[]; targets: TargetResult[] } {
  const { compiled, ctx } = prepare(framework, current, history, options);
  return {
    indicators: compiled.indicators.map((ind) => toIndicatorValue(ind, ctx.states[ind.index])),
    targets: targets.map((i) => evaluateTarget(ctx, compiled.targets[i])),
  };
}

/**
 * Layers 1 and 2 only: the same cell issues as evaluateReturn's, in the same order, and the cells a return of its
 * level collects (its summary's cellsTotal). A merge reads a file's problems and its return, never the targets'
 * verdicts, the indicators or the summaries: judging ~90 targets a file was a fifth of a cold worker's rule engine.
 */
export function checkReturnCells(
  framework: Framework,
  current: ReturnData,
): { issues: CellIssue[]; cellsTotal: number } {
  const compiled = compileFramework(framework);
  const issues: CellIssue[] = [];
  checkConsistency(compiled, readReturn(compiled, current, issues), issues);
  return { issues, cellsTotal: cellsCollected(compiled, engineLevel(current.level)) };
}

/** The cells a return of this level collects, as summarise counts them; once per framework and level. */
const COLLECTED = new WeakMap<CompiledFramework, Partial<Record<'township' | 'county', number>>>();
function cellsCollected(compiled: CompiledFramework, level: 'township' | 'county'): number {
  let byLevel = COLLECTED.get(compiled);
  if (!byLevel) COLLECTED.set(compiled, (byLevel = {}));
  let n = byLevel[level];
  if (n === undefined) {
    n = 0;
    for (const slot of compiled.slotsByLevel[level]) if (AREA_CODES[compiled.items[(slot / 3) | 0].area]) n++;
    byLevel[level] = n;
  }
  return n;
}

/** The cells read and checked (layers 1 and 2) and the indicators computed: what judging any target needs. */
function prepare(
  framework: Framework,
  current: ReturnData,
  history: readonly ReturnData[],
  options?: Partial<RuleOptions>,
): { compiled: CompiledFramework; ctx: TargetContext; issues: CellIssue[] } {
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
  return { compiled, ctx, issues };
}
