import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { ProviderBaseUrls } from '../../src/providers/registry';
import { handleAnthropic } from './fake-anthropic';
import { handleDashscope } from './fake-dashscope';
import { FakeExchange } from './fake-exchange';
import { handleMistral } from './fake-mistral';
import { handleOllama } from './fake-ollama';
import { handleOpenAi } from './fake-openai';
import { defaultFakeReply, FakeState } from './fake-state';
import type {
  FakeFailure,
  FakeModelLists,
  FakeProvider,
  FakeRegion,
  FakeReply,
  FakeRoute,
  RecordedRequest,
} from './fake-types';

export interface FakeUpstreamsOptions {
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Accept any non-empty key (standalone/benchmark use); tests register keys instead. */
  acceptAnyKey?: boolean;
  defaultReply?: FakeReply;
}

/** One fake HTTP server speaking all five providers' wire protocols under path prefixes. */
export interface FakeUpstreams {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** Exactly the shape `createProviderRegistry` takes (and `CHATSTUDIO_*_BASE_URL` carry). */
  readonly baseUrls: ProviderBaseUrls;
  /** Every request received, in order. */
  readonly requests: RecordedRequest[];
  /** The requests the client closed before the response was complete. */
  readonly clientAborts: RecordedRequest[];
  addKey(provider: FakeProvider, key: string, region?: FakeRegion): void;
  setReply(provider: FakeProvider, reply: FakeReply): void;
  setModels<P extends FakeProvider>(provider: P, models: FakeModelLists[P]): void;
  /** Queues a failure for the next `route` request of `provider` (any DashScope region). */
  failNext(provider: FakeProvider, route: FakeRoute, failure: FakeFailure): void;
  requestsFor(provider: FakeProvider): RecordedRequest[];
  waitForClientAbort(provider: FakeProvider, timeoutMs?: number): Promise<RecordedRequest>;
  /** Forgets keys, replies, model lists, queued failures and recorded requests. */
  reset(): void;
  close(): Promise<void>;
}

const prefixes: ReadonlyArray<readonly [string, FakeProvider, FakeRegion | undefined]> = [
  ['/openai', 'openai', undefined],
  ['/anthropic', 'anthropic', undefined],
  ['/mistral', 'mistral', undefined],
  ['/dashscope-intl', 'dashscope', 'intl'],
  ['/dashscope-cn', 'dashscope', 'cn'],
  ['/dashscope-us', 'dashscope', 'us'],
  ['/ollama', 'ollama', undefined],
];

const handlers: Record<FakeProvider, (exchange: FakeExchange) => Promise<void>> = {
  openai: handleOpenAi,
  anthropic: handleAnthropic,
  mistral: handleMistral,
  dashscope: handleDashscope,
  ollama: handleOllama,
};

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

async function handle(state: FakeState, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://fake');
  const match = prefixes.find(([prefix]) => url.pathname === prefix || url.pathname.startsWith(`${prefix}/`));
  if (!match) {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('no such fake provider');
    return;
  }
  const [prefix, provider, region] = match;
  const body = await readBody(request);
  const path = url.pathname.slice(prefix.length) || '/';
  const record: RecordedRequest = {
    provider,
    region,
    method: request.method ?? 'GET',
    path,
    query: Object.fromEntries(url.searchParams),
    headers: request.headers,
    body,
    time: Date.now(),
    closedByClient: false,
  };
  state.requests.push(record);
  const exchange = new FakeExchange(
    provider,
    region,
    record.method,
    path,
    url.searchParams,
    request.headers,
    body,
    record,
    state,
    response,
  );
  await handlers[provider](exchange);
}

/** Starts the fake on 127.0.0.1 (random port unless given). */
export async function startFakeUpstreams(options: FakeUpstreamsOptions = {}): Promise<FakeUpstreams> {
  const state = new FakeState(options.acceptAnyKey ?? false, options.defaultReply ?? defaultFakeReply);
  const server = createServer((request, response) => {
    handle(state, request, response).catch((error: unknown) => {
      if (!response.headersSent)
        response
          .writeHead(500, { 'content-type': 'application/json' })
          .end(JSON.stringify({ error: `fake failed: ${String(error)}` }));
      else response.destroy();
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const origin = `http://${host}:${port}`;
  return {
    origin,
    baseUrls: {
      openai: `${origin}/openai/v1`,
      anthropic: `${origin}/anthropic`,
      mistral: `${origin}/mistral`,
      dashscope: {
        intl: `${origin}/dashscope-intl/compatible-mode/v1`,
        cn: `${origin}/dashscope-cn/compatible-mode/v1`,
        us: `${origin}/dashscope-us/compatible-mode/v1`,
      },
      ollama: `${origin}/ollama`,
    },
    requests: state.requests,
    get clientAborts() {
      return state.requests.filter((record) => record.closedByClient);
    },
    addKey: (provider, key, region) => state.addKey(provider, key, region),
    setReply: (provider, reply) => state.setReply(provider, reply),
    setModels: (provider, models) => {
      state.models[provider] = models;
    },
    failNext: (provider, route, failure) => state.failNext(provider, route, failure),
    requestsFor: (provider) => state.requests.filter((record) => record.provider === provider),
    waitForClientAbort: (provider, timeoutMs = 5000) => state.waitForClientAbort(provider, timeoutMs),
    reset: () => state.reset(),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
