/**
 * A small HTTP client for tests: keeps the session cookie and CSRF token like a browser would,
 * or sends a Bearer token like a script. Every response body is kept for the canary scan.
 */
export interface TestResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export class TestClient {
  cookie: string | undefined;
  csrfToken: string | undefined;
  bearer: string | undefined;

  constructor(
    readonly baseUrl: string,
    private readonly responses: string[],
  ) {}

  withToken(token: string): TestClient {
    const client = new TestClient(this.baseUrl, this.responses);
    client.bearer = token;
    return client;
  }

  /** A fresh client (another browser) sharing nothing with this one. */
  anonymous(): TestClient {
    return new TestClient(this.baseUrl, this.responses);
  }

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    init: { headers?: Record<string, string>; rawBody?: string } = {},
  ): Promise<TestResponse<T>> {
    const headers: Record<string, string> = { ...init.headers };
    if (body !== undefined || init.rawBody !== undefined) headers['content-type'] ??= 'application/json';
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrfToken && method !== 'GET') headers['x-csrf-token'] ??= this.csrfToken;
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
    const response = await fetch(this.baseUrl + path, {
      method,
      headers,
      body: init.rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0];
    const text = await response.text();
    this.responses.push(text);
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON (SSE, HTML): keep the text
    }
    const csrf = (parsed as { csrfToken?: unknown } | undefined)?.csrfToken;
    if (typeof csrf === 'string') this.csrfToken = csrf;
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = any>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body ?? {});
  }
  put<T = any>(path: string, body?: unknown) {
    return this.request<T>('PUT', path, body ?? {});
  }
  patch<T = any>(path: string, body?: unknown) {
    return this.request<T>('PATCH', path, body ?? {});
  }
  delete<T = any>(path: string) {
    return this.request<T>('DELETE', path);
  }
}
