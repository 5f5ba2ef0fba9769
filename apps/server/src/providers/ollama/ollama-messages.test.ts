import { describe, expect, it } from 'vitest';
import { toOllamaMessages } from './ollama-messages';

describe('toOllamaMessages', () => {
  it('sends call arguments as objects and names tool results after their call', () => {
    expect(
      toOllamaMessages([
        { role: 'user', content: 'Weather in Paris?' },
        {
          role: 'assistant',
          content: '',
          toolCalls: [{ id: 'call_0', name: 'get_weather', arguments: '{"city":"Paris"}' }],
        },
        { role: 'tool', content: '21C', toolCallId: 'call_0' },
        { role: 'tool', content: 'orphan', toolCallId: 'unknown' },
      ]),
    ).toEqual([
      { role: 'user', content: 'Weather in Paris?' },
      {
        role: 'assistant',
        content: '',
        tool_calls: [{ function: { name: 'get_weather', arguments: { city: 'Paris' } } }],
      },
      { role: 'tool', content: '21C', tool_name: 'get_weather' },
      { role: 'tool', content: 'orphan' },
    ]);
  });
});
