import { toChatTools } from '../openai-compatible/chat-tools';
import type { ChatRequest } from '../spec';
import type { JsonRecord } from '../shared/json';
import { requestTools } from '../shared/tools';
import { toOllamaMessages } from './ollama-messages';

/**
 * The tools to offer. They have OpenAI's function shape (providers.md §5.3), but Ollama has no
 * `tool_choice` (§5.5): `none` is honoured by offering no tools, a named tool by offering only
 * that one (the model may still answer in text), and `required` cannot be expressed at all.
 */
function ollamaTools(request: ChatRequest): JsonRecord[] | undefined {
  const tools = requestTools(request);
  const choice = request.toolChoice;
  if (tools === undefined || choice === 'none') return undefined;
  const named = typeof choice === 'object' ? tools.filter((tool) => tool.name === choice.name) : [];
  return toChatTools(named.length > 0 ? named : tools);
}

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
    messages: toOllamaMessages(request.messages),
    stream: true,
  };
  const tools = ollamaTools(request);
  if (tools !== undefined) body['tools'] = tools;
  if (Object.keys(options).length > 0) body['options'] = options;
  if (request.reasoningEffort !== undefined) body['think'] = request.reasoningEffort;
  return body;
}
