/**
 * A stateful fake of the organisation endpoints (spec §6–7) for jsdom tests of the admin area, on top
 * of the shared `FakeServer`. It keeps just enough rules to exercise the UI's error paths: the last
 * owner can't be demoted or removed (409), only owners touch the owner role (403), bad budgets are 400.
 * Import only from `*.test.ts` files.
 */
import type { CalibrationOverride, OrgRole, PolicyView, ProviderId, TaskId } from '@chatstudio/contract';
import { providerIds, taskIds } from '@chatstudio/contract';
import type { FakeServer, RecordedRequest } from '../../../app/test-support/fake-server';
import { apiError, json } from '../../../app/test-support/fake-server';
import type { AuditEntry, Connection, Member, OrgSummary, UsageRow } from '../admin-types';

export interface FakeOrg {
  orgId: string;
  /** The caller's role, for the owner-only rules. */
  callerRole: OrgRole;
  members: Member[];
  policy: PolicyView;
  connections: Connection[];
  calibration: Partial<Record<string, Partial<Record<TaskId, CalibrationOverride>>>>;
  usage: UsageRow[];
  audit: AuditEntry[];
  orgs: OrgSummary[];
  oneTimePassword: string;
}

const noContent = () => new Response(null, { status: 204 });

export function member(overrides: Partial<Member> & Pick<Member, 'userId' | 'email' | 'name'>): Member {
  return { role: 'member', joinedAt: '2025-06-01T10:00:00.000Z', mustChangePassword: false, ...overrides };
}

export function openPolicy(): PolicyView {
  return {
    approvedProviders: null,
    allowPersonalKeys: true,
    allowedModels: {},
    monthlyTokenBudget: null,
    memberMonthlyTokenBudget: null,
  };
}

function queryOf(request: RecordedRequest): URLSearchParams {
  return new URLSearchParams(request.path.split('?')[1] ?? '');
}

function isBudget(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'number' && Number.isInteger(value) && value > 0);
}

/** Registers the org routes for `org.orgId` on `server`; tests read and change `org` directly. */
export function installFakeOrg(server: FakeServer, overrides: Partial<FakeOrg> = {}): FakeOrg {
  const org: FakeOrg = {
    orgId: 'o1',
    callerRole: 'owner',
    members: [member({ userId: 'u1', email: 'ada@example.com', name: 'Ada', role: 'owner' })],
    policy: openPolicy(),
    connections: [],
    calibration: {},
    usage: [],
    audit: [],
    orgs: [{ id: 'o1', name: "Ada's organisation", role: 'owner' }],
    oneTimePassword: 'otp-Secret-1234',
    ...overrides,
  };
  const base = `/api/orgs/${org.orgId}`;

  const memberRoutes = (userId: string) => {
    server
      .route(`PATCH ${base}/members/${userId}`, (request) => {
        const target = org.members.find((item) => item.userId === userId);
        if (!target) return apiError(404, 'not_found', 'member not found');
        const role = (request.body as { role: OrgRole }).role;
        if ((role === 'owner' || target.role === 'owner') && org.callerRole !== 'owner') {
          return apiError(403, 'forbidden', 'only an owner can grant or take away the owner role');
        }
        const owners = org.members.filter((item) => item.role === 'owner').length;
        if (target.role === 'owner' && role !== 'owner' && owners <= 1) {
          return apiError(409, 'conflict', 'an organisation needs at least one owner; make someone else owner first');
        }
        target.role = role;
        return noContent();
      })
      .route(`DELETE ${base}/members/${userId}`, () => {
        const target = org.members.find((item) => item.userId === userId);
        if (!target) return apiError(404, 'not_found', 'member not found');
        if (target.role === 'owner' && org.members.filter((item) => item.role === 'owner').length <= 1) {
          return apiError(409, 'conflict', 'cannot remove the last owner of an organisation');
        }
        org.members = org.members.filter((item) => item.userId !== userId);
        return noContent();
      });
  };
  for (const item of org.members) memberRoutes(item.userId);

  server
    .route('GET /api/orgs', () => json(200, { orgs: org.orgs }))
    .route('POST /api/orgs', (request) => {
      const created = { id: `o${org.orgs.length + 1}`, name: (request.body as { name: string }).name, role: 'owner' };
      org.orgs.push({ ...created, role: 'owner' });
      return json(201, created);
    })
    .route(`GET ${base}/members`, () => json(200, { members: org.members }))
    .route(`POST ${base}/members`, (request) => {
      const body = request.body as { email: string; name: string; role: OrgRole };
      if (org.members.some((item) => item.email === body.email)) {
        return apiError(409, 'conflict', 'this person is already a member');
      }
      const existing = body.email.startsWith('existing');
      const userId = `u${org.members.length + 1}`;
      org.members.push(
        member({ userId, email: body.email, name: body.name, role: body.role, mustChangePassword: !existing }),
      );
      memberRoutes(userId);
      return json(201, {
        user: { id: userId, email: body.email, name: body.name },
        oneTimePassword: existing ? null : org.oneTimePassword,
      });
    })
    .route(`GET ${base}/policy`, () => json(200, org.policy))
    .route(`PUT ${base}/policy`, (request) => {
      const body = request.body as PolicyView;
      if (!isBudget(body.monthlyTokenBudget) || !isBudget(body.memberMonthlyTokenBudget)) {
        return apiError(400, 'bad_request', 'monthlyTokenBudget must be a positive number of tokens');
      }
      org.policy = body;
      return json(200, body);
    })
    .route(`GET ${base}/connections`, () => json(200, { connections: org.connections }))
    .route(`GET ${base}/audit`, (request) => {
      const query = queryOf(request);
      const limit = Number(query.get('limit') ?? 50);
      const before = query.get('before');
      const action = query.get('action');
      const matching = org.audit
        .filter((entry) => !action || entry.action === action)
        .filter((entry) => before === null || entry.seq < Number(before))
        .sort((a, b) => b.seq - a.seq);
      const page = matching.slice(0, limit);
      return json(200, { entries: page, next: matching.length > limit ? (page.at(-1)?.seq ?? null) : null });
    })
    .route('GET /api/usage', (request) => {
      const query = queryOf(request);
      const scope = query.get('scope') ?? 'me';
      if (scope === 'org' && org.callerRole === 'member') return apiError(403, 'forbidden', 'org admins only');
      const from = query.get('from') ?? '';
      const to = query.get('to') ?? '';
      const rows = org.usage.filter(
        (row) => row.day >= from && row.day <= to && (scope === 'org' || row.userId === 'u1'),
      );
      const totals = rows.reduce(
        (sum, row) => ({
          calls: sum.calls + row.calls,
          inputTokens: sum.inputTokens + row.inputTokens,
          outputTokens: sum.outputTokens + row.outputTokens,
        }),
        { calls: 0, inputTokens: 0, outputTokens: 0 },
      );
      return json(200, { scope, orgId: scope === 'org' ? org.orgId : null, from, to, rows, totals });
    });

  for (const provider of providerIds) providerRoutes(server, org, provider);
  return org;
}

