import { useCallback, useEffect, useState } from 'react';

/** Runs an API call when its key changes; exposes the value, the error and a reload. */
export function useApiQuery<T>(key: string, load: () => Promise<T>) {
  // `done` rather than `value !== undefined`: null is a real answer (e.g. no profile yet on first start).
  const [state, setState] = useState<{ key: string; done?: boolean; value?: T; error?: Error }>({ key });
  const [nonce, setNonce] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (value) => live && setState({ key, done: true, value }),
      (error: Error) => live && setState({ key, done: true, error }),
    );
    return () => { live = false; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, nonce]);
  const reload = useCallback(() => setNonce((n) => n + 1), []);
  const current = state.key === key ? state : { key, done: false, value: undefined, error: undefined };
  return { value: current.value, error: current.error, loading: !current.done, reload };
}
