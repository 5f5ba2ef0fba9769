import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeUpstreams, type FakeUpstreams } from './fakes/fake-upstreams';
import type { TestApp } from './support/app';
import { canary } from './support/canary';
import { setupAdmin } from './support/factories';
import { readSse } from './support/sse';
import { startAppWithFakes } from './support/with-fakes';

describe('Prometheus metrics', () => {
  let fake: FakeUpstreams;
  let app: TestApp;
  let close: () => Promise<void>;
  const key = canary('sk-proj-metrics-canary-31337');
  const metricsToken = 'metrics-token-0123456789abcdef';

  beforeAll(async () => {
    fake = await startFakeUpstreams();
    ({ app, close } = await startAppWithFakes({ fake, env: { CHATSTUDIO_METRICS_TOKEN: metricsToken } }));
    await setupAdmin(app);
    fake.addKey('openai', key);
    await app.client.put('/api/providers/openai/key', { apiKey: key });
    const conversation = await app.client.post('/api/conversations', { title: 'metrics' });
    const response = await fetch(`${app.url}/api/conversations/${conversation.body.id}/messages`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: app.client.cookie ?? '',
        'x-csrf-token': app.client.csrfToken ?? '',
      },
      body: JSON.stringify({ content: 'secret user content 4242', provider: 'openai', model: 'gpt-4o-mini' }),
    });
    await readSse(response);
    fake.failNext('openai', 'chat', { kind: 'bad-key' });
    const failing = await fetch(`${app.url}/api/conversations/${conversation.body.id}/messages`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: app.client.cookie ?? '',
        'x-csrf-token': app.client.csrfToken ?? '',
      },
      body: JSON.stringify({ content: 'again', provider: 'openai', model: 'gpt-4o-mini' }),
    });
    await readSse(failing);
  });
  afterAll(async () => {
    await close();
    await fake.close();
  });

  it('serves requests, upstream latency and TTFT histograms, tokens and errors by provider and code', async () => {
    expect((await app.client.anonymous().get('/metrics')).status).toBe(403);
    const response = await app.client
      .anonymous()
      .request('GET', '/metrics', undefined, { headers: { authorization: `Bearer ${metricsToken}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = response.text;
    expect(text).toMatch(
      /chatstudio_http_requests_total\{method="PUT",route="\/api\/providers\/:provider\/key",status="200"\} 1/,
    );
    expect(text).toMatch(
      /chatstudio_upstream_duration_seconds_bucket\{le="[^"]+",provider="openai",source="chat",outcome="complete"\}/,
    );
    expect(text).toMatch(/chatstudio_upstream_time_to_first_token_seconds_count\{provider="openai",source="chat"\} 1/);
    expect(text).toMatch(/chatstudio_tokens_total\{provider="openai",direction="output"\} \d+/);
    expect(text).toMatch(/chatstudio_upstream_errors_total\{provider="openai",code="key_invalid"\} 1/);
    expect(text).not.toContain('secret user content');
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it('is closed to other addresses without the token', async () => {
    // Connecting from 127.0.0.2 is "another host" to the server, which trusts 127.0.0.1 and ::1 only.
    const fromElsewhere = (authorization?: string) =>
      new Promise<number>((resolve, reject) => {
        const request = http.get(
          `${app.url}/metrics`,
          { localAddress: '127.0.0.2', headers: authorization ? { authorization } : {} },
          (response) => {
            response.resume();
            resolve(response.statusCode ?? 0);
          },
        );
        request.on('error', reject);
      });
    expect(await fromElsewhere()).toBe(403);
    expect(await fromElsewhere('Bearer wrong-token-0123456789')).toBe(403);
    expect(await fromElsewhere(`Bearer ${metricsToken}`)).toBe(200);
  });
});
