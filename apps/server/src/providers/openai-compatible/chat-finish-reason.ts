import type { FinishReason } from '../spec';

/**
 * Maps a Chat Completions `finish_reason` (OpenAI §1.3, Mistral §3.3, DashScope §4.3) to ours.
 * `function_call` is the legacy spelling of `tool_calls`; `model_length` is Mistral's older
 * spelling of `length`; Mistral's `error` stays an `error` finish. Anything new is `other`.
 */
export function mapChatFinishReason(reason: string): FinishReason {
  switch (reason) {
    case 'stop':
      return 'stop';
    case 'length':
    case 'model_length':
      return 'length';
    case 'content_filter':
      return 'content_filter';
    case 'tool_calls':
    case 'function_call':
      return 'tool_calls';
    case 'error':
      return 'error';
    default:
      return 'other';
  }
}
