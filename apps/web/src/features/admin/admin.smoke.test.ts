// @vitest-environment jsdom
/**
 * The organisation area in jsdom against a stateful fake of the org endpoints: members (one-time
 * password, roles, the last-owner conflict), policy, org keys and connections, org calibration, usage,
 * the audit log, what plain members see, creating and switching organisations.
 */
import type { MeResponse, ProviderState } from '@chatstudio/contract';
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Harness } from '../../app/test-support/dom';
import { createHarness } from '../../app/test-support/dom';
import { apiError, json, me } from '../../app/test-support/fake-server';
import type { UsageRow } from './admin-types';
import type { FakeOrg } from './test-support/fake-org';
import { installFakeOrg, member, revokeRoute } from './test-support/fake-org';
import { thisMonth } from './usage-report';

let h: Harness;

beforeEach(() => {
  h = createHarness();
});

afterEach(async () => {
  await h.unmount();
});

function providers(): ProviderState[] {
  const base = { requiresKey: true, approved: true, credential: null, personalKeysAllowed: true };
  return [
    { ...base, id: 'openai', name: 'OpenAI' },
    { ...base, id: 'anthropic', name: 'Anthropic' },
    { ...base, id: 'mistral', name: 'Mistral' },
    { ...base, id: 'dashscope', name: 'DashScope', regions: ['intl', 'cn', 'us'] },
    { ...base, id: 'ollama', name: 'Ollama', requiresKey: false, reachable: true },
  ];
}

/** Signs in as `session` and installs the fake org; `session` may be replaced later by the test. */
function setup(session: { me: MeResponse }, overrides: Partial<FakeOrg> = {}): FakeOrg {
  const openaiModels = () =>
    json(200, {
      models: [
        { id: 'gpt-4o', name: 'GPT-4o', capabilities: [] },
        { id: 'o3', name: 'o3', capabilities: ['reasoning'] },
      ],
      fetchedAt: '2025-06-01T12:00:00.000Z',
      stale: false,
    });
  // The policy editor asks for the org's full (un-allowlisted) list.
  h.server
    .route(`GET /api/orgs/${overrides.orgId ?? 'o1'}/providers/openai/models`, openaiModels)
    .route(`GET /api/orgs/${overrides.orgId ?? 'o1'}/providers/anthropic/models`, () =>
      apiError(409, 'key_required', 'connect a key for anthropic', { provider: 'anthropic' }),
    );
  h.server
    .route('GET /api/me', () => json(200, session.me))
    .route('GET /api/providers', () => json(200, { providers: providers() }))
    .route('GET /api/conversations', () => json(200, { conversations: [] }))
    .route('GET /api/providers/openai/models', () =>
      json(200, {
        models: [
          { id: 'gpt-4o', name: 'GPT-4o', capabilities: [] },
          { id: 'o3', name: 'o3', capabilities: ['reasoning'] },
        ],
        fetchedAt: '2025-06-01T12:00:00.000Z',
        stale: false,
      }),
    )
    .route('GET /api/providers/anthropic/models', () =>
      apiError(409, 'key_required', 'connect a key for anthropic', { provider: 'anthropic' }),
    );
  return installFakeOrg(h.server, overrides);
}

const today = thisMonth().to;

/** Focuses (which fetches model suggestions) and types, like a person would. */
async function focusAndType(element: HTMLInputElement | null, value: string): Promise<void> {
  await act(async () => {
    element?.focus();
    await Promise.resolve();
  });
  await h.type(element, value);
}

function usageRow(overrides: Partial<UsageRow>): UsageRow {
  return {
    userId: 'u1',
    userName: 'Ada',
    provider: 'openai',
    model: 'gpt-4o',
    task: 'chat',
    day: today,
    calls: 2,
    inputTokens: 1000,
    outputTokens: 500,
    ...overrides,
  };
}

