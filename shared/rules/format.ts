// Number rounding and formatting for the engine's messages. Pure.
import { DIFFERENCE_UNIT, RATIO_CAP } from './messages.ts';

/** Rounds half away from zero to `decimals` places, immune to binary noise (1.005 → 1.01). */
export function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  const y = Math.abs(x) * f;
  const r = Math.round(y + 1e-9 * Math.max(1, y)) / f;
  return x < 0 && r !== 0 ? -r : r;
}

/** Fixed decimals, never "-0". */
export function formatFixed(x: number, decimals: number): string {
  const r = roundTo(x, decimals);
  return (r === 0 ? 0 : r).toFixed(decimals);
}

/** A raw cell value as typed: no exponent for ordinary sizes, no float noise. */
export function formatRaw(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Number.isInteger(x)) return String(x);
  return String(roundTo(x, 6));
}

/** The suffix that follows a number in the indicator's unit: % ‰ /10万 岁 … */
export function unitSuffix(unit: string): string {
  return unit === '1/10万' ? '/10万' : unit;
}

/** A value in the indicator's unit with the indicator's decimals, e.g. 14.3/10万, 45.0%. */
export function formatInUnit(x: number, decimals: number, unit: string): string {
  return `${formatFixed(x, decimals)}${unitSuffix(unit)}`;
}

/** A bound as the plan writes it (no forced decimals), e.g. 12/10万, 95%. */
export function formatBound(x: number, unit: string): string {
  return `${formatRaw(x)}${unitSuffix(unit)}`;
}

/** The unit of a difference: 个百分点 for %, 个千分点 for ‰, 个十万分点 for /10万, else the unit itself. */
export function differenceUnit(unit: string): string {
  if (unit === '%' || unit === '‰' || unit === '1/10万') return DIFFERENCE_UNIT[unit];
  return unitSuffix(unit);
}

/** The size of a difference between two values, e.g. 1.2个百分点. */
export function formatDifference(d: number, decimals: number, unit: string): string {
  return `${formatFixed(Math.abs(d), decimals)}${differenceUnit(unit)}`;
}

/** A signed change without unit: +1.2, -0.3, 0.0. */
export function formatSigned(d: number, decimals: number): string {
  const r = roundTo(d, decimals);
  return r > 0 ? `+${formatFixed(r, decimals)}` : formatFixed(r, decimals);
}

/** The largest value a ratio in this unit can take when numerator ≤ denominator. */
export function ratioCap(unit: string): string {
  return unit === '%' || unit === '‰' ? RATIO_CAP[unit] : RATIO_CAP['1/10万'];
}
