import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../spec';
import { toChatMessages } from './chat-messages';

const history: ChatMessage[] = [
  { role: 'user', content: 'Weather in Paris?' },
  {
    role: 'assistant',
    content: '',
    toolCalls: [{ id: 'call_1', name: 'get_weather', arguments: '{"city":"Paris"}' }],
  },
  { role: 'tool', content: '{"tempC":21}', toolCallId: 'call_1' },
];

describe('toChatMessages', () => {
  it('writes assistant tool calls with null content and tool results with tool_call_id', () => {
    expect(toChatMessages(history)).toEqual([
      { role: 'user', content: 'Weather in Paris?' },
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          { id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
        ],
      },
      { role: 'tool', content: '{"tempC":21}', tool_call_id: 'call_1' },
    ]);
  });

  it('keeps text that came with the calls, and plain turns as they were', () => {
    const [message] = toChatMessages([
      { role: 'assistant', content: 'Checking.', toolCalls: [{ id: 'c', name: 'f', arguments: '{}' }] },
    ]);
    expect(message).toMatchObject({ role: 'assistant', content: 'Checking.' });
    expect(toChatMessages([{ role: 'assistant', content: 'Hi', toolCalls: [] }])).toEqual([
      { role: 'assistant', content: 'Hi' },
    ]);
  });

  it('maps ids the same way on calls and results, and names results when asked', () => {
    const messages = toChatMessages(history, { mapToolCallId: (id) => id.toUpperCase(), toolResultName: true });
    expect(messages[1]).toMatchObject({ tool_calls: [{ id: 'CALL_1' }] });
    expect(messages[2]).toEqual({ role: 'tool', content: '{"tempC":21}', tool_call_id: 'CALL_1', name: 'get_weather' });
  });
});
