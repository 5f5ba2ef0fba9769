import type { CreatedToken, TokenSummary } from '@chatstudio/contract';
import { createTokenRequestSchema } from '@chatstudio/contract';
import type { FormEvent } from 'react';
import { useCallback, useEffect, useState } from 'react';
import { describeError } from '../../api/api-error';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { CopyButton } from '../../components/CopyButton';
import { EmptyState } from '../../components/EmptyState';
import { Field } from '../../components/Field';
import { formatDateTime } from '../../components/format';
import { Notice } from '../../components/Notice';
import { Spinner } from '../../components/Spinner';
import { tokensApi } from './tokens.api';

/** Settings → Tokens: personal access tokens for scripts and the OpenAI-compatible gateway. */
export function TokensSettings() {
  const [tokens, setTokens] = useState<TokenSummary[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [revoking, setRevoking] = useState<TokenSummary | null>(null);

  const load = useCallback(async () => {
    try {
      setTokens((await tokensApi.list()).tokens);
      setError(null);
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = createTokenRequestSchema.safeParse({ name });
    if (!parsed.success) return setFormError('Give the token a name, so you can recognise it later.');
    setBusy(true);
    setFormError(null);
    try {
      setCreated(await tokensApi.create(parsed.data.name));
      setName('');
      await load();
    } catch (caught) {
      setFormError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="settings-section" data-testid="tokens-settings">
      <h2>Access tokens</h2>
      <p className="muted">
        Tokens let scripts and OpenAI-compatible tools call ChatStudio as you: use one as the API key with base URL{' '}
        <code>{`${window.location.origin}/v1`}</code>.
      </p>
      {created ? (
        <Notice tone="success" testId="token-created">
          <p>
            <strong>Copy your new token "{created.name}" now. You won't see it again.</strong>
          </p>
          <div className="secret-row">
            <code className="secret" data-testid="token-value">
              {created.token}
            </code>
            <CopyButton text={created.token} testId="token-copy" />
          </div>
          <button type="button" className="link-button" onClick={() => setCreated(null)}>
            I've copied it, hide it
          </button>
        </Notice>
      ) : null}
      <form className="inline-form" onSubmit={(event) => void create(event)} noValidate>
        <Field
          label="New token name"
          placeholder="e.g. laptop scripts"
          value={name}
          maxLength={100}
          onChange={(event) => setName(event.target.value)}
          error={formError}
          testId="token-name"
        />
        <button type="submit" className="button primary" disabled={busy} data-testid="token-create">
          {busy ? 'Creating…' : 'Create token'}
        </button>
      </form>
      {error ? <Notice tone="error">Couldn't load tokens: {error}</Notice> : null}
      {loading ? <Spinner label="Loading tokens…" /> : null}
      {!loading && !error && tokens.length === 0 ? <EmptyState title="No tokens yet" testId="tokens-empty" /> : null}
      <ul className="card-list">
        {tokens.map((token) => (
          <li key={token.id} className="card" data-testid="token-item">
            <div className="card-head">
              <h3>{token.name}</h3>
              <code>{token.hint}</code>
            </div>
            <dl className="details">
              <dt>Created</dt>
              <dd>{formatDateTime(token.createdAt)}</dd>
              <dt>Last used</dt>
              <dd>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : 'never'}</dd>
            </dl>
            <div className="card-actions">
              <button
                type="button"
                className="button small danger"
                onClick={() => setRevoking(token)}
                data-testid="token-revoke"
              >
                Revoke
              </button>
            </div>
          </li>
        ))}
      </ul>
      {revoking ? (
        <ConfirmDialog
          title={`Revoke "${revoking.name}"?`}
          message="Anything using this token stops working immediately."
          confirmLabel="Revoke"
          testId="revoke-token-dialog"
          onClose={() => setRevoking(null)}
          onConfirm={async () => {
            await tokensApi.revoke(revoking.id);
            setTokens((list) => list.filter((item) => item.id !== revoking.id));
          }}
        />
      ) : null}
    </div>
  );
}
