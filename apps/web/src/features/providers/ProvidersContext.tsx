import type { ProviderState } from '@chatstudio/contract';
import type { ReactNode } from 'react';
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { describeError } from '../../api/api-error';
import { isAbort } from '../../api/client';
import { providersApi } from './providers.api';
import { clearModelCache } from './useModels';

interface ProvidersValue {
  providers: ProviderState[];
  loading: boolean;
  error: string | null;
  reload: () => Promise<void>;
  /** Replaces one provider's state locally after a change we made (connect/remove key). */
  update: (id: string, change: (provider: ProviderState) => ProviderState) => void;
  find: (id: string | null) => ProviderState | undefined;
}

const ProvidersContext = createContext<ProvidersValue | null>(null);

/** `GET /api/providers`, shared by the chat view and the settings so both see a key change at once. */
export function ProvidersProvider({ children }: { children: ReactNode }) {
  const [providers, setProviders] = useState<ProviderState[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const fetchProviders = useCallback(async (signal?: AbortSignal) => {
    setLoading(true);
    try {
      const body = await providersApi.list(signal);
      setProviders(body.providers);
      setError(null);
    } catch (caught) {
      if (isAbort(caught)) return;
      setError(describeError(caught));
    }
    setLoading(false);
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    void fetchProviders(controller.signal);
    return () => {
      controller.abort();
      // Model lists belong to this user's credentials; the next sign-in starts fresh.
      clearModelCache();
    };
  }, [fetchProviders]);

  const value = useMemo<ProvidersValue>(
    () => ({
      providers,
      loading,
      error,
      reload: () => fetchProviders(),
      update: (id, change) => setProviders((list) => list.map((item) => (item.id === id ? change(item) : item))),
      find: (id) => providers.find((item) => item.id === id),
    }),
    [providers, loading, error, fetchProviders],
  );

  return <ProvidersContext.Provider value={value}>{children}</ProvidersContext.Provider>;
}

export function useProviders(): ProvidersValue {
  const value = useContext(ProvidersContext);
  if (!value) throw new Error('useProviders must be used inside ProvidersProvider');
  return value;
}
