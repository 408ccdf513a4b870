// What a number in a return can be: exactly representable (a count a safe integer, any other value within 15
// significant digits' reach), and plausible for its unit at its level (a township's 活产数 of ninety million is a
// typing or a hostile file, not a township). The bounds are declared here once; the rule engine's layer 1 uses them
// for every return (typed in the grid or read from a file), the number parser for what is typed. Pure.
import type { Level } from '../framework/schema.ts';

/** Beyond this no decimal value is held exactly to its unit's precision (2^53 ≈ 9.007e15): refused. */
const MAX_EXACT_VALUE = 1e15;

/**
 * Whether a value of this type is within what is held exactly: counts up to 2^53 − 1 (their integrality is checked
 * on its own), other values finite and below 1e15.
 */
export function isRepresentable(v: number, valueType: 'count' | 'amount' | 'value'): boolean {
  if (!Number.isFinite(v)) return false;
  return Math.abs(v) <= (valueType === 'count' ? Number.MAX_SAFE_INTEGER : MAX_EXACT_VALUE - 1);
}

/** The people of China are 1.4 billion; a township has at most some hundreds of thousands. */
const PEOPLE: Record<Level, number> = { township: 10_000_000, county: 50_000_000 };

/**
 * The largest plausible value per unit and level: a value above it is a warning naming the bound. Units not listed
 * have no bound beyond representability.
 */
const PLAUSIBLE_MAX: Readonly<Record<string, Readonly<Record<Level, number>>>> = {
  人: PEOPLE,
  人次: PEOPLE,
  例: PEOPLE,
  户: PEOPLE,
  个: { township: 1_000_000, county: 5_000_000 },
};

export const plausibleMax = (unit: string, level: Level): number | null => PLAUSIBLE_MAX[unit]?.[level] ?? null;

/** The level's name in a message: 乡镇 / 县. */
export const LEVEL_NAME: Record<Level, string> = { township: '乡镇', county: '县' };
