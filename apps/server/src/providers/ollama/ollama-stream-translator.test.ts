import { describe, expect, it } from 'vitest';
import type { StreamPart } from '../spec';
import { createOllamaStreamTranslator } from './ollama-stream-translator';

function feed(lines: unknown[]): { parts: StreamPart[]; done: boolean } {
  const translator = createOllamaStreamTranslator();
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
