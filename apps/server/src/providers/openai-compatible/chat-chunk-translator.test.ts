import type { EventSourceMessage } from 'eventsource-parser';
import { describe, expect, it } from 'vitest';
import type { StreamPart } from '../spec';
import { createChatChunkTranslator } from './chat-chunk-translator';
import { readContentDelta } from './chat-delta';

function feed(events: EventSourceMessage[]): { parts: StreamPart[]; done: boolean } {
  const translator = createChatChunkTranslator({ provider: 'openai', readDelta: readContentDelta });
  const parts: StreamPart[] = [];
  for (const event of events) {
    const step = translator.accept(event);
    parts.push(...step.parts);
    if (step.done) return { parts, done: true };
  }
  return { parts, done: false };
}

const data = (value: unknown): EventSourceMessage => ({ data: JSON.stringify(value) });

describe('createChatChunkTranslator', () => {
  it('emits text, then usage and finish at [DONE] (OpenAI order: finish chunk, usage chunk)', () => {
    const result = feed([
      data({ choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }], usage: null }),
      data({ choices: [{ index: 0, delta: { content: 'Hol' }, finish_reason: null }], usage: null }),
      data({ choices: [{ index: 0, delta: {}, finish_reason: 'length' }], usage: null }),
      data({ choices: [], usage: { prompt_tokens: 16, completion_tokens: 300, total_tokens: 316 } }),
      { data: '[DONE]' },
    ]);
    expect(result).toEqual({
      done: true,
      parts: [
        { type: 'text-delta', text: 'Hol' },
        { type: 'usage', inputTokens: 16, outputTokens: 300 },
        { type: 'finish', finishReason: 'length' },
      ],
    });
  });

  it('takes usage from the finish chunk (Mistral) and finishes "other" without a reason', () => {
    const withUsage = feed([
      data({
        choices: [{ delta: { content: '' }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 4, completion_tokens: 32 },
      }),
      { data: '[DONE]' },
    ]);
    expect(withUsage.parts).toEqual([
      { type: 'usage', inputTokens: 4, outputTokens: 32 },
      { type: 'finish', finishReason: 'stop' },
    ]);
    expect(feed([{ data: '[DONE]' }]).parts).toEqual([{ type: 'finish', finishReason: 'other' }]);
  });

  it('turns an in-stream error object into a single error part', () => {
    const result = feed([
      data({ choices: [{ delta: { content: 'a' } }] }),
      data({ error: { message: 'The server had an error', type: 'server_error', param: null, code: null } }),
      { data: '[DONE]' },
    ]);
    expect(result.done).toBe(true);
    expect(result.parts).toHaveLength(2);
    const last = result.parts[1];
    expect(last?.type === 'error' && last.error).toMatchObject({ kind: 'server', provider: 'openai' });
  });

  it('treats Mistral object:error lines and SSE error events as errors', () => {
    const mistral = feed([
      data({ object: 'error', message: 'Rate limit exceeded', type: 'rate_limited', code: '1300' }),
    ]);
    expect(mistral.parts[0]?.type === 'error' && mistral.parts[0].error.kind).toBe('rate_limited');
    const named = feed([{ event: 'error', data: '{"message":"boom"}' }]);
    expect(named.parts[0]?.type).toBe('error');
  });

  it('streams tool-call fragments and finishes tool_calls', () => {
    const call = (fields: Record<string, unknown>) => data({ choices: [{ delta: { tool_calls: [fields] } }] });
    const result = feed([
      call({ index: 0, id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '' } }),
      call({ index: 0, function: { arguments: '{"city":"Paris"}' } }),
      data({ choices: [{ delta: {}, finish_reason: 'tool_calls' }] }),
      { data: '[DONE]' },
    ]);
    expect(result.parts).toEqual([
      { type: 'tool-call-delta', index: 0, id: 'call_1', name: 'get_weather', argumentsDelta: '' },
      { type: 'tool-call-delta', index: 0, argumentsDelta: '{"city":"Paris"}' },
      { type: 'finish', finishReason: 'tool_calls' },
    ]);
  });

  it('finishes tool_calls when a forced call ends with stop, and stop without calls', () => {
    const forced = feed([
      data({ choices: [{ delta: { tool_calls: [{ index: 0, id: 'c', function: { name: 'f', arguments: '{}' } }] } }] }),
      data({ choices: [{ delta: {}, finish_reason: 'stop' }] }),
      { data: '[DONE]' },
    ]);
    expect(forced.parts.at(-1)).toEqual({ type: 'finish', finishReason: 'tool_calls' });
    const plain = feed([data({ choices: [{ delta: { content: 'x' }, finish_reason: 'stop' }] }), { data: '[DONE]' }]);
    expect(plain.parts.at(-1)).toEqual({ type: 'finish', finishReason: 'stop' });
  });

  it('reports a non-JSON chunk as a protocol error', () => {
    const result = feed([{ data: 'not json' }]);
    expect(result.parts[0]?.type === 'error' && result.parts[0].error.kind).toBe('protocol');
  });
});
