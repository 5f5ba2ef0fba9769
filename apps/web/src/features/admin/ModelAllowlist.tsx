import type { KeyboardEvent } from 'react';
import { useId, useState } from 'react';
import { useModels } from '../providers/useModels';
import { modelListProblem } from './model-list-errors';

interface ModelAllowlistProps {
  provider: string;
  providerName: string;
  orgId: string;
  models: readonly string[];
  /** Returns an error sentence, or null when the model was added. */
  onAdd: (model: string) => string | null;
  onRemove: (model: string) => void;
}

/**
 * One provider's model allowlist: the ids on it, and an input that suggests the provider's discovered
 * models (fetched the first time it gets focus) but accepts any id, since the list may be unavailable.
 */
export function ModelAllowlist({ orgId, provider, providerName, models, onAdd, onRemove }: ModelAllowlistProps) {
  const [wanted, setWanted] = useState(false);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  // The org's full list: the member-facing list is already narrowed by this very allowlist.
  const discovered = useModels(wanted ? provider : null, 'policy', orgId);
  const inputId = useId();
  const listId = useId();
  const suggestions = (discovered.data?.models ?? []).filter((model) => !models.includes(model.id));

  const add = () => {
    const problem = onAdd(draft);
    setError(problem);
    if (!problem) setDraft('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    // Enter adds the model instead of submitting the whole policy.
    event.preventDefault();
    add();
  };

  return (
    <div className="allowlist" data-testid={`policy-models-${provider}`}>
      <div className="allowlist-head">
        <strong>{providerName}</strong>
        <span className="muted small">
          {models.length === 0 ? 'every model' : `only ${models.length} model${models.length === 1 ? '' : 's'}`}
        </span>
      </div>
      {models.length > 0 ? (
        <ul className="chip-list" aria-label={`Allowed ${providerName} models`}>
          {models.map((model) => (
            <li key={model} className="chip">
              <code>{model}</code>
              <button
                type="button"
                className="chip-remove"
                aria-label={`Remove ${model} from ${providerName}'s allowed models`}
                onClick={() => onRemove(model)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="allowlist-add">
        <label className="visually-hidden" htmlFor={inputId}>
          Add a {providerName} model id
        </label>
        <input
          id={inputId}
          list={listId}
          value={draft}
          placeholder={`Add a ${providerName} model id`}
          autoComplete="off"
          spellCheck={false}
          maxLength={200}
          onFocus={() => setWanted(true)}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${inputId}-error` : undefined}
          data-testid={`policy-model-input-${provider}`}
        />
        <datalist id={listId}>
          {suggestions.map((model) => (
            <option key={model.id} value={model.id}>
              {model.name === model.id ? undefined : model.name}
            </option>
          ))}
        </datalist>
        <button type="button" className="button small" onClick={add} data-testid={`policy-model-add-${provider}`}>
          Add
        </button>
      </div>
      {error ? (
        <p id={`${inputId}-error`} className="field-error">
          {error}
        </p>
      ) : null}
      {discovered.loading ? <p className="field-hint">Loading {providerName}'s models…</p> : null}
      {discovered.error ? (
        <p className="field-hint" data-testid={`policy-models-problem-${provider}`}>
          {modelListProblem(discovered.error, providerName)}
        </p>
      ) : null}
    </div>
  );
}
