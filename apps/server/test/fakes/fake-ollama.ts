import type { FakeExchange } from './fake-exchange';
import { answerFailure, type ProviderErrors } from './fake-failures';
import { bodyField, planDeltas, requestedModel, streamDeltas, usageFor } from './fake-stream';
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

async function streamChat(
  exchange: FakeExchange,
  model: FakeOllamaModel,
  failure: Parameters<typeof streamDeltas>[2],
): Promise<void> {
  const thinking = model.capabilities.includes('thinking') && bodyField(exchange.body, 'think') !== false;
  const deltas = planDeltas(exchange.reply, thinking);
  const usage = usageFor(exchange.reply, exchange.body, deltas);
  const line = (message: Record<string, unknown>, extra: Record<string, unknown> = { done: false }): string =>
    `${JSON.stringify({ model: model.name, created_at: new Date().toISOString(), message: { role: 'assistant', ...message }, ...extra })}\n`;

  exchange.startStream('application/x-ndjson');
  const finished = await streamDeltas(exchange, deltas, failure, {
    delta: (delta) =>
      exchange.write(line(delta.kind === 'text' ? { content: delta.text } : { content: '', thinking: delta.text })),
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
    return streamChat(exchange, model, failure);
  }
  exchange.json(404, undefined);
}
