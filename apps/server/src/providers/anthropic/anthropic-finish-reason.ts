import type { FinishReason } from '../spec';

/**
 * Maps Anthropic's `stop_reason` (providers.md §2.3) to ours. Running out of context is a length
 * stop; a refusal is a content filter; `pause_turn` (a paused server tool loop) is `other`.
 */
export function mapAnthropicStopReason(reason: string | undefined): FinishReason {
  switch (reason) {
    case 'end_turn':
    case 'stop_sequence':
      return 'stop';
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'length';
    case 'tool_use':
      return 'tool_calls';
    case 'refusal':
      return 'content_filter';
    case undefined:
    default:
      return 'other';
  }
}
