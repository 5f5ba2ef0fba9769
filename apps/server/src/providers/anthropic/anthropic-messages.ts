import type { ChatRequest } from '../spec';
import type { JsonRecord } from '../shared/json';
import { thinkingBudgetTokens } from '../shared/reasoning-budget';
import { forcesToolUse } from '../shared/tools';
import { addAnthropicTools } from './anthropic-tools';
import { lastAssistantCalledTools, toAnthropicTurns } from './anthropic-turns';

/** The API version header value the official SDK sends (providers.md §2.1). */
export const anthropicVersion = '2023-06-01';

/** `max_tokens` is required by the Messages API; used when the caller sets no limit. */
export const defaultAnthropicMaxTokens = 4096;

/**
 * Whether extended thinking can go with this request. The API refuses thinking with a forced tool
 * choice ("Thinking may not be enabled when tool_choice forces tool use"), and, while a tool loop
 * is open, unless the calling turn is replayed with its signed thinking block, which our messages
 * do not keep. In both cases the reply is produced without thinking rather than refused.
 */
function thinkingAllowed(request: ChatRequest): boolean {
  return !forcesToolUse(request) && !lastAssistantCalledTools(request.messages);
}

/**
 * Builds a streaming Messages request (providers.md §2.3). System messages move to the top-level
 * `system`; turns are converted by toAnthropicTurns; tools by addAnthropicTools. A reasoning
 * effort enables extended thinking with a budget; the budget counts against `max_tokens`, so it is
 * added on top of the caller's limit, and temperature is not sent because the API refuses it
 * alongside thinking.
 */
export function buildAnthropicBody(request: ChatRequest): JsonRecord {
  const system = request.messages
    .filter((message) => message.role === 'system')
    .map((message) => message.content)
    .join('\n\n');
  const maxTokens = request.maxOutputTokens ?? defaultAnthropicMaxTokens;
  const body: JsonRecord = {
    model: request.model,
    max_tokens: maxTokens,
    messages: toAnthropicTurns(request.messages),
    stream: true,
  };
  if (system) body['system'] = system;
  if (request.stop !== undefined && request.stop.length > 0) body['stop_sequences'] = request.stop;
  addAnthropicTools(body, request);
  if (request.reasoningEffort !== undefined && thinkingAllowed(request)) {
    const budget = thinkingBudgetTokens(request.reasoningEffort);
    body['thinking'] = { type: 'enabled', budget_tokens: budget };
    body['max_tokens'] = maxTokens + budget;
  } else if (request.temperature !== undefined) {
    body['temperature'] = request.temperature;
  }
  return body;
}
