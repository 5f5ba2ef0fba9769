import type { MeResponse } from '@chatstudio/contract';
import { createContext, useContext } from 'react';

export interface Session {
  me: MeResponse;
  /** Re-reads `/api/me` (after a password change, org switch, or to pick up `lastUsed`). */
  refresh: () => Promise<void>;
  logout: () => Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside an authenticated workspace');
  return session;
}
