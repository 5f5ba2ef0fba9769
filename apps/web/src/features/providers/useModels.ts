import type { ModelListResponse } from '@chatstudio/contract';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/api-error';
import { isAbort } from '../../api/client';
import { providersApi } from './providers.api';

export interface ModelsState {
  data: ModelListResponse | null;
  loading: boolean;
  error: ApiError | null;
  refresh: () => void;
}

/** Per-page cache: switching providers back and forth does not refetch. Keyed by provider + credential. */
const cache = new Map<string, ModelListResponse>();

/** Forgets every cached list (tests; a future "log out" could call it too). */
export function clearModelCache(): void {
  cache.clear();
}

function toApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError('unknown', 'could not load models', 0);
}

/**
 * The discovered models of a provider (`GET /api/providers/:id/models`). `cacheKey` changes when the
 * credential changes, which refetches; `refresh()` asks the server to bypass its cache (`?refresh=1`).
 * Pass `provider: null` while the provider cannot be used yet.
 */
export function useModels(provider: string | null, cacheKey: string, orgId?: string): ModelsState {
  const key = provider ? `${provider}:${cacheKey}:${orgId ?? ''}` : null;
  const [data, setData] = useState<ModelListResponse | null>(key ? (cache.get(key) ?? null) : null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const controllerRef = useRef<AbortController | null>(null);

  const load = useCallback(
    async (refresh: boolean) => {
      if (!provider || !key) return;
      controllerRef.current?.abort();
      const controller = new AbortController();
      controllerRef.current = controller;
      setLoading(true);
      setError(null);
      try {
        const body = await providersApi.models(provider, {
          refresh,
          signal: controller.signal,
          ...(orgId ? { orgId } : {}),
        });
        cache.set(key, body);
        setData(body);
      } catch (caught) {
        if (isAbort(caught)) return;
        setError(toApiError(caught));
      }
      if (controllerRef.current === controller) setLoading(false);
    },
    [provider, key, orgId],
  );

  useEffect(() => {
    setError(null);
    const cached = key ? cache.get(key) : undefined;
    setData(cached ?? null);
    if (key && !cached) void load(false);
    else setLoading(false);
    return () => controllerRef.current?.abort();
  }, [key, load]);

  const refresh = useCallback(() => void load(true), [load]);
  return { data, loading, error, refresh };
}
