// The 已退回 / 审核通过 tag of a version gives the day of the decision as the county lives it: in local time, like
// 收到时间 beside it. (It gave the UTC day: a decision at 03:45 in Beijing was dated the day before.)
import { describe, expect, it } from 'vitest';
import { inTimeZone } from '../helpers/time-zone.ts';
import { reviewTagText } from '../../renderer/merge/review-tag.ts';
import { MESSAGES } from '../../shared/messages.ts';

const R = MESSAGES.merge.review;
inTimeZone('Asia/Shanghai');

describe('review tag', () => {
  it('dates a decision in local time', () => {
    const at = '2026-11-29T19:45:31.000Z'; // 2026-11-30 03:45:31 in Beijing
    expect(reviewTagText({ decision: 'accepted', at })).toBe(R.accepted('2026-11-30'));
    expect(reviewTagText({ decision: 'returned', at })).toBe(R.returned('2026-11-30'));
  });
});
