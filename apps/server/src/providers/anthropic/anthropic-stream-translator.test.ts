import type { EventSourceMessage } from 'eventsource-parser';
import { describe, expect, it } from 'vitest';
import type { StreamPart } from '../spec';
import { createAnthropicStreamTranslator } from './anthropic-stream-translator';

const event = (name: string | undefined, data: unknown): EventSourceMessage => ({
  event: name,
  data: JSON.stringify(data),
});

function feed(events: EventSourceMessage[]): { parts: StreamPart[]; done: boolean } {
  const translator = createAnthropicStreamTranslator();
  const parts: StreamPart[] = [];
  for (const item of events) {
    const step = translator.accept(item);
    parts.push(...step.parts);
    if (step.done) return { parts, done: true };
  }
  return { parts, done: false };
}

describe('createAnthropicStreamTranslator', () => {
  it('translates the SDK fixture sequence, skipping ping', () => {
    const result = feed([
      event('message_start', { type: 'message_start', message: { usage: { input_tokens: 11, output_tokens: 1 } } }),
      event('content_block_start', {
        type: 'content_block_start',
        index: 0,
        content_block: { type: 'thinking', thinking: '' },
      }),
      event('content_block_delta', {
        type: 'content_block_delta',
        index: 0,
        delta: { type: 'thinking_delta', thinking: 'Hmm' },
      }),
      event('content_block_delta', {
        type: 'content_block_delta',
        index: 0,
        delta: { type: 'signature_delta', signature: 'x' },
      }),
      event('ping', { type: 'ping' }),
      event('content_block_delta', {
        type: 'content_block_delta',
        index: 1,
        delta: { type: 'text_delta', text: 'Hello' },
      }),
      event('message_delta', {
        type: 'message_delta',
        delta: { stop_reason: 'max_tokens' },
        usage: { output_tokens: 6 },
      }),
      event('message_stop', { type: 'message_stop' }),
    ]);
    expect(result).toEqual({
      done: true,
      parts: [
        { type: 'reasoning-delta', text: 'Hmm' },
        { type: 'text-delta', text: 'Hello' },
        { type: 'usage', inputTokens: 11, outputTokens: 6 },
        { type: 'finish', finishReason: 'length' },
      ],
    });
  });

  it('streams a tool_use block as one call (recorded shape: text block, then tool_use at index 1)', () => {
    const delta = (index: number, value: Record<string, unknown>) =>
      event('content_block_delta', { type: 'content_block_delta', index, delta: value });
    const result = feed([
      event('message_start', { message: { usage: { input_tokens: 565, output_tokens: 7 } } }),
      event('content_block_start', { index: 0, content_block: { type: 'text', text: '' } }),
      delta(0, { type: 'text_delta', text: "I'll check." }),
      event('content_block_stop', { index: 0 }),
      event('content_block_start', {
        index: 1,
        content_block: { type: 'tool_use', id: 'toolu_01QE', name: 'get_weather', input: {} },
      }),
      delta(1, { type: 'input_json_delta', partial_json: '' }),
      delta(1, { type: 'input_json_delta', partial_json: '{"city":' }),
      delta(1, { type: 'input_json_delta', partial_json: '"Paris"}' }),
      event('content_block_stop', { index: 1 }),
      event('message_delta', { delta: { stop_reason: 'tool_use' }, usage: { output_tokens: 48 } }),
      event('message_stop', {}),
    ]);
    expect(result.parts).toEqual([
      { type: 'text-delta', text: "I'll check." },
      { type: 'tool-call-delta', index: 0, id: 'toolu_01QE', name: 'get_weather', argumentsDelta: '' },
      { type: 'tool-call-delta', index: 0, argumentsDelta: '{"city":' },
      { type: 'tool-call-delta', index: 0, argumentsDelta: '"Paris"}' },
      { type: 'usage', inputTokens: 565, outputTokens: 48 },
      { type: 'finish', finishReason: 'tool_calls' },
    ]);
  });

  it('prefers input tokens repeated in message_delta', () => {
    const result = feed([
      event('message_start', { message: { usage: { input_tokens: 11, output_tokens: 1 } } }),
      event('message_delta', { delta: { stop_reason: 'end_turn' }, usage: { input_tokens: 15, output_tokens: 9 } }),
      event('message_stop', {}),
    ]);
    expect(result.parts[0]).toEqual({ type: 'usage', inputTokens: 15, outputTokens: 9 });
  });

  it('ignores data-only lines, as the SDK does', () => {
    expect(feed([event(undefined, { type: 'message_stop' })])).toEqual({ parts: [], done: false });
  });

  it('turns an error event into an overloaded error part', () => {
    const result = feed([
      event('error', {
        type: 'error',
        error: { details: null, type: 'overloaded_error', message: 'Overloaded' },
        request_id: 'req_1',
      }),
    ]);
    expect(result.done).toBe(true);
    expect(result.parts[0]?.type === 'error' && result.parts[0].error).toMatchObject({
      kind: 'overloaded',
      upstreamMessage: 'overloaded_error: Overloaded',
    });
  });
});
