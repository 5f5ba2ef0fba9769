import { baseChatBody } from '../openai-compatible/chat-request';
import type { ChatRequest } from '../spec';
import type { JsonRecord } from '../shared/json';
import { thinkingBudgetTokens } from '../shared/reasoning-budget';
import { forcesToolUse } from '../shared/tools';

/**
 * DashScope's compatible-mode body: usage must be requested (`stream_options.include_usage`,
 * §4.3); a reasoning effort turns on `enable_thinking` with a `thinking_budget` (top-level
 * extras DashScope accepts, §4.3). Without an effort the model's default thinking mode applies.
 * A forced tool choice (`required` or a named tool) is refused in thinking mode ("The tool_choice
 * parameter does not support being set to required or object in thinking mode"), so it turns
 * thinking off explicitly, which also covers hybrid models that think by default.
 */
export function buildDashscopeChatBody(request: ChatRequest): JsonRecord {
  const body = baseChatBody(request);
  body['stream_options'] = { include_usage: true };
  if (request.maxOutputTokens !== undefined) body['max_tokens'] = request.maxOutputTokens;
  if (forcesToolUse(request)) {
    body['enable_thinking'] = false;
  } else if (request.reasoningEffort !== undefined) {
    body['enable_thinking'] = true;
    body['thinking_budget'] = thinkingBudgetTokens(request.reasoningEffort);
  }
  return body;
}
