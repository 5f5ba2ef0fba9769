import type { ProviderId } from '@chatstudio/contract';
import { describe, expect, it } from 'vitest';
import { toMistralToolCallId } from '../src/providers/mistral/mistral-tool-call-id';
import type { ChatMessage, ChatRequest, StreamPart, ToolCall, ToolDefinition } from '../src/providers/spec';
import { collect, errorOf, providerCases, textOf, useFakeProviders, type ProviderCase } from './fakes/fake-test-kit';

/** Tools over HTTP against the fakes: each provider's wire shape, streamed calls, and a second turn. */
const h = useFakeProviders();

const weather: ToolDefinition = {
  name: 'get_weather',
  description: 'Current weather for a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};
const forecast: ToolDefinition = { name: 'get_forecast', parameters: { type: 'object', properties: {} } };
const pastCall: ToolCall = { id: 'call_1', name: 'get_weather', arguments: '{"city":"Paris"}' };
const history: ChatMessage[] = [
  { role: 'system', content: 'You are terse.' },
  { role: 'user', content: 'Weather in Paris, then the forecast?' },
  { role: 'assistant', content: '', toolCalls: [pastCall] },
  { role: 'tool', content: '{"tempC":21}', toolCallId: 'call_1' },
];
const nextCall = { name: 'get_forecast', arguments: '{"city":"Paris","days":3}' };

function toolRequest(model: string, extra: Partial<ChatRequest> = {}): ChatRequest {
  return { model, messages: history, tools: [weather, forecast], toolChoice: 'auto', ...extra };
}

const stream = (c: ProviderCase, request: ChatRequest) =>
  collect(h.registry.get(c.id).streamChat(request, c.credential, new AbortController().signal));
const lastBody = (id: ProviderId) => h.fake.requestsFor(id).at(-1)?.body;
const toolParts = (parts: StreamPart[]) => parts.flatMap((part) => (part.type === 'tool-call-delta' ? [part] : []));

/** The calls a stream made, assembled the way a caller would. */
function assembleCalls(parts: StreamPart[]): ToolCall[] {
  const calls: ToolCall[] = [];
  for (const part of toolParts(parts)) {
    const call = (calls[part.index] ??= { id: '', name: '', arguments: '' });
    call.id = part.id ?? call.id;
    call.name = part.name ?? call.name;
    call.arguments += part.argumentsDelta;
  }
  return calls;
}

const chatTools = [
  { type: 'function', function: weather },
  { type: 'function', function: { name: 'get_forecast', parameters: forecast.parameters } },
];
const chatHistory = (id: string, named = false) => [
  { role: 'system', content: 'You are terse.' },
  { role: 'user', content: 'Weather in Paris, then the forecast?' },
  {
    role: 'assistant',
    content: null,
    tool_calls: [{ id, type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }],
  },
  { role: 'tool', content: '{"tempC":21}', tool_call_id: id, ...(named ? { name: 'get_weather' } : {}) },
];

/** What each upstream must have received for toolRequest(). */
const expectedWire: Record<ProviderId, Record<string, unknown>> = {
  openai: { tools: chatTools, tool_choice: 'auto', messages: chatHistory('call_1') },
  dashscope: { tools: chatTools, tool_choice: 'auto', messages: chatHistory('call_1') },
  mistral: { tools: chatTools, tool_choice: 'auto', messages: chatHistory(toMistralToolCallId('call_1'), true) },
  anthropic: {
    system: 'You are terse.',
    tools: [
      { name: 'get_weather', description: 'Current weather for a city', input_schema: weather.parameters },
      { name: 'get_forecast', input_schema: forecast.parameters },
    ],
    tool_choice: { type: 'auto' },
    messages: [
      { role: 'user', content: 'Weather in Paris, then the forecast?' },
      {
        role: 'assistant',
        content: [{ type: 'tool_use', id: 'call_1', name: 'get_weather', input: { city: 'Paris' } }],
      },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'call_1', content: '{"tempC":21}' }] },
    ],
  },
  ollama: {
    tools: chatTools,
    messages: [
      { role: 'system', content: 'You are terse.' },
      { role: 'user', content: 'Weather in Paris, then the forecast?' },
      {
        role: 'assistant',
        content: '',
        tool_calls: [{ function: { name: 'get_weather', arguments: { city: 'Paris' } } }],
      },
      { role: 'tool', content: '{"tempC":21}', tool_name: 'get_weather' },
    ],
  },
};

