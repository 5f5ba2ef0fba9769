import type { FormEvent } from 'react';
import { useState } from 'react';
import { describeError } from '../../api/api-error';
import type { ConversationSummary } from '../../api/types';
import { relativeTime } from '../../components/format';

interface ConversationItemProps {
  conversation: ConversationSummary;
  active: boolean;
  onSelect: () => void;
  onRename: (title: string) => Promise<void>;
  onDelete: () => void;
}

export function ConversationItem({ conversation, active, onSelect, onRename, onDelete }: ConversationItemProps) {
  const title = conversation.title?.trim() || 'Untitled conversation';
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(title);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const next = draft.trim();
    if (next === '' || next === title) return setEditing(false);
    setBusy(true);
    try {
      await onRename(next);
      setEditing(false);
      setError(null);
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  if (editing) {
    return (
      <li className="conversation-item editing" data-testid="conversation-item">
        <form onSubmit={(event) => void save(event)} className="rename-form">
          <input
            aria-label="Conversation title"
            value={draft}
            maxLength={200}
            autoFocus
            disabled={busy}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') {
                event.stopPropagation();
                setEditing(false);
              }
            }}
            data-testid="rename-input"
          />
          <button type="submit" className="button small" disabled={busy}>
            Save
          </button>
        </form>
        {error ? <p className="field-error">{error}</p> : null}
      </li>
    );
  }

  return (
    <li className={`conversation-item${active ? ' active' : ''}`} data-testid="conversation-item">
      <button
        type="button"
        className="conversation-open"
        onClick={onSelect}
        aria-current={active ? 'page' : undefined}
        data-testid="conversation-open"
      >
        <span className="conversation-title">{title}</span>
        <span className="conversation-time">{relativeTime(conversation.updatedAt)}</span>
      </button>
      <div className="conversation-actions">
        <button
          type="button"
          className="icon-button"
          aria-label={`Rename ${title}`}
          title="Rename"
          onClick={() => {
            setDraft(title);
            setEditing(true);
          }}
          data-testid="conversation-rename"
        >
          ✎
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={`Delete ${title}`}
          title="Delete"
          onClick={onDelete}
          data-testid="conversation-delete"
        >
          ×
        </button>
      </div>
    </li>
  );
}
