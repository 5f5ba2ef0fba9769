import { describe, expect, it, vi } from 'vitest';
import { ApiClient } from './client';

function jsonResponse(status: number, body: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' },
  });
}

describe('ApiClient', () => {
  it('sends the CSRF token on writes only, with same-origin credentials', async () => {
    const fetchMock = vi.fn((_input: RequestInfo | URL, _init?: RequestInit) =>
      Promise.resolve(jsonResponse(200, { ok: true })),
    );
    const client = new ApiClient({ fetch: fetchMock });
    client.setCsrfToken('csrf-1');
    await client.get('/api/me');
    await client.post('/api/tokens', { name: 'ci' });
    await client.delete('/api/tokens/1');
    const [getInit, postInit, deleteInit] = fetchMock.mock.calls.map((call) => call[1]);
    expect(new Headers(getInit?.headers).get('X-CSRF-Token')).toBeNull();
    expect(new Headers(postInit?.headers).get('X-CSRF-Token')).toBe('csrf-1');
    expect(new Headers(postInit?.headers).get('Content-Type')).toBe('application/json');
    expect(postInit?.body).toBe('{"name":"ci"}');
    expect(new Headers(deleteInit?.headers).get('X-CSRF-Token')).toBe('csrf-1');
    expect(getInit?.credentials).toBe('same-origin');
  });

  it('throws a typed ApiError and notifies on 401', async () => {
    const client = new ApiClient({
      fetch: () => Promise.resolve(jsonResponse(401, { error: { code: 'unauthorized', message: 'log in' } })),
    });
    const listener = vi.fn();
    client.onUnauthorized(listener);
    await expect(client.get('/api/me')).rejects.toMatchObject({ name: 'ApiError', code: 'unauthorized', status: 401 });
    expect(listener).toHaveBeenCalledOnce();
  });

  it('returns undefined for an empty success body', async () => {
    const client = new ApiClient({ fetch: () => Promise.resolve(new Response(null, { status: 204 })) });
    await expect(client.delete('/api/tokens/1')).resolves.toBeUndefined();
  });

  it('refuses a non-JSON answer to a GET', async () => {
    const client = new ApiClient({
      fetch: () => Promise.resolve(new Response('<html></html>', { headers: { 'content-type': 'text/html' } })),
    });
    await expect(client.get('/api/providers')).rejects.toMatchObject({ code: 'unknown' });
  });

  it('turns a failed fetch into a network error but lets aborts through', async () => {
    const offline = new ApiClient({ fetch: () => Promise.reject(new TypeError('Failed to fetch')) });
    await expect(offline.get('/api/me')).rejects.toMatchObject({ code: 'network', status: 0 });
    const aborted = new ApiClient({ fetch: () => Promise.reject(new DOMException('aborted', 'AbortError')) });
    await expect(aborted.get('/api/me')).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('streams events and rejects pre-stream errors as ApiError', async () => {
    const body = 'event: delta\ndata: {"text":"hi"}\n\nevent: done\ndata: {"messageId":"m","finishReason":"stop"}\n\n';
    const streaming = new ApiClient({
      fetch: () => Promise.resolve(new Response(body, { headers: { 'content-type': 'text/event-stream' } })),
    });
    const events = [];
    for await (const event of await streaming.stream('/x', { content: 'hi' }, new AbortController().signal)) {
      events.push(event.type);
    }
    expect(events).toEqual(['delta', 'done']);

    const refused = new ApiClient({
      fetch: () =>
        Promise.resolve(jsonResponse(409, { error: { code: 'key_required', message: 'connect', provider: 'openai' } })),
    });
    await expect(refused.stream('/x', {}, new AbortController().signal)).rejects.toMatchObject({
      code: 'key_required',
      context: { provider: 'openai' },
    });
  });
});
