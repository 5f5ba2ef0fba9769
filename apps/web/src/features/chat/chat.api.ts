import { api, segment } from '../../api/client';
import type { SendMessageRequest, StreamEvent } from '../../api/types';

export const chatApi = {
  /** Starts a reply; the promise settles once the response headers arrive (or a JSON error). */
  send: (
    conversationId: string,
    request: SendMessageRequest,
    signal: AbortSignal,
  ): Promise<AsyncGenerator<StreamEvent, void>> =>
    api.stream(`/api/conversations/${segment(conversationId)}/messages`, request, signal),
  /** Asks the server to stop a running reply; it aborts the upstream request and keeps what arrived. */
  stop: (conversationId: string, messageId: string) =>
    api.post<void>(`/api/conversations/${segment(conversationId)}/messages/${segment(messageId)}/stop`),
};
