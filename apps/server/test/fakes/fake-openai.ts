import type { ChatCompletionsDialect } from './fake-chat-completions';
import { streamChatCompletions } from './fake-chat-completions';
import type { FakeExchange } from './fake-exchange';
import { answerFailure, type ProviderErrors } from './fake-failures';
import { bearerToken, bodyField, requestedModel } from './fake-stream';
import { chatToolProblem, randomAlphanumeric } from './fake-tools';

const envelope = (message: string, type: string, code: string | null) => ({
  error: { message, type, param: null, code },
});

/** Real OpenAI error answers (providers.md §1.4). */
export const openAiErrors: ProviderErrors = {
  badKey: (key) =>
    key
      ? {
          status: 401,
          body: envelope(
            `Incorrect API key provided: ${key.slice(0, 8)}***…${key.slice(-4)}. You can find your API key at https://platform.openai.com/account/api-keys.`,
            'invalid_request_error',
            'invalid_api_key',
          ),
        }
      : {
          status: 401,
          body: envelope(
            "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
            'invalid_request_error',
            null,
          ),
        },
  forbidden: () => ({
    status: 403,
    body: {
      error: {
        code: 'unsupported_country_region_territory',
        message: 'Country, region, or territory not supported',
        param: null,
        type: 'request_forbidden',
      },
    },
  }),
  unknownModel: (model) => ({
    status: 404,
    body: envelope(
      `The model \`${model}\` does not exist or you do not have access to it.`,
      'invalid_request_error',
      'model_not_found',
    ),
  }),
  rateLimit: (quota) =>
    quota
      ? {
          status: 429,
          body: envelope(
            'You exceeded your current quota, please check your plan and billing details.',
            'insufficient_quota',
            'insufficient_quota',
          ),
        }
      : {
          status: 429,
          headers: {
            'x-ratelimit-limit-tokens': '10000',
            'x-ratelimit-remaining-tokens': '0',
            'x-ratelimit-reset-tokens': '41.724s',
          },
          body: envelope(
            'Rate limit reached for gpt-4 in organization org-fake on tokens per min (TPM): Limit 10000, Used 8782, Requested 8172. Please try again in 41.724s.',
            'tokens',
            'rate_limit_exceeded',
          ),
        },
  server: () => ({
    status: 500,
    body: envelope('The server had an error while processing your request. Sorry about that!', 'server_error', null),
  }),
  overloaded: () => ({
    status: 503,
    body: envelope('The server is overloaded or not ready yet.', 'service_unavailable_error', 'server_is_overloaded'),
  }),
};

const dialect: ChatCompletionsDialect = {
  usage: 'opt-in',
  chunkFields: () => ({
    service_tier: 'default',
    system_fingerprint: 'fp_fake',
    obfuscation: Math.random().toString(36).slice(2, 8),
  }),
  firstDelta: () => ({ role: 'assistant', content: '', refusal: null }),
  finishDelta: {},
  midStreamError:
    'data: {"error":{"message":"The server had an error processing your request. Sorry about that!","type":"server_error","param":null,"code":null}}\n\ndata: [DONE]\n\n',
  toolCalls: {
    id: () => `call_${randomAlphanumeric(24)}`,
    start: (id, name) => ({ index: 0, id, type: 'function', function: { name, arguments: '' } }),
    piece: (text) => ({ index: 0, function: { arguments: text } }),
    delta: (entry) => ({ tool_calls: [entry] }),
    // A forced named function ends with `stop`, not `tool_calls` (observed; see the adapter).
    finishReason: (body) => (bodyField(bodyField(body, 'tool_choice'), 'type') === 'function' ? 'stop' : 'tool_calls'),
  },
};

/** OpenAI under `/openai/v1/...`: Bearer auth, `/models`, `/chat/completions`. */
export async function handleOpenAi(exchange: FakeExchange): Promise<void> {
  const { state, method, path, body } = exchange;
  const key = bearerToken(exchange.headers.authorization);
  if (!state.isValidKey('openai', key, undefined)) return exchange.error(openAiErrors.badKey(key));

  if (method === 'GET' && path === '/v1/models') {
    if (await answerFailure(exchange, state.takeFailure('openai', 'models'), openAiErrors, false)) return;
    const data = state.models.openai.map((id) => ({
      id,
      object: 'model',
      created: 1721172741,
      owned_by: id.startsWith('ft:') ? 'my-org' : 'system',
    }));
    return exchange.json(200, { object: 'list', data }, { 'x-request-id': 'req_fake' });
  }
  if (method === 'POST' && path === '/v1/chat/completions') {
    const failure = state.takeFailure('openai', 'chat');
    if (await answerFailure(exchange, failure, openAiErrors, true)) return;
    const model = requestedModel(body);
    if (!state.models.openai.includes(model)) return exchange.error(openAiErrors.unknownModel(model));
    if (bodyField(body, 'max_tokens') !== undefined && /^(o\d|gpt-5)/.test(model)) {
      return exchange.json(400, {
        error: {
          message:
            "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
          type: 'invalid_request_error',
          param: 'max_tokens',
          code: 'unsupported_parameter',
        },
      });
    }
    const toolProblem = chatToolProblem(body, { choices: ['none', 'auto', 'required'] });
    if (toolProblem !== undefined) return exchange.json(400, envelope(toolProblem, 'invalid_request_error', null));
    return streamChatCompletions(exchange, dialect, { model, withReasoning: false, failure });
  }
  exchange.error({ status: 404, body: envelope(`Invalid URL (${method} ${path})`, 'invalid_request_error', null) });
}
