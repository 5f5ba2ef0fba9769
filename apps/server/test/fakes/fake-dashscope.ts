import type { ChatCompletionsDialect } from './fake-chat-completions';
import { streamChatCompletions } from './fake-chat-completions';
import type { FakeExchange } from './fake-exchange';
import { answerFailure, type ProviderErrors } from './fake-failures';
import { bearerToken, bodyField, requestId, requestedModel } from './fake-stream';
import { chatToolProblem } from './fake-tools';
import type { FakeRegion } from './fake-types';

const envelope = (message: string, type: string, code: string) => ({
  error: { message, type, param: null, code },
  request_id: requestId(),
});

/** The error-code page a region links to in its 401 (Beijing: Chinese site; others: international). */
function errorCodeLink(region: FakeRegion | undefined, anchor: string): string {
  return region === 'cn'
    ? `https://help.aliyun.com/zh/model-studio/error-code#${anchor}`
    : `https://www.alibabacloud.com/help/en/model-studio/error-code#${anchor}`;
}

/** DashScope compatible-mode error answers (providers.md §4.4); 403/500/503 bodies are guesses. */
export function dashscopeErrors(region: FakeRegion | undefined): ProviderErrors {
  return {
    badKey: () => ({
      status: 401,
      body: envelope(
        `Incorrect API key provided. For details, see: ${errorCodeLink(region, 'apikey-error')}`,
        'invalid_request_error',
        'invalid_api_key',
      ),
    }),
    forbidden: () => ({ status: 403, body: envelope('Access denied.', 'invalid_request_error', 'access_denied') }),
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
              'Allocated quota exceeded, please increase your quota limit.',
              'insufficient_quota',
              'insufficient_quota',
            ),
          }
        : {
            status: 429,
            body: {
              error: {
                message: `You have exceeded your current request limit. For details, see: ${errorCodeLink(region, 'rate-limit')}`,
                type: 'limit_requests',
                code: 'limit_requests',
              },
            },
          },
    server: () => ({
      status: 500,
      body: envelope(
        'An internal error has occured, please try again later or contact service support.',
        'internal_error',
        'internal_error',
      ),
    }),
    overloaded: () => ({
      status: 503,
      body: envelope(
        'The service is temporarily unavailable, please try again later.',
        'service_unavailable',
        'ServiceUnavailable',
      ),
    }),
  };
}

const dialect: ChatCompletionsDialect = {
  usage: 'opt-in',
  chunkFields: () => ({ system_fingerprint: null }),
  firstDelta: (withReasoning) =>
    withReasoning ? { content: null, role: 'assistant', reasoning_content: '' } : { content: '', role: 'assistant' },
  reasoningDelta: (text) => ({ content: null, reasoning_content: text }),
  finishDelta: { content: '' },
  // providers.md §4.3: DashScope-like servers send an error line and close without [DONE].
  midStreamError:
    'data: {"error":{"message":"An internal error has occured during generation.","type":"internal_error","param":null,"code":"internal_error"}}\n\n',
  // vercel/ai alibaba-tool-call fixture: later fragments restate `id: ""`, with `content: null`.
  toolCalls: {
    id: () => `call_${Array.from({ length: 24 }, () => Math.floor(Math.random() * 16).toString(16)).join('')}`,
    start: (id, name) => ({ index: 0, id, type: 'function', function: { name, arguments: '' } }),
    piece: (text) => ({ index: 0, id: '', type: 'function', function: { arguments: text } }),
    delta: (entry) => ({ content: null, tool_calls: [entry] }),
    finishReason: () => 'tool_calls',
  },
};

/** What DashScope refuses about tools: the Chat Completions rules, and forcing a tool while thinking. */
function toolProblem(body: unknown): string | undefined {
  const choice = bodyField(body, 'tool_choice');
  if (bodyField(body, 'enable_thinking') === true && (choice === 'required' || typeof choice === 'object')) {
    return '<400> InternalError.Algo.InvalidParameter: The tool_choice parameter does not support being set to required or object in thinking mode';
  }
  return chatToolProblem(body, { choices: ['none', 'auto', 'required'] });
}

/**
 * DashScope under `/dashscope-<region>/compatible-mode/v1/...`. Keys are region-bound: a key
 * registered for another region gets the same 401 `invalid_api_key` a wrong-region host gives.
 */
export async function handleDashscope(exchange: FakeExchange): Promise<void> {
  const { state, method, path, body, region } = exchange;
  const errors = dashscopeErrors(region);
  if (!path.startsWith('/compatible-mode/v1/')) return exchange.json(404, undefined);
  const key = bearerToken(exchange.headers.authorization);
  if (!state.isValidKey('dashscope', key, region)) return exchange.error(errors.badKey(key));

  const route = path.slice('/compatible-mode/v1'.length);
  if (method === 'GET' && route === '/models') {
    if (await answerFailure(exchange, state.takeFailure('dashscope', 'models'), errors, false)) return;
    const data = state.models.dashscope.map((id) => ({ id, object: 'model', created: 1752741600, owned_by: 'system' }));
    return exchange.json(200, { object: 'list', data });
  }
  if (method === 'POST' && route === '/chat/completions') {
    const failure = state.takeFailure('dashscope', 'chat');
    if (await answerFailure(exchange, failure, errors, true)) return;
    const model = requestedModel(body);
    if (!state.models.dashscope.includes(model)) return exchange.error(errors.unknownModel(model));
    const problem = toolProblem(body);
    if (problem !== undefined) {
      return exchange.json(400, envelope(problem, 'invalid_request_error', 'invalid_parameter_error'));
    }
    const withReasoning = bodyField(body, 'enable_thinking') !== false;
    return streamChatCompletions(exchange, dialect, { model, withReasoning, failure });
  }
  exchange.json(404, undefined);
}
