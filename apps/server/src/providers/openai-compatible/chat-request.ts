import type { ChatRequest } from '../spec';
import type { JsonRecord } from '../shared/json';
import { toChatMessages, type ChatMessageOptions } from './chat-messages';
import { addChatTools, type RequiredToolChoice } from './chat-tools';

/** Where dialects differ in tool wire format (messages, and the spelling of a required choice). */
export interface ChatDialectOptions extends ChatMessageOptions {
  requiredToolChoice?: RequiredToolChoice;
}

/**
 * The fields every Chat Completions dialect shares. Providers add their own extras (usage opt-in,
 * token limit spelling, reasoning) on top; sending a field a dialect does not know can be fatal
 * (Mistral answers 422 `extra_forbidden`, providers.md §3.3), so nothing optional is sent unset;
 * `tools`/`tool_choice` go only with a non-empty tool list.
 */
export function baseChatBody(request: ChatRequest, dialect: ChatDialectOptions = {}): JsonRecord {
  const body: JsonRecord = {
    model: request.model,
    messages: toChatMessages(request.messages, dialect),
    stream: true,
  };
  addChatTools(body, request, dialect.requiredToolChoice ?? 'required');
  if (request.temperature !== undefined) body['temperature'] = request.temperature;
  if (request.stop !== undefined && request.stop.length > 0) body['stop'] = request.stop;
  return body;
}
