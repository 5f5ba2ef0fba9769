import { api, segment } from '../../api/client';
import type { ConversationDetail, ConversationListResponse, ConversationSummary } from '../../api/types';

export const conversationsApi = {
  list: (signal?: AbortSignal) => api.get<ConversationListResponse>('/api/conversations', signal),
  create: (title?: string) => api.post<ConversationSummary>('/api/conversations', title === undefined ? {} : { title }),
  get: (id: string, signal?: AbortSignal) => api.get<ConversationDetail>(`/api/conversations/${segment(id)}`, signal),
  rename: (id: string, title: string) => api.patch<ConversationSummary>(`/api/conversations/${segment(id)}`, { title }),
  remove: (id: string) => api.delete(`/api/conversations/${segment(id)}`),
};
