// A county department's share of the framework: the county-level items it collects (卫健局 the health items,
// 教育局 the education items …) and the indicators and targets computed from them alone. A department fills and
// exports a return with just these; the county merges it like a township's. Pure.
import type { DataItem, Framework } from '../framework/schema.ts';
import { isSummedAt } from './merge-returns.ts';
import { APP_LOCALE } from '../../shared/messages.ts';

/** The items a department supplies to its county: its own, collected at county level (not summed from townships). */
export const departmentItems = (framework: Framework, department: string): DataItem[] =>
  framework.dataItems.filter((d) => d.department === department && !isSummedAt(d, 'county'));

/** Departments that supply county-level items, with how many, most first. */
export function departmentsOf(framework: Framework): { department: string; items: number }[] {
  const counts = new Map<string, number>();
  for (const d of framework.dataItems)
    if (!isSummedAt(d, 'county')) counts.set(d.department, (counts.get(d.department) ?? 0) + 1);
  return [...counts]
    .map(([department, items]) => ({ department, items }))
    .sort((a, b) => b.items - a.items || a.department.localeCompare(b.department, APP_LOCALE));
}

/**
 * The framework as a department's return form uses it: only its items, the ratio and value indicators built
 * from them, and their targets (no qualitative assessments or 上级要求 thresholds: those are the county's own).
 */
export function departmentFramework(framework: Framework, department: string): Framework {
  const items = new Set(departmentItems(framework, department).map((d) => d.code));
  const indicators = framework.indicators.filter((i) =>
    i.kind === 'ratio'
      ? items.has(i.numerator.item) && items.has(i.denominator.item)
      : i.kind === 'value'
        ? items.has(i.source.item)
        : false,
  );
  const kept = new Set(indicators.map((i) => i.code));
  return {
    ...framework,
    dataItems: framework.dataItems.filter((d) => items.has(d.code)),
    indicators,
    areas: framework.areas.map((a) => ({
      ...a,
      targets: a.targets.filter(
        (t) =>
          kept.has(t.indicator) &&
          t.rule.kind !== 'external' &&
          t.rule.kind !== 'qualitative' &&
          (t.rule.kind !== 'relative' || kept.has(t.rule.indicator)),
      ),
    })),
  };
}

/**
 * Why a data item is outside a department's scope: 'summed' for an item the county sums from its townships,
 * 'other' for another department's county item, null when it is the department's own (or unknown to the framework).
 */
export function outsideScope(
  framework: Framework,
  department: string,
  code: string,
): { item: DataItem; why: 'summed' | 'other' } | null {
  const item = framework.dataItems.find((d) => d.code === code);
  if (!item) return null;
  if (isSummedAt(item, 'county')) return { item, why: 'summed' };
  return item.department === department ? null : { item, why: 'other' };
}
