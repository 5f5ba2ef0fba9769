import type { ChatCompletionsDialect } from './fake-chat-completions';
import { streamChatCompletions } from './fake-chat-completions';
import type { FakeExchange } from './fake-exchange';
import { answerFailure, type ProviderErrors } from './fake-failures';
import { bearerToken, requestId, requestedModel } from './fake-stream';
import { chatToolProblem, checkMistralToolCallId, randomAlphanumeric } from './fake-tools';

const mistralError = (message: string, type: string, code: string | null, status: number) => ({
  object: 'error',
  message,
  type,
  param: null,
  code,
  raw_status_code: status,
});

const mistralError400 = (message: string) => ({
  status: 400,
  body: mistralError(message, 'invalid_request_error', null, 400),
});

/** Mistral error answers (providers.md §3.4); 403/500 bodies follow the generic shape (a guess). */
export const mistralErrors: ProviderErrors = {
  badKey: () => ({ status: 401, body: { detail: 'Unauthorized' } }),
  forbidden: () => ({ status: 403, body: mistralError('Forbidden', 'forbidden', null, 403) }),
  unknownModel: (model) => ({
    status: 400,
    body: mistralError(`Invalid model: ${model}`, 'invalid_model', '1500', 400),
  }),
  rateLimit: () => ({ status: 429, body: mistralError('Rate limit exceeded', 'rate_limited', '1300', 429) }),
  server: () => ({ status: 500, body: mistralError('Internal server error', 'internal_server_error', null, 500) }),
  overloaded: () => ({
    status: 503,
    body: {
      object: 'error',
      message: 'Service tier capacity exceeded for this model.',
      type: 'invalid_request_error',
      param: null,
      code: null,
    },
  }),
};

/** Request fields Mistral's schema knows (providers.md §3.3); anything else is a 422. */
const allowedChatFields = new Set(
  'model messages stream temperature top_p max_tokens stop random_seed response_format tools tool_choice parallel_tool_calls presence_penalty frequency_penalty n prediction reasoning_effort prompt_mode safe_prompt prompt_cache_key metadata guardrails'.split(
    ' ',
  ),
);

const dialect: ChatCompletionsDialect = {
  usage: 'on-finish',
  chunkFields: () => ({}),
  firstDelta: () => ({ role: 'assistant', content: '' }),
  // Reasoning models stream thinking as content chunks (client-ts ThinkChunk).
  reasoningDelta: (text) => ({ content: [{ type: 'thinking', thinking: [{ type: 'text', text }] }] }),
  finishDelta: { content: '' },
  // Unverified for Mistral (providers.md §3.4): an object:error line, then the stream closes.
  midStreamError:
    'data: {"object":"error","message":"Internal server error","type":"internal_server_error","param":null,"code":null}\n\n',
  // vercel/ai mistral-incremental-tool-call fixture: later fragments drop the id and send `name: ""`.
  toolCalls: {
    id: () => randomAlphanumeric(9),
    start: (id, name) => ({ id, type: 'function', function: { name, arguments: '' }, index: 0 }),
    piece: (text) => ({ type: 'function', function: { name: '', arguments: text }, index: 0 }),
    delta: (entry) => ({ tool_calls: [entry], content: '' }),
    finishReason: () => 'tool_calls',
  },
};

/** Mistral under `/mistral/v1/...`: Bearer auth, strict request schema, aliases in the list. */
export async function handleMistral(exchange: FakeExchange): Promise<void> {
  const { state, method, path, body } = exchange;
  const key = bearerToken(exchange.headers.authorization);
  if (!state.isValidKey('mistral', key, undefined)) {
    // Both observed 401 shapes: `detail` on the model list, `message`+`request_id` elsewhere.
    return path === '/v1/models'
      ? exchange.error(mistralErrors.badKey(key))
      : exchange.json(401, { message: 'Unauthorized', request_id: requestId() });
  }
  if (method === 'GET' && path === '/v1/models') {
    if (await answerFailure(exchange, state.takeFailure('mistral', 'models'), mistralErrors, false)) return;
    return exchange.json(200, { object: 'list', data: state.models.mistral });
  }
  if (method === 'POST' && path === '/v1/chat/completions') {
    const extra = Object.keys(typeof body === 'object' && body !== null ? body : {}).find(
      (field) => !allowedChatFields.has(field),
    );
    if (extra !== undefined) {
      return exchange.json(422, {
        detail: [{ type: 'extra_forbidden', loc: ['body', extra], msg: 'Extra inputs are not permitted', input: null }],
      });
    }
    const failure = state.takeFailure('mistral', 'chat');
    if (await answerFailure(exchange, failure, mistralErrors, true)) return;
    const model = requestedModel(body);
    if (!state.models.mistral.some((card) => card.id === model))
      return exchange.error(mistralErrors.unknownModel(model));
    const toolProblem = chatToolProblem(body, {
      choices: ['auto', 'none', 'any', 'required'],
      checkId: checkMistralToolCallId,
    });
    if (toolProblem !== undefined) return exchange.error(mistralError400(toolProblem));
    return streamChatCompletions(exchange, dialect, { model, withReasoning: true, failure });
  }
  exchange.json(404, { detail: 'Not Found' });
}