function providerRoutes(server: FakeServer, org: FakeOrg, provider: ProviderId): void {
  const base = `/api/orgs/${org.orgId}/providers/${provider}`;
  server
    .route(`PUT ${base}/key`, (request) => {
      const body = request.body as { apiKey: string; region?: string };
      if (body.apiKey.includes('bad')) return apiError(422, 'key_invalid', 'the provider rejected this key');
      const credential = {
        id: `k-${provider}`,
        scope: 'org' as const,
        hint: `sk-…${body.apiKey.slice(-4)}`,
        connectedBy: { id: 'u1', name: 'Ada' },
        connectedAt: '2025-06-02T09:00:00.000Z',
        ...(body.region ? { region: body.region as 'intl' } : {}),
      };
      org.connections = [
        ...org.connections.filter((item) => !(item.provider === provider && item.owner.kind === 'org')),
        { ...credential, provider, owner: { kind: 'org' } },
      ];
      revokeRoute(server, org, credential.id);
      return json(200, { credential, modelCount: 3 });
    })
    .route(`DELETE ${base}/key`, () => {
      org.connections = org.connections.filter((item) => !(item.provider === provider && item.owner.kind === 'org'));
      return noContent();
    })
    .route(`GET /api/providers/${provider}/calibration`, () => {
      const overrides = org.calibration[provider] ?? {};
      const tasks = Object.fromEntries(
        taskIds.map((task) => {
          const override = overrides[task];
          return [
            task,
            {
              ...(override ? { org: override } : {}),
              effective: override
                ? { model: override.model, resolvedBy: 'org_calibration' }
                : { model: 'gpt-4o', resolvedBy: 'provider_default' },
            },
          ];
        }),
      );
      return json(200, { provider, tasks });
    });
  for (const task of taskIds) {
    server
      .route(`PUT ${base}/calibration/${task}`, (request) => {
        const override = request.body as CalibrationOverride;
        org.calibration[provider] = { ...org.calibration[provider], [task]: override };
        return json(200, { override });
      })
      .route(`DELETE ${base}/calibration/${task}`, () => {
        const overrides = { ...org.calibration[provider] };
        delete overrides[task];
        org.calibration[provider] = overrides;
        return noContent();
      });
  }
}

/** Registers `DELETE …/connections/:id` for a connection (call it for connections a test adds). */
export function revokeRoute(server: FakeServer, org: FakeOrg, credentialId: string): void {
  server.route(`DELETE /api/orgs/${org.orgId}/connections/${credentialId}`, () => {
    org.connections = org.connections.filter((item) => item.id !== credentialId);
    return noContent();
  });
}
