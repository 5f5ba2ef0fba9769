import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../src/crypto';
import { startApp, type TestApp } from './support/app';
import { setupAdmin } from './support/factories';

const redisUrl = process.env.CHATSTUDIO_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('scale-out with Redis', () => {
  const apps: TestApp[] = [];
  afterEach(async () => {
    for (const app of apps.splice(0).reverse()) await app.close();
  });

  it('reports Redis in health and shares login rate limits across instances', async () => {
    const prefix = `test-${newId()}:`;
    const first = await startApp({
      env: { REDIS_URL: redisUrl, CHATSTUDIO_REDIS_PREFIX: prefix, CHATSTUDIO_LOGIN_MAX_PER_ACCOUNT: '2' },
    });
    apps.push(first);
    const { email } = await setupAdmin(first);
    const second = await startApp({ reuse: { dataDir: first.dataDir }, env: { ...first.env } });
    apps.push(second);

    expect((await second.client.get('/api/health')).body).toMatchObject({ ok: true, redis: { ok: true } });
    expect((await first.client.anonymous().post('/api/auth/login', { email, password: 'wrong-password' })).status).toBe(
      401,
    );
    expect(
      (await second.client.anonymous().post('/api/auth/login', { email, password: 'wrong-password' })).status,
    ).toBe(401);
    const limited = await first.client.anonymous().post('/api/auth/login', { email, password: 'wrong-password' });
    expect(limited.status).toBe(429);
  });

  it('fails to start with a clear error when Redis is configured but unreachable', async () => {
    await expect(startApp({ env: { REDIS_URL: 'redis://127.0.0.1:1' } })).rejects.toThrow();
  });
});
