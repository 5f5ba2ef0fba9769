import type { ChatMessage, ChatRequest } from '../providers/spec';
import type { ResolvedCall } from './call-resolver';

/** The adapter request for a resolved call: its model and calibrated settings around `messages`. */
export function chatRequestFor(call: ResolvedCall, messages: ChatMessage[]): ChatRequest {
  const { temperature, maxOutputTokens, reasoningEffort } = call.settings;
  return {
    model: call.model,
    messages,
    ...(temperature !== undefined ? { temperature } : {}),
    ...(maxOutputTokens !== undefined ? { maxOutputTokens } : {}),
    ...(reasoningEffort !== undefined ? { reasoningEffort } : {}),
  };
}

/** `messages` behind the calibrated system prompt, when the override has one. */
export function withSystemPrompt(call: ResolvedCall, messages: ChatMessage[]): ChatMessage[] {
  return call.settings.systemPrompt ? [{ role: 'system', content: call.settings.systemPrompt }, ...messages] : messages;
}
