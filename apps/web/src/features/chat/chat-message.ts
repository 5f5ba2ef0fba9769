import type { KeyScope } from '@chatstudio/contract';
import type { MessageStatus, ResolvedBy, StoredMessage, StreamEvent, TaskKind } from '../../api/types';
import { resolvedByRules, taskKinds } from '../../api/types';

/** A message as the transcript shows it: stored, or still arriving over the stream. */
export interface ChatMessage {
  /** Stable for the message's life on this page (React key), even when `id` changes on `start`. */
  key: string;
  /** The server's id once known; a local id (`local-…`) before that. */
  id: string;
  role: 'user' | 'assistant';
  content: string;
  reasoning: string;
  provider: string | null;
  model: string | null;
  task: TaskKind | null;
  resolvedBy: ResolvedBy | null;
  keyScope: KeyScope | null;
  status: MessageStatus;
  error: { code: string; message: string } | null;
  usage: { inputTokens: number; outputTokens: number } | null;
  finishReason: string | null;
}

let localCounter = 0;
export function localId(): string {
  localCounter += 1;
  return `local-${Date.now().toString(36)}-${localCounter}`;
}

function emptyMessage(role: ChatMessage['role'], content: string, status: MessageStatus): ChatMessage {
  const id = localId();
  return {
    key: id,
    id,
    role,
    content,
    reasoning: '',
    provider: null,
    model: null,
    task: null,
    resolvedBy: null,
    keyScope: null,
    status,
    error: null,
    usage: null,
    finishReason: null,
  };
}

export const userMessage = (content: string): ChatMessage => emptyMessage('user', content, 'complete');
export const pendingReply = (): ChatMessage => emptyMessage('assistant', '', 'streaming');

const statuses: readonly MessageStatus[] = ['complete', 'partial', 'error', 'streaming'];

/** Maps a stored message to the view model; unknown statuses count as complete, `system` messages are dropped. */
export function fromStored(stored: StoredMessage): ChatMessage | null {
  if (stored.role !== 'user' && stored.role !== 'assistant') return null;
  return {
    key: stored.id,
    id: stored.id,
    role: stored.role,
    content: stored.content,
    reasoning: stored.reasoning ?? '',
    provider: stored.provider ?? null,
    model: stored.model ?? null,
    task: taskKinds.find((task) => task === stored.task) ?? null,
    resolvedBy: resolvedByRules.find((rule) => rule === stored.resolvedBy) ?? null,
    keyScope: stored.keyScope ?? null,
    status: statuses.find((status) => status === stored.status) ?? 'complete',
    error: stored.error ?? null,
    usage: null,
    finishReason: null,
  };
}

/** Finish reasons that mean "stopped before the end": the reply is kept and marked partial. */
const stoppedReasons: ReadonlySet<string> = new Set(['stopped', 'aborted', 'cancelled', 'canceled', 'interrupted']);

/** Applies one stream event to the reply it belongs to (spec §6 event order). Pure. */
export function applyStreamEvent(message: ChatMessage, event: StreamEvent): ChatMessage {
  switch (event.type) {
    case 'start':
      return {
        ...message,
        id: event.data.messageId,
        provider: event.data.provider,
        model: event.data.model,
        task: event.data.task,
        keyScope: event.data.keyScope,
        resolvedBy: event.data.resolvedBy,
      };
    case 'delta':
      return { ...message, content: message.content + event.data.text };
    case 'reasoning':
      return { ...message, reasoning: message.reasoning + event.data.text };
    case 'usage':
      return { ...message, usage: event.data };
    case 'done':
      return {
        ...message,
        id: event.data.messageId || message.id,
        finishReason: event.data.finishReason,
        status: stoppedReasons.has(event.data.finishReason) ? 'partial' : 'complete',
      };
    case 'error':
      return { ...message, status: hasOutput(message) ? 'partial' : 'error', error: event.data };
  }
}

function hasOutput(message: ChatMessage): boolean {
  return message.content !== '' || message.reasoning !== '';
}

/**
 * Ends a reply whose stream stopped without `done` or `error`: stopped by the user (kept, partial) or
 * cut off (kept, partial with an error; an error if nothing arrived).
 */
export function interruptReply(message: ChatMessage, cause: 'stopped' | 'disconnected'): ChatMessage {
  if (message.status !== 'streaming') return message;
  if (cause === 'stopped') return { ...message, status: 'partial', finishReason: 'stopped' };
  const error = { code: 'upstream_error', message: 'the connection closed before the reply finished' };
  return { ...message, status: hasOutput(message) ? 'partial' : 'error', error };
}
