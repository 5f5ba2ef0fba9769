import type { FakeExchange } from './fake-exchange';
import { planDeltas, sse, streamDeltas, usageFor } from './fake-stream';
import type { FakeFailure } from './fake-types';

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
  const deltas = planDeltas(exchange.reply, withReasoning);
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
  const finished = await streamDeltas(exchange, deltas, options.failure, {
    delta: (delta) => {
      const body =
        delta.kind === 'text' || !dialect.reasoningDelta ? { content: delta.text } : dialect.reasoningDelta(delta.text);
      return exchange.write(chunk([{ index: 0, delta: body, logprobs: null, finish_reason: null }]));
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
    finish_reason: exchange.reply.finish ?? 'stop',
  };
  await exchange.write(chunk([finish], dialect.usage === 'on-finish' ? { usage: totals } : usageField));
  if (dialect.usage === 'opt-in' && wantsUsage(exchange.body)) await exchange.write(chunk([], { usage: totals }));
  exchange.endWith('data: [DONE]\n\n');
}
