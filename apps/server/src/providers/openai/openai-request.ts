import { baseChatBody } from '../openai-compatible/chat-request';
import type { ChatRequest } from '../spec';
import type { JsonRecord } from '../shared/json';
import { isOpenAiReasoningModel } from './openai-models';

/**
 * OpenAI's streaming body: usage must be requested (`stream_options.include_usage`, §1.3); the
 * token limit is `max_completion_tokens` because newer models reject `max_tokens` (§1.3);
 * `reasoning_effort` goes only to reasoning models, which are the only ones that accept it.
 */
export function buildOpenAiChatBody(request: ChatRequest): JsonRecord {
  const body = baseChatBody(request);
  body['stream_options'] = { include_usage: true };
  if (request.maxOutputTokens !== undefined) body['max_completion_tokens'] = request.maxOutputTokens;
  if (request.reasoningEffort !== undefined && isOpenAiReasoningModel(request.model)) {
    body['reasoning_effort'] = request.reasoningEffort;
  }
  return body;
}
