// Number wording of the printed return and report: values in their unit, and the change against last year
// by the statistics bureau's convention (百分点 for %, 千分点 for ‰, a relative change otherwise). Pure.
import { MESSAGES } from '../messages.ts';
import { differenceUnit, formatFixed, roundTo, unitSuffix } from '../rules/format.ts';

const C = MESSAGES.report.change;

/** 14.3/10万, 45.0%, 78.12岁 */
export const formatValue = (value: number | null, decimals: number, unit: string): string =>
  value === null ? '' : `${formatFixed(value, decimals)}${unitSuffix(unit)}`;

/** A cell of the return form: the number with the item's decimals, no unit. */
export const formatNumber = (value: number, decimals: number): string => formatFixed(value, decimals);

/**
 * 提高0.4个百分点 / 降低5.3% / 增加2人 / 持平, from the engine's value, previous and changePercent.
 * %/‰: the difference of the two shown values; counts of people, years …: the difference in the unit;
 * rates per 10万: the engine's relative change.
 */
export function describeChange(value: number | null, previous: number | null, changePercent: number | null, unit: string, decimals: number): string {
  if (value === null || previous === null) return '';
  if (unit === '%' || unit === '‰' || unit === '岁' || unit === '年' || unit === '人' || unit === '个' || unit === '所' || unit === '个百分点') {
    const d = roundTo(value - previous, decimals);
    if (d === 0) return C.same;
    const counted = unit === '人' || unit === '个' || unit === '所';
    const verb = d > 0 ? (counted ? C.increase : C.up) : counted ? C.decrease : C.down;
    return `${verb}${formatFixed(Math.abs(d), decimals)}${differenceUnit(unit)}`;
  }
  if (changePercent === null) return '';
  const p = roundTo(changePercent, 1);
  if (p === 0) return C.same;
  return `${p > 0 ? C.up : C.down}${formatFixed(Math.abs(p), 1)}%`;
}

/** 81.5% */
export const formatRate = (rate: number | null): string => (rate === null ? '—' : `${formatFixed(rate, 1)}%`);
