import type { ConnectKeyRequest, ConnectKeyResponse, ModelListResponse, ProviderState } from '@chatstudio/contract';
import { api, segment } from '../../api/client';

export const providersApi = {
  list: (signal?: AbortSignal) => api.get<{ providers: ProviderState[] }>('/api/providers', signal),
  connectKey: (provider: string, request: ConnectKeyRequest) =>
    api.put<ConnectKeyResponse>(`/api/providers/${segment(provider)}/key`, request),
  removeKey: (provider: string) => api.delete(`/api/providers/${segment(provider)}/key`),
  /** With `orgId` (org admins): the org's full list, not narrowed by its own allowlist. */
  models: (provider: string, options: { refresh?: boolean; signal?: AbortSignal; orgId?: string } = {}) =>
    api.get<ModelListResponse>(
      `${options.orgId ? `/api/orgs/${segment(options.orgId)}` : '/api'}/providers/${segment(provider)}/models${options.refresh ? '?refresh=1' : ''}`,
      options.signal,
    ),
};