describe('organisation area for owners and admins', () => {
  it('is reached from the user menu and manages members', async () => {
    const org = setup(
      { me: me() },
      {
        members: [
          member({ userId: 'u1', email: 'ada@example.com', name: 'Ada', role: 'owner' }),
          member({ userId: 'u2', email: 'bob@example.com', name: 'Bob', role: 'admin' }),
        ],
      },
    );
    await h.render();
    await h.click(await h.waitFor(() => h.byTestId('user-menu'), 'user menu'));
    const entry = await h.waitFor(() => h.byTestId('open-admin'), 'organisation entry');
    expect(entry.textContent).toBe('Organisation');
    await h.click(entry);
    await h.waitFor(() => h.all('member-row').length === 2, 'members listed');
    expect(window.location.hash).toBe('#/admin/members');
    expect(h.byTestId('admin-tab-members')?.getAttribute('aria-selected')).toBe('true');
    expect(h.all('member-row').map((row) => row.dataset.email)).toEqual(['ada@example.com', 'bob@example.com']);
    expect(h.byTestId('conversation-title')?.textContent).toBe('Organisation');

    // A new account: the one-time password is shown once, with a copy button.
    await h.type(h.byTestId<HTMLInputElement>('member-email'), 'cleo@example.com');
    await h.type(h.byTestId<HTMLInputElement>('member-name'), 'Cleo');
    await h.click(h.byTestId('add-member-submit'));
    const password = await h.waitFor(() => h.byTestId('one-time-password'), 'one-time password');
    expect(password.textContent).toBe('otp-Secret-1234');
    expect(h.byTestId('one-time-password-copy')).not.toBeNull();
    expect(h.byTestId('member-added')?.textContent).toMatch(/must change it at first login/);
    expect(h.server.find('POST', '/api/orgs/o1/members')?.body).toEqual({
      email: 'cleo@example.com',
      name: 'Cleo',
      role: 'member',
    });
    expect(h.server.find('POST', '/api/orgs/o1/members')?.headers.get('X-CSRF-Token')).toBe('csrf-1');
    await h.waitFor(() => h.all('member-row').length === 3, 'new member listed');
    expect(h.byTestId<HTMLInputElement>('member-email')?.value).toBe('');
    const storage = JSON.stringify({ ...window.localStorage, ...window.sessionStorage });
    expect(storage).not.toContain('otp-Secret');

    // An existing account is just added: no password.
    await h.type(h.byTestId<HTMLInputElement>('member-email'), 'existing@example.com');
    await h.type(h.byTestId<HTMLInputElement>('member-name'), 'Dan');
    await h.click(h.byTestId('add-member-submit'));
    await h.waitFor(() => h.byTestId('member-added')?.textContent?.includes('already had an account'), 'existing');
    expect(h.byTestId('one-time-password')).toBeNull();

    // Bad input never reaches the server.
    const posts = h.server.requests.filter((request) => request.method === 'POST').length;
    await h.type(h.byTestId<HTMLInputElement>('member-email'), 'not-an-email');
    await h.click(h.byTestId('add-member-submit'));
    expect(h.container.textContent).toMatch(/Enter an email address/);
    expect(h.server.requests.filter((request) => request.method === 'POST')).toHaveLength(posts);

    // Roles: promoting works; demoting the last owner shows the server's conflict and reverts.
    const roleOf = (email: string) =>
      h
        .all('member-row')
        .find((row) => row.dataset.email === email)
        ?.querySelector<HTMLSelectElement>('select') ?? null;
    await h.choose(roleOf('bob@example.com'), 'owner');
    await h.waitFor(() => h.container.textContent?.includes('Bob is now owner'), 'promoted');
    expect(h.server.find('PATCH', '/api/orgs/o1/members/u2')?.body).toEqual({ role: 'owner' });
    await h.choose(roleOf('bob@example.com'), 'member');
    await h.choose(roleOf('ada@example.com'), 'admin');
    await h.waitFor(() => h.container.textContent?.includes('at least one owner'), 'last owner conflict');
    expect(roleOf('ada@example.com')?.value).toBe('owner');
    expect(org.members.find((item) => item.userId === 'u1')?.role).toBe('owner');

    // Removing asks first.
    const cleo = h.all('member-row').find((row) => row.dataset.email === 'cleo@example.com');
    await h.click(cleo?.querySelector<HTMLElement>('[data-testid="remove-member"]') ?? null);
    await h.waitFor(() => h.byTestId('remove-member-dialog'), 'confirm');
    await h.click(h.byTestId('confirm-button'));
    await h.waitFor(() => h.all('member-row').length === 3, 'removed');
    expect(h.all('member-row').some((row) => row.dataset.email === 'cleo@example.com')).toBe(false);
  });

  it('edits the policy: providers, personal keys, typed model allowlists, budgets', async () => {
    const org = setup({ me: me() });
    window.location.hash = '#/admin/policy';
    await h.render();
    await h.waitFor(() => h.byTestId('policy-form'), 'policy form');
    const anthropic = h.byTestId<HTMLInputElement>('policy-provider-anthropic');
    expect(anthropic?.checked).toBe(true);
    expect(h.byTestId<HTMLInputElement>('policy-all-providers')?.checked).toBe(true);

    await h.click(h.byTestId('policy-provider-anthropic'));
    expect(h.byTestId<HTMLInputElement>('policy-provider-anthropic')?.checked).toBe(false);
    expect(h.byTestId<HTMLInputElement>('policy-all-providers')?.checked).toBe(false);
    expect(h.byTestId('policy-models-anthropic')).toBeNull();
    await h.click(h.byTestId('policy-personal-keys'));

    // OpenAI's models come from discovery; Mistral's can't be listed, so an id is typed.
    const openaiInput = h.byTestId<HTMLInputElement>('policy-model-input-openai');
    await focusAndType(openaiInput, 'gpt-4o');
    await h.waitFor(() => h.container.querySelector('datalist option[value="o3"]'), 'suggestions');
    await h.click(h.byTestId('policy-model-add-openai'));
    expect(h.byTestId('policy-models-openai')?.textContent).toContain('gpt-4o');
    await focusAndType(h.byTestId<HTMLInputElement>('policy-model-input-mistral'), 'mistral-large-latest');
    await h.click(h.byTestId('policy-model-add-mistral'));
    await h.waitFor(() => h.byTestId('policy-models-problem-mistral'), 'list problem');

    await h.type(h.byTestId<HTMLInputElement>('policy-org-budget'), '0');
    await h.type(h.byTestId<HTMLInputElement>('policy-member-budget'), '250k');
    await h.click(h.byTestId('policy-save'));
    expect(h.container.textContent).toMatch(/whole number of tokens above zero/);
    expect(h.server.find('PUT', '/api/orgs/o1/policy')).toBeUndefined();

    await h.type(h.byTestId<HTMLInputElement>('policy-org-budget'), '2,000,000');
    await h.click(h.byTestId('policy-save'));
    await h.waitFor(() => h.byTestId('policy-status')?.textContent?.includes('Policy saved'), 'saved');
    expect(org.policy).toEqual({
      approvedProviders: ['openai', 'mistral', 'dashscope', 'ollama'],
      allowPersonalKeys: false,
      allowedModels: { openai: ['gpt-4o'], mistral: ['mistral-large-latest'] },
      monthlyTokenBudget: 2_000_000,
      memberMonthlyTokenBudget: 250_000,
    });
    expect(h.server.find('PUT', '/api/orgs/o1/policy')?.headers.get('X-CSRF-Token')).toBe('csrf-1');
  });

  it('connects an org key without keeping it, and revokes a member key', async () => {
    const org = setup(
      { me: me() },
      {
        connections: [
          {
            id: 'k-bob',
            provider: 'anthropic',
            scope: 'user',
            hint: 'sk-ant-…bob1',
            connectedBy: { id: 'u2', name: 'Bob' },
            connectedAt: '2025-06-01T08:00:00.000Z',
            owner: { kind: 'member', userId: 'u2', name: 'Bob', email: 'bob@example.com' },
          },
        ],
      },
    );
    revokeRoute(h.server, org, 'k-bob');
    window.location.hash = '#/admin/keys';
    await h.render();
    await h.waitFor(() => h.byTestId('connection-row'), 'connections');
    expect(h.byTestId('org-key-ollama')?.textContent).toMatch(/no key needed/);
    expect(h.byTestId('org-key-openai')?.textContent).toMatch(/No organisation key/);

    await h.click(h.byTestId('org-key-connect-openai'));
    await h.waitFor(() => h.byTestId('org-key-dialog'), 'dialog');
    const input = h.byTestId<HTMLInputElement>('key-input')!;
    expect(input.type).toBe('password');
    expect(input.autocomplete).toBe('off');
    input.value = 'sk-bad-key-0000';
    await h.click(h.byTestId('connect-submit'));
    await h.waitFor(() => h.byTestId('connect-error'), 'rejected');
    expect(input.value).toBe('');
    input.value = 'sk-org-key-9876';
    await h.click(h.byTestId('connect-submit'));
    await h.waitFor(() => h.byTestId('org-key-openai')?.textContent?.includes('sk-…9876'), 'connected');
    expect(h.byTestId('org-key-dialog')).toBeNull();
    expect(h.server.find('PUT', '/api/orgs/o1/providers/openai/key')?.body).toEqual({ apiKey: 'sk-bad-key-0000' });
    expect(h.server.find('PUT', '/api/orgs/o1/providers/openai/key')?.headers.get('X-CSRF-Token')).toBe('csrf-1');
    const storage = JSON.stringify({ ...window.localStorage, ...window.sessionStorage });
    expect(storage).not.toContain('sk-org-key');
    expect(h.container.innerHTML).not.toContain('sk-org-key');
    expect(h.all('connection-row')).toHaveLength(2);

    const bob = h.all('connection-row').find((row) => row.dataset.provider === 'anthropic');
    await h.click(bob?.querySelector<HTMLElement>('[data-testid="revoke-connection"]') ?? null);
    const dialog = await h.waitFor(() => h.byTestId('revoke-connection-dialog'), 'confirm');
    expect(dialog.textContent).toMatch(/Bob's Anthropic key/);
    await h.click(h.byTestId('confirm-button'));
    await h.waitFor(() => h.all('connection-row').length === 1, 'revoked');
    expect(h.server.find('DELETE', '/api/orgs/o1/connections/k-bob')).toBeDefined();
  });

  it('sets and clears an org calibration override', async () => {
    const org = setup({ me: me() });
    window.location.hash = '#/admin/calibration';
    await h.render();
    const task = await h.waitFor(() => h.byTestId('org-calibration-task-code'), 'tasks');
    expect(task.textContent).toMatch(/not set/);
    await h.waitFor(() => !h.byTestId<HTMLButtonElement>('org-calibration-edit-code')?.disabled, 'models loaded');
    await h.click(h.byTestId('org-calibration-edit-code'));
    await h.waitFor(() => h.byTestId('org-calibration-editor'), 'editor');
    await h.type(h.byTestId<HTMLInputElement>('org-calibration-model'), 'o3');
    await h.type(h.inputLabelled('Temperature'), '0.2');
    await h.click(h.byTestId('org-calibration-save'));
    await h.waitFor(() => h.byTestId('org-calibration-clear-code'), 'saved');
    expect(org.calibration.openai?.code).toEqual({ model: 'o3', temperature: 0.2 });
    expect(h.byTestId('org-calibration-task-code')?.textContent).toMatch(/organisation's calibration for code/);
    await h.click(h.byTestId('org-calibration-clear-code'));
    await h.click(await h.waitFor(() => h.byTestId('confirm-button'), 'confirm'));
    await h.waitFor(() => !h.byTestId('org-calibration-clear-code'), 'cleared');
    expect(org.calibration.openai?.code).toBeUndefined();
  });

  it('charts and tables org usage, regrouped on demand', async () => {
    setup(
      { me: me() },
      {
        usage: [
          usageRow({}),
          usageRow({ userId: 'u2', userName: 'Bob', provider: 'anthropic', model: 'claude', inputTokens: 9000 }),
        ],
      },
    );
    window.location.hash = '#/admin/usage';
    await h.render();
    const chart = await h.waitFor(() => h.byTestId('usage-chart'), 'chart');
    expect(chart.getAttribute('role')).toBe('img');
    expect(chart.getAttribute('aria-label')).toMatch(/Total 11,000 tokens: OpenAI 1,500, Anthropic 9,500/);
    expect(chart.querySelectorAll('rect').length).toBeGreaterThanOrEqual(2);
    const request = h.server.requests.find((item) => item.path.startsWith('/api/usage'));
    expect(request?.path).toBe(`/api/usage?scope=org&from=${thisMonth().from}&to=${today}`);
    const table = h.byTestId('usage-table')!;
    expect(Array.from(table.querySelectorAll('tbody th')).map((cell) => cell.textContent)).toEqual(['Bob', 'Ada']);
    await h.choose(h.byTestId<HTMLSelectElement>('usage-group-by'), 'model');
    expect(Array.from(h.byTestId('usage-table')!.querySelectorAll('tbody th')).map((cell) => cell.textContent)).toEqual(
      ['claude (Anthropic)', 'gpt-4o (OpenAI)'],
    );
    expect(h.byTestId('usage-totals')?.textContent).toMatch(/Calls4/);
  });

  it('reads the audit log: filter and load more', async () => {
    const audit = Array.from({ length: 60 }, (_, index) => ({
      seq: index + 1,
      id: `a${index + 1}`,
      action: index % 2 === 0 ? 'policy.changed' : 'member.role_changed',
      target: index % 2 === 0 ? 'org:o1' : 'user:u2',
      actor: { id: 'u1', name: 'Ada' },
      diff: index % 2 === 0 ? { allowPersonalKeys: { from: true, to: false } } : { from: 'member', to: 'admin' },
      createdAt: '2025-06-01T10:00:00.000Z',
    }));
    setup(
      { me: me() },
      {
        audit,
        members: [
          member({ userId: 'u1', email: 'ada@example.com', name: 'Ada', role: 'owner' }),
          member({ userId: 'u2', email: 'bob@example.com', name: 'Bob' }),
        ],
      },
    );
    window.location.hash = '#/admin/audit';
    await h.render();
    await h.waitFor(() => h.all('audit-row').length === 50, 'first page');
    const newest = h.all('audit-row')[0]!;
    expect(newest.dataset.action).toBe('member.role_changed');
    await h.waitFor(() => h.all('audit-row')[0]?.textContent?.includes('Bob'), 'target named');
    expect(newest.textContent).toMatch(/role:\s*member → admin/);
    await h.click(h.byTestId('audit-more'));
    await h.waitFor(() => h.all('audit-row').length === 60, 'second page');
    expect(h.server.find('GET', '/api/orgs/o1/audit?limit=50&before=11')).toBeDefined();
    expect(h.byTestId('audit-more')).toBeNull();

    await h.choose(h.byTestId<HTMLSelectElement>('audit-filter'), 'policy.changed');
    await h.waitFor(() => h.all('audit-row').length === 30, 'filtered');
    expect(h.all('audit-row').every((row) => row.dataset.action === 'policy.changed')).toBe(true);
    expect(h.all('audit-row')[0]?.textContent).toMatch(/personal keys:\s*allowed → not allowed/);
    expect(h.server.find('GET', '/api/orgs/o1/audit?limit=50&action=policy.changed')).toBeDefined();
  });
});

describe('organisation area for members and instance admins', () => {
  const plainMember = () =>
    me({
      user: { id: 'u1', email: 'ada@example.com', name: 'Ada', role: 'user', mustChangePassword: false },
      orgs: [{ id: 'o1', name: 'Acme', role: 'member' }],
    });

  it('shows members what their organisation allows and their own usage, nothing else', async () => {
    setup(
      { me: plainMember() },
      {
        callerRole: 'member',
        policy: {
          approvedProviders: ['openai'],
          allowPersonalKeys: false,
          allowedModels: { openai: ['gpt-4o'] },
          monthlyTokenBudget: null,
          memberMonthlyTokenBudget: 100000,
        },
        usage: [usageRow({})],
      },
    );
    window.location.hash = '#/admin/members';
    await h.render();
    const view = await h.waitFor(() => h.byTestId('policy-view'), 'read-only policy');
    expect(window.location.hash).toBe('#/admin/policy');
    expect(h.byTestId('policy-form')).toBeNull();
    expect(h.all('admin-nav')[0]?.querySelectorAll('[role="tab"]')).toHaveLength(2);
    expect(h.byTestId('admin-tab-members')).toBeNull();
    expect(h.byTestId('admin-tab-audit')).toBeNull();
    expect(h.byTestId('policy-view-openai')?.textContent).toMatch(/only these models: gpt-4o/);
    expect(h.byTestId('policy-view-anthropic')?.textContent).toMatch(/not approved/);
    expect(view.textContent).toMatch(/100,000 tokens a month/);
    expect(view.textContent).toMatch(/Personal keys are not used here/);
    expect(h.server.requests.some((request) => request.path.includes('/members'))).toBe(false);

    await h.click(h.byTestId('admin-tab-usage'));
    await h.waitFor(() => h.byTestId('usage-table'), 'own usage');
    expect(h.server.requests.find((item) => item.path.startsWith('/api/usage'))?.path).toMatch(/scope=me/);
    expect(h.byTestId<HTMLSelectElement>('usage-group-by')?.querySelector('option[value="member"]')).toBeNull();

    await h.click(h.byTestId('user-menu'));
    expect(h.byTestId('open-admin')?.textContent).toBe('My organisation');
  });

  it('puts My usage in settings for everyone', async () => {
    setup({ me: plainMember() }, { callerRole: 'member', usage: [] });
    window.location.hash = '#/settings/usage';
    await h.render();
    await h.waitFor(() => h.byTestId('usage-empty'), 'empty usage');
    expect(h.byTestId('settings-tab-usage')?.getAttribute('aria-selected')).toBe('true');
    expect(h.byTestId('usage-chart')?.getAttribute('aria-label')).toMatch(/no usage/);
  });

  it('lets the instance admin create an organisation and switch to it, reloading admin data', async () => {
    const session = { me: me() };
    const org = setup(session);
    h.server.route('PUT /api/me/active-org', (request) => {
      session.me = { ...session.me, activeOrgId: (request.body as { orgId: string }).orgId };
      return json(200, session.me);
    });
    window.location.hash = '#/admin/orgs';
    await h.render();
    await h.waitFor(() => h.byTestId('org-row'), 'orgs');
    await h.type(h.byTestId<HTMLInputElement>('org-name'), 'Research');
    h.server.route('GET /api/me', () => {
      session.me = { ...session.me, orgs: org.orgs.map((item) => ({ ...item })) };
      return json(200, session.me);
    });
    await h.click(h.byTestId('create-org'));
    await h.waitFor(() => h.byTestId('org-created'), 'created');
    expect(h.server.find('POST', '/api/orgs')?.body).toEqual({ name: 'Research' });
    await h.waitFor(() => h.all('org-row').length === 2, 'listed');

    // Switching in the account menu: the new org's members load.
    h.server.route('GET /api/orgs/o2/members', () =>
      json(200, { members: [member({ userId: 'u1', email: 'ada@example.com', name: 'Ada', role: 'owner' })] }),
    );
    await h.click(h.byTestId('user-menu'));
    await h.choose(await h.waitFor(() => h.byTestId<HTMLSelectElement>('org-switcher'), 'switcher'), 'o2');
    await h.waitFor(() => h.byTestId('admin-org')?.textContent?.includes('Research'), 'switched');
    await h.click(h.byTestId('admin-tab-members'));
    await h.waitFor(() => h.byTestId('member-row'), 'new org members');
    expect(h.server.find('GET', '/api/orgs/o2/members')).toBeDefined();
  });
});
