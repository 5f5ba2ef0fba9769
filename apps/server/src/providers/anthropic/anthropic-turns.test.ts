import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../spec';
import { lastAssistantCalledTools, toAnthropicTurns } from './anthropic-turns';

const paris = { id: 'call_1', name: 'get_weather', arguments: '{"city":"Paris"}' };
const truncated = { id: 'call_2', name: 'get_weather', arguments: '{"city":' };

const history: ChatMessage[] = [
  { role: 'system', content: 'Be brief.' },
  { role: 'user', content: 'Weather in Paris and Rome?' },
  { role: 'assistant', content: 'Checking both.', toolCalls: [paris, truncated] },
  { role: 'tool', content: '21C', toolCallId: 'call_1' },
  { role: 'tool', content: '25C', toolCallId: 'call_2' },
  { role: 'user', content: 'And tomorrow?' },
];

describe('toAnthropicTurns', () => {
  it('turns calls into tool_use blocks and merges consecutive results into one user turn, results first', () => {
    expect(toAnthropicTurns(history)).toEqual([
      { role: 'user', content: 'Weather in Paris and Rome?' },
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'Checking both.' },
          { type: 'tool_use', id: 'call_1', name: 'get_weather', input: { city: 'Paris' } },
          { type: 'tool_use', id: 'call_2', name: 'get_weather', input: {} },
        ],
      },
      {
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: 'call_1', content: '21C' },
          { type: 'tool_result', tool_use_id: 'call_2', content: '25C' },
          { type: 'text', text: 'And tomorrow?' },
        ],
      },
    ]);
  });

  it('leaves no empty text block beside the tool_use of a text-less turn', () => {
    const [, assistant] = toAnthropicTurns([
      { role: 'user', content: 'hi' },
      { role: 'assistant', content: '', toolCalls: [paris] },
    ]);
    expect(assistant?.content).toEqual([
      { type: 'tool_use', id: 'call_1', name: 'get_weather', input: { city: 'Paris' } },
    ]);
  });

  it('tells whether the last assistant turn left a tool loop open', () => {
    expect(lastAssistantCalledTools(history)).toBe(true);
    expect(lastAssistantCalledTools([...history, { role: 'assistant', content: 'Sunny.' }])).toBe(false);
    expect(lastAssistantCalledTools([{ role: 'user', content: 'hi' }])).toBe(false);
  });
});
