import type { TestApp } from './app';
import { canary } from './canary';
import type { TestClient } from './client';

let sequence = 0;

/** Creates the instance admin through the real setup route; the client is then signed in. */
export async function setupAdmin(app: TestApp, overrides: { email?: string; password?: string; name?: string } = {}) {
  const password = canary(overrides.password ?? `admin-password-${++sequence}-${Date.now()}`);
  const email = overrides.email ?? 'admin@example.com';
  const response = await app.client.post('/api/auth/setup', { email, password, name: overrides.name ?? 'Ada Admin' });
  if (response.status !== 201) throw new Error(`setup failed: ${response.status} ${response.text}`);
  return { client: app.client, email, password, me: response.body as { user: { id: string }; activeOrgId: string } };
}

/**
 * Creates another user in an org through the operator path (what `chatstudio users create` does),
 * then signs them in and sets their own password, as a real person would.
 */
export async function buildUser(
  app: TestApp,
  options: { orgId: string; role?: 'owner' | 'admin' | 'member'; email?: string },
) {
  const email = options.email ?? `user${++sequence}@example.com`;
  const created = await app.server.operator.accounts.createWithOneTimePassword({
    email,
    name: `User ${sequence}`,
    orgId: options.orgId,
    role: options.role ?? 'member',
    actorId: null,
  });
  canary(created.oneTimePassword);
  const client = app.client.anonymous();
  const login = await client.post('/api/auth/login', { email, password: created.oneTimePassword });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${login.text}`);
  const password = canary(`member-password-${sequence}-${Date.now()}`);
  const change = await client.post('/api/auth/password', {
    currentPassword: created.oneTimePassword,
    newPassword: password,
  });
  if (change.status !== 204) throw new Error(`password change failed: ${change.status} ${change.text}`);
  await client.get('/api/me');
  return { client, email, password, userId: created.user.id };
}

export async function createToken(client: TestClient, name = 'script'): Promise<string> {
  const response = await client.post('/api/tokens', { name });
  if (response.status !== 201) throw new Error(`token create failed: ${response.status} ${response.text}`);
  return (response.body as { token: string }).token;
}
