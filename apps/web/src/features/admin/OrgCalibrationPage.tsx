import type { TaskId } from '@chatstudio/contract';
import { taskIds } from '@chatstudio/contract';
import { useCallback, useId, useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState } from '../../components/EmptyState';
import { Notice } from '../../components/Notice';
import { Spinner } from '../../components/Spinner';
import { summarizeOverride, taskDescriptions } from '../calibration/calibration-form';
import { resolvedByLabel } from '../chat/labels';
import { useProviders } from '../providers/ProvidersContext';
import { useModels } from '../providers/useModels';
import { adminApi } from './admin.api';
import { modelListProblem } from './model-list-errors';
import { OrgCalibrationEditor } from './OrgCalibrationEditor';
import { useResource } from './use-resource';

/**
 * Organisation → Calibration (spec §4): the org-wide model per (provider, task). Members' own
 * overrides win over these; these win over last-used and provider defaults.
 */
export function OrgCalibrationPage({ orgId }: { orgId: string }) {
  const { providers } = useProviders();
  const approved = providers.filter((provider) => provider.approved);
  const [providerId, setProviderId] = useState<string | null>(null);
  const provider = approved.find((item) => item.id === providerId) ?? approved[0];
  const currentId = provider?.id ?? null;
  const calibration = useResource(
    useCallback(
      (signal: AbortSignal) => (currentId ? adminApi.calibration(currentId, signal) : Promise.resolve(null)),
      [currentId],
    ),
  );
  const models = useModels(currentId, `org-calibration:${provider?.credential?.id ?? 'none'}`);
  const [editing, setEditing] = useState<TaskId | null>(null);
  const [clearing, setClearing] = useState<TaskId | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const selectId = useId();

  if (!provider) {
    return (
      <div className="settings-section" data-testid="admin-calibration">
        <h2>Organisation calibration</h2>
        <EmptyState title="No approved provider">Approve a provider in the policy first.</EmptyState>
      </div>
    );
  }
  const tasks = calibration.data?.tasks;
  const modelsProblem = models.error
    ? modelListProblem(models.error, provider.name)
    : models.data && models.data.models.length === 0
      ? `${provider.name} lists no model this organisation may use: check the policy's allowed models.`
      : null;

  return (
    <div className="settings-section" data-testid="admin-calibration">
      <h2>Organisation calibration</h2>
      <p className="muted">
        Which model handles each kind of work for everyone in the organisation, unless a member calibrated it for
        themselves or picks a model in the chat view.
      </p>
      <div className="field inline">
        <label htmlFor={selectId}>Provider</label>
        <select
          id={selectId}
          value={provider.id}
          onChange={(event) => {
            setProviderId(event.target.value);
            setMessage(null);
          }}
          data-testid="org-calibration-provider"
        >
          {approved.map((item) => (
            <option key={item.id} value={item.id}>
              {item.name}
            </option>
          ))}
        </select>
        {models.loading ? <Spinner inline label="Loading models…" /> : null}
      </div>
      {message ? <Notice tone="success">{message}</Notice> : null}
      {calibration.error ? <Notice tone="error">Couldn't load calibration: {calibration.error}</Notice> : null}
      {modelsProblem ? <Notice tone="warning">{modelsProblem}</Notice> : null}
      {calibration.loading && !tasks ? <Spinner label="Loading calibration…" /> : null}
      {tasks ? (
        <ul className="card-list">
          {taskIds.map((task) => {
            const entry = tasks[task];
            const org = summarizeOverride(entry?.org);
            return (
              <li key={task} className="card" data-testid={`org-calibration-task-${task}`}>
                <div className="card-head">
                  <h3>{task}</h3>
                  <span className="muted">{taskDescriptions[task]}</span>
                </div>
                <dl className="details">
                  <dt>Organisation</dt>
                  <dd>{org ? <code>{org}</code> : <span className="muted">not set</span>}</dd>
                  <dt>You get</dt>
                  <dd>
                    {entry?.effective ? (
                      <>
                        <code>{entry.effective.model}</code> ({resolvedByLabel(entry.effective.resolvedBy, task)})
                      </>
                    ) : (
                      <span className="muted">{entry?.problem ?? '—'}</span>
                    )}
                  </dd>
                </dl>
                <div className="card-actions">
                  <button
                    type="button"
                    className="button small"
                    onClick={() => setEditing(task)}
                    disabled={models.loading}
                    data-testid={`org-calibration-edit-${task}`}
                  >
                    {org ? 'Edit' : 'Set model'}
                  </button>
                  {org ? (
                    <button
                      type="button"
                      className="button small danger"
                      onClick={() => setClearing(task)}
                      data-testid={`org-calibration-clear-${task}`}
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
        <OrgCalibrationEditor
          providerName={provider.name}
          task={editing}
          current={tasks?.[editing]?.org}
          models={models.data?.models ?? []}
          modelsProblem={modelsProblem}
          onClose={() => setEditing(null)}
          onSave={async (override) => {
            await adminApi.saveOrgCalibration(orgId, provider.id, editing, override);
            setMessage(`Saved: ${provider.name} uses ${override.model} for ${editing} across the organisation.`);
            await calibration.reload();
          }}
        />
      ) : null}
      {clearing ? (
        <ConfirmDialog
          title={`Clear the organisation's ${clearing} calibration?`}
          message={`${provider.name} falls back to each member's last-used model or the provider default for ${clearing}.`}
          confirmLabel="Clear"
          testId="clear-org-calibration-dialog"
          onClose={() => setClearing(null)}
          onConfirm={async () => {
            await adminApi.clearOrgCalibration(orgId, provider.id, clearing);
            setMessage(`Cleared the organisation's ${clearing} calibration for ${provider.name}.`);
            await calibration.reload();
          }}
        />
      ) : null}
    </div>
  );
}
