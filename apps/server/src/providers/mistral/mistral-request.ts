import { baseChatBody } from '../openai-compatible/chat-request';
import type { ChatRequest } from '../spec';
import type { JsonRecord } from '../shared/json';
import { toMistralToolCallId } from './mistral-tool-call-id';

/**
 * Mistral's streaming body. Mistral rejects unknown fields with 422 `extra_forbidden` and has no
 * `stream_options` (usage always comes on the finish chunk), so only fields from its request
 * schema are sent (providers.md §3.3): `max_tokens`, and `reasoning_effort` (low|medium|high).
 * Tools: a required choice is spelled `any` (client-ts ToolChoiceEnum), call ids are rewritten to
 * the nine-character form Mistral insists on, and tool results carry the tool `name`, as in
 * Mistral's function-calling guide.
 */
export function buildMistralChatBody(request: ChatRequest): JsonRecord {
  const body = baseChatBody(request, {
    requiredToolChoice: 'any',
    mapToolCallId: toMistralToolCallId,
    toolResultName: true,
  });
  if (request.maxOutputTokens !== undefined) body['max_tokens'] = request.maxOutputTokens;
  if (request.reasoningEffort !== undefined) body['reasoning_effort'] = request.reasoningEffort;
  return body;
}
