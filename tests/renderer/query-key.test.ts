// useApiQuery is keyed by the contract channel and its input (plus a refresh value), not by free strings: the
// loader is read back from the key, so two queries can no longer share a key while asking different things.
import { describe, expect, it } from 'vitest';
import { queryKey, queryOf } from '../../renderer/hooks/query-key.ts';

describe('query keys', () => {
  it('are equal exactly when the channel, the input and the refresh value are', () => {
    expect(queryKey('plans:get-framework', { planId: 'taobei' })).toBe(
      queryKey('plans:get-framework', { planId: 'taobei' }),
    );
    expect(queryKey('plans:get-framework', { planId: 'taobei' })).not.toBe(
      queryKey('plans:get-framework', { planId: 'jiahe' }),
    );
    expect(queryKey('plans:get-framework', { planId: 'taobei' })).not.toBe(
      queryKey('plans:get-framework', { planId: 'taobei', version: 2 }),
    );
    expect(queryKey('returns:list', {})).not.toBe(queryKey('plans:list', {}));
    expect(queryKey('merge:overview', { year: 2024 }, 1)).not.toBe(queryKey('merge:overview', { year: 2024 }, 2));
    // the audit limit is part of the question (a free-string key once left it out)
    expect(queryKey('returns:audit', { returnId: 1, limit: 200 })).not.toBe(
      queryKey('returns:audit', { returnId: 1, limit: 1000 }),
    );
  });
  it('give back the call they stand for; a null input asks nothing', () => {
    expect(queryOf(queryKey('merge:breakdown', { year: 2024 }, 'x'))).toEqual({
      channel: 'merge:breakdown',
      input: { year: 2024 },
    });
    expect(queryOf(queryKey('merge:breakdown', null))).toEqual({ channel: 'merge:breakdown', input: null });
  });
});
