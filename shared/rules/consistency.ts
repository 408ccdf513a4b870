// Layer 2: consistency between cells of one return. 女 ≤ 合计, 男 ≤ 合计, 女 + 男 = 合计 for additive
// items; numerator ≤ denominator for ratio indicators (a share cannot pass 100%, a rate per 10万 or ‰
// cannot pass its factor); value items in % lie in 0–100. Only layer-1-valid values take part. Pure.
import type { CellIssue } from './result.ts';
import { SEX_COLUMNS } from '../framework/schema.ts';
import type { CompiledFramework } from './compile.ts';
import { formatRaw, ratioCap } from './format.ts';
import { INVALID, VALUE, type CompiledReturn } from './input-validity.ts';
import { CONSISTENCY_MSG } from './messages.ts';

export function checkConsistency(compiled: CompiledFramework, view: CompiledReturn, issues: CellIssue[]): void {
  const { values, state } = view;
  // Cells found inconsistent are marked invalid at the end, so no indicator is computed (or judged) from them.
  const wrong: number[] = [];
  for (const ci of compiled.items) {
    const base = ci.index * 3;
    const code = ci.item.code;
    if (ci.additive && ci.columns[1]) {
      const hasT = state[base] === VALUE;
      const hasF = state[base + 1] === VALUE;
      const hasM = ci.columns[2] && state[base + 2] === VALUE;
      const t = values[base];
      const f = values[base + 1];
      const m = values[base + 2];
      const eps = 1e-9 * Math.max(1, Math.abs(t));
      let exceeded = false;
      if (hasT && hasF && f > t + eps) {
        exceeded = true;
        wrong.push(base + 1);
        issues.push({
          severity: 'error',
          code: 'female_exceeds_total',
          item: code,
          sex: 'female',
          message: CONSISTENCY_MSG.femaleExceedsTotal(ci.noun, formatRaw(f), formatRaw(t)),
        });
      }
      if (hasT && hasM && m > t + eps) {
        exceeded = true;
        wrong.push(base + 2);
        issues.push({
          severity: 'error',
          code: 'male_exceeds_total',
          item: code,
          sex: 'male',
          message: CONSISTENCY_MSG.maleExceedsTotal(ci.noun, formatRaw(m), formatRaw(t)),
        });
      }
      if (!exceeded && hasT && hasF && hasM) {
        // counts must add up exactly; amounts may differ by one unit of the last decimal (separate rounding)
        const tolerance = ci.item.valueType === 'count' ? 0.5 : 10 ** -ci.item.decimals + eps;
        const sum = f + m;
        if (Math.abs(sum - t) > tolerance) {
          wrong.push(base, base + 1, base + 2);
          issues.push({
            severity: 'error',
            code: 'sum_mismatch',
            item: code,
            sex: 'total',
            message: CONSISTENCY_MSG.sumMismatch(formatRaw(f), formatRaw(m), formatRaw(sum), formatRaw(t)),
          });
        }
      }
    }
    if (ci.percent) {
      for (let s = 0; s < 3; s++) {
        if (!ci.columns[s] || state[base + s] !== VALUE) continue;
        const v = values[base + s];
        if (v < 0 || (v > 100 && !ci.item.gross)) {
          wrong.push(base + s);
          issues.push({
            severity: 'error',
            code: 'percent_out_of_range',
            item: code,
            sex: SEX_COLUMNS[s],
            message: CONSISTENCY_MSG.percentOutOfRange(formatRaw(v)),
          });
        }
      }
    }
  }
  for (const check of compiled.ratioChecks) {
    if (state[check.numSlot] !== VALUE || state[check.denSlot] !== VALUE) continue;
    // a merged return's pooled ratio: its summed cells may come from different units; the pair is what counts
    if (view.pooled?.has(check.indicator.index)) continue;
    const n = values[check.numSlot];
    const d = values[check.denSlot];
    if (n <= d + 1e-9 * Math.max(1, Math.abs(d))) continue;
    const numItem = compiled.items[Math.floor(check.numSlot / 3)];
    const denItem = compiled.items[Math.floor(check.denSlot / 3)];
    wrong.push(check.numSlot);
    const numLabel = numItem.labels[check.numSlot % 3];
    const denLabel = denItem.labels[check.denSlot % 3];
    issues.push({
      severity: 'error',
      code: 'numerator_exceeds_denominator',
      item: numItem.item.code,
      sex: SEX_COLUMNS[check.numSlot % 3],
      message: CONSISTENCY_MSG.numeratorExceedsDenominator(
        numLabel,
        formatRaw(n),
        denLabel,
        formatRaw(d),
        check.indicator.indicator.name,
        ratioCap(check.indicator.unit),
      ),
    });
  }
  for (const slot of wrong) state[slot] = INVALID;
}
