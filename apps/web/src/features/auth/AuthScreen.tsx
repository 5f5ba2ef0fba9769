import type { MeResponse } from '@chatstudio/contract';
import { useState } from 'react';
import { runtimeConfig } from '../../app/runtime-config';
import { Notice } from '../../components/Notice';
import { LoginForm } from './LoginForm';
import { SetupForm } from './SetupForm';

/** A non-secret UI hint: this browser has seen the instance set up, so show login first next time. */
const SETUP_SEEN_KEY = 'chatstudio.setupSeen';

function initialMode(notice: string | null): 'setup' | 'login' {
  const { setupRequired } = runtimeConfig();
  if (setupRequired !== undefined) return setupRequired ? 'setup' : 'login';
  if (notice) return 'login';
  try {
    if (window.localStorage.getItem(SETUP_SEEN_KEY) === '1') return 'login';
  } catch {
    // Storage can be disabled; setup-first still works because setup answers 409 once set up.
  }
  return 'setup';
}

function rememberSetupSeen(): void {
  try {
    window.localStorage.setItem(SETUP_SEEN_KEY, '1');
  } catch {
    // Only a convenience.
  }
}

interface AuthScreenProps {
  notice: string | null;
  onSignedIn: (me: MeResponse) => void;
}

/**
 * First-run setup and login. There is no "is set up" flag in the API, so setup is tried first (unless
 * the server's runtime config says otherwise) and a 409 `conflict` switches to login with a notice.
 */
export function AuthScreen({ notice, onSignedIn }: AuthScreenProps) {
  const [mode, setMode] = useState<'setup' | 'login'>(() => initialMode(notice));
  const [message, setMessage] = useState<string | null>(notice);
  const [email, setEmail] = useState('');
  const productName = runtimeConfig().productName ?? 'ChatStudio';

  const signedIn = (me: MeResponse) => {
    rememberSetupSeen();
    onSignedIn(me);
  };

  return (
    <main className="auth-screen">
      <div className="auth-card">
        <h1 className="auth-brand">{productName}</h1>
        {message ? (
          <Notice tone="info" testId="auth-notice">
            {message}
          </Notice>
        ) : null}
        {mode === 'setup' ? (
          <SetupForm
            onSignedIn={signedIn}
            onAlreadySetUp={(typedEmail) => {
              rememberSetupSeen();
              setEmail(typedEmail);
              setMessage('This ChatStudio is already set up. Log in with your account.');
              setMode('login');
            }}
            onShowLogin={() => {
              setMessage(null);
              setMode('login');
            }}
          />
        ) : (
          <LoginForm
            initialEmail={email}
            onSignedIn={signedIn}
            onShowSetup={() => {
              setMessage(null);
              setMode('setup');
            }}
          />
        )}
      </div>
    </main>
  );
}
