import { Agent, request } from 'undici';

/**
 * The `fetch` every adapter gets in production: undici's lower-level `request` (about half the CPU
 * of its WHATWG `fetch`, measured in docs/performance.md) with a connect timeout and keep-alive
 * pooling, wrapped back into a standard `Response`. Adapters only see the fetch signature, so tests
 * can hand them any fetch. Adapters send JSON text bodies only, which is all this forwards.
 */
export function createUpstreamFetch(connectTimeoutMs: number): typeof globalThis.fetch {
  const agent = new Agent({ connect: { timeout: connectTimeoutMs }, keepAliveTimeout: 10_000, connections: 256 });
  return async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const method = init?.method ?? 'GET';
    const response = await request(url, {
      method: method === 'POST' ? 'POST' : 'GET',
      headers: Object.fromEntries(new Headers(init?.headers).entries()),
      body: typeof init?.body === 'string' ? init.body : null,
      signal: init?.signal ?? undefined,
      dispatcher: agent,
    });
    const headers = new Headers();
    for (const [name, value] of Object.entries(response.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const empty = response.statusCode === 204 || response.statusCode === 304 || method === 'HEAD';
    if (empty) response.body.destroy();
    // The Node stream is async-iterable, which Response accepts: it pulls lazily, and cancelling the web
    // stream destroys it, which closes the upstream socket.
    return new Response(empty ? null : response.body, { status: response.statusCode, headers });
  };
}