describe.each(providerCases)('$id tool calls against the fake upstream', (c: ProviderCase) => {
  it('sends tools and tool history in its wire shape and streams the call back as tool-call deltas', async () => {
    h.fake.setReply(c.id, { text: 'Checking.', toolCall: nextCall, usage: { inputTokens: 30, outputTokens: 12 } });
    const parts = await stream(c, toolRequest(c.model));

    expect(lastBody(c.id)).toMatchObject(expectedWire[c.id]);
    if (c.id === 'ollama') expect(lastBody(c.id)).not.toHaveProperty('tool_choice');
    expect(textOf(parts)).toBe('Checking.');
    const pieces = toolParts(parts);
    expect(pieces[0]).toMatchObject({ index: 0, name: 'get_forecast', id: expect.stringMatching(/.+/) });
    expect(pieces.slice(1).every((piece) => piece.index === 0 && piece.id === undefined)).toBe(true);
    expect(pieces.length).toBeGreaterThan(c.id === 'ollama' ? 0 : 2);
    expect(assembleCalls(parts)).toEqual([{ id: pieces[0]?.id, ...nextCall }]);
    expect(parts.slice(-2)).toEqual([
      { type: 'usage', inputTokens: 30, outputTokens: 12 },
      { type: 'finish', finishReason: 'tool_calls' },
    ]);
  });

  it('takes the call it streamed back as history on the next turn', async () => {
    h.fake.setReply(c.id, { text: '', toolCall: nextCall });
    const calls = assembleCalls(await stream(c, toolRequest(c.model)));
    h.fake.setReply(c.id, { text: 'Sunny for three days.', toolCall: nextCall });
    const messages: ChatMessage[] = [
      ...history,
      { role: 'assistant', content: '', toolCalls: calls },
      ...calls.map((call): ChatMessage => ({ role: 'tool', content: '["sun","sun","sun"]', toolCallId: call.id })),
    ];
    const parts = await stream(c, toolRequest(c.model, { messages, toolChoice: 'none' }));
    expect(errorOf(parts)).toBeUndefined();
    expect(textOf(parts)).toBe('Sunny for three days.');
    expect(toolParts(parts)).toEqual([]);
    expect(parts.at(-1)).toEqual({ type: 'finish', finishReason: 'stop' });
  });

  it('sends no tool fields and gets no call without tools', async () => {
    h.fake.setReply(c.id, { text: 'Hello.', toolCall: nextCall });
    const parts = await stream(c, { model: c.model, messages: history.slice(0, 2), toolChoice: 'required' });
    expect(lastBody(c.id)).not.toHaveProperty('tools');
    expect(lastBody(c.id)).not.toHaveProperty('tool_choice');
    expect(toolParts(parts)).toEqual([]);
    expect(parts.at(-1)).toEqual({ type: 'finish', finishReason: 'stop' });
  });
});

describe('tool choice per provider', () => {
  const caseOf = (id: ProviderId): ProviderCase => {
    const found = providerCases.find((item) => item.id === id);
    if (!found) throw new Error(`no case for ${id}`);
    return found;
  };
  const forcedRun = async (id: ProviderId, extra: Partial<ChatRequest>) => {
    const c = caseOf(id);
    h.fake.setReply(id, { text: '', toolCall: nextCall });
    return { parts: await stream(c, toolRequest(c.model, extra)), body: lastBody(id) };
  };

  it('OpenAI: a named tool is {type:function}, and the stop OpenAI then sends still finishes tool_calls', async () => {
    const { parts, body } = await forcedRun('openai', { toolChoice: { name: 'get_forecast' } });
    expect(body).toMatchObject({ tool_choice: { type: 'function', function: { name: 'get_forecast' } } });
    expect(parts.at(-1)).toEqual({ type: 'finish', finishReason: 'tool_calls' });
  });

  it('Mistral: required is spelled any', async () => {
    const { parts, body } = await forcedRun('mistral', { toolChoice: 'required' });
    expect(body).toMatchObject({ tool_choice: 'any' });
    expect(parts.at(-1)).toEqual({ type: 'finish', finishReason: 'tool_calls' });
  });

  it('DashScope: a forced tool turns thinking off, which DashScope requires', async () => {
    const { parts, body } = await forcedRun('dashscope', { toolChoice: 'required', reasoningEffort: 'high' });
    expect(body).toMatchObject({ tool_choice: 'required', enable_thinking: false });
    expect(errorOf(parts)).toBeUndefined();
  });

  it('Anthropic: no thinking with a forced tool or an open tool loop; none is {type:none}', async () => {
    const forced = await forcedRun('anthropic', { toolChoice: 'required', reasoningEffort: 'low' });
    expect(forced.body).toMatchObject({ tool_choice: { type: 'any' } });
    expect(forced.body).not.toHaveProperty('thinking');
    expect(forced.parts.at(-1)).toEqual({ type: 'finish', finishReason: 'tool_calls' });
    const loop = await forcedRun('anthropic', { reasoningEffort: 'low' });
    expect(loop.body).not.toHaveProperty('thinking');
    expect(errorOf(loop.parts)).toBeUndefined();
    const none = await forcedRun('anthropic', { toolChoice: 'none' });
    expect(none.body).toMatchObject({ tool_choice: { type: 'none' } });
    expect(toolParts(none.parts)).toEqual([]);
  });

  it('Ollama: none offers no tools, a named tool offers only that one', async () => {
    const none = await forcedRun('ollama', { toolChoice: 'none' });
    expect(none.body).not.toHaveProperty('tools');
    expect(toolParts(none.parts)).toEqual([]);
    const named = await forcedRun('ollama', { toolChoice: { name: 'get_forecast' } });
    expect(named.body).toMatchObject({ tools: [{ function: { name: 'get_forecast' } }] });
    expect(named.parts.at(-1)).toEqual({ type: 'finish', finishReason: 'tool_calls' });
  });
});

describe('the fakes refuse what the real APIs refuse', () => {
  const orphan: ChatMessage[] = [
    { role: 'user', content: 'hi' },
    { role: 'tool', content: 'stray', toolCallId: 'call_9' },
  ];

  it.each(['openai', 'anthropic', 'mistral', 'dashscope'] as const)(
    '%s: a tool result answering no call is a bad request',
    async (id) => {
      const c = providerCases.find((item) => item.id === id);
      if (!c) throw new Error(`no case for ${id}`);
      const parts = await stream(c, toolRequest(c.model, { messages: orphan }));
      expect(errorOf(parts)).toMatchObject({ kind: 'bad_request', status: 400 });
    },
  );

  it('Ollama: tools for a model without the tools capability are a bad request', async () => {
    const c = providerCases.find((item) => item.id === 'ollama');
    if (!c) throw new Error('no ollama case');
    const parts = await stream(c, toolRequest('llava:latest'));
    expect(errorOf(parts)).toMatchObject({ kind: 'bad_request', upstreamMessage: expect.stringContaining('tools') });
  });
});
