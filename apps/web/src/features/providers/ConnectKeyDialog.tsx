import type { ConnectKeyResponse, ProviderState } from '@chatstudio/contract';
import { KeyDialog } from './KeyDialog';
import { providersApi } from './providers.api';

interface ConnectKeyDialogProps {
  provider: ProviderState;
  onConnected: (response: ConnectKeyResponse) => void;
  onClose: () => void;
}

/** Asks for a personal provider key right in the chat flow (spec §3 step 2). */
export function ConnectKeyDialog({ provider, onConnected, onClose }: ConnectKeyDialogProps) {
  const replacing = provider.credential?.scope === 'user';
  return (
    <KeyDialog
      provider={provider}
      title={replacing ? `Replace your ${provider.name} key` : `Connect ${provider.name}`}
      description={
        <p className="muted">
          ChatStudio checks the key with {provider.name}, encrypts it, and only ever shows a hint of it again.
        </p>
      }
      testId="connect-dialog"
      inputName="provider-api-key"
      initialRegion={provider.credential?.region}
      connect={(request) => providersApi.connectKey(provider.id, request)}
      onConnected={onConnected}
      onClose={onClose}
    />
  );
}
