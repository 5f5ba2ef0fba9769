import { NewPasswordFields } from './NewPasswordFields';
import { passwordSchema } from '@chatstudio/contract';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { ApiError, describeError } from '../../api/api-error';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { authApi } from './auth.api';

interface ChangePasswordViewProps {
  name: string;
  onChanged: () => Promise<void>;
  onLogout: () => Promise<void>;
}

/** Shown instead of everything else while `me.user.mustChangePassword` (one-time passwords). */
export function ChangePasswordView({ name, onChanged, onLogout }: ChangePasswordViewProps) {
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const parsed = passwordSchema.safeParse(newPassword);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'choose a longer password');
    if (newPassword !== confirm) return setError('the two new passwords do not match');
    if (newPassword === currentPassword) return setError('choose a password different from the one-time password');
    setBusy(true);
    try {
      await authApi.changePassword({ currentPassword, newPassword });
      await onChanged();
    } catch (caught) {
      setBusy(false);
      setError(
        caught instanceof ApiError && caught.code === 'unauthorized'
          ? 'The current password is incorrect.'
          : describeError(caught),
      );
    }
  };

  return (
    <main className="auth-screen">
      <div className="auth-card">
        <form className="stack" onSubmit={(event) => void submit(event)} data-testid="change-password-form" noValidate>
          <h1>Choose a new password</h1>
          <p className="muted">Welcome, {name}. Your account has a one-time password; set your own to continue.</p>
          <Field
            label="Current (one-time) password"
            type="password"
            value={currentPassword}
            onChange={(e) => setCurrentPassword(e.target.value)}
            autoComplete="current-password"
            autoFocus
            required
          />
          <NewPasswordFields
            label="New password"
            password={newPassword}
            confirm={confirm}
            onPassword={setNewPassword}
            onConfirm={setConfirm}
          />
          {error ? <Notice tone="error">{error}</Notice> : null}
          <button type="submit" className="button primary" disabled={busy} data-testid="change-password-submit">
            {busy ? 'Saving…' : 'Set password'}
          </button>
          <button type="button" className="link-button" onClick={() => void onLogout()}>
            Log out
          </button>
        </form>
      </div>
    </main>
  );
}
