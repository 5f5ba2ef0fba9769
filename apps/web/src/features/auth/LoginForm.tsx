import type { MeResponse } from '@chatstudio/contract';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { ApiError, describeError } from '../../api/api-error';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { authApi } from './auth.api';

interface LoginFormProps {
  initialEmail: string;
  onSignedIn: (me: MeResponse) => void;
  onShowSetup: () => void;
}

function loginErrorMessage(error: unknown): string {
  if (error instanceof ApiError && error.code === 'unauthorized') return 'Email or password is incorrect.';
  if (error instanceof ApiError && error.code === 'rate_limited') return `Too many attempts: ${error.message}.`;
  return describeError(error);
}

export function LoginForm({ initialEmail, onSignedIn, onShowSetup }: LoginFormProps) {
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setBusy(true);
    try {
      onSignedIn(await authApi.login({ email: email.trim(), password }));
    } catch (caught) {
      setBusy(false);
      setPassword('');
      setError(loginErrorMessage(caught));
    }
  };

  return (
    <form className="stack" onSubmit={(event) => void submit(event)} data-testid="login-form">
      <h2>Log in</h2>
      <Field
        label="Email"
        type="email"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        autoComplete="username"
        autoFocus={initialEmail === ''}
        required
      />
      <Field
        label="Password"
        type="password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        autoComplete="current-password"
        autoFocus={initialEmail !== ''}
        required
      />
      {error ? <Notice tone="error">{error}</Notice> : null}
      <button type="submit" className="button primary" disabled={busy} data-testid="login-submit">
        {busy ? 'Logging in…' : 'Log in'}
      </button>
      <button type="button" className="link-button" onClick={onShowSetup} data-testid="show-setup">
        First time here? Create the admin account
      </button>
    </form>
  );
}
