/**
 * A scripted stand-in for the ChatStudio HTTP contract (spec §6), for jsdom smoke tests of the whole
 * app. Only what the tests drive is implemented; every request is recorded for assertions.
 */
import type { MeResponse, ProviderState } from '@chatstudio/contract';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Headers;
  body: unknown;
}

type Handler = (request: RecordedRequest) => Response | Promise<Response>;

export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

export function apiError(status: number, code: string, message: string, extra: Record<string, unknown> = {}) {
  return json(status, { error: { code, message, ...extra } });
}

/** An SSE response whose events the test pushes one by one. */
export function controllableStream() {
  const encoder = new TextEncoder();
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  const stream = new ReadableStream<Uint8Array>({
    start(streamController) {
      controller = streamController;
    },
  });
  return {
    response: () => new Response(stream, { status: 200, headers: { 'content-type': 'text/event-stream' } }),
    send: (event: string, data: unknown) =>
      controller?.enqueue(encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)),
    comment: () => controller?.enqueue(encoder.encode(': keep-alive\n\n')),
    close: () => controller?.close(),
  };
}

export function me(overrides: Partial<MeResponse> = {}): MeResponse {
  return {
    user: { id: 'u1', email: 'ada@example.com', name: 'Ada', role: 'admin', mustChangePassword: false },
    orgs: [{ id: 'o1', name: "Ada's organisation", role: 'owner' }],
    activeOrgId: 'o1',
    lastUsed: null,
    csrfToken: 'csrf-1',
    ...overrides,
  };
}

export function providerList(): ProviderState[] {
  return [
    {
      id: 'openai',
      name: 'OpenAI',
      requiresKey: true,
      approved: true,
      credential: null,
      personalKeysAllowed: true,
    },
    {
      id: 'anthropic',
      name: 'Anthropic',
      requiresKey: true,
      approved: false,
      reason: 'not approved by your organisation',
      credential: null,
      personalKeysAllowed: true,
    },
    {
      id: 'ollama',
      name: 'Ollama',
      requiresKey: false,
      approved: true,
      credential: null,
      personalKeysAllowed: true,
      reachable: true,
    },
  ];
}

export class FakeServer {
  readonly requests: RecordedRequest[] = [];
  private readonly routes = new Map<string, Handler>();

  /** `route('GET /api/me', handler)`; a later registration replaces an earlier one. */
  route(key: string, handler: Handler): this {
    this.routes.set(key, handler);
    return this;
  }

  readonly fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const path = url.replace(/^https?:\/\/[^/]+/, '');
    const method = (init.method ?? 'GET').toUpperCase();
    const text = typeof init.body === 'string' ? init.body : undefined;
    const request: RecordedRequest = {
      method,
      path,
      headers: new Headers(init.headers),
      body: text === undefined ? undefined : (JSON.parse(text) as unknown),
    };
    this.requests.push(request);
    const handler = this.routes.get(`${method} ${path.split('?')[0] ?? path}`);
    if (!handler) return apiError(404, 'not_found', `no fake route for ${method} ${path}`);
    if (init.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    return handler(request);
  };

  find(method: string, path: string): RecordedRequest | undefined {
    return this.requests.find((request) => request.method === method && request.path === path);
  }
}
