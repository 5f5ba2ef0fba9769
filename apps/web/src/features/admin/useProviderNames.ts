import { useCallback } from 'react';
import { useProviders } from '../providers/ProvidersContext';

/** Provider id → display name from `GET /api/providers`; the id itself for anything unknown. */
export function useProviderNames(): (id: string) => string {
  const { providers } = useProviders();
  return useCallback((id: string) => providers.find((provider) => provider.id === id)?.name ?? id, [providers]);
}
