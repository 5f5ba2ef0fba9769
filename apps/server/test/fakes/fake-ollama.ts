import type { FakeExchange } from './fake-exchange';
import { answerFailure, type ProviderErrors } from './fake-failures';
import { bodyField, planDeltas, requestedModel, streamDeltas, usageFor } from './fake-stream';
import { wantsToolCall } from './fake-tools';
import type { FakeOllamaModel } from './fake-types';

const ollamaError = (message: string) => ({ error: message });

/** Ollama native error answers (providers.md §5.4); 401/403 are what ollama.com would send. */
export const ollamaErrors: ProviderErrors = {
  badKey: () => ({ status: 401, body: ollamaError('unauthorized') }),
  forbidden: () => ({ status: 403, body: ollamaError('forbidden') }),
  unknownModel: (model) => ({ status: 404, body: ollamaError(`model '${model}' not found`) }),
  rateLimit: () => ({ status: 429, body: ollamaError('too many requests') }),
  server: () => ({ status: 500, body: ollamaError('llama runner process has terminated: exit status 2') }),
  overloaded: () => ({
    status: 503,
    body: ollamaError('server busy, please try again.  maximum pending requests exceeded'),
  }),
};

/** Ollama resolves `name` to `name:latest` when no tag is given. */
function findModel(models: FakeOllamaModel[], name: string): FakeOllamaModel | undefined {
  const full = name.includes(':') ? name : `${name}:latest`;
  return models.find((model) => model.name === full);
}

function tagEntry(model: FakeOllamaModel) {
  return {
    name: model.name,
    model: model.name,
    modified_at: '2025-05-04T17:37:44.706015396-07:00',
    size: 2019393189,
    digest: 'a80c4f17acd55265feec403c7aef86be0c25983ab279d83f3bcd3abbcb5b8b72',
    details: {
      parent_model: '',
      format: 'gguf',
      family: model.family ?? 'llama',
      families: [model.family ?? 'llama'],
      parameter_size: '3.2B',
      quantization_level: 'Q4_K_M',
    },
  };
}

function showEntry(model: FakeOllamaModel) {
  const architecture = model.family ?? 'llama';
  const modelInfo: Record<string, unknown> = {
    'general.architecture': architecture,
    [`${architecture}.embedding_length`]: 4096,
  };
  if (model.contextLength !== undefined) modelInfo[`${architecture}.context_length`] = model.contextLength;
  return {
    modelfile: `FROM ${model.name}`,
    parameters: 'num_keep 24\nstop "<|eot_id|>"',
    template: '{{ .Prompt }}',
    details: { format: 'gguf', family: architecture, parameter_size: '8.0B', quantization_level: 'Q4_0' },
    model_info: modelInfo,
    capabilities: model.capabilities,
  };
}

function argumentsObject(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}

/** What `/api/chat` refuses about tools: a model without the capability, and string arguments. */
function toolProblem(body: unknown, model: FakeOllamaModel, name: string): string | undefined {
  const tools = bodyField(body, 'tools');
  if (Array.isArray(tools) && tools.length > 0 && !model.capabilities.includes('tools')) {
    return `"${name}" does not support tools`;
  }
  const messages = bodyField(body, 'messages');
  const calls = (Array.isArray(messages) ? messages : []).flatMap((message) => {
    const list = bodyField(message, 'tool_calls');
    return Array.isArray(list) ? list : [];
  });
  const args = calls.map((call) => bodyField(bodyField(call, 'function'), 'arguments'));
  // Go decodes a missing or null map as empty; anything else that is not an object fails.
  const bad = args.find(
    (value) => value !== undefined && value !== null && (typeof value !== 'object' || Array.isArray(value)),
  );
  if (bad !== undefined) {
    const kind = Array.isArray(bad) ? 'array' : typeof bad;
    return `json: cannot unmarshal ${kind} into Go struct field ToolCallFunction.messages.tool_calls.function.arguments of type api.ToolCallFunctionArguments`;
  }
  return undefined;
}

