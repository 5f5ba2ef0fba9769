import type { CreatedToken, TokenSummary } from '@chatstudio/contract';
import { api, segment } from '../../api/client';

export const tokensApi = {
  list: (signal?: AbortSignal) => api.get<{ tokens: TokenSummary[] }>('/api/tokens', signal),
  create: (name: string) => api.post<CreatedToken>('/api/tokens', { name }),
  revoke: (id: string) => api.delete(`/api/tokens/${segment(id)}`),
};
