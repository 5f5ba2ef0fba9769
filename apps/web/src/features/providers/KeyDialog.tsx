import type { ConnectKeyRequest, ConnectKeyResponse, DashscopeRegion, ProviderState } from '@chatstudio/contract';
import { connectKeyRequestSchema, dashscopeRegions } from '@chatstudio/contract';
import type { FormEvent } from 'react';
import { useEffect, useId, useRef, useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { Notice } from '../../components/Notice';
import type { ReactNode } from 'react';
import { connectKeyErrorMessage } from './key-errors';

const regionLabels: Record<DashscopeRegion, string> = {
  intl: 'International (Singapore)',
  cn: 'China mainland (Beijing)',
  us: 'United States (Virginia)',
};

export interface KeyDialogProps {
  provider: ProviderState;
  title: string;
  description: ReactNode;
  testId: string;
  /** The input's `name`, distinct per form so password managers don't mix personal and org keys. */
  inputName: string;
  initialRegion: DashscopeRegion | undefined;
  /** Sends the validated key to the server (personal or org route). */
  connect: (request: ConnectKeyRequest) => Promise<ConnectKeyResponse>;
  onConnected: (response: ConnectKeyResponse) => void;
  onClose: () => void;
}

/**
 * The key form shared by personal and organisation keys. The key stays in the DOM input only: never
 * in React state or browser storage, and the input is emptied the moment it is submitted.
 */
export function KeyDialog({
  provider,
  title,
  description,
  testId,
  inputName,
  initialRegion,
  connect,
  onConnected,
  onClose,
}: KeyDialogProps) {
  const keyRef = useRef<HTMLInputElement>(null);
  const keyId = useId();
  const regionId = useId();
  const regions = provider.regions ?? (provider.id === 'dashscope' ? [...dashscopeRegions] : []);
  const [region, setRegion] = useState<DashscopeRegion | ''>(initialRegion ?? regions[0] ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

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
      onConnected(await connect(parsed.data));
    } catch (caught) {
      setError(connectKeyErrorMessage(caught, provider.name));
      setBusy(false);
    }
  };

  return (
    <Dialog title={title} onClose={onClose} busy={busy} testId={testId} description={description}>
      <form className="stack" onSubmit={(event) => void submit(event)} autoComplete="off" noValidate>
        <div className="field">
          <label htmlFor={keyId}>{provider.name} API key</label>
          <input
            ref={keyRef}
            id={keyId}
            name={inputName}
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
