import type { ChatRequest } from '../spec';
import type { JsonRecord } from '../shared/json';

/**
 * Builds a native `POST /api/chat` body (providers.md §5.3). Sampling settings live under
 * `options` (`num_predict` is the output limit); system messages stay in `messages`. A reasoning
 * effort is sent as `think: <level>`, which Ollama accepts as a level or a boolean.
 */
export function buildOllamaChatBody(request: ChatRequest): JsonRecord {
  const options: JsonRecord = {};
  if (request.temperature !== undefined) options['temperature'] = request.temperature;
  if (request.maxOutputTokens !== undefined) options['num_predict'] = request.maxOutputTokens;
  if (request.stop !== undefined && request.stop.length > 0) options['stop'] = request.stop;
  const body: JsonRecord = {
    model: request.model,
    messages: request.messages.map((message) => ({ role: message.role, content: message.content })),
    stream: true,
  };
  if (Object.keys(options).length > 0) body['options'] = options;
  if (request.reasoningEffort !== undefined) body['think'] = request.reasoningEffort;
  return body;
}
