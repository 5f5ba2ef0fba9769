import type { Dispatch, SetStateAction } from 'react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { describeError } from '../../api/api-error';
import { isAbort } from '../../api/client';

export interface Resource<T> {
  data: T | null;
  /** A sentence for an error banner; the previous `data` is kept so a failed reload doesn't blank the page. */
  error: string | null;
  loading: boolean;
  reload: () => Promise<void>;
  setData: Dispatch<SetStateAction<T | null>>;
}

/**
 * Loads something on mount and whenever `loader` changes (wrap it in `useCallback` with its inputs),
 * aborting the previous request so a slow answer for an old input never overwrites a newer one.
 */
export function useResource<T>(loader: (signal: AbortSignal) => Promise<T>): Resource<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const controllerRef = useRef<AbortController | null>(null);

  const reload = useCallback(async () => {
    controllerRef.current?.abort();
    const controller = new AbortController();
    controllerRef.current = controller;
    setLoading(true);
    try {
      const value = await loader(controller.signal);
      if (controller.signal.aborted) return;
      setData(value);
      setError(null);
    } catch (caught) {
      if (isAbort(caught) || controller.signal.aborted) return;
      setError(describeError(caught));
    } finally {
      if (controllerRef.current === controller) setLoading(false);
    }
  }, [loader]);

  useEffect(() => {
    void reload();
    return () => controllerRef.current?.abort();
  }, [reload]);

  return { data, error, loading, reload, setData };
}
