import type { ConnectKeyRequest, ConnectKeyResponse, ModelListResponse, ProviderState } from '@chatstudio/contract';
import { api, segment } from '../../api/client';

export const providersApi = {
  list: (signal?: AbortSignal) => api.get<{ providers: ProviderState[] }>('/api/providers', signal),
  connectKey: (provider: string, request: ConnectKeyRequest) =>
    api.put<ConnectKeyResponse>(`/api/providers/${segment(provider)}/key`, request),
  removeKey: (provider: string) => api.delete(`/api/providers/${segment(provider)}/key`),
  models: (provider: string, options: { refresh?: boolean; signal?: AbortSignal } = {}) =>
    api.get<ModelListResponse>(
      `/api/providers/${segment(provider)}/models${options.refresh ? '?refresh=1' : ''}`,
      options.signal,
    ),
};
