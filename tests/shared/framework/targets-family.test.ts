// 妇女与家庭建设: the targets with a number, and the trend targets, of each plan, written from the plans' own sentences.
// Rows as described at NumericRow and TrendRow in ./target-tables.ts; that harness checks them against the plan area files.
// No target of these plans is set relative to another indicator or against an external threshold (relative, external: NONE).
import { describeAreaTargets, NONE, type NumericRow, type PlanId, type TrendRow } from './target-tables.ts';

// 主要目标 and 策略措施 of 妇女与家庭建设: the objectives are aims; only 金口河 and 九台 set a quantified measure
// (城市社区综合服务设施实现全覆盖 → 100%).
const NUMERIC: Record<PlanId, NumericRow[]> = {
  taobei: [],
  jinkouhe: [['jinkouhe-F-M03-1', 'F05', 'at_least', [100], false, '%']],
  jiutai: [['jiutai-F-M04-1', 'F05', 'at_least', [100], false, '%']],
  jiahe: [],
  kelan: [],
};

/** Trend targets: 逐步提高 / 缩小 … without a number, judged against the previous year. */
const TREND: Record<PlanId, TrendRow[]> = {
  taobei: [['taobei-F-G07-2', 'F14', 'decrease']], // 缩小两性家务劳动时间
  jinkouhe: [
    ['jinkouhe-F-G06-2', 'F12', 'decrease'], // 预防和减少婚姻家庭矛盾纠纷
    ['jinkouhe-F-G07-2', 'F14', 'decrease'], // 缩小两性家务劳动时间差距
  ],
  jiutai: [['jiutai-F-G07-2', 'F14', 'decrease']],
  jiahe: [['jiahe-F-G07-2', 'F14', 'decrease']],
  kelan: [['kelan-F-G08-2', 'F14', 'decrease']], // 男女两性家务劳动时间差距缩小
};

const OBJECTIVES: Record<PlanId, number> = { taobei: 9, jinkouhe: 9, jiutai: 9, jiahe: 9, kelan: 9 };

/** Targets whose number is implied by the wording (实现全覆盖 → 100%) rather than printed as such. */
const IMPLIED_NUMBER = new Set(['jinkouhe-F-M03-1', 'jiutai-F-M04-1']);

describeAreaTargets('family', {
  numeric: NUMERIC,
  trend: TREND,
  relative: NONE,
  external: NONE,
  objectives: OBJECTIVES,
  impliedNumbers: IMPLIED_NUMBER,
});
