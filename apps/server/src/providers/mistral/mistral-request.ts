import { baseChatBody } from '../openai-compatible/chat-request';
import type { ChatRequest } from '../spec';
import type { JsonRecord } from '../shared/json';

/**
 * Mistral's streaming body. Mistral rejects unknown fields with 422 `extra_forbidden` and has no
 * `stream_options` (usage always comes on the finish chunk), so only fields from its request
 * schema are sent (providers.md §3.3): `max_tokens`, and `reasoning_effort` (low|medium|high).
 */
export function buildMistralChatBody(request: ChatRequest): JsonRecord {
  const body = baseChatBody(request);
  if (request.maxOutputTokens !== undefined) body['max_tokens'] = request.maxOutputTokens;
  if (request.reasoningEffort !== undefined) body['reasoning_effort'] = request.reasoningEffort;
  return body;
}
