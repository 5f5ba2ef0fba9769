import type { ReactNode } from 'react';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { describeError } from '../../api/api-error';
import type { ConversationSummary } from '../../api/types';
import { conversationsApi } from './conversations.api';

interface ConversationsValue {
  conversations: ConversationSummary[];
  loading: boolean;
  error: string | null;
  reload: () => Promise<void>;
  /** Re-fetches now and once more a few seconds later: titles are generated after the first exchange. */
  reloadForTitle: () => void;
  rename: (id: string, title: string) => Promise<void>;
  remove: (id: string) => Promise<void>;
}

const ConversationsContext = createContext<ConversationsValue | null>(null);

const TITLE_RETRY_MS = 4000;

function newestFirst(list: ConversationSummary[]): ConversationSummary[] {
  return [...list].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

export function ConversationsProvider({ children }: { children: ReactNode }) {
  const [conversations, setConversations] = useState<ConversationSummary[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const timers = useRef(new Set<number>());

  const reload = useCallback(async () => {
    try {
      const body = await conversationsApi.list();
      setConversations(newestFirst(body.conversations));
      setError(null);
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void reload();
    const pending = timers.current;
    return () => {
      for (const timer of pending) window.clearTimeout(timer);
      pending.clear();
    };
  }, [reload]);

  const reloadForTitle = useCallback(() => {
    void reload();
    const timer = window.setTimeout(() => {
      timers.current.delete(timer);
      void reload();
    }, TITLE_RETRY_MS);
    timers.current.add(timer);
  }, [reload]);

  const rename = useCallback(async (id: string, title: string) => {
    await conversationsApi.rename(id, title);
    setConversations((list) => list.map((item) => (item.id === id ? { ...item, title } : item)));
  }, []);

  const remove = useCallback(async (id: string) => {
    await conversationsApi.remove(id);
    setConversations((list) => list.filter((item) => item.id !== id));
  }, []);

  const value = useMemo(
    () => ({ conversations, loading, error, reload, reloadForTitle, rename, remove }),
    [conversations, loading, error, reload, reloadForTitle, rename, remove],
  );
  return <ConversationsContext.Provider value={value}>{children}</ConversationsContext.Provider>;
}

export function useConversations(): ConversationsValue {
  const value = useContext(ConversationsContext);
  if (!value) throw new Error('useConversations must be used inside ConversationsProvider');
  return value;
}
