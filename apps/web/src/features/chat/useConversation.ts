import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/api-error';
import { isAbort } from '../../api/client';
import type { SendMessageRequest } from '../../api/types';
import { conversationsApi } from '../conversations/conversations.api';
import { chatApi } from './chat.api';
import type { ChatMessage } from './chat-message';
import { applyStreamEvent, fromStored, interruptReply, pendingReply, userMessage } from './chat-message';

/** How long Stop waits for the server to end the stream itself before the page drops the connection. */
const STOP_GRACE_MS = 3000;

interface ActiveReply {
  controller: AbortController;
  conversationId: string | null;
  replyKey: string;
  messageId: string | null;
  stopRequested: boolean;
  stopTimer: number | undefined;
}

interface ConversationCallbacks {
  /** A conversation was created for the first message; the caller navigates to it. */
  onCreated: (id: string) => void;
  /** A reply ended (done, error or stopped): conversation titles and order may have changed. */
  onReplyEnded: () => void;
  /** Messages of an opened conversation arrived. */
  onLoaded: (messages: ChatMessage[]) => void;
}

/**
 * One conversation's transcript: loads it, sends messages and streams replies into it, and stops them.
 * `send` rejects with an `ApiError` only when the server refuses before the stream starts (e.g.
 * `key_required`); then the optimistic messages are removed so the caller can restore the draft.
 */
export function useConversation(conversationId: string | null, callbacks: ConversationCallbacks) {
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [loading, setLoading] = useState(false);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [streaming, setStreaming] = useState(false);
  const activeRef = useRef<ActiveReply | null>(null);
  const ownedIdRef = useRef<string | null>(null);
  const callbacksRef = useRef(callbacks);
  callbacksRef.current = callbacks;

  useEffect(() => {
    const active = activeRef.current;
    if (active && active.conversationId !== conversationId) active.controller.abort();
    if (conversationId === null) {
      setMessages([]);
      setLoadError(null);
      setLoading(false);
      return;
    }
    if (ownedIdRef.current === conversationId) return;
    const controller = new AbortController();
    setMessages([]);
    setLoading(true);
    setLoadError(null);
    conversationsApi.get(conversationId, controller.signal).then(
      (detail) => {
        const loaded = detail.messages.map(fromStored).filter((message) => message !== null);
        setMessages(loaded);
        setLoading(false);
        callbacksRef.current.onLoaded(loaded);
      },
      (error: unknown) => {
        if (isAbort(error)) return;
        setLoadError(error instanceof ApiError ? error : new ApiError('unknown', 'could not load the conversation', 0));
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [conversationId]);

  useEffect(() => () => activeRef.current?.controller.abort(), []);

  const updateReply = useCallback((key: string, change: (message: ChatMessage) => ChatMessage) => {
    setMessages((list) => list.map((message) => (message.key === key ? change(message) : message)));
  }, []);

  const send = useCallback(
    async (request: SendMessageRequest) => {
      if (activeRef.current) return;
      const user = userMessage(request.content);
      const reply = pendingReply();
      const active: ActiveReply = {
        controller: new AbortController(),
        conversationId,
        replyKey: reply.key,
        messageId: null,
        stopRequested: false,
        stopTimer: undefined,
      };
      activeRef.current = active;
      setStreaming(true);
      let started = false;
      try {
        let id = conversationId;
        if (id === null) {
          id = (await conversationsApi.create()).id;
          active.conversationId = id;
          ownedIdRef.current = id;
          callbacksRef.current.onCreated(id);
        }
        setMessages((list) => [...list, user, reply]);
        const events = await chatApi.send(id, request, active.controller.signal);
        started = true;
        let ended = false;
        for await (const event of events) {
          if (event.type === 'start') active.messageId = event.data.messageId;
          if (event.type === 'done' || event.type === 'error') ended = true;
          updateReply(reply.key, (message) => applyStreamEvent(message, event));
        }
        if (!ended) {
          updateReply(reply.key, (message) =>
            interruptReply(message, active.stopRequested ? 'stopped' : 'disconnected'),
          );
        }
      } catch (error) {
        if (!started && !isAbort(error)) {
          setMessages((list) => list.filter((message) => message.key !== user.key && message.key !== reply.key));
          throw error;
        }
        const cause = isAbort(error) || active.stopRequested ? 'stopped' : 'disconnected';
        updateReply(reply.key, (message) => interruptReply(message, cause));
      } finally {
        window.clearTimeout(active.stopTimer);
        activeRef.current = null;
        ownedIdRef.current = null;
        setStreaming(false);
        if (started) callbacksRef.current.onReplyEnded();
      }
    },
    [conversationId, updateReply],
  );

  /** Stop: ask the server (it aborts upstream and keeps what arrived); drop the connection if it lingers. */
  const stop = useCallback(() => {
    const active = activeRef.current;
    if (!active || active.stopRequested) return;
    active.stopRequested = true;
    const { conversationId: id, messageId } = active;
    if (id === null || messageId === null) {
      active.controller.abort();
      return;
    }
    chatApi.stop(id, messageId).catch(() => active.controller.abort());
    active.stopTimer = window.setTimeout(() => active.controller.abort(), STOP_GRACE_MS);
  }, []);

  return { messages, loading, loadError, streaming, send, stop };
}
