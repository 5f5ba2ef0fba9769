import { useMemo } from 'react';
import { Spinner } from '../components/Spinner';
import { AuthScreen } from '../features/auth/AuthScreen';
import { ChangePasswordView } from '../features/auth/ChangePasswordView';
import type { Session } from '../features/auth/session-context';
import { SessionContext } from '../features/auth/session-context';
import { useSessionState } from '../features/auth/useSessionState';
import { Workspace } from './Workspace';

/** Top-level gate: loading → sign in / set up → forced password change → the workspace. */
export function App() {
  const { state, load, signedIn, logout, refresh } = useSessionState();
  const me = state.status === 'authenticated' ? state.me : null;
  const session = useMemo<Session | null>(() => (me ? { me, refresh, logout } : null), [me, refresh, logout]);

  switch (state.status) {
    case 'loading':
      return (
        <main className="center-screen">
          <Spinner label="Loading ChatStudio…" />
        </main>
      );
    case 'unavailable':
      return (
        <main className="center-screen" role="alert">
          <p>{state.message}</p>
          <button type="button" className="button primary" onClick={() => void load()}>
            Try again
          </button>
        </main>
      );
    case 'anonymous':
      return <AuthScreen notice={state.notice} onSignedIn={signedIn} />;
    case 'authenticated':
      if (state.me.user.mustChangePassword) {
        return <ChangePasswordView name={state.me.user.name} onChanged={refresh} onLogout={logout} />;
      }
      return (
        <SessionContext.Provider value={session}>
          <Workspace key={state.me.activeOrgId ?? 'none'} />
        </SessionContext.Provider>
      );
  }
}
