import type { MeResponse } from '@chatstudio/contract';
import { api } from '../../api/client';

/** Remembers the CSRF token that setup, login and `/api/me` hand out (spec §6). */
function keepCsrf(me: MeResponse): MeResponse {
  api.setCsrfToken(me.csrfToken);
  return me;
}

export const authApi = {
  me: async (signal?: AbortSignal) => keepCsrf(await api.get<MeResponse>('/api/me', signal)),
  setup: async (input: { email: string; password: string; name: string }) =>
    keepCsrf(await api.post<MeResponse>('/api/auth/setup', input)),
  login: async (input: { email: string; password: string }) =>
    keepCsrf(await api.post<MeResponse>('/api/auth/login', input)),
  logout: async () => {
    try {
      await api.post<void>('/api/auth/logout');
    } finally {
      api.setCsrfToken(null);
    }
  },
  changePassword: (input: { currentPassword: string; newPassword: string }) =>
    api.post<void>('/api/auth/password', input),
  setLastUsed: (input: { provider: string; model: string }) => api.put<void>('/api/me/last-used', input),
  setActiveOrg: (orgId: string) => api.put<void>('/api/me/active-org', { orgId }),
};
