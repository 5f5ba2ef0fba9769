import type { FakeUpstreams } from '../fakes/fake-upstreams';
import type { TestApp } from './app';
import { canary } from './canary';
import type { TestClient } from './client';
import { buildUser, setupAdmin } from './factories';

export interface OrgWorld {
  instanceAdmin: TestClient;
  orgA: string;
  orgB: string;
  adminA: { client: TestClient; userId: string };
  memberA: { client: TestClient; userId: string };
  adminB: { client: TestClient; userId: string };
  orgKey: string;
}

/**
 * Two organisations: A (instance admin as owner, an admin and a member) and B (with its own admin,
 * who is not in A). Org A has an OpenAI org key.
 */
export async function buildOrgWorld(app: TestApp, fake: FakeUpstreams): Promise<OrgWorld> {
  const { client: instanceAdmin, me } = await setupAdmin(app);
  const orgA = me.activeOrgId;
  const created = await instanceAdmin.post('/api/orgs', { name: 'Org B' });
  if (created.status !== 201) throw new Error(`org create failed: ${created.text}`);
  const orgB: string = created.body.id;
  const adminA = await buildUser(app, { orgId: orgA, role: 'admin' });
  const memberA = await buildUser(app, { orgId: orgA, role: 'member' });
  const adminB = await buildUser(app, { orgId: orgB, role: 'admin' });
  const orgKey = canary(`sk-proj-org-key-${orgA.slice(0, 8)}-7777`);
  fake.addKey('openai', orgKey);
  const connected = await adminA.client.put(`/api/orgs/${orgA}/providers/openai/key`, { apiKey: orgKey });
  if (connected.status !== 200) throw new Error(`org key connect failed: ${connected.text}`);
  return { instanceAdmin, orgA, orgB, adminA, memberA, adminB, orgKey };
}
