import type { ProviderState } from '@chatstudio/contract';
import { useEffect, useRef } from 'react';
import { Spinner } from '../../components/Spinner';
import { usePopover } from '../../components/usePopover';
import { providerReadiness, providerStatusLine } from './provider-status';

interface ProviderPickerProps {
  providers: ProviderState[];
  loading: boolean;
  selectedId: string | null;
  onSelect: (provider: ProviderState) => void;
}

/**
 * Step one of the chat flow (spec §3): pick a provider. Unapproved providers, and those with no key the
 * user may use, are listed but disabled, with the reason shown.
 */
export function ProviderPicker({ providers, loading, selectedId, onSelect }: ProviderPickerProps) {
  const { open, setOpen, close, rootRef, triggerRef, onMenuKeyDown } = usePopover();
  const menuRef = useRef<HTMLDivElement>(null);
  const selected = providers.find((provider) => provider.id === selectedId);

  useEffect(() => {
    if (!open) return;
    const first =
      menuRef.current?.querySelector<HTMLElement>('[aria-pressed="true"]:not([disabled])') ??
      menuRef.current?.querySelector<HTMLElement>('[data-menu-item]:not([disabled])');
    first?.focus();
  }, [open]);

  return (
    <div className="picker" ref={rootRef}>
      <button
        ref={triggerRef}
        type="button"
        className="picker-trigger"
        aria-haspopup="true"
        aria-expanded={open}
        aria-label={`Provider: ${selected?.name ?? 'none chosen'}`}
        onClick={() => setOpen(!open)}
        data-testid="provider-picker"
      >
        <span className="picker-caption">Provider</span>
        <span className="picker-value">{selected?.name ?? 'Choose…'}</span>
        {loading ? <Spinner inline label="Loading providers…" /> : null}
      </button>
      {open ? (
        <div
          ref={menuRef}
          className="picker-menu"
          role="group"
          aria-label="Providers"
          onKeyDown={onMenuKeyDown}
          data-testid="provider-menu"
        >
          {providers.length === 0 ? <p className="muted pad">No providers available.</p> : null}
          {providers.map((provider) => {
            const readiness = providerReadiness(provider);
            const disabled = readiness.kind === 'not_approved' || readiness.kind === 'personal_keys_forbidden';
            const statusId = `provider-status-${provider.id}`;
            return (
              <button
                key={provider.id}
                type="button"
                className={`menu-option status-${readiness.kind}`}
                aria-pressed={provider.id === selectedId}
                aria-describedby={statusId}
                disabled={disabled}
                data-menu-item
                data-testid={`provider-option-${provider.id}`}
                onClick={() => {
                  onSelect(provider);
                  close();
                }}
              >
                <span className="option-name">{provider.name}</span>
                <span id={statusId} className="option-detail" data-testid="provider-option-status">
                  {providerStatusLine(provider)}
                </span>
              </button>
            );
          })}
        </div>
      ) : null}
    </div>
  );
}
