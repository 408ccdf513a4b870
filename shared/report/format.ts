// Number wording of the printed return and report: values in their unit, and the change against last year
// by the statistics bureau's convention (个百分点 for %, 个千分点 for ‰, 个十万分点 for /10万). Pure.
import { MESSAGES } from '../messages.ts';
import { differenceUnit, formatFixed, roundTo, unitSuffix } from '../rules/format.ts';
import { CHANGE_VERB } from '../rules/messages.ts';

const C = MESSAGES.report.change;

/** 14.3/10万, 45.0%, 78.12岁 */
export const formatValue = (value: number | null, decimals: number, unit: string): string =>
  value === null ? '' : `${formatFixed(value, decimals)}${unitSuffix(unit)}`;

/** A cell of the return form: the number with the item's decimals, no unit. */
export const formatNumber = (value: number, decimals: number): string => formatFixed(value, decimals);

/** Units counted in whole things: their change is 增加/减少 a number of them. */
const COUNTED = new Set(['人', '个', '所', '例', '件', '户', '次', '家', '起', '对', '人次', '名']);

/**
 * 提高0.4个百分点 / 下降0.8个十万分点 / 增加2人 / 持平: the difference of the two values as shown (rounded to the
 * indicator's decimals), in the unit's own points (个百分点, 个千分点, 个十万分点) or the unit itself. The verb
 * follows the indicator's direction: 提高/降低 for one that should rise, 上升/下降 for the others (死亡率, 患病率).
 */
export function describeChange(
  value: number | null,
  previous: number | null,
  unit: string,
  decimals: number,
  higherBetter: boolean,
): string {
  if (value === null || previous === null) return '';
  const d = roundTo(roundTo(value, decimals) - roundTo(previous, decimals), decimals);
  if (d === 0) return C.same;
  const verbs = COUNTED.has(unit)
    ? { up: C.increase, down: C.decrease }
    : higherBetter
      ? CHANGE_VERB.higher
      : CHANGE_VERB.other;
  return `${d > 0 ? verbs.up : verbs.down}${formatFixed(Math.abs(d), decimals)}${differenceUnit(unit)}`;
}

/** 81.5% */
export const formatRate = (rate: number | null): string => (rate === null ? '—' : `${formatFixed(rate, 1)}%`);
