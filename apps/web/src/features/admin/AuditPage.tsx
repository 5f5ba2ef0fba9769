import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { describeError } from '../../api/api-error';
import { EmptyState } from '../../components/EmptyState';
import { formatDateTime } from '../../components/format';
import { Notice } from '../../components/Notice';
import { Spinner } from '../../components/Spinner';
import { adminApi } from './admin.api';
import type { AuditEntry, AuditPage as AuditPageBody } from './admin-types';
import type { TargetContext } from './audit-format';
import { actionLabel, auditActions, describeTarget, diffLines } from './audit-format';
import { useProviderNames } from './useProviderNames';
import { useResource } from './use-resource';

const pageSize = 50;

/** Organisation → Audit log (spec §7): every governance change, newest first, filterable by action. */
export function AuditPage({ orgId }: { orgId: string }) {
  const [action, setAction] = useState('');
  const first = useResource(
    useCallback(
      (signal: AbortSignal) => adminApi.audit(orgId, { limit: pageSize, action: action || undefined }, signal),
      [orgId, action],
    ),
  );
  // Names for `user:<id>` targets; the log still reads fine (with short ids) if this fails.
  const members = useResource(useCallback((signal: AbortSignal) => adminApi.members(orgId, signal), [orgId]));
  const providerName = useProviderNames();
  const [older, setOlder] = useState<AuditPageBody | null>(null);
  const [moreBusy, setMoreBusy] = useState(false);
  const [moreError, setMoreError] = useState<string | null>(null);
  const filterId = useId();
  const firstRef = useRef(first.data);
  firstRef.current = first.data;

  useEffect(() => {
    setOlder(null);
    setMoreError(null);
  }, [first.data]);

  const entries = [...(first.data?.entries ?? []), ...(older?.entries ?? [])];
  const next = older ? older.next : (first.data?.next ?? null);
  const context: TargetContext = {
    orgId,
    providerName,
    memberName: (userId) => members.data?.members.find((member) => member.userId === userId)?.name,
  };

  const loadMore = async () => {
    if (next === null) return;
    const base = first.data;
    setMoreBusy(true);
    setMoreError(null);
    try {
      const page = await adminApi.audit(orgId, { limit: pageSize, before: next, action: action || undefined });
      // The filter changed meanwhile: this page belongs to the old list.
      if (firstRef.current !== base) return;
      setOlder((current) => ({ entries: [...(current?.entries ?? []), ...page.entries], next: page.next }));
    } catch (caught) {
      setMoreError(describeError(caught));
    } finally {
      setMoreBusy(false);
    }
  };

  return (
    <div className="settings-section" data-testid="admin-audit">
      <h2>Audit log</h2>
      <p className="muted">
        Every change to keys, policy, calibration, members and tokens, newest first. The log is append-only and
        tamper-evident; it never contains a key.
      </p>
      <div className="field inline">
        <label htmlFor={filterId}>Show</label>
        <select
          id={filterId}
          value={action}
          onChange={(event) => setAction(event.target.value)}
          data-testid="audit-filter"
        >
          <option value="">All actions</option>
          {auditActions.map((item) => (
            <option key={item} value={item}>
              {actionLabel(item)}
            </option>
          ))}
        </select>
        {first.loading && first.data ? <Spinner inline label="Loading…" /> : null}
      </div>
      {first.error ? <Notice tone="error">Couldn't load the audit log: {first.error}</Notice> : null}
      {first.loading && !first.data ? <Spinner label="Loading the audit log…" /> : null}
      {first.data && entries.length === 0 ? (
        <EmptyState
          title={action ? `No “${actionLabel(action)}” entries` : 'Nothing recorded yet'}
          testId="audit-empty"
        />
      ) : null}
      <ol className="audit-list" aria-label="Audit entries">
        {entries.map((entry) => (
          <AuditRow key={entry.id} entry={entry} context={context} />
        ))}
      </ol>
      {moreError ? <Notice tone="error">Couldn't load older entries: {moreError}</Notice> : null}
      {next !== null && first.data ? (
        <button
          type="button"
          className="button"
          onClick={() => void loadMore()}
          disabled={moreBusy}
          data-testid="audit-more"
        >
          {moreBusy ? 'Loading…' : 'Load older entries'}
        </button>
      ) : null}
    </div>
  );
}

function AuditRow({ entry, context }: { entry: AuditEntry; context: TargetContext }) {
  const lines = diffLines(entry.diff, entry.action);
  return (
    <li className="audit-row" data-testid="audit-row" data-action={entry.action}>
      <div className="audit-head">
        <span className="audit-action">{actionLabel(entry.action)}</span>
        <span className="audit-target">{describeTarget(entry.target, context)}</span>
      </div>
      <div className="muted small">
        <time dateTime={entry.createdAt}>{formatDateTime(entry.createdAt)}</time> ·{' '}
        {entry.actor ? `by ${entry.actor.name || entry.actor.id}` : 'by the system'} · #{entry.seq}
      </div>
      {lines.length > 0 ? (
        <dl className="audit-diff">
          {lines.map((line) => (
            <div key={line.label}>
              <dt>{line.label}:</dt>
              <dd>{line.value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
    </li>
  );
}
