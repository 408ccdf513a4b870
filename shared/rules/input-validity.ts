// Layer 1: input validity. Reads a return's cells into slot arrays and, for the return being
// evaluated, reports cells that cannot be right on their own (negative counts, fractions of a
// person, too many decimals, non-finite numbers, text kept as typed that is no valid number, unknown cells). Pure.
import { cellKey, engineLevel, type Cell, type PooledRatio, type ReturnData } from '../returns/schema.ts';
import type { CellIssue } from './result.ts';
import { SEX_INDEX, type CompiledFramework, type CompiledItem } from './compile.ts';
import { parseNumberInput } from '../returns/parse-number.ts';
import { isRepresentable, LEVEL_NAME, plausibleMax } from '../returns/plausible.ts';
import type { Level } from '../framework/schema.ts';
import { formatRaw } from './format.ts';
import { INPUT_MSG } from './messages.ts';

export const BLANK = 0;
export const VALUE = 1;
export const NO_DATA = 2;
/** has a value that failed layer 1: not used for indicators */
export const INVALID = 3;

/** One return as the engine reads it: slot arrays over the compiled framework (not the contract's ReturnView DTO). */
export interface CompiledReturn {
  data: ReturnData;
  values: Float64Array;
  state: Uint8Array;
  cells: (Cell | undefined)[];
  /** a merged return's pooled ratios by indicator index, only those whose cells match the indicator's; null when none */
  pooled: Map<number, PooledRatio> | null;
}

/** Why text kept as typed (Cell.raw) is not a value of this item: the number parser's message. */
function rawTextMessage(ci: CompiledItem, raw: string): string {
  const parsed = parseNumberInput(raw, {
    valueType: ci.item.valueType,
    decimals: ci.item.decimals,
    unit: ci.item.unit,
  });
  return parsed.ok ? INPUT_MSG.rawNumberLike(raw) : parsed.message;
}

/** A value above what its unit can plausibly reach at the return's level (shared/returns/plausible.ts), or null. */
function checkPlausible(ci: CompiledItem, v: number, level: Level): { code: string; message: string } | null {
  const bound = plausibleMax(ci.item.unit, level);
  if (bound === null || Math.abs(v) <= bound) return null;
  return {
    code: 'implausible_value',
    message: INPUT_MSG.implausible(ci.noun, formatRaw(v), LEVEL_NAME[level], String(bound)),
  };
}

/** The first layer-1 problem of a value in this item, or null. */
export function checkValue(ci: CompiledItem, v: number): { code: string; message: string } | null {
  if (!Number.isFinite(v)) return { code: 'invalid_value', message: INPUT_MSG.invalidValue };
  const { valueType, decimals } = ci.item;
  if (!isRepresentable(v, valueType))
    return { code: 'not_representable', message: INPUT_MSG.notRepresentable(String(v)) };
  if (valueType === 'count') {
    if (v < 0) return { code: 'negative_count', message: INPUT_MSG.negativeCount(ci.noun, formatRaw(v)) };
    if (!Number.isInteger(v)) return { code: 'not_integer', message: INPUT_MSG.notInteger(ci.noun, formatRaw(v)) };
    return null;
  }
  if (valueType === 'amount' && v < 0)
    return { code: 'negative_amount', message: INPUT_MSG.negativeAmount(formatRaw(v)) };
  if (hasMoreDecimals(v, decimals))
    return { code: 'too_many_decimals', message: INPUT_MSG.tooManyDecimals(formatRaw(v), decimals) };
  return null;
}

function hasMoreDecimals(v: number, decimals: number): boolean {
  const y = v * 10 ** decimals;
  return Math.abs(y - Math.round(y)) > 1e-7 * Math.max(1, Math.abs(y));
}

/**
 * Reads the cells of a return. With `issues`, also reports layer-1 problems (the return being evaluated);
 * without, just reads (history returns).
 */
