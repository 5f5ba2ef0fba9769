import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeUpstreams, type FakeUpstreams } from './fakes/fake-upstreams';
import type { TestApp } from './support/app';
import { canary } from './support/canary';
import type { TestClient } from './support/client';
import { testDatabases } from './support/databases';
import { buildOrgWorld, type OrgWorld } from './support/org-world';
import { sendMessage } from './support/sse';
import { startAppWithFakes } from './support/with-fakes';

async function chat(app: TestApp, client: TestClient, body: Record<string, unknown>) {
  const conversation = await client.post('/api/conversations', { title: 'governed' });
  return sendMessage(app.url, client, conversation.body.id, body);
}

describe.each(testDatabases())('organisations and governance on %s', (database) => {
  let fake: FakeUpstreams;
  let app: TestApp;
  let close: () => Promise<void>;
  let world: OrgWorld;

  beforeAll(async () => {
    fake = await startFakeUpstreams();
    ({ app, close } = await startAppWithFakes({ database, fake }));
    world = await buildOrgWorld(app, fake);
  });
  afterAll(async () => {
    await close();
    await fake.close();
  });

  it('lets a member use the org key without ever seeing it (keyScope org)', async () => {
    const providers = await world.memberA.client.get('/api/providers');
    const openai = providers.body.providers.find((p: { id: string }) => p.id === 'openai');
    expect(openai.credential).toMatchObject({ scope: 'org', hint: `sk-…${world.orgKey.slice(-4)}` });
    expect(providers.text).not.toContain(world.orgKey);
    const result = await chat(app, world.memberA.client, { content: 'hi', provider: 'openai', model: 'gpt-4o-mini' });
    expect(result.events[0]?.data).toMatchObject({ keyScope: 'org' });
  });

  it('manages members: one-time password, roles, the last owner, and who may do what', async () => {
    const { adminA, memberA, orgA, instanceAdmin } = world;
    const added = await adminA.client.post(`/api/orgs/${orgA}/members`, {
      email: 'new.member@example.com',
      name: 'New Member',
    });
    expect(added.status).toBe(201);
    canary(added.body.oneTimePassword, { shownOnceInResponse: true });
    expect(added.body).toMatchObject({
      user: { email: 'new.member@example.com' },
      oneTimePassword: expect.any(String),
    });
    const list = await adminA.client.get(`/api/orgs/${orgA}/members`);
    expect(list.body.members.find((m: { email: string }) => m.email === 'new.member@example.com')).toMatchObject({
      role: 'member',
      mustChangePassword: true,
    });

    expect((await memberA.client.get(`/api/orgs/${orgA}/members`)).status).toBe(403);
    expect(
      (await adminA.client.post(`/api/orgs/${orgA}/members`, { email: 'x@example.com', name: 'X', role: 'owner' }))
        .status,
    ).toBe(403);
    expect(
      (await adminA.client.patch(`/api/orgs/${orgA}/members/${added.body.user.id}`, { role: 'admin' })).status,
    ).toBe(204);

    const me = await instanceAdmin.get('/api/me');
    const ownerId = me.body.user.id;
    const lastOwner = await instanceAdmin.delete(`/api/orgs/${orgA}/members/${ownerId}`);
    expect(lastOwner.status).toBe(409);
    expect((await instanceAdmin.patch(`/api/orgs/${orgA}/members/${ownerId}`, { role: 'member' })).status).toBe(409);
    expect((await adminA.client.delete(`/api/orgs/${orgA}/members/${added.body.user.id}`)).status).toBe(204);
    // An existing account can be added only by the instance administrator (its personal keys would
    // otherwise become visible to any org admin who knows the email).
    const existing = await adminA.client.post(`/api/orgs/${orgA}/members`, {
      email: 'new.member@example.com',
      name: 'X',
    });
    expect(existing.status).toBe(409);
    const readded = await instanceAdmin.post(`/api/orgs/${orgA}/members`, {
      email: 'new.member@example.com',
      name: 'X',
    });
    expect(readded.status).toBe(201);
    expect(readded.body.oneTimePassword).toBeNull();
    expect((await adminA.client.post(`/api/orgs/${orgA}/members`, { email: 'bad', name: 'X' })).status).toBe(400);
  });

  it("hides org A from org B's admin (404), and refuses members on admin routes (403)", async () => {
    const { adminB, memberA, orgA } = world;
    for (const path of [
      `/api/orgs/${orgA}/members`,
      `/api/orgs/${orgA}/policy`,
      `/api/orgs/${orgA}/audit`,
      `/api/orgs/${orgA}/connections`,
    ]) {
      expect((await adminB.client.get(path)).status).toBe(404);
    }
    expect(
      (await adminB.client.put(`/api/orgs/${orgA}/policy`, { approvedProviders: null, allowPersonalKeys: true }))
        .status,
    ).toBe(404);
    expect(
      (await memberA.client.put(`/api/orgs/${orgA}/policy`, { approvedProviders: null, allowPersonalKeys: true }))
        .status,
    ).toBe(403);
    expect((await memberA.client.get(`/api/orgs/${orgA}/policy`)).status).toBe(200);
    expect((await memberA.client.post('/api/orgs', { name: 'nope' })).status).toBe(403);
  });

  it('enforces provider approval and model allowlists everywhere, with a clear reason', async () => {
    const { adminA, memberA, orgA } = world;
    const saved = await adminA.client.put(`/api/orgs/${orgA}/policy`, {
      approvedProviders: ['openai', 'ollama'],
      allowPersonalKeys: true,
      allowedModels: { openai: ['gpt-4o-mini', 'gpt-4.1-nano'] },
    });
    expect(saved.status).toBe(200);
    const providers = (await memberA.client.get('/api/providers')).body.providers;
    expect(providers.find((p: { id: string }) => p.id === 'anthropic')).toMatchObject({
      approved: false,
      reason: 'Anthropic is not approved by your organisation',
    });
    const blocked = await chat(app, memberA.client, { content: 'x', provider: 'anthropic' });
    expect(blocked).toMatchObject({ status: 403, error: { code: 'provider_not_approved', provider: 'anthropic' } });
    expect((await memberA.client.get('/api/providers/anthropic/models')).body.error.code).toBe('provider_not_approved');
    expect(
      (await memberA.client.put('/api/providers/anthropic/key', { apiKey: 'sk-ant-api03-whatever-1' })).status,
    ).toBe(403);

    const models = await memberA.client.get('/api/providers/openai/models');
    expect(models.body.models.map((m: { id: string }) => m.id).sort()).toEqual(['gpt-4.1-nano', 'gpt-4o-mini']);
    // Admins editing the allowlist see the org's full list; members may not ask for it.
    const full = await adminA.client.get(`/api/orgs/${orgA}/providers/openai/models`);
    expect(full.body.models.map((m: { id: string }) => m.id)).toContain('o4-mini');
    expect((await memberA.client.get(`/api/orgs/${orgA}/providers/openai/models`)).status).toBe(403);
    const disallowed = await chat(app, memberA.client, { content: 'x', provider: 'openai', model: 'o4-mini' });
    expect(disallowed).toMatchObject({ status: 403, error: { code: 'model_not_allowed' } });
    const calibration = await memberA.client.put('/api/providers/openai/calibration/reason', { model: 'o4-mini' });
    expect(calibration.status).toBe(403);
    expect(calibration.body.error.code).toBe('model_not_allowed');

    expect(
      (await adminA.client.put(`/api/orgs/${orgA}/policy`, { approvedProviders: ['nope'], allowPersonalKeys: true }))
        .status,
    ).toBe(400);
    expect(
      (
        await adminA.client.put(`/api/orgs/${orgA}/policy`, {
          approvedProviders: null,
          allowPersonalKeys: true,
          monthlyTokenBudget: 0,
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await adminA.client.put(`/api/orgs/${orgA}/policy`, {
          approvedProviders: null,
          allowPersonalKeys: true,
          memberMonthlyTokenBudget: -5,
        })
      ).status,
    ).toBe(400);
    await adminA.client.put(`/api/orgs/${orgA}/policy`, { approvedProviders: null, allowPersonalKeys: true });
  });

  it('uses personal keys only when the policy allows them; otherwise the org key', async () => {
    const { adminA, memberA, orgA } = world;
    const personal = canary(`sk-proj-member-personal-${database}-5151`);
    fake.addKey('openai', personal);
    expect((await memberA.client.put('/api/providers/openai/key', { apiKey: personal })).status).toBe(200);
    expect(
      (await chat(app, memberA.client, { content: 'x', provider: 'openai', model: 'gpt-4o-mini' })).events[0]?.data
        .keyScope,
    ).toBe('user');
    await adminA.client.put(`/api/orgs/${orgA}/policy`, { approvedProviders: null, allowPersonalKeys: false });
    expect(
      (await chat(app, memberA.client, { content: 'x', provider: 'openai', model: 'gpt-4o-mini' })).events[0]?.data
        .keyScope,
    ).toBe('org');
    const refused = await memberA.client.put('/api/providers/openai/key', { apiKey: personal });
    expect(refused.status).toBe(403);
    expect(refused.body.error.reason).toBe('personal_keys_disabled');
    await adminA.client.put(`/api/orgs/${orgA}/policy`, { approvedProviders: null, allowPersonalKeys: true });

    const connections = await adminA.client.get(`/api/orgs/${orgA}/connections`);
    const memberConnection = connections.body.connections.find(
      (c: { owner: { kind: string; userId?: string } }) =>
        c.owner.kind === 'member' && c.owner.userId === memberA.userId,
    );
    expect(memberConnection).toMatchObject({ provider: 'openai', scope: 'user', hint: 'sk-…5151' });
    expect(connections.body.connections.find((c: { owner: { kind: string } }) => c.owner.kind === 'org')).toMatchObject(
      { provider: 'openai', scope: 'org' },
    );
    expect(connections.text).not.toContain(personal);
    expect(
      (await world.adminB.client.delete(`/api/orgs/${world.orgB}/connections/${memberConnection.id}`)).status,
    ).toBe(404);
    expect((await adminA.client.delete(`/api/orgs/${orgA}/connections/${memberConnection.id}`)).status).toBe(204);
    expect(
      (await memberA.client.get('/api/providers')).body.providers.find((p: { id: string }) => p.id === 'openai')
        .credential.scope,
    ).toBe('org');
  });

  it('binds org keys to their org: a ciphertext copied to another org fails to open', async () => {
    const { orgA, orgB, adminB } = world;
    const row = await app.server.db.kysely
      .selectFrom('credentials')
      .selectAll()
      .where('scope', '=', 'org')
      .where('owner_id', '=', orgA)
      .executeTakeFirstOrThrow();
    await app.server.db.kysely
      .insertInto('credentials')
      .values({ ...row, id: `copied-${database}`, owner_id: orgB })
      .execute();
    const result = await chat(app, adminB.client, { content: 'x', provider: 'openai', model: 'gpt-4o-mini' });
    expect(result.status).toBe(500);
    expect(result.error).toMatchObject({
      code: 'internal',
      message: 'a stored key could not be opened; an operator must check the master keys',
    });
    await app.server.db.kysely.deleteFrom('credentials').where('id', '=', `copied-${database}`).execute();
  });

  it('applies org calibration below the member’s own override', async () => {
    const { adminA, memberA, orgA } = world;
    const saved = await adminA.client.put(`/api/orgs/${orgA}/providers/openai/calibration/code`, {
      model: 'gpt-4.1-nano',
      temperature: 0.1,
    });
    expect(saved.status).toBe(200);
    const view = await memberA.client.get('/api/providers/openai/calibration');
    expect(view.body.tasks.code).toMatchObject({
      org: { model: 'gpt-4.1-nano' },
      effective: { model: 'gpt-4.1-nano', resolvedBy: 'org_calibration' },
    });
    await memberA.client.put('/api/providers/openai/calibration/code', { model: 'gpt-4o-mini' });
    expect((await memberA.client.get('/api/providers/openai/calibration')).body.tasks.code.effective).toEqual({
      model: 'gpt-4o-mini',
      resolvedBy: 'user_calibration',
    });
    await memberA.client.delete('/api/providers/openai/calibration/code');
    expect(
      (await memberA.client.put(`/api/orgs/${orgA}/providers/openai/calibration/code`, { model: 'gpt-4o-mini' }))
        .status,
    ).toBe(403);
    expect((await adminA.client.delete(`/api/orgs/${orgA}/providers/openai/calibration/code`)).status).toBe(204);
  });

  it('stops calls at the member budget, even under many concurrent calls, and says why', async () => {
    const { adminA, memberA, orgA } = world;
    fake.setReply('openai', { text: 'ok', usage: { inputTokens: 10, outputTokens: 10 } });
    const budget = 300;
    await adminA.client.put(`/api/orgs/${orgA}/policy`, {
      approvedProviders: null,
      allowPersonalKeys: true,
      memberMonthlyTokenBudget: budget,
    });
    await memberA.client.put('/api/providers/openai/calibration/chat', { model: 'gpt-4o-mini', maxOutputTokens: 100 });
    const results = await Promise.all(
      Array.from({ length: 30 }, () => chat(app, memberA.client, { content: 'spend', provider: 'openai' })),
    );
    const refused = results.filter((r) => r.status === 429);
    const served = results.filter((r) => r.status === 200);
    expect(refused.length).toBeGreaterThan(0);
    expect(served.length).toBeGreaterThan(0);
    expect(refused[0]?.error).toMatchObject({
      code: 'budget_exceeded',
      budget,
      period: expect.stringMatching(/^\d{4}-\d{2}$/),
    });
    expect(String(refused[0]?.error?.message)).toContain(`${budget} tokens`);
    const counter = await app.server.db.kysely
      .selectFrom('budget_counters')
      .selectAll()
      .where('scope', '=', 'user')
      .where('owner_id', '=', `${orgA}:${memberA.userId}`)
      .executeTakeFirstOrThrow();
    expect(counter.reserved_tokens).toBe(0);
    expect(counter.used_tokens).toBeLessThanOrEqual(budget);
    expect(counter.used_tokens).toBe(served.length * 20);
    await memberA.client.delete('/api/providers/openai/calibration/chat');
    await adminA.client.put(`/api/orgs/${orgA}/policy`, { approvedProviders: null, allowPersonalKeys: true });
  });

  it('reports usage: the caller’s own, and the whole org for admins', async () => {
    const mine = await world.memberA.client.get('/api/usage');
    expect(mine.status).toBe(200);
    expect(mine.body.rows.every((r: { userId: string }) => r.userId === world.memberA.userId)).toBe(true);
    expect(mine.body.totals.calls).toBeGreaterThan(0);
    const org = await world.adminA.client.get('/api/usage?scope=org');
    expect(org.status).toBe(200);
    expect(new Set(org.body.rows.map((r: { userId: string }) => r.userId)).size).toBeGreaterThan(0);
    expect(org.body.rows[0]).toMatchObject({
      provider: expect.any(String),
      model: expect.any(String),
      task: expect.any(String),
      day: expect.any(String),
      userName: expect.any(String),
    });
    expect((await world.memberA.client.get('/api/usage?scope=org')).status).toBe(403);
    expect((await world.memberA.client.get('/api/usage?from=2026-13-99')).status).toBe(400);
  });

  it('shows the audit log newest first, filterable and paginated, never with a key', async () => {
    const { adminA, orgA, memberA } = world;
    const all = await adminA.client.get(`/api/orgs/${orgA}/audit?limit=3`);
    expect(all.status).toBe(200);
    expect(all.body.entries).toHaveLength(3);
    expect(all.body.entries[0].seq).toBeGreaterThan(all.body.entries[1].seq);
    expect(all.body.next).toEqual(expect.any(Number));
    const next = await adminA.client.get(`/api/orgs/${orgA}/audit?limit=3&before=${all.body.next}`);
    expect(next.body.entries[0].seq).toBeLessThan(all.body.entries[2].seq);
    const policyChanges = await adminA.client.get(`/api/orgs/${orgA}/audit?action=policy.changed`);
    expect(policyChanges.body.entries.length).toBeGreaterThan(0);
    expect(policyChanges.body.entries[0]).toMatchObject({
      action: 'policy.changed',
      actor: { name: expect.any(String) },
      diff: expect.any(Object),
    });
    const everything = await adminA.client.get(`/api/orgs/${orgA}/audit?limit=200`);
    const actions = new Set(everything.body.entries.map((e: { action: string }) => e.action));
    for (const action of [
      'key.connected',
      'key.removed',
      'policy.changed',
      'calibration.saved',
      'member.added',
      'member.removed',
      'member.role_changed',
    ]) {
      expect(actions).toContain(action);
    }
    expect(everything.text).not.toContain(world.orgKey);
    expect((await memberA.client.get(`/api/orgs/${orgA}/audit`)).status).toBe(403);
    expect(await app.server.audit.verify()).toMatchObject({ problems: [] });
  });

  it('lets a person in several organisations switch between them', async () => {
    const { instanceAdmin, orgA, orgB } = world;
    const orgs = await instanceAdmin.get('/api/orgs');
    expect(orgs.body.orgs.map((o: { id: string }) => o.id).sort()).toEqual([orgA, orgB].sort());
    const switched = await instanceAdmin.put('/api/me/active-org', { orgId: orgB });
    expect(switched.body.activeOrgId).toBe(orgB);
    expect((await instanceAdmin.get('/api/me')).body.activeOrgId).toBe(orgB);
    expect((await world.memberA.client.put('/api/me/active-org', { orgId: orgB })).status).toBe(404);
    await instanceAdmin.put('/api/me/active-org', { orgId: orgA });
  });
});
