import type { ProviderState } from '@chatstudio/contract';
import { useCallback, useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatDateTime } from '../../components/format';
import { Notice } from '../../components/Notice';
import { Spinner } from '../../components/Spinner';
import { useProviders } from '../providers/ProvidersContext';
import { adminApi } from './admin.api';
import type { Connection } from './admin-types';
import { ConnectionsList } from './ConnectionsList';
import { OrgKeyDialog } from './OrgKeyDialog';
import { useResource } from './use-resource';

const regionNames: Record<string, string> = { intl: 'International', cn: 'China mainland', us: 'United States' };

/** Organisation → Keys: the org's own key per provider, and every member's personal key (revocable). */
export function OrgKeysPage({ orgId }: { orgId: string }) {
  const { providers, loading: providersLoading, error: providersError, reload: reloadProviders } = useProviders();
  const connections = useResource(useCallback((signal: AbortSignal) => adminApi.connections(orgId, signal), [orgId]));
  const [connecting, setConnecting] = useState<ProviderState | null>(null);
  const [removing, setRemoving] = useState<ProviderState | null>(null);
  const [revoking, setRevoking] = useState<Connection | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const list = connections.data?.connections ?? [];
  const orgKey = (provider: string) =>
    list.find((item) => item.provider === provider && item.owner.kind === 'org') ?? null;
  const nameOf = (id: string) => providers.find((provider) => provider.id === id)?.name ?? id;

  const changed = (text: string) => {
    setMessage(text);
    void connections.reload();
    // The org key is what members (and you) chat through when no personal key applies.
    void reloadProviders();
  };

  return (
    <div className="settings-section" data-testid="admin-keys">
      <h2>Organisation keys</h2>
      <p className="muted">
        Members chat through the organisation’s key when they have no personal key, or when the policy doesn’t allow
        personal keys. Keys are checked with the provider, encrypted, and never shown again.
      </p>
      {message ? <Notice tone="success">{message}</Notice> : null}
      {providersError ? <Notice tone="error">Couldn't load providers: {providersError}</Notice> : null}
      {connections.error ? <Notice tone="error">Couldn't load connections: {connections.error}</Notice> : null}
      {(providersLoading && providers.length === 0) || (connections.loading && !connections.data) ? (
        <Spinner label="Loading keys…" />
      ) : null}
      <ul className="card-list">
        {providers.map((provider) => {
          const key = orgKey(provider.id);
          return (
            <li key={provider.id} className="card" data-testid={`org-key-${provider.id}`}>
              <div className="card-head">
                <h3>{provider.name}</h3>
                {provider.approved ? null : <span className="pill status-not_approved">not approved by policy</span>}
              </div>
              {!provider.requiresKey ? (
                <p className="muted">Managed by the operator: no key needed.</p>
              ) : key ? (
                <dl className="details">
                  <dt>Key</dt>
                  <dd>
                    <code data-testid="org-key-hint">{key.hint}</code>
                  </dd>
                  <dt>Connected</dt>
                  <dd>
                    {key.connectedBy ? `by ${key.connectedBy.name}, ` : ''}
                    {formatDateTime(key.connectedAt)}
                  </dd>
                  {key.region ? (
                    <>
                      <dt>Region</dt>
                      <dd>{regionNames[key.region] ?? key.region}</dd>
                    </>
                  ) : null}
                </dl>
              ) : connections.data ? (
                <p className="muted">No organisation key.</p>
              ) : null}
              {provider.requiresKey && connections.data ? (
                <div className="card-actions">
                  <button
                    type="button"
                    className="button small"
                    onClick={() => setConnecting(provider)}
                    data-testid={`org-key-connect-${provider.id}`}
                  >
                    {key ? 'Replace key' : 'Connect organisation key'}
                  </button>
                  {key ? (
                    <button
                      type="button"
                      className="button small danger"
                      onClick={() => setRemoving(provider)}
                      data-testid={`org-key-remove-${provider.id}`}
                    >
                      Remove
                    </button>
                  ) : null}
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>

      <h2 className="section-gap">Who is connected to what</h2>
      <p className="muted">Every stored key in this organisation: its own, and each member's personal keys.</p>
      {connections.data ? <ConnectionsList connections={list} providerName={nameOf} onRevoke={setRevoking} /> : null}

      {connecting ? (
        <OrgKeyDialog
          orgId={orgId}
          provider={connecting}
          current={orgKey(connecting.id)}
          onClose={() => setConnecting(null)}
          onConnected={(response) => {
            setConnecting(null);
            changed(
              `${connecting.name} organisation key connected (${response.credential.hint}): ${response.modelCount} model${
                response.modelCount === 1 ? '' : 's'
              } available.`,
            );
          }}
        />
      ) : null}
      {removing ? (
        <ConfirmDialog
          title={`Remove the organisation's ${removing.name} key?`}
          message={`Members without a personal ${removing.name} key can no longer use ${removing.name}.`}
          confirmLabel="Remove key"
          testId="remove-org-key-dialog"
          onClose={() => setRemoving(null)}
          onConfirm={async () => {
            await adminApi.removeOrgKey(orgId, removing.id);
            changed(`The organisation's ${removing.name} key was removed.`);
          }}
        />
      ) : null}
      {revoking && revoking.owner.kind === 'member' ? (
        <ConfirmDialog
          title={`Revoke ${revoking.owner.name || revoking.owner.email}'s ${nameOf(revoking.provider)} key?`}
          message={`The key ${revoking.hint} is deleted for good. ${revoking.owner.name || 'They'} can connect a key again if the policy allows personal keys.`}
          confirmLabel="Revoke key"
          testId="revoke-connection-dialog"
          onClose={() => setRevoking(null)}
          onConfirm={async () => {
            await adminApi.revokeConnection(orgId, revoking.id);
            changed(
              `Revoked ${revoking.owner.kind === 'member' ? revoking.owner.name : ''}'s ${nameOf(revoking.provider)} key.`,
            );
          }}
        />
      ) : null}
    </div>
  );
}
