import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { canary } from '../../../../server/test/support/canary';
import { uiTimeoutMs } from './harness';

export interface Account {
  name: string;
  email: string;
  password: string;
}

let accounts = 0;

/** A first-admin account; its password is registered with the server's secret-leak scan. */
export function newAccount(label: string): Account {
  accounts += 1;
  return {
    name: `Ada ${label}`,
    email: `ada.${label}.${accounts}@example.com`,
    password: canary(`e2e-password-${label}-${accounts}-${Date.now()}`),
  };
}

/**
 * Polls `read` until the matcher holds (Playwright's own auto-wait covers single locators). Inside
 * tests only: vitest refuses `expect.poll` in hooks, so helpers used from `beforeAll` wait on locators.
 */
export function eventually<T>(read: () => Promise<T> | T, timeout = uiTimeoutMs) {
  return expect.poll(read, { timeout, interval: 100 });
}

/** Creates the first admin through the setup form and waits for the chat view. */
export async function setUpAdmin(
  page: Page,
  account: Account,
  beforeSubmit: () => Promise<void> = () => Promise.resolve(),
): Promise<void> {
  await page.goto('/');
  const form = page.getByTestId('setup-form');
  await form.waitFor();
  await form.getByLabel('Your name').fill(account.name);
  await form.getByLabel('Email').fill(account.email);
  await form.getByLabel('Password', { exact: true }).fill(account.password);
  await form.getByLabel('Repeat password').fill(account.password);
  await beforeSubmit();
  await page.getByTestId('setup-submit').click();
  await page.getByTestId('chat-toolbar').waitFor();
}

/** Logs in through the login form (the runtime config makes it the first screen once set up). */
export async function logIn(page: Page, account: Account): Promise<void> {
  await page.goto('/');
  const form = page.getByTestId('login-form');
  await form.waitFor();
  await form.getByLabel('Email').fill(account.email);
  await form.getByLabel('Password').fill(account.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('chat-toolbar').waitFor();
}

/** Opens the provider picker and chooses `provider`. */
export async function pickProvider(page: Page, provider: string): Promise<void> {
  await page.getByTestId('provider-picker').click();
  await page.getByTestId('provider-menu').waitFor();
  await page.getByTestId(`provider-option-${provider}`).click();
}

/** In the open connect dialog: types the key, submits, waits for the dialog to close. */
export async function submitKeyAndWaitConnected(page: Page, key: string): Promise<void> {
  const dialog = page.getByTestId('connect-dialog');
  await dialog.getByTestId('key-input').fill(key);
  await dialog.getByTestId('connect-submit').click();
  await dialog.waitFor({ state: 'detached' });
}

/** Provider first (spec §3): pick it in the chat toolbar, then connect the key in the inline dialog. */
export async function connectFromChat(page: Page, provider: string, key: string): Promise<void> {
  await pickProvider(page, provider);
  await page.getByTestId('connect-dialog').waitFor();
  await submitKeyAndWaitConnected(page, key);
}

export async function typeAndSend(page: Page, text: string): Promise<void> {
  await page.getByTestId('composer-input').fill(text);
  await page.getByTestId('send').click();
}

export const lastAssistant = (page: Page): Locator => page.getByTestId('assistant-message').last();

/** The visible text of a reply, without the "answered by" line under it. */
export async function replyText(message: Locator): Promise<string> {
  return message.evaluate((element) => {
    const body = element.querySelector('.markdown, .plain-text');
    return (body?.textContent ?? '').trim();
  });
}

export async function waitForStatus(message: Locator, status: string, timeout = uiTimeoutMs): Promise<void> {
  await eventually(() => message.getAttribute('data-status'), timeout).toBe(status);
}

/** Settings through the account menu, then a tab. */
export async function openSettings(page: Page, tab: 'providers' | 'calibration' | 'tokens'): Promise<void> {
  if (!(await page.getByTestId('settings-close').isVisible())) {
    await page.getByTestId('user-menu').click();
    await page.getByTestId('open-settings').click();
  }
  await page.getByTestId(`settings-tab-${tab}`).click();
  await page.getByTestId(`${tab}-settings`).waitFor();
}

/** Titles in the sidebar, newest first. */
export async function sidebarTitles(page: Page): Promise<string[]> {
  return page.locator('[data-testid="conversation-open"] .conversation-title').allTextContents();
}

/** Every value in localStorage and sessionStorage (keys and values), for secret scans. */
export async function browserStorage(page: Page): Promise<string> {
  return page.evaluate(() => {
    const dump = (storage: Storage) =>
      Array.from({ length: storage.length }, (_, index) => {
        const key = storage.key(index) ?? '';
        return `${key}=${storage.getItem(key) ?? ''}`;
      });
    return JSON.stringify({ local: dump(window.localStorage), session: dump(window.sessionStorage) });
  });
}

export async function expectNoSecretInStorage(page: Page, secrets: readonly string[]): Promise<void> {
  const storage = await browserStorage(page);
  for (const secret of secrets) expect(storage.includes(secret), 'a typed secret is in browser storage').toBe(false);
}

/** Reads an API resource with the page's own session (verification only, never to drive the UI). */
export async function readApi<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path);
  expect(response.status(), `GET ${path}`).toBe(200);
  return (await response.json()) as T;
}

export interface ProvidersBody {
  providers: {
    id: string;
    credential: { scope: string; hint: string; connectedBy: { name: string } | null; region?: string } | null;
  }[];
}

export async function credentialOf(page: Page, provider: string) {
  const body = await readApi<ProvidersBody>(page, '/api/providers');
  return body.providers.find((item) => item.id === provider)?.credential ?? null;
}
