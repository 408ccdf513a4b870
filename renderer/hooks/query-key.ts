// The key of an API query: the contract channel and its input, plus what else makes the answer stale (a counter
// bumped after a change). Two queries with the same key ask the same thing; the loader is derived from the key,
// so a query can never be cached under one key and loaded with another input.
import type { Channel, Input } from '../../shared/api/contract.ts';

export type QueryKey = string & { readonly __query: unique symbol };

/** input null: nothing to ask now (the answer is null). */
export const queryKey = <C extends Channel>(channel: C, input: Input<C> | null, refresh: unknown = null): QueryKey =>
  JSON.stringify([channel, input, refresh]) as QueryKey;

export const queryOf = (key: QueryKey): { channel: Channel; input: unknown } => {
  const [channel, input] = JSON.parse(key) as [Channel, unknown];
  return { channel, input };
};
