import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState } from '../../components/EmptyState';
import { Notice } from '../../components/Notice';
import { Spinner } from '../../components/Spinner';
import { ConversationItem } from './ConversationItem';
import { useConversations } from './ConversationsContext';

interface SidebarProps {
  activeId: string | null;
  onSelect: (id: string) => void;
  onNew: () => void;
}

/** The conversation list: newest first, with new/rename/delete. */
export function Sidebar({ activeId, onSelect, onNew }: SidebarProps) {
  const { conversations, loading, error, reload, rename, remove } = useConversations();
  const [deleting, setDeleting] = useState<{ id: string; title: string } | null>(null);

  return (
    <nav className="sidebar" aria-label="Conversations" data-testid="sidebar">
      <button type="button" className="button primary block" onClick={onNew} data-testid="new-conversation">
        + New chat
      </button>
      {error ? (
        <Notice
          tone="error"
          action={
            <button type="button" className="button small" onClick={() => void reload()}>
              Retry
            </button>
          }
        >
          Couldn't load conversations: {error}
        </Notice>
      ) : null}
      {loading ? <Spinner label="Loading conversations…" /> : null}
      {!loading && !error && conversations.length === 0 ? (
        <EmptyState title="No conversations yet" testId="conversations-empty">
          Pick a provider and send a message to start one.
        </EmptyState>
      ) : null}
      <ul className="conversation-list">
        {conversations.map((conversation) => (
          <ConversationItem
            key={conversation.id}
            conversation={conversation}
            active={conversation.id === activeId}
            onSelect={() => onSelect(conversation.id)}
            onRename={(title) => rename(conversation.id, title)}
            onDelete={() => setDeleting({ id: conversation.id, title: conversation.title ?? 'Untitled conversation' })}
          />
        ))}
      </ul>
      {deleting ? (
        <ConfirmDialog
          title="Delete conversation?"
          message={`"${deleting.title}" and all its messages will be deleted. This cannot be undone.`}
          confirmLabel="Delete"
          testId="delete-conversation-dialog"
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            await remove(deleting.id);
            if (deleting.id === activeId) onNew();
          }}
        />
      ) : null}
    </nav>
  );
}
