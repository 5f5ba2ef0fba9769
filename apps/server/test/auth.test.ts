import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from './support/app';
import { testDatabases } from './support/databases';
import { buildUser, createToken, setupAdmin } from './support/factories';

describe.each(testDatabases())('accounts and tokens on %s', (database) => {
  let app: TestApp;
  afterEach(async () => {
    await app.close();
  });

  it('reports health without auth, naming the database', async () => {
    app = await startApp({ database });
    const health = await app.client.get('/api/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({
      ok: true,
      version: expect.any(String),
      db: { ok: true, dialect: database },
      redis: null,
    });
  });

  it('sets up the first admin once, with their first organisation', async () => {
    app = await startApp({ database });
    const { me } = await setupAdmin(app);
    expect(me).toMatchObject({
      user: { email: 'admin@example.com', name: 'Ada Admin', role: 'admin' },
      orgs: [{ name: "Ada Admin's organisation", role: 'owner' }],
      lastUsed: null,
      csrfToken: expect.any(String),
    });
    expect(me.activeOrgId).toBe((me as unknown as { orgs: { id: string }[] }).orgs[0]?.id);
    const again = await app.client
      .anonymous()
      .post('/api/auth/setup', { email: 'b@example.com', password: 'another-password', name: 'B' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('conflict');
  });

  it('sets an HttpOnly, SameSite session cookie, and logs out', async () => {
    app = await startApp({ database });
    const response = await app.client.post('/api/auth/setup', {
      email: 'a@example.com',
      password: 'a-long-password',
      name: 'A',
    });
    expect(response.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    expect(response.headers.get('set-cookie')).toMatch(/SameSite=Strict/i);
    expect((await app.client.get('/api/me')).status).toBe(200);
    expect((await app.client.post('/api/auth/logout')).status).toBe(204);
    expect((await app.client.get('/api/me')).status).toBe(401);
  });

  it('answers a wrong password and an unknown account with the same 401', async () => {
    app = await startApp({ database });
    const { email } = await setupAdmin(app);
    const anonymous = app.client.anonymous();
    const wrong = await anonymous.post('/api/auth/login', { email, password: 'wrong-password' });
    const unknown = await anonymous.post('/api/auth/login', {
      email: 'nobody@example.com',
      password: 'wrong-password',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
  });

  it('rate-limits login attempts per account with 429 rate_limited', async () => {
    app = await startApp({ database, env: { CHATSTUDIO_LOGIN_MAX_PER_ACCOUNT: '3' } });
    const { email, password } = await setupAdmin(app);
    const anonymous = app.client.anonymous();
    for (let attempt = 0; attempt < 3; attempt++) {
      expect((await anonymous.post('/api/auth/login', { email, password: 'wrong-password' })).status).toBe(401);
    }
    const limited = await anonymous.post('/api/auth/login', { email, password });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
  });

  it('counts a burst of parallel guesses before checking any of them', async () => {
    app = await startApp({ database, env: { CHATSTUDIO_LOGIN_MAX_PER_ACCOUNT: '3' } });
    const { email } = await setupAdmin(app);
    const anonymous = app.client.anonymous();
    const statuses = await Promise.all(
      Array.from({ length: 10 }, () =>
        anonymous.post('/api/auth/login', { email, password: 'wrong-password' }).then((r) => r.status),
      ),
    );
    expect(statuses.filter((status) => status === 401)).toHaveLength(3);
    expect(statuses.filter((status) => status === 429)).toHaveLength(7);
  });

  it('rate-limits login attempts per IP across accounts', async () => {
    app = await startApp({ database, env: { CHATSTUDIO_LOGIN_MAX_PER_IP: '4' } });
    await setupAdmin(app);
    const anonymous = app.client.anonymous();
    for (let attempt = 0; attempt < 4; attempt++) {
      await anonymous.post('/api/auth/login', { email: `guess${attempt}@example.com`, password: 'wrong-password' });
    }
    const limited = await anonymous.post('/api/auth/login', {
      email: 'admin@example.com',
      password: 'whatever-password',
    });
    expect(limited.status).toBe(429);
  });

  it('refuses a cookie-session write without the CSRF token', async () => {
    app = await startApp({ database });
    await setupAdmin(app);
    const missing = await app.client.request('POST', '/api/tokens', { name: 'x' }, { headers: { 'x-csrf-token': '' } });
    expect(missing.status).toBe(403);
    expect(missing.body.error.code).toBe('forbidden');
    const wrong = await app.client.request(
      'POST',
      '/api/tokens',
      { name: 'x' },
      { headers: { 'x-csrf-token': 'nope' } },
    );
    expect(wrong.status).toBe(403);
    expect((await app.client.post('/api/tokens', { name: 'x' })).status).toBe(201);
  });

  it('creates, lists and revokes personal access tokens; the value is shown once', async () => {
    app = await startApp({ database });
    await setupAdmin(app);
    const created = await app.client.post('/api/tokens', { name: 'ci script' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(String), name: 'ci script', token: expect.stringMatching(/^csk_/) });
    const token: string = created.body.token;

    const list = await app.client.get('/api/tokens');
    expect(list.body.tokens).toEqual([
      {
        id: created.body.id,
        name: 'ci script',
        hint: `csk_…${token.slice(-4)}`,
        createdAt: expect.any(String),
        lastUsedAt: null,
      },
    ]);
    expect(list.text).not.toContain(token);

    const script = app.client.anonymous().withToken(token);
    const me = await script.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ user: { email: 'admin@example.com' }, csrfToken: null });
    // Scripts write without a CSRF token…
    expect((await script.put('/api/me/last-used', { provider: 'openai', model: 'gpt-4o-mini' })).status).toBe(200);
    // …but a token cannot mint more tokens (a leaked one could outlive its revocation).
    expect((await script.post('/api/tokens', { name: 'minted by a token' })).status).toBe(403);
    expect((await app.client.get('/api/tokens')).body.tokens[0].lastUsedAt).toEqual(expect.any(String));

    expect((await app.client.delete(`/api/tokens/${created.body.id}`)).status).toBe(204);
    const revoked = await script.get('/api/me');
    expect(revoked.status).toBe(401);
    expect(revoked.body.error.code).toBe('unauthorized');
    expect((await app.client.anonymous().withToken('csk_unknown').get('/api/me')).status).toBe(401);
  });

  it('stores tokens only as hashes', async () => {
    app = await startApp({ database });
    await setupAdmin(app);
    const token = await createToken(app.client);
    const rows = await app.server.db.kysely.selectFrom('api_tokens').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it("answers another user's token with 404, and never revokes it", async () => {
    app = await startApp({ database });
    const { me } = await setupAdmin(app);
    const member = await buildUser(app, { orgId: me.activeOrgId });
    const memberToken = await member.client.post('/api/tokens', { name: 'mine' });
    const attempt = await app.client.delete(`/api/tokens/${memberToken.body.id}`);
    expect(attempt.status).toBe(404);
    expect(attempt.body.error.code).toBe('not_found');
    expect((await member.client.get('/api/tokens')).body.tokens).toHaveLength(1);
    expect((await app.client.get('/api/tokens')).body.tokens).toHaveLength(0);
  });

  it('makes a user with a one-time password change it before anything else', async () => {
    app = await startApp({ database });
    const { me } = await setupAdmin(app);
    const created = await app.server.operator.accounts.createWithOneTimePassword({
      email: 'new@example.com',
      name: 'New',
      orgId: me.activeOrgId,
      role: 'member',
      actorId: null,
    });
    const client = app.client.anonymous();
    const login = await client.post('/api/auth/login', { email: 'new@example.com', password: created.oneTimePassword });
    expect(login.body.user.mustChangePassword).toBe(true);
    const blocked = await client.post('/api/tokens', { name: 'x' });
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.reason).toBe('password_change_required');
    const weak = await client.post('/api/auth/password', {
      currentPassword: created.oneTimePassword,
      newPassword: 'short',
    });
    expect(weak.status).toBe(400);
    expect(
      (
        await client.post('/api/auth/password', {
          currentPassword: created.oneTimePassword,
          newPassword: 'a-new-long-password',
        })
      ).status,
    ).toBe(204);
    expect((await client.post('/api/tokens', { name: 'x' })).status).toBe(201);
  });

  it('answers malformed JSON, oversized bodies and unknown routes with clear JSON errors', async () => {
    app = await startApp({ database, env: { CHATSTUDIO_BODY_LIMIT_BYTES: '2048' } });
    const malformed = await app.client.request('POST', '/api/auth/login', undefined, { rawBody: '{"email": ' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toEqual({ code: 'bad_request', message: 'request body is not valid JSON' });

    const huge = await app.client.post('/api/auth/login', { email: 'a@example.com', password: 'x'.repeat(4096) });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('payload_too_large');

    const invalid = await app.client.post('/api/auth/setup', {
      email: 'not-an-email',
      password: 'long-enough-pass',
      name: 'X',
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.message).toMatch(/email/);

    const unknown = await app.client.get('/api/nope');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('not_found');

    for (const response of [malformed, huge, invalid, unknown]) {
      expect(response.text).not.toMatch(/at .*\.ts:\d+|select |insert into/i);
      expect(response.headers.get('x-request-id')).toBeTruthy();
    }
  });

  it('writes request ids in every request log line and never logs the password', async () => {
    app = await startApp({ database });
    await setupAdmin(app);
    const requestLines = app.logs.filter((line) => line.includes('"msg":"request"'));
    expect(requestLines.length).toBeGreaterThan(0);
    for (const line of requestLines) expect(JSON.parse(line)).toHaveProperty('reqId');
  });
});
