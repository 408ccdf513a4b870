// 妇女与法律: every target with a threshold, written from the five plans' own sentences.
// The harness (./target-tables.ts) checks the plan area files against these tables.
import { describeAreaTargets, NONE, type NumericRow, type PlanId } from './target-tables.ts';

// The law objectives of all five plans are aims and mechanisms and carry no number; the one quantified measure is
// 金口河's 建立起全覆盖的村(社区)干预家暴网络 (全覆盖 → 100% of villages and communities).
const NUMERIC: Record<PlanId, NumericRow[]> = {
  taobei: [],
  jinkouhe: [
    ['jinkouhe-L-M04-1', 'L21', 'at_least', [100], false, '%'], // 建立起全覆盖的村(社区)干预家暴网络
  ],
  jiutai: [],
  jiahe: [],
  kelan: [],
};

/** Targets whose number is implied by the wording (全覆盖 → 100%) rather than printed as such. */
const IMPLIED_NUMBER = new Set(['jinkouhe-L-M04-1']);

describeAreaTargets('law', {
  numeric: NUMERIC,
  trend: NONE,
  relative: NONE,
  external: NONE,
  impliedNumbers: IMPLIED_NUMBER,
});
