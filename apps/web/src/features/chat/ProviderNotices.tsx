import type { ProviderState } from '@chatstudio/contract';
import type { ApiError } from '../../api/api-error';
import { Notice } from '../../components/Notice';
import { providerReadiness } from '../providers/provider-status';

interface ProviderNoticesProps {
  provider: ProviderState | undefined;
  modelsError: ApiError | null;
  onConnect: () => void;
  onRetryModels: () => void;
}

/** What is in the way of chatting with the chosen provider, with the one action that fixes it. */
export function ProviderNotices({ provider, modelsError, onConnect, onRetryModels }: ProviderNoticesProps) {
  if (!provider) return null;
  const readiness = providerReadiness(provider);
  const connect = (
    <button type="button" className="button small primary" onClick={onConnect} data-testid="connect-key-button">
      Connect key
    </button>
  );
  switch (readiness.kind) {
    case 'not_approved':
      return (
        <Notice tone="error" testId="provider-notice">
          {provider.name} can't be used: {readiness.reason}
        </Notice>
      );
    case 'needs_key':
      return (
        <Notice tone="info" testId="provider-notice" action={connect}>
          {provider.name} needs an API key before you can chat.
        </Notice>
      );
    case 'personal_keys_forbidden':
      return (
        <Notice tone="warning" testId="provider-notice">
          Your organisation doesn't allow personal keys and hasn't connected a {provider.name} key yet. Ask an admin.
        </Notice>
      );
    case 'unreachable':
      return (
        <Notice tone="warning" testId="provider-notice">
          The {provider.name} host isn't answering right now; replies may fail.
        </Notice>
      );
    case 'ready':
      break;
  }
  if (!modelsError) return null;
  if (modelsError.code === 'key_required') {
    return (
      <Notice tone="info" testId="provider-notice" action={connect}>
        {provider.name} needs a key: {modelsError.message}
      </Notice>
    );
  }
  const retry = (
    <button type="button" className="button small" onClick={onRetryModels}>
      Retry
    </button>
  );
  const text =
    modelsError.code === 'provider_unavailable' || modelsError.code === 'upstream_error'
      ? `Couldn't reach ${provider.name} to list its models.`
      : modelsError.code === 'key_invalid'
        ? `${provider.name} no longer accepts the connected key. Replace it in Settings → Providers & keys.`
        : `Couldn't load ${provider.name}'s models: ${modelsError.message}`;
  return (
    <Notice tone="error" testId="provider-notice" action={retry}>
      {text}
    </Notice>
  );
}
