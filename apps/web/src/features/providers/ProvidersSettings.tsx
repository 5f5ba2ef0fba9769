import type { ProviderState } from '@chatstudio/contract';
import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatDateTime } from '../../components/format';
import { Notice } from '../../components/Notice';
import { Spinner } from '../../components/Spinner';
import { ConnectKeyDialog } from './ConnectKeyDialog';
import { providerReadiness, providerStatusLine } from './provider-status';
import { providersApi } from './providers.api';
import { useProviders } from './ProvidersContext';

const regionNames: Record<string, string> = { intl: 'International', cn: 'China mainland', us: 'United States' };

function CredentialDetails({ provider }: { provider: ProviderState }) {
  const credential = provider.credential;
  if (!credential) {
    return <p className="muted">{provider.requiresKey ? 'No key connected.' : 'No key needed.'}</p>;
  }
  return (
    <dl className="details">
      <dt>Key</dt>
      <dd>
        <code data-testid="credential-hint">{credential.hint}</code>{' '}
        {credential.scope === 'org' ? "(your organisation's)" : '(yours)'}
      </dd>
      <dt>Connected</dt>
      <dd>
        {credential.connectedBy ? `by ${credential.connectedBy.name}, ` : ''}
        {formatDateTime(credential.connectedAt)}
      </dd>
      {credential.region ? (
        <>
          <dt>Region</dt>
          <dd>{regionNames[credential.region] ?? credential.region}</dd>
        </>
      ) : null}
    </dl>
  );
}

/** Settings → Providers & keys: every provider, its key hint, who connected it and when; replace, remove. */
export function ProvidersSettings() {
  const { providers, loading, error, reload, update } = useProviders();
  const [connecting, setConnecting] = useState<ProviderState | null>(null);
  const [removing, setRemoving] = useState<ProviderState | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  return (
    <div className="settings-section" data-testid="providers-settings">
      <h2>Providers & keys</h2>
      <p className="muted">
        Keys are checked with the provider, stored encrypted, and never shown again: only a hint is kept.
      </p>
      {message ? <Notice tone="success">{message}</Notice> : null}
      {error ? <Notice tone="error">Couldn't load providers: {error}</Notice> : null}
      {loading && providers.length === 0 ? <Spinner label="Loading providers…" /> : null}
      <ul className="card-list">
        {providers.map((provider) => {
          const readiness = providerReadiness(provider);
          const canConnect = provider.requiresKey && provider.approved && provider.personalKeysAllowed;
          const ownKey = provider.credential?.scope === 'user';
          return (
            <li key={provider.id} className="card" data-testid={`settings-provider-${provider.id}`}>
              <div className="card-head">
                <h3>{provider.name}</h3>
                <span className={`pill status-${readiness.kind}`}>{providerStatusLine(provider)}</span>
              </div>
              <CredentialDetails provider={provider} />
              {!provider.personalKeysAllowed && provider.requiresKey && provider.approved ? (
                <p className="muted">Your organisation doesn't allow personal keys for this provider.</p>
              ) : null}
              <div className="card-actions">
                {canConnect ? (
                  <button
                    type="button"
                    className="button small"
                    onClick={() => setConnecting(provider)}
                    data-testid={`provider-connect-${provider.id}`}
                  >
                    {ownKey ? 'Replace key' : 'Connect your key'}
                  </button>
                ) : null}
                {ownKey ? (
                  <button
                    type="button"
                    className="button small danger"
                    onClick={() => setRemoving(provider)}
                    data-testid={`provider-remove-${provider.id}`}
                  >
                    Remove key
                  </button>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
      {connecting ? (
        <ConnectKeyDialog
          provider={connecting}
          onClose={() => setConnecting(null)}
          onConnected={(response) => {
            update(connecting.id, (item) => ({ ...item, credential: response.credential }));
            setMessage(`${connecting.name} connected: ${response.modelCount} models available.`);
            setConnecting(null);
          }}
        />
      ) : null}
      {removing ? (
        <ConfirmDialog
          title={`Remove your ${removing.name} key?`}
          message={`The key ${removing.credential?.hint ?? ''} will be deleted. Chats with ${removing.name} will use your organisation's key if there is one.`}
          confirmLabel="Remove key"
          testId="remove-key-dialog"
          onClose={() => setRemoving(null)}
          onConfirm={async () => {
            await providersApi.removeKey(removing.id);
            setMessage(`Your ${removing.name} key was removed.`);
            await reload();
          }}
        />
      ) : null}
    </div>
  );
}
