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

  it('offers tools in function shape, none for a none choice, only the named one when forced', () => {
    const tools = [{ name: 'get_weather' }, { name: 'get_time', description: 'Now' }];
    const ask = [{ role: 'user' as const, content: 'hi' }];
    expect(buildOllamaChatBody({ model: 'm', messages: ask, tools })['tools']).toEqual([
      { type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: {} } } },
      {
        type: 'function',
        function: { name: 'get_time', description: 'Now', parameters: { type: 'object', properties: {} } },
      },
    ]);
    expect(buildOllamaChatBody({ model: 'm', messages: ask, tools, toolChoice: 'none' })).not.toHaveProperty('tools');
    const forced = buildOllamaChatBody({ model: 'm', messages: ask, tools, toolChoice: { name: 'get_time' } });
    expect(forced['tools']).toEqual([
      expect.objectContaining({ function: expect.objectContaining({ name: 'get_time' }) }),
    ]);
    expect(buildOllamaChatBody({ model: 'm', messages: ask, tools: [] })).not.toHaveProperty('tools');
  });
});
