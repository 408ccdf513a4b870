// Per-area and total counts of an evaluation. Pure.
import { AREA_CODES } from '../framework/schema.ts';
import type { AreaSummary, CellIssue, Evaluation, TargetResult } from './result.ts';
import { areaIndexOfCode, type CompiledFramework } from './compile.ts';
import { BLANK, type ReturnView } from './input-validity.ts';

/**
 * cellsTotal: the cells a return of this level collects (township returns skip county-only items);
 * cellsFilled: those holding a value or an explicit 无数据. errors/warnings: cell issues by the item's area.
 * met/notMet/atRisk/noData: targets by the plan's area (reference and not_applicable are not counted).
 */
export function summarise(compiled: CompiledFramework, view: ReturnView, level: 'township' | 'county', issues: CellIssue[], targets: TargetResult[]): { areas: AreaSummary[]; total: Evaluation['total'] } {
  const areas: AreaSummary[] = AREA_CODES.map((area) => ({ area, cellsTotal: 0, cellsFilled: 0, errors: 0, warnings: 0, met: 0, notMet: 0, atRisk: 0, noData: 0 }));
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
  for (const t of targets) {
    const row = areas[AREA_CODES.indexOf(t.area)];
    if (t.status === 'met') row.met++;
    else if (t.status === 'not_met') row.notMet++;
    else if (t.status === 'at_risk') row.atRisk++;
    else if (t.status === 'no_data') row.noData++;
  }
  const total = { cellsTotal: 0, cellsFilled: 0, errors: 0, warnings: 0, met: 0, notMet: 0, atRisk: 0, noData: 0 };
  for (const row of areas) {
    total.cellsTotal += row.cellsTotal;
    total.cellsFilled += row.cellsFilled;
    total.errors += row.errors;
    total.warnings += row.warnings;
    total.met += row.met;
    total.notMet += row.notMet;
    total.atRisk += row.atRisk;
    total.noData += row.noData;
  }
  return { areas, total };
}
