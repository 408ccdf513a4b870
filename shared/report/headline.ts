// The headline of an evaluation in the statistics bureau's words, shared by the annual report, the exported
// return's 校验结果 sheet and the entry screen, so every place says the same sentence. Pure.
import { MESSAGES } from '../messages.ts';
import { formatRate } from './format.ts';
import type { Counts } from './model.ts';

const A = MESSAGES.report.annual;

/** 「在可监测的X项指标中，Y项已实现或基本实现目标……」, coverage, qualitative targets apart, and the 预警 count. */
export function headlineSentences(c: Counts, options: { alerts?: boolean } = {}): string[] {
  const out: string[] = [];
  if (c.measured === 0 && c.qualitative.total === 0) return [A.noTargets];
  if (c.measured > 0) {
    if (c.rateReason === 'none_monitored') out.push(A.noneMonitored(c.measured));
    else if (c.rateReason === 'too_few') out.push(A.tooFew(c.measured, c.monitored, c.met + c.basicallyMet, c.notMet));
    else {
      out.push(A.overview(c.monitored, c.met + c.basicallyMet, c.met, c.basicallyMet, c.notMet, formatRate(c.rate)));
      out.push(A.coverage(c.measured, c.monitored, c.noData));
    }
  }
  const q = c.qualitative;
  if (q.total > 0) out.push(A.qualitative(q.total, q.done, q.inProgress, q.notDone, q.unanswered));
  if (c.measured > 0 && options.alerts !== false) out.push(A.alerts(c.alerts));
  return out;
}
