import type { KeyboardEvent } from 'react';
import { useId, useMemo, useState } from 'react';
import { formatDateTime, formatTokens } from '../../components/format';
import { Spinner } from '../../components/Spinner';
import { usePopover } from '../../components/usePopover';
import { CapabilityBadges } from './CapabilityBadges';
import { filterModels } from './model-filter';
import type { ModelsState } from './useModels';

interface ModelPickerProps {
  models: ModelsState;
  selectedModel: string | null;
  onSelect: (model: string | null) => void;
  disabled: boolean;
}

/**
 * Searchable list of the provider's discovered models (spec §3 step 5), with capability badges, a
 * refresh control and a "stale" marker when the server served an expired cache. "Automatic" sends no
 * model and lets the server resolve one (calibration, last used, provider default).
 */
export function ModelPicker({ models, selectedModel, onSelect, disabled }: ModelPickerProps) {
  const { open, setOpen, close, rootRef, triggerRef, onMenuKeyDown } = usePopover();
  const [query, setQuery] = useState('');
  const searchId = useId();
  const list = useMemo(() => models.data?.models ?? [], [models.data]);
  const filtered = useMemo(() => filterModels(list, query), [list, query]);
  const selected = list.find((model) => model.id === selectedModel);
  const label = selectedModel === null ? 'Automatic' : (selected?.name ?? selectedModel);

  const pick = (model: string | null) => {
    onSelect(model);
    setQuery('');
    close();
  };

  const onSearchKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const first = filtered[0];
    if (event.key === 'Enter' && first) {
      event.preventDefault();
      pick(first.id);
    }
  };

  return (
    <div className="picker" ref={rootRef}>
      <button
        ref={triggerRef}
        type="button"
        className="picker-trigger"
        aria-haspopup="true"
        aria-expanded={open}
        aria-label={`Model: ${label}`}
        disabled={disabled}
        onClick={() => setOpen(!open)}
        data-testid="model-picker"
      >
        <span className="picker-caption">Model</span>
        <span className="picker-value">{label}</span>
        {models.loading ? <Spinner inline label="Loading models…" testId="model-loading" /> : null}
        {models.data?.stale ? (
          <span
            className="badge badge-stale"
            data-testid="model-stale"
            title="The provider could not be asked just now; this list may be out of date."
          >
            stale
          </span>
        ) : null}
      </button>
      {open ? (
        <div className="picker-menu model-menu" role="group" aria-label="Models" onKeyDown={onMenuKeyDown}>
          <div className="model-menu-head">
            <label htmlFor={searchId} className="visually-hidden">
              Search models
            </label>
            <input
              id={searchId}
              type="search"
              placeholder="Search models…"
              value={query}
              autoFocus
              onChange={(event) => setQuery(event.target.value)}
              onKeyDown={onSearchKeyDown}
              data-testid="model-search"
            />
            <button
              type="button"
              className="icon-button"
              aria-label="Refresh the model list from the provider"
              title="Refresh from the provider"
              onClick={models.refresh}
              disabled={models.loading}
              data-testid="model-refresh"
            >
              ↻
            </button>
          </div>
          <div className="model-menu-meta">
            {models.loading ? <Spinner label="Asking the provider for its models…" /> : null}
            {models.data ? (
              <span className="muted">
                {list.length} models · fetched {formatDateTime(models.data.fetchedAt)}
                {models.data.stale ? ' · may be out of date' : ''}
              </span>
            ) : null}
          </div>
          <div className="model-options" data-testid="model-list">
            <button
              type="button"
              className="menu-option"
              aria-pressed={selectedModel === null}
              data-menu-item
              onClick={() => pick(null)}
              data-testid="model-auto"
            >
              <span className="option-name">Automatic</span>
              <span className="option-detail">Your calibration, last used, or the provider's default</span>
            </button>
            {filtered.map((model) => (
              <button
                key={model.id}
                type="button"
                className="menu-option"
                aria-pressed={model.id === selectedModel}
                data-menu-item
                data-model-id={model.id}
                onClick={() => pick(model.id)}
                data-testid="model-option"
              >
                <span className="option-name">{model.name}</span>
                <span className="option-detail">
                  {model.name !== model.id ? <code>{model.id}</code> : null}
                  {model.contextWindow ? <span>{formatTokens(model.contextWindow)} context</span> : null}
                  <CapabilityBadges capabilities={model.capabilities} />
                </span>
              </button>
            ))}
            {!models.loading && models.data && filtered.length === 0 ? (
              <p className="muted pad" data-testid="model-empty">
                {list.length === 0 ? 'This provider listed no chat models.' : `No model matches "${query}".`}
              </p>
            ) : null}
          </div>
        </div>
      ) : null}
    </div>
  );
}
