import { NewPasswordFields } from './NewPasswordFields';
import type { MeResponse } from '@chatstudio/contract';
import { setupRequestSchema } from '@chatstudio/contract';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { describeError, isApiError } from '../../api/api-error';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { authApi } from './auth.api';

interface SetupFormProps {
  onSignedIn: (me: MeResponse) => void;
  onAlreadySetUp: (email: string) => void;
  onShowLogin: () => void;
}

/** Creates the first admin (`POST /api/auth/setup`), validated with the server's own schema. */
export function SetupForm({ onSignedIn, onAlreadySetUp, onShowLogin }: SetupFormProps) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const parsed = setupRequestSchema.safeParse({ name, email, password });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'check the form');
      return;
    }
    if (password !== confirm) {
      setError('the two passwords do not match');
      return;
    }
    setBusy(true);
    try {
      onSignedIn(await authApi.setup(parsed.data));
    } catch (caught) {
      setBusy(false);
      if (isApiError(caught, 'conflict')) onAlreadySetUp(parsed.data.email);
      else setError(describeError(caught));
    }
  };

  return (
    <form className="stack" onSubmit={(event) => void submit(event)} data-testid="setup-form" noValidate>
      <h2>Create the admin account</h2>
      <p className="muted">This first account administers this ChatStudio and owns its first organisation.</p>
      <Field label="Your name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" required />
      <Field
        label="Email"
        type="email"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        autoComplete="username"
        required
      />
      <NewPasswordFields
        label="Password"
        password={password}
        confirm={confirm}
        onPassword={setPassword}
        onConfirm={setConfirm}
      />
      {error ? <Notice tone="error">{error}</Notice> : null}
      <button type="submit" className="button primary" disabled={busy} data-testid="setup-submit">
        {busy ? 'Creating…' : 'Create account'}
      </button>
      <button type="button" className="link-button" onClick={onShowLogin} data-testid="show-login">
        Already set up? Log in
      </button>
    </form>
  );
}
