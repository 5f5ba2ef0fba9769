import { describe, expect, it } from 'vitest';
import { buildOllamaChatBody } from './ollama-request';

describe('buildOllamaChatBody', () => {
  it('puts sampling settings under options and maps effort to think', () => {
    expect(
      buildOllamaChatBody({
        model: 'qwen3:8b',
        messages: [
          { role: 'system', content: 's' },
          { role: 'user', content: 'u' },
        ],
        temperature: 0.7,
        maxOutputTokens: 50,
        stop: ['x'],
        reasoningEffort: 'high',
      }),
    ).toEqual({
      model: 'qwen3:8b',
      messages: [
        { role: 'system', content: 's' },
        { role: 'user', content: 'u' },
      ],
      stream: true,
      options: { temperature: 0.7, num_predict: 50, stop: ['x'] },
      think: 'high',
    });
  });

  it('sends no options or think when unset', () => {
    const body = buildOllamaChatBody({ model: 'm', messages: [] });
    expect(body).not.toHaveProperty('options');
    expect(body).not.toHaveProperty('think');
  });
});
