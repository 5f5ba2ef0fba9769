import { useCallback, useEffect, useId, useState } from 'react';
import { describeError } from '../../api/api-error';
import type { CalibrationResponse, TaskKind } from '../../api/types';
import { taskKinds } from '../../api/types';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState } from '../../components/EmptyState';
import { Notice } from '../../components/Notice';
import { Spinner } from '../../components/Spinner';
import { resolvedByLabel } from '../chat/labels';
import { providerReadiness } from '../providers/provider-status';
import { useProviders } from '../providers/ProvidersContext';
import { useModels } from '../providers/useModels';
import { calibrationApi } from './calibration.api';
import { summarizeOverride, taskDescriptions } from './calibration-form';
import { CalibrationEditor } from './CalibrationEditor';

/** Settings → Calibration: per provider and task, which model (and parameters) the user wants. */
export function CalibrationSettings() {
  const { providers } = useProviders();
  const usable = providers.filter((provider) => {
    const kind = providerReadiness(provider).kind;
    return kind === 'ready' || kind === 'unreachable';
  });
  const [providerId, setProviderId] = useState<string | null>(null);
  const provider = usable.find((item) => item.id === providerId) ?? usable[0];
  const models = useModels(provider?.id ?? null, provider?.credential?.id ?? 'none');
  const [calibration, setCalibration] = useState<CalibrationResponse | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<TaskKind | null>(null);
  const [clearing, setClearing] = useState<TaskKind | null>(null);
  const selectId = useId();

  const load = useCallback(async (id: string) => {
    setLoading(true);
    try {
      setCalibration(await calibrationApi.get(id));
      setError(null);
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setLoading(false);
    }
  }, []);

  const currentId = provider?.id ?? null;
  useEffect(() => {
    setCalibration(null);
    if (currentId) void load(currentId);
  }, [currentId, load]);

  if (usable.length === 0) {
    return (
      <div className="settings-section" data-testid="calibration-settings">
        <h2>Calibration</h2>
        <EmptyState title="No provider ready yet">
          Connect a provider key first, then choose models per task.
        </EmptyState>
      </div>
    );
  }
  if (!provider) return null;

  return (
    <div className="settings-section" data-testid="calibration-settings">
      <h2>Calibration</h2>
      <p className="muted">
        Choose which model handles each kind of work. Your choice wins over your organisation's; a model you pick in the
        chat view wins over both.
      </p>
      <div className="field inline">
        <label htmlFor={selectId}>Provider</label>
        <select
          id={selectId}
          value={provider.id}
          onChange={(event) => setProviderId(event.target.value)}
          data-testid="calibration-provider"
        >
          {usable.map((item) => (
            <option key={item.id} value={item.id}>
              {item.name}
            </option>
          ))}
        </select>
        {models.loading ? <Spinner inline label="Loading models…" /> : null}
      </div>
      {error ? <Notice tone="error">Couldn't load calibration: {error}</Notice> : null}
      {models.error ? <Notice tone="warning">Couldn't list models: {models.error.message}</Notice> : null}
      {loading && !calibration ? <Spinner label="Loading calibration…" /> : null}
      {calibration ? (
        <ul className="card-list">
          {taskKinds.map((task) => {
            const entry = calibration.tasks[task];
            const mine = summarizeOverride(entry?.user);
            const org = summarizeOverride(entry?.org);
            return (
              <li key={task} className="card" data-testid={`calibration-task-${task}`}>
                <div className="card-head">
                  <h3>{task}</h3>
                  <span className="muted">{taskDescriptions[task]}</span>
                </div>
                <dl className="details">
                  <dt>Uses</dt>
                  <dd data-testid="calibration-effective">
                    {entry?.effective ? (
                      <>
                        <code>{entry.effective.model}</code> ({resolvedByLabel(entry.effective.resolvedBy, task)})
                      </>
                    ) : (
                      <span className="muted">{entry?.problem ?? '—'}</span>
                    )}
                  </dd>
                  <dt>Yours</dt>
                  <dd>{mine ?? <span className="muted">not set</span>}</dd>
                  <dt>Organisation</dt>
                  <dd>{org ?? <span className="muted">not set</span>}</dd>
                </dl>
                <div className="card-actions">
                  <button
                    type="button"
                    className="button small"
                    onClick={() => setEditing(task)}
                    disabled={!models.data}
                    data-testid={`calibration-edit-${task}`}
                  >
                    {mine ? 'Edit' : 'Set model'}
                  </button>
                  {mine ? (
                    <button
                      type="button"
                      className="button small danger"
                      onClick={() => setClearing(task)}
                      data-testid={`calibration-clear-${task}`}
                    >
                      Clear
                    </button>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
      ) : null}
      {editing ? (
        <CalibrationEditor
          providerName={provider.name}
          task={editing}
          current={calibration?.tasks[editing]?.user}
          effectiveModel={calibration?.tasks[editing]?.effective?.model ?? ''}
          models={models.data?.models ?? []}
          onClose={() => setEditing(null)}
          onSave={async (override) => {
            await calibrationApi.save(provider.id, editing, override);
            await load(provider.id);
          }}
        />
      ) : null}
      {clearing ? (
        <ConfirmDialog
          title={`Clear your ${clearing} calibration?`}
          message={`${provider.name} will fall back to your organisation's choice or the default for ${clearing}.`}
          confirmLabel="Clear"
          onClose={() => setClearing(null)}
          onConfirm={async () => {
            await calibrationApi.clear(provider.id, clearing);
            await load(provider.id);
          }}
        />
      ) : null}
    </div>
  );
}
