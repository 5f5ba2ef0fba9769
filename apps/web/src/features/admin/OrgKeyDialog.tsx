import type { ConnectKeyResponse, ProviderState } from '@chatstudio/contract';
import { KeyDialog } from '../providers/KeyDialog';
import { adminApi } from './admin.api';
import type { Connection } from './admin-types';

interface OrgKeyDialogProps {
  orgId: string;
  provider: ProviderState;
  current: Connection | null;
  onConnected: (response: ConnectKeyResponse) => void;
  onClose: () => void;
}

/** Connects (or replaces) the organisation's key for one provider. Members use it but never see it. */
export function OrgKeyDialog({ orgId, provider, current, onConnected, onClose }: OrgKeyDialogProps) {
  return (
    <KeyDialog
      provider={provider}
      title={
        current ? `Replace the organisation's ${provider.name} key` : `Connect an organisation ${provider.name} key`
      }
      description={
        <p className="muted">
          Every member can chat through this key without seeing it. ChatStudio checks it with {provider.name}, encrypts
          it, and only ever shows a hint of it again.
        </p>
      }
      testId="org-key-dialog"
      inputName="org-provider-api-key"
      initialRegion={current?.region}
      connect={(request) => adminApi.connectOrgKey(orgId, provider.id, request)}
      onConnected={onConnected}
      onClose={onClose}
    />
  );
}
