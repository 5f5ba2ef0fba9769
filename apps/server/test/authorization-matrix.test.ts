import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeUpstreams, type FakeUpstreams } from './fakes/fake-upstreams';
import type { TestApp } from './support/app';
import type { TestClient } from './support/client';
import { createToken } from './support/factories';
import { buildOrgWorld, type OrgWorld } from './support/org-world';
import { startAppWithFakes } from './support/with-fakes';

/**
 * Every route of the server's own route table × every kind of caller → the expected answer.
 * A route added without a line here fails the test; so does any IDOR (another org's or user's
 * object must answer 404, never its data).
 *  ok     the caller gets past authorization (any status but 401/403 and the "not found" that hides an object)
 *  public no authorization at all
 */
type Expect = 'ok' | 'public' | 401 | 403 | 404;
type Caller = 'anonymous' | 'member' | 'otherOrgAdmin' | 'orgAdmin' | 'instanceAdmin';
const callers: Caller[] = ['anonymous', 'member', 'otherOrgAdmin', 'orgAdmin', 'instanceAdmin'];

const row = (anonymous: Expect, member: Expect, otherOrgAdmin: Expect, orgAdmin: Expect, instanceAdmin: Expect) => ({
  anonymous,
  member,
  otherOrgAdmin,
  orgAdmin,
  instanceAdmin,
});
const everyone = row('public', 'public', 'public', 'public', 'public');
const anyUser = row(401, 'ok', 'ok', 'ok', 'ok');
/** Objects owned by the org admin (conversations, tokens): everyone else gets 404. */
const ownedByOrgAdmin = row(401, 404, 404, 'ok', 404);
/** Org A admin routes. The instance admin owns org A; org B's admin is an outsider. */
const orgAdminOnly = row(401, 403, 404, 'ok', 'ok');

const matrix: Record<string, Record<Caller, Expect>> = {
  'GET /': everyone,
  'GET /api/health': everyone,
  'POST /api/auth/setup': everyone,
  'POST /api/auth/login': everyone,
  'POST /api/auth/logout': anyUser,
  'POST /api/auth/password': anyUser,
  'GET /api/me': anyUser,
  'PUT /api/me/last-used': anyUser,
  'PUT /api/me/active-org': anyUser,
  // The callers here are Bearer tokens, and tokens may not mint tokens (browser sessions may).
  'POST /api/tokens': row(401, 403, 403, 403, 403),
  'GET /api/tokens': anyUser,
  'DELETE /api/tokens/:id': ownedByOrgAdmin,
  'GET /api/providers': anyUser,
  'PUT /api/providers/:provider/key': anyUser,
  'DELETE /api/providers/:provider/key': anyUser,
  'GET /api/providers/:provider/models': anyUser,
  'GET /api/providers/:provider/calibration': anyUser,
  'PUT /api/providers/:provider/calibration/:task': anyUser,
  'DELETE /api/providers/:provider/calibration/:task': anyUser,
  'GET /api/conversations': anyUser,
  'POST /api/conversations': anyUser,
  'GET /api/conversations/:id': ownedByOrgAdmin,
  'PATCH /api/conversations/:id': ownedByOrgAdmin,
  'DELETE /api/conversations/:id': ownedByOrgAdmin,
  'POST /api/conversations/:id/messages': ownedByOrgAdmin,
  'POST /api/conversations/:id/messages/:messageId/stop': ownedByOrgAdmin,
  'POST /api/orgs': row(401, 403, 403, 403, 'ok'),
  'GET /api/orgs': anyUser,
  'GET /api/orgs/:org/members': orgAdminOnly,
  'POST /api/orgs/:org/members': orgAdminOnly,
  'PATCH /api/orgs/:org/members/:userId': orgAdminOnly,
  'DELETE /api/orgs/:org/members/:userId': orgAdminOnly,
  'GET /api/orgs/:org/connections': orgAdminOnly,
  'DELETE /api/orgs/:org/connections/:credentialId': orgAdminOnly,
  'GET /api/orgs/:org/audit': orgAdminOnly,
  'GET /api/orgs/:org/providers/:provider/models': orgAdminOnly,
  'PUT /api/orgs/:org/providers/:provider/key': orgAdminOnly,
  'DELETE /api/orgs/:org/providers/:provider/key': orgAdminOnly,
  'GET /api/orgs/:org/policy': row(401, 'ok', 404, 'ok', 'ok'),
  'PUT /api/orgs/:org/policy': orgAdminOnly,
  'PUT /api/orgs/:org/providers/:provider/calibration/:task': orgAdminOnly,
  'DELETE /api/orgs/:org/providers/:provider/calibration/:task': orgAdminOnly,
  'GET /api/usage': anyUser,
  'GET /v1/models': anyUser,
  'POST /v1/chat/completions': anyUser,
  'GET /metrics': everyone,
  'GET /assets/*': everyone,
};

