// What stands between a return and 报送, said with where it is: each 预警 without an explanation, by area and indicator.
import type { Framework } from '../framework/schema.ts';
import { MESSAGES } from '../messages.ts';
import { ALERT_LABEL } from '../rules/messages.ts';
import { hasAlert, type Evaluation, type TargetResult } from '../rules/result.ts';

/** 预警 (预计完成困难, 波动较大) that need an explanation before submission and have none yet. */
export function unexplainedAlerts(evaluation: Evaluation, explanations: Record<string, string>): TargetResult[] {
  return evaluation.targets.filter((t) => hasAlert(t) && !explanations[t.targetId]?.trim());
}

/** 「妇女参与决策和管理 · P31 村委会成员中女性比例（波动较大）」 */
export function describeAlert(framework: Framework, t: TargetResult): string {
  const indicator = framework.indicators.find((i) => i.code === t.indicator);
  const flags = [t.hardToMeet ? ALERT_LABEL.hardToMeet : '', t.volatile ? ALERT_LABEL.volatile : '']
    .filter(Boolean)
    .join('、');
  return MESSAGES.returns.alertAt(MESSAGES.areaTitles[t.area], t.indicator, indicator?.name ?? '', flags);
}
