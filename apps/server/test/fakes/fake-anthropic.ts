import type { FakeExchange } from './fake-exchange';
import { answerFailure, type ProviderErrors } from './fake-failures';
import { anthropicToolProblem } from './fake-anthropic-tools';
import { bodyField, planDeltas, requestId, requestedModel, sse, streamDeltas, usageFor } from './fake-stream';
import { randomAlphanumeric, wantsToolCall } from './fake-tools';

const anthropicError = (type: string, message: string) => ({
  type: 'error',
  error: { type, message },
  request_id: `req_${requestId()}`,
});

/** Anthropic error answers (providers.md §2.4). */
export const anthropicErrors: ProviderErrors = {
  badKey: () => ({ status: 401, body: anthropicError('authentication_error', 'invalid x-api-key') }),
  forbidden: () => ({
    status: 403,
    body: anthropicError('permission_error', 'Your API key does not have permission to use the specified resource.'),
  }),
  unknownModel: (model) => ({ status: 404, body: anthropicError('not_found_error', `model: ${model}`) }),
  rateLimit: () => ({
    status: 429,
    body: anthropicError(
      'rate_limit_error',
      "This request would exceed your account's rate limit. Please try again later.",
    ),
  }),
  server: () => ({ status: 500, body: anthropicError('api_error', 'Internal server error') }),
  overloaded: () => ({ status: 529, body: anthropicError('overloaded_error', 'Overloaded') }),
};

function badRequest(exchange: FakeExchange, message: string): void {
  exchange.json(400, anthropicError('invalid_request_error', message));
}

/** `GET /v1/models` with `limit` (default 20, 1–1000), `after_id` / `before_id` cursors (§2.2). */
function listModels(exchange: FakeExchange): void {
  const all = exchange.state.models.anthropic;
  const limit = Number(exchange.query.get('limit') ?? '20');
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
    return badRequest(exchange, 'limit: Input should be less than or equal to 1000');
  const afterId = exchange.query.get('after_id');
  const beforeId = exchange.query.get('before_id');
  let start = 0;
  let end = all.length;
  if (afterId !== null) start = all.findIndex((model) => model.id === afterId) + 1;
  if (beforeId !== null)
    end = Math.max(
      0,
      all.findIndex((model) => model.id === beforeId),
    );
  const page = beforeId !== null ? all.slice(Math.max(start, end - limit), end) : all.slice(start, start + limit);
  const hasMore = beforeId !== null ? end - limit > start : start + limit < end;
  exchange.json(200, {
    data: page,
    has_more: hasMore,
    first_id: page[0]?.id ?? null,
    last_id: page.at(-1)?.id ?? null,
  });
}

/** Rejects what the real Messages API rejects, so adapter mistakes surface in tests. */
function invalidMessagesRequest(body: unknown): string | undefined {
  const messages = bodyField(body, 'messages');
  if (typeof bodyField(body, 'max_tokens') !== 'number') return 'max_tokens: Field required';
  if (!Array.isArray(messages) || messages.length === 0) return 'messages: Field required';
  if (messages.some((message) => bodyField(message, 'role') === 'system')) {
    return 'messages: Unexpected role "system". The Messages API accepts a top-level `system` parameter, not "system" as an input message role.';
  }
  const thinking = bodyField(body, 'thinking');
  if (bodyField(thinking, 'type') === 'enabled') {
    const budget = bodyField(thinking, 'budget_tokens');
    const maxTokens = bodyField(body, 'max_tokens');
    if (typeof budget !== 'number' || budget < 1024)
      return 'thinking.enabled.budget_tokens: Input should be greater than or equal to 1024';
    if (typeof maxTokens === 'number' && budget >= maxTokens)
      return '`max_tokens` must be greater than `thinking.budget_tokens`.';
    if (bodyField(body, 'temperature') !== undefined && bodyField(body, 'temperature') !== 1) {
      return '`temperature` may only be set to 1 when thinking is enabled.';
    }
  }
  return undefined;
}

/**
 * Streams the reply as Messages API content blocks, opened in order with increasing indexes:
 * thinking (closed with its signature), text (with a `ping` after its start), then the tool call
 * as a `tool_use` block whose input arrives in `input_json_delta` pieces, opened by an empty one
 * as in the recorded fixture (providers.md §2.3), and `stop_reason: "tool_use"`.
 */
