import { Agent, fetch as undiciFetch } from 'undici';

/**
 * The `fetch` every adapter gets in production: undici with a connect timeout and keep-alive
 * pooling. Adapters only see the standard fetch signature, so tests can hand them any fetch.
 * Adapters send JSON text bodies only, which is all this adapter forwards.
 */
export function createUpstreamFetch(connectTimeoutMs: number): typeof globalThis.fetch {
  const agent = new Agent({ connect: { timeout: connectTimeoutMs }, keepAliveTimeout: 10_000, connections: 256 });
  return async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const response = await undiciFetch(url, {
      method: init?.method ?? 'GET',
      headers: Object.fromEntries(new Headers(init?.headers).entries()),
      body: typeof init?.body === 'string' ? init.body : undefined,
      signal: init?.signal ?? undefined,
      dispatcher: agent,
    });
    return response;
  };
}
