// The headline of an evaluation in the statistics bureau's words, shared by the annual report, the exported
// return's 校验结果 sheet, the entry screen, the merge page, the home page and the CLI's --json (headlineOf), so
// every place says the same sentence and the same figures. Pure.
import { MESSAGES } from '../messages.ts';
import { formatRate } from './format.ts';
import type { AreaSummary } from '../rules/result.ts';
import { countsOf } from './build-report.ts';
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

/** The one summary of a return's targets every surface shows: figures and sentences from the engine's total. */
export interface Headline {
  /** measured targets judged at this level (可监测 + 无数据) */
  measured: number;
  /** 可监测 */
  monitored: number;
  /** 已实现或基本实现 */
  achieved: number;
  met: number;
  basicallyMet: number;
  notMet: number;
  noData: number;
  alerts: number;
  /** 达标率 in %, null when too few targets have data */
  rate: number | null;
  qualitative: Counts['qualitative'];
  /** headlineSentences: the words the report, the 校验结果 sheet and the screens print */
  sentences: string[];
}

export function headlineOf(total: Omit<AreaSummary, 'area'>): Headline {
  return headlineFrom(countsOf(total));
}

/** The same, from the counts a report model already holds (countsOf of the same total). */
export function headlineFrom(c: Counts): Headline {
  return {
    measured: c.measured,
    monitored: c.monitored,
    achieved: c.met + c.basicallyMet,
    met: c.met,
    basicallyMet: c.basicallyMet,
    notMet: c.notMet,
    noData: c.noData,
    alerts: c.alerts,
    rate: c.rate,
    qualitative: c.qualitative,
    sentences: headlineSentences(c),
  };
}
