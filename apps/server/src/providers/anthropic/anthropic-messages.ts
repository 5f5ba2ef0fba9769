import type { ChatMessage, ChatRequest } from '../spec';
import type { JsonRecord } from '../shared/json';
import { thinkingBudgetTokens } from '../shared/reasoning-budget';

/** The API version header value the official SDK sends (providers.md §2.1). */
export const anthropicVersion = '2023-06-01';

/** `max_tokens` is required by the Messages API; used when the caller sets no limit. */
export const defaultAnthropicMaxTokens = 4096;

type Turn = { role: 'user' | 'assistant'; content: string };

/**
 * Builds a streaming Messages request (providers.md §2.3). System messages move to the top-level
 * `system`; consecutive turns of one role are merged, since the API expects alternating turns.
 * A reasoning effort enables extended thinking with a budget; the budget counts against
 * `max_tokens`, so it is added on top of the caller's limit, and temperature is not sent because
 * the API refuses it alongside thinking.
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
    messages: mergeTurns(request.messages),
    stream: true,
  };
  if (system) body['system'] = system;
  if (request.stop !== undefined && request.stop.length > 0) body['stop_sequences'] = request.stop;
  if (request.reasoningEffort !== undefined) {
    const budget = thinkingBudgetTokens(request.reasoningEffort);
    body['thinking'] = { type: 'enabled', budget_tokens: budget };
    body['max_tokens'] = maxTokens + budget;
  } else if (request.temperature !== undefined) {
    body['temperature'] = request.temperature;
  }
  return body;
}

function mergeTurns(messages: ChatMessage[]): Turn[] {
  const turns: Turn[] = [];
  for (const message of messages) {
    if (message.role === 'system') continue;
    const last = turns.at(-1);
    if (last && last.role === message.role) last.content = `${last.content}\n\n${message.content}`;
    else turns.push({ role: message.role, content: message.content });
  }
  return turns;
}
