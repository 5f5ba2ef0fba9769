import type { EventSourceMessage } from 'eventsource-parser';
import type { StreamPart } from '../spec';
import { isRecord, parseJson, readNumber, readRecord, readString, type JsonRecord } from '../shared/json';
import type { StreamTranslator, TranslatorStep } from '../shared/stream-runner';
import { errorFromStreamPayload, protocolError } from '../shared/upstream-error';
import { mapAnthropicStopReason } from './anthropic-finish-reason';

/**
 * Translates Anthropic's named SSE events (providers.md §2.3). Only the event name is trusted, as
 * the SDK does: `ping` and unknown names are skipped, `error` ends the stream with an error part.
 * Input tokens come from `message_start` unless `message_delta` repeats them; output tokens from
 * the last (cumulative) `message_delta`. Usage and finish are emitted at `message_stop`.
 * A `tool_use` block start opens a call (its id and name); its `input_json_delta` fragments are
 * the arguments. Calls are numbered from 0 in order, whatever the block index.
 */
export function createAnthropicStreamTranslator(secret?: string): StreamTranslator<EventSourceMessage> {
  let inputTokens = 0;
  let outputTokens = 0;
  let stopReason: string | undefined;
  const toolCallByBlock = new Map<number, number>();
  const nothing: TranslatorStep = { parts: [], done: false };

  function startBlock(payload: JsonRecord): StreamPart[] {
    const block = readRecord(payload, 'content_block');
    const id = readString(block, 'id');
    const name = readString(block, 'name');
    if (readString(block, 'type') !== 'tool_use' || id === undefined || name === undefined) return [];
    const index = toolCallByBlock.size;
    toolCallByBlock.set(readNumber(payload, 'index') ?? -1, index);
    return [{ type: 'tool-call-delta', index, id, name, argumentsDelta: '' }];
  }

  function readDelta(payload: JsonRecord): StreamPart[] {
    const delta = readRecord(payload, 'delta');
    switch (readString(delta, 'type')) {
      case 'text_delta': {
        const text = readString(delta, 'text');
        return text ? [{ type: 'text-delta', text }] : [];
      }
      case 'thinking_delta': {
        const text = readString(delta, 'thinking');
        return text ? [{ type: 'reasoning-delta', text }] : [];
      }
      case 'input_json_delta': {
        const index = toolCallByBlock.get(readNumber(payload, 'index') ?? -1);
        const argumentsDelta = readString(delta, 'partial_json');
        return index !== undefined && argumentsDelta ? [{ type: 'tool-call-delta', index, argumentsDelta }] : [];
      }
      case undefined:
      default:
        return [];
    }
  }

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
        case 'content_block_start':
          return { parts: startBlock(payload), done: false };
        case 'content_block_delta':
          return { parts: readDelta(payload), done: false };
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
