import type { ConnectKeyResponse, DashscopeRegion, ProviderState } from '@chatstudio/contract';
import { connectKeyRequestSchema, dashscopeRegions } from '@chatstudio/contract';
import type { FormEvent } from 'react';
import { useEffect, useId, useRef, useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { Notice } from '../../components/Notice';
import { connectKeyErrorMessage } from '../providers/key-errors';
import { adminApi } from './admin.api';
import type { Connection } from './admin-types';

const regionLabels: Record<DashscopeRegion, string> = {
  intl: 'International (Singapore)',
  cn: 'China mainland (Beijing)',
  us: 'United States (Virginia)',
};

interface OrgKeyDialogProps {
  orgId: string;
  provider: ProviderState;
  current: Connection | null;
  onConnected: (response: ConnectKeyResponse) => void;
  onClose: () => void;
}

/**
 * Connects (or replaces) the organisation's key for one provider. Same rules as a personal key: the
 * key lives only in the DOM input, never in React state or browser storage, and the input is emptied
 * the moment the form is submitted. Members use this key but never see it.
 */
export function OrgKeyDialog({ orgId, provider, current, onConnected, onClose }: OrgKeyDialogProps) {
  const keyRef = useRef<HTMLInputElement>(null);
  const keyId = useId();
  const regionId = useId();
  const regions = provider.regions ?? (provider.id === 'dashscope' ? [...dashscopeRegions] : []);
  const [region, setRegion] = useState<DashscopeRegion | ''>(current?.region ?? regions[0] ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // After a failed attempt, back to the (emptied) key field once it is enabled again: focusing a
  // disabled input does nothing and would leave keyboard users nowhere.
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
      onConnected(await adminApi.connectOrgKey(orgId, provider.id, parsed.data));
    } catch (caught) {
      setError(connectKeyErrorMessage(caught, provider.name));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={
        current ? `Replace the organisation's ${provider.name} key` : `Connect an organisation ${provider.name} key`
      }
      onClose={onClose}
      busy={busy}
      testId="org-key-dialog"
      description={
        <p className="muted">
          Every member can chat through this key without seeing it. ChatStudio checks it with {provider.name}, encrypts
          it, and only ever shows a hint of it again.
        </p>
      }
    >
      <form className="stack" onSubmit={(event) => void submit(event)} autoComplete="off" noValidate>
        <div className="field">
          <label htmlFor={keyId}>{provider.name} API key</label>
          <input
            ref={keyRef}
            id={keyId}
            name="org-provider-api-key"
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
