// The words of a version's 已退回 / 审核通过 tag on the 汇总 page.
import type { ReviewState } from '../../shared/api/merge-contract.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { localDate } from '../../shared/returns/dates.ts';

const R = MESSAGES.merge.review;

/** 已退回（2026-11-30） / 审核通过（…）: the decision and its day in local time, like 收到时间 beside it. */
export const reviewTagText = (review: Pick<ReviewState, 'decision' | 'at'>): string =>
  review.decision === 'returned' ? R.returned(localDate(review.at)) : R.accepted(localDate(review.at));
