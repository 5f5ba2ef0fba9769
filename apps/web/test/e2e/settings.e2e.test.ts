/**
 * Settings → Providers & keys and Settings → Access tokens, driven by hand in Chromium against the
 * real server: a key's hint / who / when, replacing and removing it, DashScope's region, and personal
 * access tokens (shown once, listed by hint, usable, revocable).
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { canary } from '../../../server/test/support/canary';
import { skipBrowserTests } from './support/browser';
import { screenshot, startE2e, testTimeoutMs, type E2e } from './support/harness';
import {
  credentialOf,
  eventually,
  expectNoSecretInStorage,
  newAccount,
  openSettings,
  setUpAdmin,
  submitKeyAndWaitConnected,
} from './support/ui';

describe.skipIf(skipBrowserTests)('settings: keys and tokens (Chromium)', { timeout: testTimeoutMs }, () => {
  let e2e: E2e;
  let page: Page;
  const admin = newAccount('settings');
  const firstKey = canary('sk-proj-e2e-settings-first-key-a1b2');
  const secondKey = canary('sk-proj-e2e-settings-second-key-c3d4');
  const dashscopeKey = canary('sk-e2e-dashscope-beijing-key-e5f6');
  const typedSecrets = [firstKey, secondKey, dashscopeKey];

  beforeAll(async () => {
    e2e = await startE2e();
    e2e.fake.addKey('openai', firstKey);
    e2e.fake.addKey('openai', secondKey);
    e2e.fake.addKey('dashscope', dashscopeKey, 'cn');
    ({ page } = await e2e.newPage());
    await setUpAdmin(page, admin);
  });
  afterAll(async () => {
    await e2e?.close();
  });
  afterEach(() => {
    expect(e2e.pageErrors).toEqual([]);
  });

  const card = (provider: string) => page.getByTestId(`settings-provider-${provider}`);

  it('connects a key from settings and shows its hint, who connected it and when; replaces it', async () => {
    await openSettings(page, 'providers');
    const openai = card('openai');
    expect(await openai.textContent()).toContain('No key connected.');
    await openai.getByTestId('provider-connect-openai').click();
    await submitKeyAndWaitConnected(page, firstKey);

    await eventually(() => openai.getByTestId('credential-hint').textContent()).toBe('sk-…a1b2');
    const details = (await openai.locator('dl').textContent()) ?? '';
    expect(details).toContain('(yours)');
    expect(details).toContain(`by ${admin.name}`);
    expect(details).toContain(String(new Date().getFullYear()));
    expect(details).not.toContain(firstKey);

    await openai.getByTestId('provider-connect-openai').click();
    const dialog = page.getByTestId('connect-dialog');
    expect(await dialog.locator('h2').textContent()).toBe('Replace your OpenAI key');
    await submitKeyAndWaitConnected(page, secondKey);
    await eventually(() => openai.getByTestId('credential-hint').textContent()).toBe('sk-…c3d4');
    expect(await credentialOf(page, 'openai')).toMatchObject({ scope: 'user', hint: 'sk-…c3d4' });
    await expectNoSecretInStorage(page, typedSecrets);
  });

  it('asks for a DashScope region; the key is checked in the region chosen', async () => {
    const dashscope = card('dashscope');
    await dashscope.getByTestId('provider-connect-dashscope').click();
    const dialog = page.getByTestId('connect-dialog');
    const region = dialog.getByTestId('key-region');
    expect(
      await region.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value)),
    ).toEqual(['intl', 'cn', 'us']);
    expect(await region.inputValue()).toBe('intl');

    // A Beijing key tried in Singapore is rejected, and nothing is stored.
    await dialog.getByTestId('key-input').fill(dashscopeKey);
    await dialog.getByTestId('connect-submit').click();
    await dialog.getByTestId('connect-error').waitFor();
    expect(e2e.fake.requestsFor('dashscope').at(-1)?.region).toBe('intl');
    expect(await credentialOf(page, 'dashscope')).toBeNull();

    await region.selectOption('cn');
    await submitKeyAndWaitConnected(page, dashscopeKey);
    expect(e2e.fake.requestsFor('dashscope').at(-1)?.region).toBe('cn');
    await eventually(() => dashscope.getByTestId('credential-hint').textContent()).toBe('sk-…e5f6');
    expect(await dashscope.locator('dl').textContent()).toContain('China mainland');
    expect(await credentialOf(page, 'dashscope')).toMatchObject({ region: 'cn', hint: 'sk-…e5f6' });
    await screenshot(page, 'settings-providers');
  });

  it('removes a key after confirmation', async () => {
    const openai = card('openai');
    await openai.getByTestId('provider-remove-openai').click();
    const confirm = page.getByTestId('remove-key-dialog');
    expect(await confirm.textContent()).toContain('sk-…c3d4');
    await confirm.getByTestId('confirm-button').click();
    await confirm.waitFor({ state: 'detached' });
    await eventually(() => openai.textContent()).toContain('No key connected.');
    expect(await openai.getByTestId('provider-remove-openai').count()).toBe(0);
    expect(await credentialOf(page, 'openai')).toBeNull();
    // The other provider's key is untouched.
    expect(await card('dashscope').getByTestId('credential-hint').textContent()).toBe('sk-…e5f6');
  });

  it('creates an access token shown once, lists it by hint, and revokes it', async () => {
    await openSettings(page, 'tokens');
    await page.getByTestId('tokens-empty').waitFor();
    await page.getByTestId('token-name').fill('laptop scripts');
    await page.getByTestId('token-create').click();
    const created = page.getByTestId('token-created');
    await created.waitFor();
    const token = canary(((await created.getByTestId('token-value').textContent()) ?? '').trim(), {
      shownOnceInResponse: true,
    });
    expect(token).toMatch(/^csk_.{20,}/);

    const item = page.getByTestId('token-item');
    await eventually(() => item.count()).toBe(1);
    expect(await item.locator('h3').textContent()).toBe('laptop scripts');
    expect(await item.locator('code').textContent()).toBe(`csk_…${token.slice(-4)}`);
    expect(await item.textContent()).not.toContain(token);
    await screenshot(page, 'tokens');

    // The value shown is a working token (as a script would use it)…
    const asScript = () => fetch(`${e2e.url}/api/me`, { headers: { authorization: `Bearer ${token}` } });
    expect((await asScript()).status).toBe(200);
    // …and it is never shown again.
    await page.reload();
    await page.getByTestId('tokens-settings').waitFor();
    await eventually(() => item.count()).toBe(1);
    expect(await page.getByTestId('token-value').count()).toBe(0);
    expect(await page.content()).not.toContain(token);

    await item.getByTestId('token-revoke').click();
    const dialog = page.getByTestId('revoke-token-dialog');
    await dialog.getByTestId('confirm-button').click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('tokens-empty').waitFor();
    expect((await asScript()).status).toBe(401);
    await expectNoSecretInStorage(page, [...typedSecrets, token]);
  });
});
