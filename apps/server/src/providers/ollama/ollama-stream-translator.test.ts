import { describe, expect, it } from 'vitest';
import type { StreamPart } from '../spec';
import { createOllamaStreamTranslator } from './ollama-stream-translator';

function feed(lines: unknown[]): { parts: StreamPart[]; done: boolean } {
  const translator = createOllamaStreamTranslator((index) => `call_${index}`);
  const parts: StreamPart[] = [];
  for (const line of lines) {
    const step = translator.accept(typeof line === 'string' ? line : JSON.stringify(line));
    parts.push(...step.parts);
    if (step.done) return { parts, done: true };
  }
  return { parts, done: false };
}

describe('createOllamaStreamTranslator', () => {
  it('yields thinking, text, then usage and finish from the done object', () => {
    const result = feed([
      { model: 'qwen3', message: { role: 'assistant', content: '', thinking: 'Hmm' }, done: false },
      { model: 'qwen3', message: { role: 'assistant', content: 'The' }, done: false },
      {
        model: 'qwen3',
        message: { role: 'assistant', content: '' },
        done: true,
        done_reason: 'length',
        prompt_eval_count: 26,
        eval_count: 282,
      },
    ]);
    expect(result).toEqual({
      done: true,
      parts: [
        { type: 'reasoning-delta', text: 'Hmm' },
        { type: 'text-delta', text: 'The' },
        { type: 'usage', inputTokens: 26, outputTokens: 282 },
        { type: 'finish', finishReason: 'length' },
      ],
    });
  });

  it('turns whole tool calls into one delta each, with JSON text arguments, and finishes tool_calls', () => {
    const result = feed([
      { message: { role: 'assistant', content: 'Let me check.' }, done: false },
      {
        message: {
          role: 'assistant',
          content: '',
          tool_calls: [
            { function: { name: 'get_weather', arguments: { city: 'Paris' } } },
            { id: 'call_x1', function: { index: 1, name: 'get_time', arguments: {} } },
          ],
        },
        done: false,
      },
      { message: { role: 'assistant', content: '' }, done: true, done_reason: 'stop', eval_count: 9 },
    ]);
    expect(result.parts).toEqual([
      { type: 'text-delta', text: 'Let me check.' },
      { type: 'tool-call-delta', index: 0, id: 'call_0', name: 'get_weather', argumentsDelta: '{"city":"Paris"}' },
      { type: 'tool-call-delta', index: 1, id: 'call_x1', name: 'get_time', argumentsDelta: '{}' },
      { type: 'usage', inputTokens: 0, outputTokens: 9 },
      { type: 'finish', finishReason: 'tool_calls' },
    ]);
  });

  it('gives id-less calls ids that differ between streams', () => {
    const line = JSON.stringify({ message: { tool_calls: [{ function: { name: 'f', arguments: {} } }] }, done: false });
    const [first] = createOllamaStreamTranslator().accept(line).parts;
    const [second] = createOllamaStreamTranslator().accept(line).parts;
    expect(first?.type === 'tool-call-delta' && first.id).toMatch(/^call_[a-z0-9]+_0$/);
    expect(first?.type === 'tool-call-delta' && first.id).not.toBe(second?.type === 'tool-call-delta' && second.id);
  });

  it('turns an error line into an error part', () => {
    const result = feed([{ error: 'an error was encountered while running the model' }]);
    expect(result.done).toBe(true);
    expect(result.parts[0]?.type === 'error' && result.parts[0].error).toMatchObject({
      kind: 'server',
      upstreamMessage: 'an error was encountered while running the model',
    });
  });

  it('reports garbage as a protocol error', () => {
    expect(feed(['{not json'])).toMatchObject({ done: true, parts: [{ type: 'error' }] });
  });
});
