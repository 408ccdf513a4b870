// 波动较大: the change of an indicator against the previous year. Pure.
import { formatDifference, formatFixed, formatInUnit, roundTo } from './format.ts';
import { CHANGE_VERB, VOLATILITY_MSG } from './messages.ts';

export interface Volatility {
  /** relative change in % (4 decimals), null when either year lacks a value or last year was 0 */
  changePercent: number | null;
  volatile: boolean;
}

const NONE: Volatility = Object.freeze({ changePercent: null, volatile: false }) as Volatility;

/**
 * Relative change of `current` against `previous` (exact values). Volatile when |change| exceeds
 * `thresholdPercent`; a move away from 0 (last year 0, this year not) is volatile too.
 */
export function volatility(current: number | null, previous: number | null, thresholdPercent: number): Volatility {
  if (current === null || previous === null) return NONE;
  if (previous === 0)
    return current === 0 ? { changePercent: 0, volatile: false } : { changePercent: null, volatile: true };
  // four decimals: enough for any display, and free of binary noise (43.00000000000001)
  const changePercent = roundTo(((current - previous) / Math.abs(previous)) * 100, 4);
  return { changePercent, volatile: Math.abs(changePercent) > thresholdPercent + 1e-9 };
}

/**
 * The clause appended to a target message when the value is volatile, e.g. ；比上年下降3.2个十万分点（相对变化
 * 21.3%），波动较大，请核实. The difference is computed from the two figures as shown (rounded), in the unit's
 * own points; the verb follows the indicator's desirable direction.
 */
export function volatilityNote(
  v: Volatility,
  current: number,
  previous: number,
  decimals: number,
  unit: string,
  higherBetter: boolean,
): string {
  if (!v.volatile) return '';
  if (v.changePercent === null) return VOLATILITY_MSG.fromZero(formatInUnit(current, decimals, unit));
  const d = roundTo(roundTo(current, decimals) - roundTo(previous, decimals), decimals);
  const verbs = higherBetter ? CHANGE_VERB.higher : CHANGE_VERB.other;
  return VOLATILITY_MSG.changed(
    v.changePercent > 0 ? verbs.up : verbs.down,
    formatDifference(d, decimals, unit),
    formatFixed(Math.abs(v.changePercent), 1),
  );
}