/** The 404s that hide someone else's object, as opposed to "your request named nothing". */
const hidingMessages = new Set(['organisation not found', 'conversation not found', 'token not found']);

describe('authorization matrix', () => {
  let fake: FakeUpstreams;
  let app: TestApp;
  let close: () => Promise<void>;
  let world: OrgWorld;
  const clients = {} as Record<Caller, TestClient>;

  beforeAll(async () => {
    fake = await startFakeUpstreams();
    ({ app, close } = await startAppWithFakes({ fake }));
    world = await buildOrgWorld(app, fake);
    // Bearer tokens: probes like logout must not end the callers' sessions.
    clients.anonymous = app.client.anonymous();
    clients.member = app.client.anonymous().withToken(await createToken(world.memberA.client));
    clients.otherOrgAdmin = app.client.anonymous().withToken(await createToken(world.adminB.client));
    clients.orgAdmin = app.client.anonymous().withToken(await createToken(world.adminA.client));
    clients.instanceAdmin = app.client.anonymous().withToken(await createToken(world.instanceAdmin));
  });
  afterAll(async () => {
    await close();
    await fake.close();
  });

  /** Fresh objects for each probe, so a destructive probe never spoils the next one. */
  async function urlFor(template: string): Promise<string> {
    let url = template.replace(':org', world.orgA).replace(':provider', 'openai').replace(':task', 'title');
    if (url.includes('/api/conversations/:id')) {
      url = url.replace(':id', (await world.adminA.client.post('/api/conversations', { title: 'probe' })).body.id);
    }
    if (url.includes('/api/tokens/:id'))
      url = url.replace(':id', (await world.adminA.client.post('/api/tokens', { name: 'probe' })).body.id);
    if (url.includes(':userId')) {
      const created = await app.server.operator.accounts.createWithOneTimePassword({
        email: `probe-${Math.random().toString(36).slice(2)}@example.com`,
        name: 'Probe',
        orgId: world.orgA,
        role: 'member',
        actorId: null,
      });
      url = url.replace(':userId', created.user.id);
    }
    return url.replace(':messageId', 'no-such-message').replace(':credentialId', 'no-such-credential');
  }

  it('has an entry for every route the server registers, and every org route checks the org role', () => {
    const registered = app.server.routes.map((route) => `${route.method} ${route.url}`);
    expect(registered.filter((key) => !(key in matrix))).toEqual([]);
    expect(Object.keys(matrix).filter((key) => !registered.includes(key))).toEqual([]);
  });

  it('answers every route × caller as expected', async () => {
    const failures: string[] = [];
    for (const route of app.server.routes) {
      const key = `${route.method} ${route.url}`;
      const expected = matrix[key];
      if (!expected) continue;
      for (const caller of callers) {
        const url = await urlFor(route.url);
        const response = await clients[caller].request(
          route.method,
          url,
          route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
        );
        const want = expected[caller];
        const message: unknown = response.body?.error?.message;
        const hidden = response.status === 404 && typeof message === 'string' && hidingMessages.has(message);
        const passed =
          want === 'public'
            ? response.status !== 401 && response.status !== 403
            : want === 'ok'
              ? response.status !== 401 && response.status !== 403 && !hidden
              : want === 404
                ? hidden || (response.status === 404 && route.url.includes(':messageId'))
                : response.status === want;
        if (!passed)
          failures.push(`${key} as ${caller}: expected ${want}, got ${response.status} ${response.text.slice(0, 120)}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
