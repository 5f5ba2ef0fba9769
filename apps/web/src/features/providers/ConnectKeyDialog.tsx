import type { ConnectKeyResponse, DashscopeRegion, ProviderState } from '@chatstudio/contract';
import { connectKeyRequestSchema, dashscopeRegions } from '@chatstudio/contract';
import type { FormEvent } from 'react';
import { useEffect, useId, useRef, useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { Notice } from '../../components/Notice';
import { connectKeyErrorMessage } from './key-errors';
import { providersApi } from './providers.api';

const regionLabels: Record<DashscopeRegion, string> = {
  intl: 'International (Singapore)',
  cn: 'China mainland (Beijing)',
  us: 'United States (Virginia)',
};

interface ConnectKeyDialogProps {
  provider: ProviderState;
  onConnected: (response: ConnectKeyResponse) => void;
  onClose: () => void;
}

/**
 * Asks for a provider key right in the chat flow (spec §3 step 2). The key stays in the DOM input only:
 * never in React state or browser storage, and the input is emptied the moment it is submitted.
 */
export function ConnectKeyDialog({ provider, onConnected, onClose }: ConnectKeyDialogProps) {
  const keyRef = useRef<HTMLInputElement>(null);
  const keyId = useId();
  const regionId = useId();
  const regions = provider.regions ?? (provider.id === 'dashscope' ? [...dashscopeRegions] : []);
  const [region, setRegion] = useState<DashscopeRegion | ''>(provider.credential?.region ?? regions[0] ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const replacing = provider.credential?.scope === 'user';

  // After a failed attempt, back to the (emptied) key field: only once it is enabled again, since
  // focusing it while still disabled does nothing and would leave keyboard users nowhere.
  useEffect(() => {
    if (error !== null && !busy) keyRef.current?.focus();
  }, [error, busy]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = keyRef.current;
    if (!input) return;
    const parsed = connectKeyRequestSchema.safeParse({
      apiKey: input.value,
      region: regions.length > 0 && region !== '' ? region : undefined,
    });
    input.value = '';
    if (!parsed.success) {
      setError(`That doesn't look like a key: ${parsed.error.issues[0]?.message ?? 'check it and try again'}.`);
      input.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const response = await providersApi.connectKey(provider.id, parsed.data);
      onConnected(response);
    } catch (caught) {
      setError(connectKeyErrorMessage(caught, provider.name));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={replacing ? `Replace your ${provider.name} key` : `Connect ${provider.name}`}
      onClose={onClose}
      busy={busy}
      testId="connect-dialog"
      description={
        <p className="muted">
          ChatStudio checks the key with {provider.name}, encrypts it, and only ever shows a hint of it again.
        </p>
      }
    >
      <form className="stack" onSubmit={(event) => void submit(event)} autoComplete="off" noValidate>
        <div className="field">
          <label htmlFor={keyId}>{provider.name} API key</label>
          <input
            ref={keyRef}
            id={keyId}
            name="provider-api-key"
            type="password"
            autoComplete="off"
            autoCapitalize="off"
            autoCorrect="off"
            spellCheck={false}
            data-lpignore="true"
            data-1p-ignore="true"
            autoFocus
            required
            disabled={busy}
            data-testid="key-input"
          />
        </div>
        {regions.length > 0 ? (
          <div className="field">
            <label htmlFor={regionId}>Region</label>
            <select
              id={regionId}
              value={region}
              onChange={(event) => setRegion(dashscopeRegions.find((item) => item === event.target.value) ?? '')}
              disabled={busy}
              data-testid="key-region"
            >
              {regions.map((item) => (
                <option key={item} value={item}>
                  {regionLabels[item]}
                </option>
              ))}
            </select>
            <p className="field-hint">Keys only work in the region they were created in.</p>
          </div>
        ) : null}
        {error ? (
          <Notice tone="error" testId="connect-error">
            {error}
          </Notice>
        ) : null}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={busy} data-testid="connect-submit">
            {busy ? `Checking with ${provider.name}…` : 'Connect'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
