import type { EventSourceMessage } from 'eventsource-parser';
import type { StreamPart } from '../spec';
import { isRecord, parseJson, readNumber, readRecord, readString } from '../shared/json';
import type { StreamTranslator, TranslatorStep } from '../shared/stream-runner';
import { errorFromStreamPayload, protocolError } from '../shared/upstream-error';
import { mapAnthropicStopReason } from './anthropic-finish-reason';

/**
 * Translates Anthropic's named SSE events (providers.md §2.3). Only the event name is trusted, as
 * the SDK does: `ping` and unknown names are skipped, `error` ends the stream with an error part.
 * Input tokens come from `message_start` unless `message_delta` repeats them; output tokens from
 * the last (cumulative) `message_delta`. Usage and finish are emitted at `message_stop`.
 */
export function createAnthropicStreamTranslator(secret?: string): StreamTranslator<EventSourceMessage> {
  let inputTokens = 0;
  let outputTokens = 0;
  let stopReason: string | undefined;
  const nothing: TranslatorStep = { parts: [], done: false };

  return {
    accept(event) {
      const payload = parseJson(event.data);
      if (event.event === 'error') {
        const error = errorFromStreamPayload('anthropic', payload ?? event.data, secret);
        return { parts: [{ type: 'error', error }], done: true };
      }
      if (event.event === 'message_stop') {
        const parts: StreamPart[] = [
          { type: 'usage', inputTokens, outputTokens },
          { type: 'finish', finishReason: mapAnthropicStopReason(stopReason) },
        ];
        return { parts, done: true };
      }
      if (event.event === undefined || event.event === 'ping') return nothing;
      if (!isRecord(payload)) {
        return {
          parts: [{ type: 'error', error: protocolError('anthropic', `unreadable ${event.event} event`) }],
          done: true,
        };
      }
      switch (event.event) {
        case 'message_start': {
          const usage = readRecord(readRecord(payload, 'message'), 'usage');
          inputTokens = readNumber(usage, 'input_tokens') ?? inputTokens;
          outputTokens = readNumber(usage, 'output_tokens') ?? outputTokens;
          return nothing;
        }
        case 'content_block_delta':
          return { parts: readDelta(readRecord(payload, 'delta')), done: false };
        case 'message_delta': {
          stopReason = readString(readRecord(payload, 'delta'), 'stop_reason') ?? stopReason;
          const usage = readRecord(payload, 'usage');
          inputTokens = readNumber(usage, 'input_tokens') ?? inputTokens;
          outputTokens = readNumber(usage, 'output_tokens') ?? outputTokens;
          return nothing;
        }
        default:
          return nothing;
      }
    },
  };
}

function readDelta(delta: Record<string, unknown> | undefined): StreamPart[] {
  const type = readString(delta, 'type');
  if (type === 'text_delta') {
    const text = readString(delta, 'text');
    return text ? [{ type: 'text-delta', text }] : [];
  }
  if (type === 'thinking_delta') {
    const text = readString(delta, 'thinking');
    return text ? [{ type: 'reasoning-delta', text }] : [];
  }
  return [];
}