export function readReturn(compiled: CompiledFramework, data: ReturnData, issues: CellIssue[] | null): CompiledReturn {
  const n = compiled.slotCount;
  const values = new Float64Array(n);
  const state = new Uint8Array(n);
  const cells: (Cell | undefined)[] = new Array(n);
  const { items, itemIndex } = compiled;
  for (const cell of data.cells) {
    const i = itemIndex.get(cell.item);
    if (i === undefined) {
      issues?.push({
        severity: 'warning',
        code: 'unknown_item',
        item: cell.item,
        sex: cell.sex,
        message: INPUT_MSG.unknownItem(cell.item),
      });
      continue;
    }
    const ci = items[i];
    const s = SEX_INDEX[cell.sex];
    if (s === undefined) continue;
    if (!ci.columns[s]) {
      issues?.push({
        severity: 'warning',
        code: 'unknown_column',
        item: cell.item,
        sex: cell.sex,
        message: INPUT_MSG.unknownColumn(cell.item, cell.sex),
      });
      continue;
    }
    const slot = i * 3 + s;
    if (cells[slot] !== undefined) {
      issues?.push({
        severity: 'warning',
        code: 'duplicate_cell',
        item: cell.item,
        sex: cell.sex,
        message: INPUT_MSG.duplicateCell,
      });
    }
    cells[slot] = cell;
    if (cell.raw !== null && cell.raw !== undefined) {
      // typed text that is no valid number: kept, never used for indicators, an error until corrected
      state[slot] = INVALID;
      values[slot] = 0;
      issues?.push({
        severity: 'error',
        code: 'invalid_text',
        item: cell.item,
        sex: cell.sex,
        message: rawTextMessage(ci, cell.raw),
      });
      continue;
    }
    const v = cell.value;
    if (v === null || v === undefined) {
      state[slot] = cell.noData ? NO_DATA : BLANK;
      values[slot] = 0;
      continue;
    }
    const problem = checkValue(ci, v);
    values[slot] = v;
    if (problem) {
      state[slot] = INVALID;
      issues?.push({ severity: 'error', code: problem.code, item: cell.item, sex: cell.sex, message: problem.message });
      continue;
    }
    state[slot] = VALUE;
    if (issues) {
      const implausible = checkPlausible(ci, v, engineLevel(data.level));
      if (implausible)
        issues.push({
          severity: 'warning',
          code: implausible.code,
          item: cell.item,
          sex: cell.sex,
          message: implausible.message,
        });
      if (cell.noData)
        issues.push({
          severity: 'warning',
          code: 'value_and_no_data',
          item: cell.item,
          sex: cell.sex,
          message: INPUT_MSG.valueAndNoData,
        });
      if (cell.prefilled)
        issues.push({
          severity: 'warning',
          code: 'prefilled_unconfirmed',
          item: cell.item,
          sex: cell.sex,
          message: INPUT_MSG.prefilled(formatRaw(v)),
        });
    }
  }
  return { data, values, state, cells, pooled: pooledOf(compiled, data) };
}

/** The pooled pairs that stand for an indicator's own numerator and denominator cells (others are ignored). */
function pooledOf(compiled: CompiledFramework, data: ReturnData): Map<number, PooledRatio> | null {
  if (!data.pooledRatios) return null;
  const out = new Map<number, PooledRatio>();
  for (const [code, pair] of Object.entries(data.pooledRatios)) {
    const index = compiled.indicatorIndex.get(code);
    const indicator = index === undefined ? undefined : compiled.indicators[index].indicator;
    if (indicator?.kind !== 'ratio') continue;
    if (cellKey(indicator.numerator.item, indicator.numerator.sex) !== pair.numeratorCell) continue;
    if (cellKey(indicator.denominator.item, indicator.denominator.sex) !== pair.denominatorCell) continue;
    out.set(index!, pair);
  }
  return out.size > 0 ? out : null;
}
