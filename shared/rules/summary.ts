// Per-area and total counts of an evaluation, and the 达标率 as the statistics bureau computes it. Pure.
import { AREA_CODES } from '../framework/schema.ts';
import type { AreaSummary, CellIssue, Evaluation, TargetResult } from './result.ts';
import { areaIndexOfCode, type CompiledFramework } from './compile.ts';
import { BLANK, type CompiledReturn } from './input-validity.ts';
import { MIN_MONITORED_SHARE } from './options.ts';

type Counted = Omit<AreaSummary, 'area'>;

const emptyCounts = (): Counted => ({
  cellsTotal: 0,
  cellsFilled: 0,
  errors: 0,
  warnings: 0,
  met: 0,
  basicallyMet: 0,
  notMet: 0,
  noData: 0,
  alerts: 0,
  qualitativeDone: 0,
  qualitativeInProgress: 0,
  qualitativeNotDone: 0,
  qualitativeUnanswered: 0,
});

/**
 * cellsTotal: the cells a return of this level collects (township returns skip county-only items);
 * cellsFilled: those holding a value or an explicit 无数据. errors/warnings: cell issues by the item's area.
 * Targets by the plan's area: measured ones (ratio, value) by verdict with their 预警 flags, qualitative ones
 * (self-assessed) apart; reference and not_applicable are not counted.
 */
export function summarise(
  compiled: CompiledFramework,
  view: CompiledReturn,
  level: 'township' | 'county',
  issues: CellIssue[],
  targets: TargetResult[],
): { areas: AreaSummary[]; total: Evaluation['total'] } {
  const areas: AreaSummary[] = AREA_CODES.map((area) => ({ area, ...emptyCounts() }));
  const { items } = compiled;
  for (const slot of compiled.slotsByLevel[level]) {
    const row = areas[items[(slot / 3) | 0].area];
    if (!row) continue;
    row.cellsTotal++;
    if (view.state[slot] !== BLANK) row.cellsFilled++;
  }
  for (const issue of issues) {
    const row = areas[areaIndexOfCode(issue.item)];
    if (!row) continue;
    if (issue.severity === 'error') row.errors++;
    else row.warnings++;
  }
  const qualitative = new Set(
    compiled.indicators.filter((i) => i.indicator.kind === 'qualitative').map((i) => i.indicator.code),
  );
  for (const t of targets) {
    const row = areas[AREA_CODES.indexOf(t.area)];
    if (qualitative.has(t.indicator)) {
      if (t.status === 'met') row.qualitativeDone++;
      else if (t.status === 'in_progress') row.qualitativeInProgress++;
      else if (t.status === 'not_met') row.qualitativeNotDone++;
      else if (t.status === 'no_data') row.qualitativeUnanswered++;
      continue;
    }
    if (t.status === 'met') row.met++;
    else if (t.status === 'basically_met') row.basicallyMet++;
    else if (t.status === 'not_met') row.notMet++;
    else if (t.status === 'no_data') row.noData++;
    else continue;
    if (t.hardToMeet || t.volatile) row.alerts++;
  }
  const total = emptyCounts();
  for (const row of areas) for (const key of Object.keys(total) as (keyof Counted)[]) total[key] += row[key];
  return { areas, total };
}

/** The headline of a set of measured targets: 可监测 X of Y, Z 已实现或基本实现, and the 达标率 when it means something. */
export interface AchievementRate {
  /** measured targets judged at this level (with or without data) */
  measured: number;
  /** 可监测: those with data (met + basicallyMet + notMet) */
  monitored: number;
  /** 已实现 + 基本实现 */
  achieved: number;
  /** achieved ÷ monitored in %, null when nothing is monitored or fewer than MIN_MONITORED_SHARE of the measured targets are */
  rate: number | null;
  /** why there is no rate */
  reason: 'none_monitored' | 'too_few' | null;
}

export function achievementRate(c: Pick<AreaSummary, 'met' | 'basicallyMet' | 'notMet' | 'noData'>): AchievementRate {
  const monitored = c.met + c.basicallyMet + c.notMet;
  const measured = monitored + c.noData;
  const achieved = c.met + c.basicallyMet;
  if (monitored === 0) return { measured, monitored, achieved, rate: null, reason: 'none_monitored' };
  if (monitored < measured * MIN_MONITORED_SHARE)
    return { measured, monitored, achieved, rate: null, reason: 'too_few' };
  return { measured, monitored, achieved, rate: (achieved / monitored) * 100, reason: null };
}
