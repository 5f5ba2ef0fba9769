/**
 * The organisation area (spec §6–7), driven by hand in Chromium against the real server and the fake
 * providers: the first user sets up and owns the org → adds members (one-time password shown once) →
 * connects the org's OpenAI key → restricts the policy (OpenAI only, no personal keys, a member budget)
 * → the audit log shows it → the new member, in their own browser, changes the one-time password and
 * chats through the org key while the other providers are disabled with the reason → an allowlist
 * without the member's model refuses their next message → the admin sees the member's usage.
 * The steps build on each other, like the admin's and the member's sessions do.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { canary } from '../../../server/test/support/canary';
import { skipBrowserTests } from './support/browser';
import { screenshot, startE2e, testTimeoutMs, uiTimeoutMs, type E2e } from './support/harness';
import {
  eventually,
  expectNoSecretInStorage,
  lastAssistant,
  newAccount,
  pickProvider,
  readApi,
  replyText,
  setUpAdmin,
  typeAndSend,
  waitForStatus,
} from './support/ui';
import { chatCalls } from './support/upstream';

interface MembersBody {
  members: { userId: string; email: string; name: string; role: string; mustChangePassword?: boolean }[];
}
interface PolicyBody {
  approvedProviders: string[] | null;
  allowPersonalKeys: boolean;
  allowedModels: Record<string, string[]>;
  monthlyTokenBudget: number | null;
  memberMonthlyTokenBudget: number | null;
}

describe.skipIf(skipBrowserTests)('organisation admin (Chromium)', { timeout: testTimeoutMs }, () => {
  let e2e: E2e;
  let page: Page;
  let memberContext: BrowserContext | undefined;
  let memberPage: Page;
  let orgId = '';
  let oneTimePassword = '';
  const admin = newAccount('admin');
  const member = {
    name: 'Bob Member',
    email: `bob.member.${Date.now()}@example.com`,
    password: canary(`e2e-member-own-password-${Date.now()}`),
  };
  const colleague = { name: 'Grace Colleague', email: `grace.colleague.${Date.now()}@example.com` };
  const orgKey = canary('sk-proj-e2e-admin-org-openai-key-9f1e');
  const orgKeyHint = 'sk-…9f1e';
  const otherProviders = ['anthropic', 'mistral', 'dashscope', 'ollama'];
  const memberModel = 'gpt-4.1-nano';
  const allowedModel = 'gpt-4o-mini';

  beforeAll(async () => {
    e2e = await startE2e();
    e2e.fake.addKey('openai', orgKey);
    ({ page } = await e2e.newPage());
  });
  afterAll(async () => {
    await e2e?.close();
  });
  afterEach(() => {
    expect(e2e.pageErrors).toEqual([]);
  });

  /** As the admin: a tab of the organisation area (opening it from the account menu if needed). */
  async function openAdminTab(tab: string): Promise<void> {
    if (!(await page.getByTestId('admin-nav').isVisible())) {
      await page.getByTestId('user-menu').click();
      await page.getByTestId('open-admin').click();
      await page.getByTestId('admin-nav').waitFor();
    }
    await page.getByTestId(`admin-tab-${tab}`).click();
    await page.getByTestId(`admin-${tab}`).waitFor();
    await eventually(() => page.url()).toMatch(new RegExp(`#/admin/${tab}$`));
  }

  const memberRow = (email: string) => page.locator(`[data-testid="member-row"][data-email="${email}"]`);

  async function addMember(person: { name: string; email: string }, role: string): Promise<string> {
    const form = page.getByTestId('add-member-form');
    await form.getByTestId('member-name').fill(person.name);
    await form.getByTestId('member-email').fill(person.email);
    await form.getByTestId('member-role').selectOption(role);
    await form.getByTestId('add-member-submit').click();
    const notice = page.getByTestId('member-added');
    await eventually(() => notice.textContent()).toContain(`Account created for ${person.name}`);
    const shown = ((await notice.getByTestId('one-time-password').textContent()) ?? '').trim();
    expect(shown.length).toBeGreaterThanOrEqual(10);
    // The server shows it in exactly one response; it must appear nowhere else (logs, database, pages).
    canary(shown, { shownOnceInResponse: true });
    await memberRow(person.email).waitFor();
    return shown;
  }

  async function savePolicy(): Promise<void> {
    await page.getByTestId('policy-save').click();
    await eventually(() => page.getByTestId('policy-status').textContent()).toContain('Policy saved');
  }

  const optionIds = (target: Page) =>
    target.getByTestId('model-option').evaluateAll((options) => options.map((o) => o.getAttribute('data-model-id')));

  it('admin setup: the first user owns the first org and opens it from the account menu', async () => {
    await setUpAdmin(page, admin);
    await screenshot(page, 'admin-setup');
    const me = await readApi<{ activeOrgId: string; orgs: { id: string; role: string }[] }>(page, '/api/me');
    expect(me.orgs).toHaveLength(1);
    expect(me.orgs[0]).toMatchObject({ id: me.activeOrgId, role: 'owner' });
    orgId = me.activeOrgId;

    await page.getByTestId('user-menu').click();
    expect(await page.getByTestId('open-admin').textContent()).toBe('Organisation');
    await page.getByTestId('open-admin').click();
    await page.getByTestId('admin-nav').waitFor();
    expect(await page.getByTestId('admin-org').textContent()).toContain('you are owner');
    const tabs = await page.getByTestId('admin-nav').getByRole('tab').allTextContents();
    expect(tabs).toEqual(expect.arrayContaining(['Members', 'Policy', 'Keys & connections', 'Usage', 'Audit log']));
    await eventually(() => page.url()).toMatch(/#\/admin\/[a-z]+$/);
  });

  it('members: adding one shows a one-time password exactly once; another member’s role can be changed', async () => {
    await openAdminTab('members');
    await memberRow(admin.email).waitFor();
    expect(await memberRow(admin.email).textContent()).toContain('(you)');

    oneTimePassword = await addMember(member, 'member');
    await screenshot(page, 'admin-members-added');
    expect(await memberRow(member.email).getByTestId('member-role-select').inputValue()).toBe('member');
    expect(await memberRow(member.email).textContent()).toContain('must change password');

    // A second person, added as admin, then demoted to member through the role select.
    await addMember(colleague, 'admin');
    // Adding someone else replaced the notice: Bob's one-time password is gone from the page for good.
    expect(await page.content()).not.toContain(oneTimePassword);
    const colleagueRole = memberRow(colleague.email).getByTestId('member-role-select');
    expect(await colleagueRole.inputValue()).toBe('admin');
    await colleagueRole.selectOption('member');
    await eventually(() => page.locator('.notice').allTextContents()).toContainEqual(
      expect.stringContaining(`${colleague.name} is now member`),
    );
    await page.getByRole('button', { name: "I've passed it on, hide it" }).click();
    await page.getByTestId('one-time-password').waitFor({ state: 'detached' });

    const { members } = await readApi<MembersBody>(page, `/api/orgs/${orgId}/members`);
    expect(members.find((item) => item.email === colleague.email)?.role).toBe('member');
    expect(members.find((item) => item.email === member.email)?.role).toBe('member');
    // Reloading cannot bring a one-time password back: it is not stored in the browser either.
    await page.reload();
    await memberRow(member.email).waitFor();
    expect(await page.getByTestId('one-time-password').count()).toBe(0);
    await expectNoSecretInStorage(page, [oneTimePassword]);
  });

  it("org key: connects the org's OpenAI key; the connections list shows its hint, never the key", async () => {
    await openAdminTab('keys');
    const card = page.getByTestId('org-key-openai');
    await eventually(() => card.textContent()).toContain('No organisation key.');
    await card.getByTestId('org-key-connect-openai').click();
    const dialog = page.getByTestId('org-key-dialog');
    await dialog.waitFor();
    const input = dialog.getByTestId('key-input');
    expect(await input.getAttribute('type')).toBe('password');
    await input.fill(orgKey);
    await dialog.getByTestId('connect-submit').click();
    await dialog.waitFor({ state: 'detached' });

    await eventually(() => card.getByTestId('org-key-hint').textContent()).toBe(orgKeyHint);
    expect(await card.textContent()).toContain(`by ${admin.name}`);
    const row = page.locator('[data-testid="connection-row"][data-provider="openai"]');
    await row.waitFor();
    const rowText = (await row.textContent()) ?? '';
    expect(rowText).toContain('Organisation');
    expect(rowText).toContain(orgKeyHint);
    expect(rowText).not.toContain(orgKey);
    expect(await page.content()).not.toContain(orgKey);
    expect(await row.getByTestId('revoke-connection').count()).toBe(0);
    await expectNoSecretInStorage(page, [orgKey]);
    await screenshot(page, 'admin-org-key');
    // The server really checked the key with the provider.
    expect(e2e.fake.requestsFor('openai').some((r) => r.headers.authorization === `Bearer ${orgKey}`)).toBe(true);
  });

  it('policy: OpenAI only, no personal keys, a member budget; the audit log records it', async () => {
    await openAdminTab('policy');
    const form = page.getByTestId('policy-form');
    await form.waitFor();
    expect(await form.getByTestId('policy-provider-openai').isChecked()).toBe(true);
    for (const provider of otherProviders) await form.getByTestId(`policy-provider-${provider}`).uncheck();
    expect(await form.getByTestId('policy-all-providers').isChecked()).toBe(false);
    expect(await form.getByTestId('policy-provider-openai').isChecked()).toBe(true);
    await form.getByTestId('policy-personal-keys').uncheck();
    await form.getByTestId('policy-member-budget').fill('500k');
    await eventually(() => form.textContent()).toContain('500,000 tokens a month');
    await savePolicy();
    await screenshot(page, 'admin-policy');

    const policy = await readApi<PolicyBody>(page, `/api/orgs/${orgId}/policy`);
    expect(policy).toMatchObject({
      approvedProviders: ['openai'],
      allowPersonalKeys: false,
      memberMonthlyTokenBudget: 500_000,
      monthlyTokenBudget: null,
    });
    // The editor shows what was saved after a reload.
    await page.reload();
    await page.getByTestId('policy-form').waitFor();
    expect(await page.getByTestId('policy-provider-anthropic').isChecked()).toBe(false);
    expect(await page.getByTestId('policy-personal-keys').isChecked()).toBe(false);
    expect(await page.getByTestId('policy-member-budget').inputValue()).toBe('500000');

    await openAdminTab('audit');
    const actions = () =>
      page.getByTestId('audit-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-action')));
    await eventually(actions).toEqual(expect.arrayContaining(['policy.changed', 'key.connected', 'member.added']));
    expect(
      await page.locator('[data-testid="audit-row"][data-action="key.connected"]').first().textContent(),
    ).toContain(`by ${admin.name}`);
    expect(await page.getByTestId('admin-audit').textContent()).not.toContain(orgKey);
    await screenshot(page, 'admin-audit');

    // The filter narrows the log to one kind of change.
    await page.getByTestId('audit-filter').selectOption('policy.changed');
    await eventually(async () => [...new Set(await actions())]).toEqual(['policy.changed']);
    await page.getByTestId('audit-filter').selectOption('');
    await eventually(async () => (await actions()).length).toBeGreaterThan(1);
  });

  it('member: one-time password → own password → chat; only OpenAI is offered and it uses the org key', async () => {
    ({ context: memberContext, page: memberPage } = await e2e.newPage());
    await memberPage.goto('/');
    const login = memberPage.getByTestId('login-form');
    await login.waitFor();
    await login.getByLabel('Email').fill(member.email);
    await login.getByLabel('Password').fill(oneTimePassword);
    await memberPage.getByTestId('login-submit').click();

    // Forced to choose a password before anything else.
    const change = memberPage.getByTestId('change-password-form');
    await change.waitFor();
    expect(await memberPage.getByTestId('chat-toolbar').count()).toBe(0);
    await change.getByLabel('Current (one-time) password').fill(oneTimePassword);
    await change.getByLabel('New password', { exact: true }).fill(member.password);
    await change.getByLabel('Repeat new password').fill(member.password);
    await memberPage.getByTestId('change-password-submit').click();
    await memberPage.getByTestId('chat-toolbar').waitFor();
    expect(await memberPage.getByTestId('user-menu').getAttribute('aria-label')).toBe(`Account: ${member.name}`);

    // The picker: non-approved providers are listed but disabled, with the reason.
    await memberPage.getByTestId('provider-picker').click();
    await memberPage.getByTestId('provider-menu').waitFor();
    const reasons: Record<string, string> = {};
    for (const provider of otherProviders) {
      const option = memberPage.getByTestId(`provider-option-${provider}`);
      expect(await option.isDisabled(), `${provider} should be disabled`).toBe(true);
      reasons[provider] = (await option.getByTestId('provider-option-status').textContent()) ?? '';
      expect(reasons[provider]).toMatch(/not approved/i);
    }
    const openai = memberPage.getByTestId('provider-option-openai');
    expect(await openai.isDisabled()).toBe(false);
    expect(await openai.getByTestId('provider-option-status').textContent()).toBe(`Organisation key ${orgKeyHint}`);
    await screenshot(memberPage, 'admin-member-picker');
    await memberPage.keyboard.press('Escape');
    await memberPage.getByTestId('provider-menu').waitFor({ state: 'detached' });

    // Choosing OpenAI asks for no key: the org key is used.
    await pickProvider(memberPage, 'openai');
    await eventually(() => memberPage.getByTestId('provider-picker').getAttribute('aria-label')).toBe(
      'Provider: OpenAI',
    );
    expect(await memberPage.getByTestId('connect-dialog').count()).toBe(0);
    await memberPage.getByTestId('model-picker').click();
    await memberPage.getByTestId('model-search').waitFor();
    await eventually(() => optionIds(memberPage)).toContain(memberModel);
    await memberPage.locator(`[data-testid="model-option"][data-model-id="${memberModel}"]`).click();
    await eventually(() => memberPage.getByTestId('model-picker').getAttribute('aria-label')).toBe(
      `Model: ${memberModel}`,
    );

    const turnsBefore = chatCalls(e2e.fake, 'openai').turns.length;
    e2e.fake.setReply('openai', {
      text: 'The org key answered this, streamed in small pieces.',
      chunkSize: 3,
      chunkDelayMs: 15,
    });
    await typeAndSend(memberPage, 'Hello from a member');
    const reply = lastAssistant(memberPage);
    await waitForStatus(reply, 'complete');
    expect(await replyText(reply)).toBe('The org key answered this, streamed in small pieces.');
    const answeredBy = (await reply.getByTestId('answered-by').textContent()) ?? '';
    expect(answeredBy).toContain(memberModel);
    expect(answeredBy).toContain("your organisation's key");
    await screenshot(memberPage, 'admin-member-reply');

    const turns = chatCalls(e2e.fake, 'openai').turns.slice(turnsBefore);
    expect(turns.map((turn) => turn.model)).toEqual([memberModel]);
    expect(turns[0]?.request.headers.authorization).toBe(`Bearer ${orgKey}`);
    await expectNoSecretInStorage(memberPage, [orgKey, oneTimePassword, member.password]);
    expect(await memberPage.content()).not.toContain(orgKey);
    console.info(`[admin e2e] reasons shown for non-approved providers: ${JSON.stringify(reasons)}`);
  });

  it("allowlist: a model left off OpenAI's list is refused with a clear message and leaves the picker", async () => {
    await openAdminTab('policy');
    const allowlist = page.getByTestId('policy-models-openai');
    await allowlist.waitFor();
    await allowlist.getByTestId('policy-model-input-openai').fill(allowedModel);
    await allowlist.getByTestId('policy-model-add-openai').click();
    await eventually(() => allowlist.textContent()).toContain('only 1 model');
    await savePolicy();
    const policy = await readApi<PolicyBody>(page, `/api/orgs/${orgId}/policy`);
    expect(policy.allowedModels).toEqual({ openai: [allowedModel] });
    await screenshot(page, 'admin-policy-allowlist');

    // The member's open page still has the model picked; sending with it is refused.
    expect(await memberPage.getByTestId('model-picker').getAttribute('aria-label')).toBe(`Model: ${memberModel}`);
    const turnsBefore = chatCalls(e2e.fake, 'openai').turns.length;
    const assistantsBefore = await memberPage.getByTestId('assistant-message').count();
    await typeAndSend(memberPage, 'Is this model still allowed?');
    const refusal = memberPage
      .getByTestId('chat-notice')
      .or(memberPage.getByTestId('assistant-message').last().getByTestId('message-error'));
    await refusal.first().waitFor({ timeout: uiTimeoutMs });
    const refusalText = (await refusal.first().textContent()) ?? '';
    expect(refusalText).toMatch(/not allowed/i);
    // Nothing is lost: the refused message is still in the box, and no reply was started.
    expect(await memberPage.getByTestId('composer-input').inputValue()).toBe('Is this model still allowed?');
    await screenshot(memberPage, 'admin-member-not-allowed');
    const assistantsAfter = await memberPage.getByTestId('assistant-message').count();
    expect(assistantsAfter).toBe(assistantsBefore);
    console.info(
      `[admin e2e] refusal shown as ${(await memberPage.getByTestId('chat-notice').count()) > 0 ? 'chat-notice' : 'message-error'}: ` +
        `${JSON.stringify(refusalText)} (assistant messages ${assistantsBefore} → ${assistantsAfter})`,
    );
    // The provider was never asked.
    expect(chatCalls(e2e.fake, 'openai').turns.length).toBe(turnsBefore);

    // A fresh load of the picker offers only the allowed model.
    await memberPage.reload();
    await memberPage.getByTestId('chat-toolbar').waitFor();
    await memberPage.getByTestId('model-picker').click();
    await memberPage.getByTestId('model-search').waitFor();
    await eventually(() => optionIds(memberPage)).toEqual([allowedModel]);
    console.info(
      `[admin e2e] member's model picker after reload: ${JSON.stringify(await memberPage.getByTestId('model-picker').getAttribute('aria-label'))}`,
    );
    await memberPage.keyboard.press('Escape');
  });

  it("usage: the admin's usage page shows the chart and a row for the member", async () => {
    await openAdminTab('usage');
    await page.getByTestId('usage-totals').waitFor();
    await page.getByTestId('usage-chart').waitFor();
    expect(await page.getByTestId('usage-chart').getAttribute('role')).toBe('img');
    const table = page.getByTestId('usage-table');
    await table.waitFor();
    expect(await table.getAttribute('data-group-by')).toBe('member');
    const rows = page.getByTestId('usage-row');
    await eventually(() => rows.allTextContents()).toContainEqual(expect.stringContaining(member.name));
    await table.scrollIntoViewIfNeeded();
    await screenshot(page, 'admin-usage');

    await page.getByTestId('usage-group-by').selectOption('model');
    await eventually(() => table.getAttribute('data-group-by')).toBe('model');
    await eventually(() => rows.allTextContents()).toContainEqual(expect.stringContaining(memberModel));
    await memberContext?.close();
  });
});
