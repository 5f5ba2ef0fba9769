import type { FakeExchange } from './fake-exchange';
import { planDeltas, sse, streamDeltas, usageFor } from './fake-stream';
import { wantsToolCall } from './fake-tools';
import type { FakeFailure } from './fake-types';

/** How one dialect streams a tool call (`choices[0].delta.tool_calls`, providers.md §1.3/§3.3/§4.3). */
export interface ChatToolCallDialect {
  /** A call id in the provider's format. */
  id(): string;
  /** The `tool_calls` entry opening a call (id, name, empty arguments). */
  start(id: string, name: string): Record<string, unknown>;
  /** The `tool_calls` entry carrying a later piece of the arguments. */
  piece(text: string): Record<string, unknown>;
  /** The delta around one entry (dialects differ in the `content` sent alongside). */
  delta(entry: Record<string, unknown>): Record<string, unknown>;
  /** The finish reason after a call; OpenAI says `stop` when a named tool was forced. */
  finishReason(body: unknown): string;
}

/** How one Chat Completions dialect (OpenAI, Mistral, DashScope) shapes its SSE chunks. */
export interface ChatCompletionsDialect {
  /** `opt-in`: a trailing `choices: []` chunk only with `stream_options.include_usage`; `on-finish`: on the finish chunk, always. */
  usage: 'opt-in' | 'on-finish';
  /** Extra top-level fields on every chunk (e.g. OpenAI's `service_tier`). */
  chunkFields(): Record<string, unknown>;
  firstDelta(withReasoning: boolean): Record<string, unknown>;
  /** The delta carrying a reasoning fragment; absent when the dialect has none. */
  reasoningDelta?: (text: string) => Record<string, unknown>;
  finishDelta: Record<string, unknown>;
  /** Raw SSE text of an error arriving inside a 200 stream, including any trailing `[DONE]`. */
  midStreamError: string;
  toolCalls: ChatToolCallDialect;
}

function wantsUsage(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || !('stream_options' in body)) return false;
  const options = body.stream_options;
  return (
    typeof options === 'object' && options !== null && 'include_usage' in options && options.include_usage === true
  );
}

/** Streams one reply in a Chat Completions dialect, honouring the reply pacing and the failure. */
export async function streamChatCompletions(
  exchange: FakeExchange,
  dialect: ChatCompletionsDialect,
  options: { model: string; withReasoning: boolean; failure: FakeFailure | undefined },
): Promise<void> {
  const withReasoning = options.withReasoning && dialect.reasoningDelta !== undefined;
  const toolCall = wantsToolCall(exchange.reply, exchange.body) ? exchange.reply.toolCall : undefined;
  const deltas = planDeltas(exchange.reply, withReasoning, toolCall ? 3 : 0);
  const callId = dialect.toolCalls.id();
  const usage = usageFor(exchange.reply, exchange.body, deltas);
  const id = `chatcmpl-fake${Date.now().toString(36)}`;
  const created = Math.floor(Date.now() / 1000);
  const usageField = dialect.usage === 'opt-in' ? { usage: null } : {};
  const chunk = (choices: unknown[], extra: Record<string, unknown> = usageField): string =>
    sse({
      id,
      object: 'chat.completion.chunk',
      created,
      model: options.model,
      ...dialect.chunkFields(),
      choices,
      ...extra,
    });

  exchange.startStream('text/event-stream');
  await exchange.write(
    chunk([{ index: 0, delta: dialect.firstDelta(withReasoning), logprobs: null, finish_reason: null }]),
  );
  const writeDelta = (delta: Record<string, unknown>): Promise<void> =>
    exchange.write(chunk([{ index: 0, delta, logprobs: null, finish_reason: null }]));
  const finished = await streamDeltas(exchange, deltas, options.failure, {
    delta: async (delta) => {
      if (delta.kind === 'tool') {
        const tools = dialect.toolCalls;
        if (delta.first) await writeDelta(tools.delta(tools.start(callId, toolCall?.name ?? '')));
        if (delta.text) await writeDelta(tools.delta(tools.piece(delta.text)));
        return;
      }
      const body =
        delta.kind === 'text' || !dialect.reasoningDelta ? { content: delta.text } : dialect.reasoningDelta(delta.text);
      return writeDelta(body);
    },
    midStreamError: () => exchange.write(dialect.midStreamError),
  });
  if (!finished) return;
  const totals = {
    prompt_tokens: usage.inputTokens,
    completion_tokens: usage.outputTokens,
    total_tokens: usage.inputTokens + usage.outputTokens,
  };
  const finish = {
    index: 0,
    delta: dialect.finishDelta,
    logprobs: null,
    finish_reason: toolCall ? dialect.toolCalls.finishReason(exchange.body) : (exchange.reply.finish ?? 'stop'),
  };
  await exchange.write(chunk([finish], dialect.usage === 'on-finish' ? { usage: totals } : usageField));
  if (dialect.usage === 'opt-in' && wantsUsage(exchange.body)) await exchange.write(chunk([], { usage: totals }));
  exchange.endWith('data: [DONE]\n\n');
}
