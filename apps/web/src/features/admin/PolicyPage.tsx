import { useCallback } from 'react';
import { Notice } from '../../components/Notice';
import { Spinner } from '../../components/Spinner';
import { adminApi } from './admin.api';
import { PolicyEditor } from './PolicyEditor';
import { PolicySummary } from './PolicySummary';
import { useResource } from './use-resource';

interface PolicyPageProps {
  orgId: string;
  orgName: string;
  /** Owners and admins edit; members read "what my organisation allows". */
  canEdit: boolean;
}

/** Organisation → Policy (spec §7): approved providers, personal keys, model allowlists, budgets. */
export function PolicyPage({ orgId, orgName, canEdit }: PolicyPageProps) {
  const policy = useResource(useCallback((signal: AbortSignal) => adminApi.policy(orgId, signal), [orgId]));
  return (
    <div className="settings-section" data-testid="admin-policy">
      <h2>{canEdit ? 'Policy' : `What ${orgName} allows`}</h2>
      <p className="muted">
        {canEdit
          ? 'Applies to every call made in this organisation: chat, titles, summaries and the OpenAI-compatible gateway.'
          : 'Set by your organisation’s owners and admins. Ask one of them if you need something changed.'}
      </p>
      {policy.error ? <Notice tone="error">Couldn't load the policy: {policy.error}</Notice> : null}
      {policy.loading && !policy.data ? <Spinner label="Loading policy…" /> : null}
      {policy.data ? (
        canEdit ? (
          <PolicyEditor orgId={orgId} policy={policy.data} onSaved={(saved) => policy.setData(saved)} />
        ) : (
          <PolicySummary policy={policy.data} />
        )
      ) : null}
    </div>
  );
}
