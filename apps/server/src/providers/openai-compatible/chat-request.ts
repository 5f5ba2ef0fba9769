import type { ChatRequest } from '../spec';
import type { JsonRecord } from '../shared/json';

/**
 * The fields every Chat Completions dialect shares. Providers add their own extras (usage opt-in,
 * token limit spelling, reasoning) on top; sending a field a dialect does not know can be fatal
 * (Mistral answers 422 `extra_forbidden`, providers.md §3.3), so nothing optional is sent unset.
 */
export function baseChatBody(request: ChatRequest): JsonRecord {
  const body: JsonRecord = {
    model: request.model,
    messages: request.messages.map((message) => ({ role: message.role, content: message.content })),
    stream: true,
  };
  if (request.temperature !== undefined) body['temperature'] = request.temperature;
  if (request.stop !== undefined && request.stop.length > 0) body['stop'] = request.stop;
  return body;
}
