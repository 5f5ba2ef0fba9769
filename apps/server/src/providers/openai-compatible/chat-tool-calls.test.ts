import { describe, expect, it } from 'vitest';
import type { JsonRecord } from '../shared/json';
import type { StreamPart } from '../spec';
import { createToolCallReader } from './chat-tool-calls';

function readAll(deltas: JsonRecord[]): { parts: StreamPart[]; called: boolean } {
  const reader = createToolCallReader();
  const parts = deltas.flatMap((delta) => reader.read(delta));
  return { parts, called: reader.called };
}

describe('createToolCallReader', () => {
  it('reads OpenAI fragments: id and name first, then argument pieces', () => {
    const result = readAll([
      {
        role: 'assistant',
        content: null,
        tool_calls: [{ index: 0, id: 'call_a', type: 'function', function: { name: 'get_weather', arguments: '' } }],
      },
      { tool_calls: [{ index: 0, function: { arguments: '{"city":' } }] },
      { tool_calls: [{ index: 0, function: { arguments: '"Paris"}' } }] },
    ]);
    expect(result).toEqual({
      called: true,
      parts: [
        { type: 'tool-call-delta', index: 0, id: 'call_a', name: 'get_weather', argumentsDelta: '' },
        { type: 'tool-call-delta', index: 0, argumentsDelta: '{"city":' },
        { type: 'tool-call-delta', index: 0, argumentsDelta: '"Paris"}' },
      ],
    });
  });

  it("ignores DashScope's restated empty id and Mistral's empty name", () => {
    const dashscope = readAll([
      { tool_calls: [{ index: 0, id: 'call_x', type: 'function', function: { name: 'weather', arguments: '' } }] },
      { tool_calls: [{ index: 0, id: '', type: 'function', function: { arguments: '{"location": "SF"}' } }] },
      { tool_calls: [{ index: 0, id: '', type: 'function', function: { arguments: '' } }] },
    ]);
    expect(dashscope.parts).toHaveLength(2);
    expect(dashscope.parts[1]).toEqual({ type: 'tool-call-delta', index: 0, argumentsDelta: '{"location": "SF"}' });

    const mistral = readAll([
      { tool_calls: [{ id: 'abcDEF123', type: 'function', function: { name: 'search', arguments: '' }, index: 0 }] },
      { tool_calls: [{ type: 'function', function: { name: '', arguments: '{"q":1}' }, index: 0 }] },
    ]);
    expect(mistral.parts.map((part) => part.type === 'tool-call-delta' && part.index)).toEqual([0, 0]);
  });

  it('numbers parallel calls, including whole calls without an index and reused index 0', () => {
    const result = readAll([
      {
        tool_calls: [
          { id: 'a', function: { name: 'one', arguments: '{}' } },
          { id: 'b', function: { name: 'two', arguments: '{}' } },
        ],
      },
      { tool_calls: [{ index: 0, id: 'c', function: { name: 'three', arguments: '{}' } }] },
    ]);
    expect(result.parts.map((part) => part.type === 'tool-call-delta' && [part.index, part.id])).toEqual([
      [0, 'a'],
      [1, 'b'],
      [2, 'c'],
    ]);
  });

  it('synthesizes an id when the first fragment has none, and reports no calls for plain deltas', () => {
    expect(readAll([{ tool_calls: [{ index: 0, function: { name: 'f', arguments: '' } }] }]).parts[0]).toMatchObject({
      id: 'call_0',
      name: 'f',
    });
    expect(readAll([{ content: 'hi' }, { tool_calls: null }])).toEqual({ parts: [], called: false });
  });
});