async function streamMessage(
  exchange: FakeExchange,
  model: string,
  failure: Parameters<typeof streamDeltas>[2],
): Promise<void> {
  const thinking = bodyField(bodyField(exchange.body, 'thinking'), 'type') === 'enabled';
  const toolCall = wantsToolCall(exchange.reply, exchange.body) ? exchange.reply.toolCall : undefined;
  const deltas = planDeltas(exchange.reply, thinking, toolCall ? 3 : 0);
  const usage = usageFor(exchange.reply, exchange.body, deltas);
  const write = (type: string, data: Record<string, unknown>): Promise<void> =>
    exchange.write(sse({ type, ...data }, type));
  let block: { index: number; type: string } | undefined;

  const closeBlock = async (): Promise<void> => {
    if (block === undefined) return;
    if (block.type === 'thinking') {
      await write('content_block_delta', {
        index: block.index,
        delta: { type: 'signature_delta', signature: 'EqQBCgIYAhIM' },
      });
    }
    await write('content_block_stop', { index: block.index });
  };
  const openBlock = async (content: Record<string, unknown> & { type: string }): Promise<number> => {
    await closeBlock();
    block = { index: block === undefined ? 0 : block.index + 1, type: content.type };
    await write('content_block_start', { index: block.index, content_block: content });
    return block.index;
  };
  const blockFor = async (type: string, content: Record<string, unknown> & { type: string }): Promise<number> =>
    block?.type === type ? block.index : openBlock(content);

  exchange.startStream('text/event-stream');
  const message = {
    id: `msg_${requestId()}`,
    type: 'message',
    role: 'assistant',
    content: [],
    model,
    stop_reason: null,
    stop_sequence: null,
  };
  await write('message_start', {
    message: { ...message, usage: { input_tokens: usage.inputTokens, output_tokens: 1 } },
  });
  const finished = await streamDeltas(exchange, deltas, failure, {
    delta: async (delta) => {
      if (delta.kind === 'reasoning') {
        const index = await blockFor('thinking', { type: 'thinking', thinking: '', signature: '' });
        return write('content_block_delta', { index, delta: { type: 'thinking_delta', thinking: delta.text } });
      }
      if (delta.kind === 'text') {
        const opening = block?.type !== 'text';
        const index = await blockFor('text', { type: 'text', text: '' });
        if (opening) await exchange.write(sse('{"type": "ping"}', 'ping'));
        return write('content_block_delta', { index, delta: { type: 'text_delta', text: delta.text } });
      }
      const id = `toolu_01${randomAlphanumeric(22)}`;
      const index = delta.first
        ? await openBlock({ type: 'tool_use', id, name: toolCall?.name ?? '', input: {} })
        : (block?.index ?? 0);
      if (delta.first)
        await write('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: '' } });
      if (delta.text)
        await write('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: delta.text } });
    },
    midStreamError: () =>
      exchange.write(
        sse(
          {
            type: 'error',
            error: { details: null, type: 'overloaded_error', message: 'Overloaded' },
            request_id: `req_${requestId()}`,
          },
          'error',
        ),
      ),
  });
  if (!finished) return;
  await closeBlock();
  const stopReason = toolCall ? 'tool_use' : exchange.reply.finish === 'length' ? 'max_tokens' : 'end_turn';
  await write('message_delta', {
    delta: { stop_reason: stopReason, stop_sequence: null },
    usage: { output_tokens: usage.outputTokens },
  });
  exchange.endWith(sse({ type: 'message_stop' }, 'message_stop'));
}

/** Anthropic under `/anthropic/v1/...`: `x-api-key` + `anthropic-version`, named SSE events. */
export async function handleAnthropic(exchange: FakeExchange): Promise<void> {
  const { state, method, path, headers, body } = exchange;
  const key = headers['x-api-key'];
  if (typeof key !== 'string' || key === '')
    return exchange.json(401, anthropicError('authentication_error', 'x-api-key header is required'));
  if (!state.isValidKey('anthropic', key, undefined)) return exchange.error(anthropicErrors.badKey(key));
  if (headers['anthropic-version'] === undefined) return badRequest(exchange, 'anthropic-version: header is required');

  if (method === 'GET' && path === '/v1/models') {
    if (await answerFailure(exchange, state.takeFailure('anthropic', 'models'), anthropicErrors, false)) return;
    return listModels(exchange);
  }
  if (method === 'POST' && path === '/v1/messages') {
    const failure = state.takeFailure('anthropic', 'chat');
    if (await answerFailure(exchange, failure, anthropicErrors, true)) return;
    const invalid = invalidMessagesRequest(body) ?? anthropicToolProblem(body);
    if (invalid !== undefined) return badRequest(exchange, invalid);
    const model = requestedModel(body);
    if (!state.models.anthropic.some((card) => card.id === model))
      return exchange.error(anthropicErrors.unknownModel(model));
    return streamMessage(exchange, model, failure);
  }
  exchange.json(404, anthropicError('not_found_error', 'Not found'));
}
