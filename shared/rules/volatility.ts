// 波动较大: the change of an indicator against the previous year. Pure.
import { formatFixed, formatInUnit, roundTo } from './format.ts';
import { VOLATILITY_MSG } from './messages.ts';

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
  if (previous === 0) return current === 0 ? { changePercent: 0, volatile: false } : { changePercent: null, volatile: true };
  // four decimals: enough for any display, and free of binary noise (43.00000000000001)
  const changePercent = roundTo(((current - previous) / Math.abs(previous)) * 100, 4);
  return { changePercent, volatile: Math.abs(changePercent) > thresholdPercent + 1e-9 };
}

/** The clause appended to a target message when the value is volatile, e.g. ；比上年上升25.0%，波动较大，请核实. */
export function volatilityNote(v: Volatility, current: number, decimals: number, unit: string): string {
  if (!v.volatile) return '';
  if (v.changePercent === null) return VOLATILITY_MSG.fromZero(formatInUnit(current, decimals, unit));
  return VOLATILITY_MSG.changed(v.changePercent > 0, formatFixed(Math.abs(v.changePercent), 1));
}
