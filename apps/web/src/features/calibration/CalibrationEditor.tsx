import type { ModelInfo } from '@chatstudio/contract';
import type { FormEvent } from 'react';
import { useId, useState } from 'react';
import { describeError } from '../../api/api-error';
import type { CalibrationOverride, TaskKind } from '../../api/types';
import { reasoningEfforts } from '../../api/types';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import type { CalibrationForm } from './calibration-form';
import { formFromOverride, overrideFromForm, taskDescriptions } from './calibration-form';

interface CalibrationEditorProps {
  providerName: string;
  task: TaskKind;
  current: CalibrationOverride | null | undefined;
  effectiveModel: string;
  models: readonly ModelInfo[];
  onSave: (override: CalibrationOverride) => Promise<void>;
  onClose: () => void;
}

/** Edits the user's override for one (provider, task); the model comes from the discovered list. */
export function CalibrationEditor(props: CalibrationEditorProps) {
  const { providerName, task, current, effectiveModel, models, onSave, onClose } = props;
  const [form, setForm] = useState<CalibrationForm>(() => formFromOverride(current, effectiveModel));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const modelId = useId();
  const effortId = useId();
  const promptId = useId();
  const options =
    models.some((model) => model.id === form.model) || form.model === ''
      ? models
      : [{ id: form.model, name: `${form.model} (not in the current list)`, capabilities: [] }, ...models];
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
    <Dialog title={`${providerName}: ${task}`} onClose={onClose} busy={busy} testId="calibration-editor">
      <form className="stack" onSubmit={(event) => void submit(event)} noValidate>
        <p className="muted">{taskDescriptions[task]}</p>
        <div className="field">
          <label htmlFor={modelId}>Model</label>
          <select
            id={modelId}
            value={form.model}
            onChange={(event) => set({ model: event.target.value })}
            data-testid="calibration-model"
            autoFocus
          >
            <option value="">Choose a model…</option>
            {options.map((model) => (
              <option key={model.id} value={model.id}>
                {model.name === model.id ? model.id : `${model.name} (${model.id})`}
              </option>
            ))}
          </select>
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
            onChange={(event) => set({ reasoningEffort: reasoningEfforts.find((e) => e === event.target.value) ?? '' })}
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
          <button type="submit" className="button primary" disabled={busy} data-testid="calibration-save">
            {busy ? 'Saving…' : 'Save'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
