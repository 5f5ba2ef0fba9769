import { ApiError, parseApiError, readJsonSafely } from './api-error';
import { readEventStream } from './sse';
import type { StreamEvent } from './types';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const unsafeMethods: ReadonlySet<Method> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal;
  /** Extra headers, e.g. `Accept: text/event-stream`. */
  headers?: Record<string, string>;
}

export interface ApiClientOptions {
  /** Prefix for every path; empty means same origin. */
  baseUrl?: string;
  fetch?: typeof fetch;
}

/**
 * The browser's one door to the HTTP contract (spec §6): same-origin cookies, the CSRF header on every
 * write, and `{error: {code, message}}` bodies turned into `ApiError`s. The CSRF token lives only in
 * memory; it comes from `GET /api/me`, setup and login.
 */
export class ApiClient {
  private csrfToken: string | null = null;
  private readonly unauthorizedListeners = new Set<() => void>();
  private readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch;

  constructor(options: ApiClientOptions = {}) {
    this.baseUrl = options.baseUrl ?? '';
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  }

  setCsrfToken(token: string | null): void {
    this.csrfToken = token;
  }

  /** Called on any 401: the session ended (expired, logged out elsewhere). Returns an unsubscribe. */
  onUnauthorized(listener: () => void): () => void {
    this.unauthorizedListeners.add(listener);
    return () => this.unauthorizedListeners.delete(listener);
  }

  get<T>(path: string, signal?: AbortSignal): Promise<T> {
    return this.request<T>('GET', path, { signal });
  }

  post<T>(path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
    return this.request<T>('POST', path, { body, signal });
  }

  put<T>(path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
    return this.request<T>('PUT', path, { body, signal });
  }

  patch<T>(path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
    return this.request<T>('PATCH', path, { body, signal });
  }

  delete<T = void>(path: string, signal?: AbortSignal): Promise<T> {
    return this.request<T>('DELETE', path, { signal });
  }

  /**
   * Sends a request and returns the parsed JSON body (or `undefined` for an empty body). The body is
   * trusted to match `T`: the server and this client share `@chatstudio/contract`.
   */
  async request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
    const response = await this.send(method, path, options);
    const body = await readJsonSafely(response);
    // A GET always answers JSON; anything else (e.g. an HTML page from a proxy) is not our API.
    if (method === 'GET' && body === undefined) {
      throw new ApiError('unknown', 'the server answered with something other than JSON', response.status);
    }
    return body as T;
  }

  /**
   * Posts a message and yields the reply's stream events (spec §6). Errors before the stream starts
   * (e.g. 409 `key_required`) reject as `ApiError`; errors after it are `error` events.
   */
  async stream(path: string, body: unknown, signal: AbortSignal): Promise<AsyncGenerator<StreamEvent, void>> {
    const response = await this.send('POST', path, {
      body,
      signal,
      headers: { Accept: 'text/event-stream' },
    });
    if (!response.body) throw new ApiError('unknown', 'the server sent no reply stream', response.status);
    return readEventStream(response.body, signal);
  }

  private async send(method: Method, path: string, options: RequestOptions): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if (unsafeMethods.has(method) && this.csrfToken) headers['X-CSRF-Token'] = this.csrfToken;
    let response: Response;
    try {
      response = await this.fetchImpl(this.baseUrl + path, {
        method,
        headers,
        credentials: 'same-origin',
        cache: 'no-store',
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: options.signal,
      });
    } catch (error) {
      if (isAbort(error)) throw error;
      throw new ApiError('network', 'could not reach the server; check your connection', 0);
    }
    if (!response.ok) {
      const error = parseApiError(response.status, await readJsonSafely(response));
      if (response.status === 401) for (const listener of this.unauthorizedListeners) listener();
      throw error;
    }
    return response;
  }
}

/** True for the rejection of an aborted fetch or stream read, which callers treat as "stopped", not failed. */
export function isAbort(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'name' in error && error.name === 'AbortError';
}

/** Encodes one path segment (ids come from the server, but never trust them to be URL-safe). */
export const segment = (value: string): string => encodeURIComponent(value);

/** The app's shared client. */
export const api = new ApiClient();