async function streamChat(
  exchange: FakeExchange,
  model: FakeOllamaModel,
  failure: Parameters<typeof streamDeltas>[2],
): Promise<void> {
  const thinking = model.capabilities.includes('thinking') && bodyField(exchange.body, 'think') !== false;
  const toolCall = wantsToolCall(exchange.reply, exchange.body) ? exchange.reply.toolCall : undefined;
  // Ollama sends a tool call whole, arguments as an object (providers.md §5.3): one piece.
  const deltas = planDeltas(exchange.reply, thinking, toolCall ? 1 : 0);
  const usage = usageFor(exchange.reply, exchange.body, deltas);
  const line = (message: Record<string, unknown>, extra: Record<string, unknown> = { done: false }): string =>
    `${JSON.stringify({ model: model.name, created_at: new Date().toISOString(), message: { role: 'assistant', ...message }, ...extra })}\n`;

  exchange.startStream('application/x-ndjson');
  const finished = await streamDeltas(exchange, deltas, failure, {
    delta: (delta) => {
      if (delta.kind === 'tool') {
        const call = { function: { name: toolCall?.name ?? '', arguments: argumentsObject(delta.text) } };
        return exchange.write(line({ content: '', tool_calls: [call] }));
      }
      return exchange.write(
        line(delta.kind === 'text' ? { content: delta.text } : { content: '', thinking: delta.text }),
      );
    },
    midStreamError: () =>
      exchange.write(`${JSON.stringify(ollamaError('an error was encountered while running the model'))}\n`),
  });
  if (!finished) return;
  exchange.endWith(
    line(
      { content: '' },
      {
        done: true,
        done_reason: exchange.reply.finish ?? 'stop',
        total_duration: 4883583458,
        load_duration: 1334875,
        prompt_eval_count: usage.inputTokens,
        prompt_eval_duration: 342546000,
        eval_count: usage.outputTokens,
        eval_duration: 4535599000,
      },
    ),
  );
}

/** Ollama under `/ollama/...`: native `/api/*`, no auth, NDJSON chat. */
export async function handleOllama(exchange: FakeExchange): Promise<void> {
  const { state, method, path, body } = exchange;
  const models = state.models.ollama;
  if (method === 'GET' && path === '/') return exchange.text(200, 'Ollama is running');
  if (method === 'GET' && path === '/api/version') return exchange.json(200, { version: '0.33.0' });
  if (method === 'GET' && path === '/api/tags') {
    if (await answerFailure(exchange, state.takeFailure('ollama', 'models'), ollamaErrors, false)) return;
    return exchange.json(200, { models: models.map(tagEntry) });
  }
  if (method === 'POST' && path === '/api/show') {
    const model = findModel(models, requestedModel(body));
    return model
      ? exchange.json(200, showEntry(model))
      : exchange.error(ollamaErrors.unknownModel(requestedModel(body)));
  }
  if (method === 'POST' && path === '/api/chat') {
    const failure = state.takeFailure('ollama', 'chat');
    if (await answerFailure(exchange, failure, ollamaErrors, true)) return;
    const name = requestedModel(body);
    const model = findModel(models, name);
    if (!model) return exchange.error(ollamaErrors.unknownModel(name));
    if (!model.capabilities.includes('completion'))
      return exchange.json(400, ollamaError(`"${name}" does not support chat`));
    const think = bodyField(body, 'think');
    if (think !== undefined && think !== false && !model.capabilities.includes('thinking')) {
      return exchange.json(400, ollamaError(`"${name}" does not support thinking`));
    }
    const problem = toolProblem(body, model, name);
    if (problem !== undefined) return exchange.json(400, ollamaError(problem));
    return streamChat(exchange, model, failure);
  }
  exchange.json(404, undefined);
}
