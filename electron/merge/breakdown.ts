// Every child side by side: rows are the summed data items and the indicators computed from them, columns
// the children that reported and the total, so a county sees which township pulls an indicator below target.
// A child's indicator is computed from its own numerator and denominator and judged against the plan's
// targets as if it were the county (every target judged, none 仅供参考). The total of a ratio is the merged
// return's pooled value (over the children with both cells), with a note naming the children left out.
import { isSummedAt } from '../../shared/aggregation/merge-returns.ts';
import { sexColumnsOf, type Framework, type SexColumn } from '../../shared/framework/schema.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { cellKey } from '../../shared/returns/schema.ts';
import { compileFramework } from '../../shared/rules/compile.ts';
import { evaluateReturn, judgeSomeTargets } from '../../shared/rules/evaluate.ts';
import { POOL_MSG } from '../../shared/rules/messages.ts';
import type { IndicatorValue, TargetResult, TargetStatus } from '../../shared/rules/result.ts';
import type { MergedReturn } from './county-aggregate.ts';

export interface BreakdownColumn {
  code: string;
  name: string;
  state: 'reported' | 'draft' | 'missing';
}

export interface BreakdownRow {
  kind: 'item' | 'indicator';
  code: string;
  sex: SexColumn | null;
  label: string;
  unit: string;
  decimals: number;
  values: (number | null)[];
  total: number | null;
  /** per child, then the total: the worst verdict of the indicator's level targets (已实现/基本实现/尚有差距), or null */
  status: (TargetStatus | null)[] | null;
  totalStatus: TargetStatus | null;
  /** the targets' own words, e.g. 达到30%以上 */
  target: string;
  /** how the total was made when not from every child: 由2个乡镇（共4个）汇总计算；缺少：丙乡、丁镇 */
  totalNote: string;
}

export interface Breakdown {
  columns: BreakdownColumn[];
  rows: BreakdownRow[];
}

const RANK: Partial<Record<TargetStatus, number>> = { not_met: 3, basically_met: 2, met: 1 };

/** The worst of an indicator's level targets (trend targets need history and are left out of a side-by-side view). */
function worst(results: readonly TargetResult[], targetKinds: Map<string, string>): TargetStatus | null {
  let best: TargetStatus | null = null;
  for (const r of results) {
    if (targetKinds.get(r.targetId) === 'trend') continue;
    if ((RANK[r.status] ?? 0) > (best ? (RANK[best] ?? 0) : 0)) best = r.status;
  }
  return best;
}

const coverageNote = (c: IndicatorValue['coverage']) => (c ? POOL_MSG.coverage(c) : '');

/** Children judged with their level targets only by the last breakdown, for a test that the lean path is used. */
export const breakdownJudging = { lean: 0 };

/**
 * Each child's indicators and level targets. `allTargets` judges each with evaluateReturn as a whole (every target,
 * the summaries), as before: a test compares the two.
 */
export function buildBreakdown(merged: MergedReturn, options: { allTargets?: boolean } = {}): Breakdown {
  const { office } = merged.inputs;
  const framework: Framework = office.framework;
  const reporting = merged.inputs.children.filter((c) => c.data);
  const columns: BreakdownColumn[] = reporting.map((c) => ({
    code: c.region.code,
    name: c.region.name,
    state: c.state,
  }));
  const rows: BreakdownRow[] = [];
  const summed = new Set(framework.dataItems.filter((d) => isSummedAt(d, office.level)).map((d) => d.code));

  // Each child is read once, one after another, and its evaluation dropped: with thousands of children a map of
  // every child's cells and every child's evaluation held at once were most of a merge's memory.
  const totalCells = new Map(merged.result.data.cells.map((x) => [cellKey(x.item, x.sex), x]));
  const itemRows = new Map<string, BreakdownRow>();
  for (const item of framework.dataItems) {
    if (!summed.has(item.code)) continue;
    for (const sex of sexColumnsOf(item)) {
      const key = cellKey(item.code, sex);
      const row: BreakdownRow = {
        kind: 'item',
        code: item.code,
        sex,
        label: sex === 'total' ? item.name : `${item.name}（${MESSAGES.entry.sexLabel[sex]}）`,
        unit: item.unit,
        decimals: item.decimals,
        values: new Array<number | null>(reporting.length).fill(null),
        total: totalCells.get(key)?.value ?? null,
        status: null,
        totalStatus: null,
        target: '',
        totalNote: '',
      };
      rows.push(row);
      itemRows.set(key, row);
    }
  }

  const targetKinds = new Map<string, string>();
  const targetTexts = new Map<string, string[]>();
  const compiled = compileFramework(framework);
  for (const { target: t, text } of compiled.targets) {
    targetKinds.set(t.id, t.rule.kind);
    if (t.rule.kind !== 'trend') targetTexts.set(t.indicator, [...(targetTexts.get(t.indicator) ?? []), text]);
  }
  const byIndicator = (results: readonly TargetResult[], code: string) => results.filter((r) => r.indicator === code);
  const indicatorRows: { i: number; row: BreakdownRow }[] = [];
  framework.indicators.forEach((ind, i) => {
    if (ind.kind === 'qualitative') return;
    const uses = ind.kind === 'ratio' ? [ind.numerator.item, ind.denominator.item] : [ind.source.item];
    if (!uses.every((u) => summed.has(u))) return;
    const row: BreakdownRow = {
      kind: 'indicator',
      code: ind.code,
      sex: null,
      label: ind.name,
      unit: ind.unit,
      decimals: ind.decimals,
      values: new Array<number | null>(reporting.length).fill(null),
      total: merged.evaluation.indicators[i].value,
      status: new Array<TargetStatus | null>(reporting.length).fill(null),
      totalStatus: worst(byIndicator(merged.evaluation.targets, ind.code), targetKinds),
      target: (targetTexts.get(ind.code) ?? []).join('；'),
      totalNote: coverageNote(merged.evaluation.indicators[i].coverage),
    };
    rows.push(row);
    indicatorRows.push({ i, row });
  });

  // only the targets a row shows (trend targets need history and are left out): judging the others, and summing up
  // the areas, was half of the time of a breakdown of hundreds of children
  const shown = new Set(indicatorRows.map((x) => x.row.code));
  const judged = compiled.targets.flatMap((t, k) =>
    shown.has(t.target.indicator) && t.target.rule.kind !== 'trend' ? [k] : [],
  );
  breakdownJudging.lean = 0;
  reporting.forEach((c, j) => {
    for (const x of c.data!.cells) {
      const row = itemRows.get(cellKey(x.item, x.sex));
      if (row) row.values[j] = x.value ?? null;
    }
    // a child judged as the county would be: same plan targets, every level target a row shows judged
    const data = { ...c.data!, level: 'county' as const, externalThresholds: merged.result.data.externalThresholds };
    if (!options.allTargets) breakdownJudging.lean += 1;
    const e = options.allTargets ? evaluateReturn(framework, data, []) : judgeSomeTargets(framework, data, [], judged);
    const targets = new Map<string, TargetResult[]>();
    for (const t of e.targets) {
      const list = targets.get(t.indicator);
      if (list) list.push(t);
      else targets.set(t.indicator, [t]);
    }
    for (const { i, row } of indicatorRows) {
      row.values[j] = e.indicators[i].value;
      row.status![j] = worst(targets.get(row.code) ?? [], targetKinds);
    }
  });
  return { columns, rows };
}
