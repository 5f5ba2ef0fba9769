import { createOrgSchema } from '@chatstudio/contract';
import type { FormEvent } from 'react';
import { useCallback, useState } from 'react';
import { describeError } from '../../api/api-error';
import { EmptyState } from '../../components/EmptyState';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { Spinner } from '../../components/Spinner';
import { authApi } from '../auth/auth.api';
import { useSession } from '../auth/session-context';
import { adminApi } from './admin.api';
import type { OrgSummary } from './admin-types';
import { roleLabels } from './roles';
import { useResource } from './use-resource';

/** Organisation → Organisations (instance admins): every org you belong to, and creating a new one. */
export function OrganisationsPage() {
  const { me, refresh } = useSession();
  const orgs = useResource(useCallback((signal: AbortSignal) => adminApi.orgs(signal), []));
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<OrgSummary | null>(null);
  const [switchError, setSwitchError] = useState<string | null>(null);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = createOrgSchema.safeParse({ name });
    if (!parsed.success) return setError('Give the organisation a name (up to 100 characters).');
    setBusy(true);
    setError(null);
    try {
      setCreated(await adminApi.createOrg(parsed.data.name));
      setName('');
      await orgs.reload();
      // The account menu's organisation switcher reads /api/me.
      await refresh();
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  const switchTo = async (org: OrgSummary) => {
    setSwitchError(null);
    try {
      await authApi.setActiveOrg(org.id);
      // A new active org remounts the workspace, which reloads everything for it.
      await refresh();
    } catch (caught) {
      setSwitchError(`Couldn't switch to ${org.name}: ${describeError(caught)}`);
    }
  };

  const list = orgs.data?.orgs ?? [];
  return (
    <div className="settings-section" data-testid="admin-orgs">
      <h2>Organisations</h2>
      <p className="muted">
        As the instance administrator you can create organisations; you become the owner of each one you create and can
        add its first members.
      </p>
      {created ? (
        <Notice
          tone="success"
          testId="org-created"
          action={
            created.id === me.activeOrgId ? null : (
              <button type="button" className="button small" onClick={() => void switchTo(created)}>
                Switch to it
              </button>
            )
          }
        >
          Created “{created.name}”. You are its owner.
        </Notice>
      ) : null}
      <form className="inline-form" onSubmit={(event) => void create(event)} noValidate data-testid="create-org-form">
        <Field
          label="New organisation name"
          value={name}
          maxLength={100}
          onChange={(event) => setName(event.target.value)}
          error={error}
          testId="org-name"
        />
        <button type="submit" className="button primary" disabled={busy} data-testid="create-org">
          {busy ? 'Creating…' : 'Create organisation'}
        </button>
      </form>
      {switchError ? <Notice tone="error">{switchError}</Notice> : null}
      {orgs.error ? <Notice tone="error">Couldn't load organisations: {orgs.error}</Notice> : null}
      {orgs.loading && !orgs.data ? <Spinner label="Loading organisations…" /> : null}
      {orgs.data && list.length === 0 ? <EmptyState title="You belong to no organisation yet" /> : null}
      <ul className="card-list">
        {list.map((org) => (
          <li key={org.id} className="card org-row" data-testid="org-row">
            <div className="card-head">
              <h3>{org.name}</h3>
              <span className="pill">{roleLabels[org.role]}</span>
            </div>
            <div className="card-actions">
              {org.id === me.activeOrgId ? (
                <span className="muted small">Active organisation</span>
              ) : (
                <button type="button" className="button small" onClick={() => void switchTo(org)}>
                  Switch to {org.name}
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
