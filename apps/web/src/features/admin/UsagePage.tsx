import { useCallback, useId, useMemo, useState } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { Notice } from '../../components/Notice';
import { Spinner } from '../../components/Spinner';
import { adminApi } from './admin.api';
import type { UsageScope } from './admin-types';
import type { UsageGrouping } from './usage-report';
import { formatCount, isDay, lastDays, lastMonth, thisMonth } from './usage-report';
import { UsageChart } from './UsageChart';
import { UsageTable } from './UsageTable';
import { useProviderNames } from './useProviderNames';
import { useResource } from './use-resource';

const presets = [
  { label: 'This month', range: () => thisMonth() },
  { label: 'Last month', range: () => lastMonth() },
  { label: 'Last 7 days', range: () => lastDays(7) },
  { label: 'Last 30 days', range: () => lastDays(30) },
];

interface UsagePageProps {
  /** `org`: the active organisation's usage (owners/admins); `me`: the caller's own. */
  scope: UsageScope;
  title: string;
  testId?: string;
}

/** Usage (spec §7): tokens per day by provider, and a table grouped the way the reader asks. */
export function UsagePage({ scope, title, testId }: UsagePageProps) {
  const [range, setRange] = useState(() => thisMonth());
  const [groupBy, setGroupBy] = useState<UsageGrouping>(scope === 'org' ? 'member' : 'provider');
  const providerName = useProviderNames();
  const fromId = useId();
  const toId = useId();
  const valid = isDay(range.from) && isDay(range.to) && range.from <= range.to;
  const report = useResource(
    useCallback(
      (signal: AbortSignal) =>
        valid ? adminApi.usage({ scope, from: range.from, to: range.to }, signal) : Promise.resolve(null),
      [scope, range.from, range.to, valid],
    ),
  );
  const data = report.data;
  const rows = useMemo(() => data?.rows ?? [], [data]);

  return (
    <div className="settings-section" data-testid={testId}>
      <h2>{title}</h2>
      <p className="muted">
        {scope === 'org'
          ? 'Every call in this organisation — chat and the OpenAI-compatible gateway — by day (UTC).'
          : 'Your own calls — chat and the OpenAI-compatible gateway — by day (UTC).'}
      </p>
      <div className="usage-controls">
        <div className="field">
          <label htmlFor={fromId}>From</label>
          <input
            id={fromId}
            type="date"
            value={range.from}
            max={range.to}
            onChange={(event) => setRange((current) => ({ ...current, from: event.target.value }))}
            data-testid="usage-from"
          />
        </div>
        <div className="field">
          <label htmlFor={toId}>To</label>
          <input
            id={toId}
            type="date"
            value={range.to}
            min={range.from}
            onChange={(event) => setRange((current) => ({ ...current, to: event.target.value }))}
            data-testid="usage-to"
          />
        </div>
        <div className="usage-presets" role="group" aria-label="Quick ranges">
          {presets.map((preset) => (
            <button key={preset.label} type="button" className="button small" onClick={() => setRange(preset.range())}>
              {preset.label}
            </button>
          ))}
        </div>
      </div>
      {!valid ? <Notice tone="warning">Choose a start day on or before the end day.</Notice> : null}
      {report.error ? <Notice tone="error">Couldn't load usage: {report.error}</Notice> : null}
      {report.loading && !data ? <Spinner label="Loading usage…" /> : null}
      {data && valid ? (
        <>
          <dl className="usage-totals" data-testid="usage-totals" aria-busy={report.loading}>
            <div>
              <dt>Calls</dt>
              <dd>{formatCount(data.totals.calls)}</dd>
            </div>
            <div>
              <dt>Input tokens</dt>
              <dd>{formatCount(data.totals.inputTokens)}</dd>
            </div>
            <div>
              <dt>Output tokens</dt>
              <dd>{formatCount(data.totals.outputTokens)}</dd>
            </div>
          </dl>
          <UsageChart rows={rows} from={data.from} to={data.to} providerName={providerName} />
          {rows.length === 0 ? (
            <EmptyState title="No usage in this period" testId="usage-empty">
              Calls show up here as soon as someone chats or uses the gateway.
            </EmptyState>
          ) : (
            <UsageTable
              rows={rows}
              groupBy={groupBy}
              onGroupBy={setGroupBy}
              showMembers={scope === 'org'}
              providerName={providerName}
            />
          )}
        </>
      ) : null}
    </div>
  );
}
