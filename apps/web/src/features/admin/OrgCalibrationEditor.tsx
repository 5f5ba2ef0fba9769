import type { CalibrationOverride, ModelInfo, TaskId } from '@chatstudio/contract';
import type { FormEvent } from 'react';
import { useId, useState } from 'react';
import { describeError } from '../../api/api-error';
import { reasoningEfforts } from '../../api/types';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import type { CalibrationForm } from '../calibration/calibration-form';
import { formFromOverride, overrideFromForm, taskDescriptions } from '../calibration/calibration-form';

interface OrgCalibrationEditorProps {
  providerName: string;
  task: TaskId;
  current: CalibrationOverride | undefined;
  models: readonly ModelInfo[];
  /** Why `models` is empty, if it is because they could not be listed. */
  modelsProblem: string | null;
  onSave: (override: CalibrationOverride) => Promise<void>;
  onClose: () => void;
}

/**
 * Edits the organisation's override for one (provider, task). Same fields and validation as the
 * personal editor (`calibration/CalibrationEditor`), but the model is a text input with suggestions:
 * an admin may need to name a model their own key can't list.
 */
export function OrgCalibrationEditor(props: OrgCalibrationEditorProps) {
  const { providerName, task, current, models, modelsProblem, onSave, onClose } = props;
  const [form, setForm] = useState<CalibrationForm>(() => formFromOverride(current));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const modelId = useId();
  const listId = useId();
  const effortId = useId();
  const promptId = useId();
  const set = (change: Partial<CalibrationForm>) => setForm((previous) => ({ ...previous, ...change }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = overrideFromForm(form);
    if (!parsed.ok) return setError(parsed.error);
    setBusy(true);
    setError(null);
    try {
      await onSave(parsed.value);
      onClose();
    } catch (caught) {
      setError(describeError(caught));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={`${providerName}: ${task} for the organisation`}
      onClose={onClose}
      busy={busy}
      testId="org-calibration-editor"
    >
      <form className="stack" onSubmit={(event) => void submit(event)} noValidate>
        <p className="muted">
          {taskDescriptions[task]}. Members' own calibration, and a model picked in the chat view, still win.
        </p>
        <div className="field">
          <label htmlFor={modelId}>Model</label>
          <input
            id={modelId}
            list={listId}
            value={form.model}
            maxLength={200}
            autoComplete="off"
            spellCheck={false}
            placeholder="model id, e.g. gpt-4o"
            onChange={(event) => set({ model: event.target.value })}
            aria-describedby={modelsProblem ? `${modelId}-hint` : undefined}
            data-testid="org-calibration-model"
            autoFocus
          />
          <datalist id={listId}>
            {models.map((model) => (
              <option key={model.id} value={model.id}>
                {model.name === model.id ? undefined : model.name}
              </option>
            ))}
          </datalist>
          {modelsProblem ? (
            <p id={`${modelId}-hint`} className="field-hint">
              {modelsProblem}
            </p>
          ) : null}
        </div>
        <div className="field-row">
          <Field
            label="Temperature"
            type="number"
            inputMode="decimal"
            min={0}
            max={2}
            step={0.1}
            placeholder="default"
            value={form.temperature}
            onChange={(event) => set({ temperature: event.target.value })}
          />
          <Field
            label="Max output tokens"
            type="number"
            inputMode="numeric"
            min={1}
            step={1}
            placeholder="default"
            value={form.maxOutputTokens}
            onChange={(event) => set({ maxOutputTokens: event.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={effortId}>Reasoning effort</label>
          <select
            id={effortId}
            value={form.reasoningEffort}
            onChange={(event) =>
              set({ reasoningEffort: reasoningEfforts.find((effort) => effort === event.target.value) ?? '' })
            }
          >
            <option value="">Default</option>
            {reasoningEfforts.map((effort) => (
              <option key={effort} value={effort}>
                {effort}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={promptId}>System prompt</label>
          <textarea
            id={promptId}
            rows={4}
            maxLength={20000}
            placeholder="Optional instructions sent before the conversation"
            value={form.systemPrompt}
            onChange={(event) => set({ systemPrompt: event.target.value })}
          />
        </div>
        {error ? <Notice tone="error">{error}</Notice> : null}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={busy} data-testid="org-calibration-save">
            {busy ? 'Saving…' : 'Save for everyone'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
