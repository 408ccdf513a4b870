// 妇女与法律: every target with a threshold (none: the law objectives and measures state no number), written from the five plans' own sentences.
// The harness (./target-tables.ts) checks the plan area files against these tables.
import { describeAreaTargets, NONE } from './target-tables.ts';

// The law objectives of all five plans are aims and mechanisms; no 主要目标 or 策略措施 sentence carries a number,
// so every law target is qualitative.
describeAreaTargets('law', { numeric: NONE, trend: NONE, relative: NONE, external: NONE });
