import { useCallback, useEffect, useState } from 'react';
import type { Channel, Input, Output } from '../../shared/api/contract.ts';
import { api } from '../api/client.ts';
import { queryKey, queryOf, type QueryKey } from './query-key.ts';

export interface QueryResult<T> {
  value: T | undefined;
  error: Error | undefined;
  loading: boolean;
  reload: () => void;
}

const load = (key: QueryKey): Promise<unknown> => {
  const { channel, input } = queryOf(key);
  return input === null ? Promise.resolve(null) : (api[channel] as (input: unknown) => Promise<unknown>)(input);
};

/**
 * Calls a contract channel with `input` and again whenever the key (channel, input, `refresh`) changes; exposes the
 * value, the error and a reload. `input` null asks nothing and gives null (a query that does not apply now).
 */
export function useApiQuery<C extends Channel>(channel: C, input: Input<C>, refresh?: unknown): QueryResult<Output<C>>;
export function useApiQuery<C extends Channel>(
  channel: C,
  input: Input<C> | null,
  refresh?: unknown,
): QueryResult<Output<C> | null>;
export function useApiQuery<C extends Channel>(
  channel: C,
  input: Input<C> | null,
  refresh?: unknown,
): QueryResult<Output<C> | null> {
  const key = queryKey(channel, input, refresh);
  // `done` rather than `value !== undefined`: null is a real answer (e.g. no profile yet on first start).
  const [state, setState] = useState<{ key: QueryKey; done?: boolean; value?: unknown; error?: Error }>({ key });
  const [nonce, setNonce] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: nonce is the trigger of reload() (same key, asked again)
  useEffect(() => {
    let live = true;
    load(key).then(
      (value) => live && setState({ key, done: true, value }),
      (error: Error) => live && setState({ key, done: true, error }),
    );
    return () => {
      live = false;
    };
  }, [key, nonce]);
  const reload = useCallback(() => setNonce((n) => n + 1), []);
  const current = state.key === key ? state : { key, done: false, value: undefined, error: undefined };
  return { value: current.value as Output<C> | null | undefined, error: current.error, loading: !current.done, reload };
}
