import type { MeResponse } from '@chatstudio/contract';
import { useCallback, useEffect, useState } from 'react';
import { isApiError } from '../../api/api-error';
import { api } from '../../api/client';
import { authApi } from './auth.api';

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous'; notice: string | null }
  | { status: 'unavailable'; message: string }
  | { status: 'authenticated'; me: MeResponse };

/**
 * Who is signed in: `GET /api/me` at start, then whatever setup/login return. Any 401 from any call
 * afterwards means the session ended, and the app returns to the sign-in screen.
 */
export function useSessionState() {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const load = useCallback(async () => {
    try {
      const me = await authApi.me();
      setState({ status: 'authenticated', me });
    } catch (error) {
      if (isApiError(error, 'unauthorized')) setState({ status: 'anonymous', notice: null });
      else setState({ status: 'unavailable', message: 'ChatStudio could not be reached. Is the server running?' });
    }
  }, []);

  useEffect(() => {
    void load();
    return api.onUnauthorized(() => {
      api.setCsrfToken(null);
      setState((current) =>
        current.status === 'authenticated'
          ? { status: 'anonymous', notice: 'Your session ended. Log in again to continue.' }
          : current,
      );
    });
  }, [load]);

  const signedIn = useCallback((me: MeResponse) => setState({ status: 'authenticated', me }), []);

  const logout = useCallback(async () => {
    try {
      await authApi.logout();
    } finally {
      setState({ status: 'anonymous', notice: 'You are logged out.' });
    }
  }, []);

  const refresh = useCallback(async () => {
    const me = await authApi.me();
    setState({ status: 'authenticated', me });
  }, []);

  return { state, load, signedIn, logout, refresh };
}
