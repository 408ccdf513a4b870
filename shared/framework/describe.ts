// Chinese wording of units and target rules, for the framework browser, the CLI and printed returns.
import type { Indicator, PlanMeta, TargetRule } from './schema.ts';

export function indicatorUnit(indicator: Indicator): string {
  return indicator.kind === 'qualitative' ? '—' : indicator.unit;
}

/** 12/10万, 30%, 2‰, 78.5岁: a number in an indicator's unit. */
export function formatInUnit(value: number, unit: string, decimals?: number): string {
  const text = decimals === undefined ? String(value) : value.toFixed(decimals);
  if (unit === '1/10万') return `${text}/10万`;
  return `${text}${unit}`;
}

const TREND: Record<string, string> = { increase: '逐年提高', decrease: '逐年下降', stable: '保持稳定', slowing_increase: '上升趋势减缓' };

export function describeRule(rule: TargetRule, indicator: Indicator): string {
  const unit = indicatorUnit(indicator);
  const v = (n: number) => formatInUnit(n, unit === '—' ? '' : unit);
  switch (rule.kind) {
    case 'at_most': return rule.strict ? `低于${v(rule.value)}` : `不高于${v(rule.value)}`;
    case 'at_least': return rule.strict ? `高于${v(rule.value)}` : `不低于${v(rule.value)}`;
    case 'about': {
      const t = `±${formatInUnit(rule.tolerance, unit === '—' ? '' : unit)}`;
      if (rule.sides === 'at_least') return `${v(rule.value)}左右（不低于${v(Number((rule.value - rule.tolerance).toFixed(6)))}即为实现，按${t}掌握）`;
      if (rule.sides === 'at_most') return `${v(rule.value)}左右（不高于${v(Number((rule.value + rule.tolerance).toFixed(6)))}即为实现，按${t}掌握）`;
      return `${v(rule.value)}左右（${t}）`;
    }
    case 'range': return `${rule.minStrict ? '高于' : '不低于'}${v(rule.min)}且${rule.maxStrict ? '低于' : '不高于'}${v(rule.max)}`;
    case 'trend': {
      const basis = rule.basis === 'baseline' ? '与基期相比' : '与上年相比';
      if (rule.direction === 'stable' && rule.stableTolerance !== undefined) return `${TREND.stable}（${basis}，变化不超过${v(rule.stableTolerance)}）`;
      return rule.direction === 'slowing_increase' ? `${TREND[rule.direction]}（连续${rule.years}年增幅收窄）` : `${TREND[rule.direction]}（${basis}）`;
    }
    case 'balanced': return rule.toward ? `女性占比向${rule.low}%～${rule.high}%的均衡范围靠拢（本程序约定的均衡范围）` : `女性占比在${rule.low}%～${rule.high}%之间（本程序约定的均衡范围）`;
    case 'relative': return `${rule.op === 'at_least' ? (rule.strict ? '高于' : '不低于') : (rule.strict ? '低于' : '不高于')}指标${rule.indicator}`;
    case 'external': return `${rule.op === 'at_least' ? '不低于' : '不高于'}${rule.label}（由填报单位填写）`;
    case 'qualitative': return indicator.kind === 'qualitative' && indicator.choices === 'mechanism' ? '已建立 / 推进中 / 未建立' : '已实现 / 推进中 / 未实现';
  }
}

/**
 * The years a return can be made for under a plan: the base year (基期, for 序时进度) and every year of the
 * plan's period, up to `upTo` when given (the entry screens stop at the current year).
 */
export function planYears(plan: Pick<PlanMeta, 'baselineYear' | 'period'>, upTo?: number): number[] {
  const years: number[] = [];
  const last = upTo === undefined ? plan.period.end : Math.min(plan.period.end, upTo);
  for (let y = Math.min(plan.baselineYear, plan.period.start); y <= last; y++) years.push(y);
  return years;
}

/** Which targets a county may adjust locally, and what: a value, the tolerance, the balanced band. */
export function adjustableParts(rule: TargetRule): { value: boolean; tolerance: boolean; band: boolean } | null {
  switch (rule.kind) {
    case 'at_least': case 'at_most': return { value: true, tolerance: false, band: false };
    case 'about': return { value: true, tolerance: true, band: false };
    case 'balanced': return { value: false, tolerance: false, band: true };
    case 'trend': return rule.direction === 'stable' ? { value: false, tolerance: true, band: false } : null;
    default: return null;
  }
}

/** The rule rests on a margin the plan does not give (左右's tolerance, the balanced band, 保持稳定 without one). */
export function reliesOnConvention(rule: TargetRule): boolean {
  return rule.kind === 'about' || rule.kind === 'balanced' || (rule.kind === 'trend' && rule.direction === 'stable');
}
