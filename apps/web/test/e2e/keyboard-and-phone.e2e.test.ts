/**
 * Two ways of using the app that a mouse on a wide screen hides: the keyboard alone (the connect
 * dialog reached, completed and closed with Tab / arrows / Enter / Escape), and a phone-sized screen.
 * The phone step reuses the account and the key connected by the keyboard step.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { canary } from '../../../server/test/support/canary';
import { skipBrowserTests } from './support/browser';
import { screenshot, startE2e, testTimeoutMs, type E2e } from './support/harness';
import {
  credentialOf,
  eventually,
  expectNoSecretInStorage,
  lastAssistant,
  logIn,
  newAccount,
  replyText,
  setUpAdmin,
  waitForStatus,
} from './support/ui';

const focusedTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

/** Presses `key` until the element with `testId` has focus (bounded, so a broken focus order fails). */
async function pressUntilFocused(page: Page, key: string, testId: string, max = 30): Promise<void> {
  for (let presses = 0; presses < max; presses += 1) {
    if ((await focusedTestId(page)) === testId) return;
    await page.keyboard.press(key);
  }
  expect(await focusedTestId(page), `${key} never reached ${testId}`).toBe(testId);
}

/** Waits until `element` lies wholly inside the viewport (drawers and menus animate in). */
async function expectInViewport(element: Locator, viewport: { width: number; height: number }): Promise<void> {
  const placement = async () => {
    const box = await element.boundingBox();
    if (!box) return 'no layout box';
    const inside =
      box.x >= 0 &&
      box.y >= 0 &&
      box.x + box.width <= viewport.width + 0.5 &&
      box.y + box.height <= viewport.height + 0.5;
    return inside ? 'inside' : `outside: ${JSON.stringify(box)}`;
  };
  await eventually(placement).toBe('inside');
}

describe.skipIf(skipBrowserTests)('keyboard and phone (Chromium)', { timeout: testTimeoutMs }, () => {
  let e2e: E2e;
  let page: Page;
  const admin = newAccount('keyboard');
  const goodKey = canary('sk-proj-e2e-keyboard-good-key-k3y5');
  const badKey = canary('sk-proj-e2e-keyboard-rejected-key-n0p3');

  beforeAll(async () => {
    e2e = await startE2e();
    e2e.fake.addKey('openai', goodKey);
    ({ page } = await e2e.newPage());
    await setUpAdmin(page, admin);
  });
  afterAll(async () => {
    await e2e?.close();
  });
  afterEach(() => {
    expect(e2e.pageErrors).toEqual([]);
  });

  it('completes and closes the connect dialog with the keyboard alone', async () => {
    const dialog = page.getByTestId('connect-dialog');
    const openOpenAiWithKeyboard = async () => {
      await page.keyboard.press('Enter');
      await page.getByTestId('provider-menu').waitFor();
      await pressUntilFocused(page, 'ArrowDown', 'provider-option-openai', 10);
      await page.keyboard.press('Enter');
      await dialog.waitFor();
      await eventually(() => focusedTestId(page)).toBe('key-input');
    };

    // Tab reaches the provider picker; Escape closes its menu and gives focus back.
    await page.locator('body').focus();
    await pressUntilFocused(page, 'Tab', 'provider-picker');
    await page.keyboard.press('Enter');
    await page.getByTestId('provider-menu').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('provider-menu').waitFor({ state: 'detached' });
    expect(await focusedTestId(page)).toBe('provider-picker');

    // A rejected key: the error shows, focus stays in the key field, Escape closes the dialog.
    await openOpenAiWithKeyboard();
    await page.keyboard.type(badKey);
    await page.keyboard.press('Enter');
    await dialog.getByTestId('connect-error').waitFor();
    await eventually(() => focusedTestId(page)).toBe('key-input');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await focusedTestId(page)).toBe('provider-picker');
    expect(await credentialOf(page, 'openai')).toBeNull();

    // A good key, submitted by tabbing to Connect: connected, dialog closed, focus back on the picker.
    await openOpenAiWithKeyboard();
    await page.keyboard.type(goodKey);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await page.keyboard.press('Tab');
    expect(await focusedTestId(page)).toBe('connect-submit');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await eventually(() => page.getByTestId('chat-notice').textContent()).toContain('OpenAI connected');
    expect(await focusedTestId(page)).toBe('provider-picker');
    expect(await page.getByTestId('provider-picker').getAttribute('aria-label')).toBe('Provider: OpenAI');
    expect(await credentialOf(page, 'openai')).toMatchObject({ hint: 'sk-…k3y5' });
    await expectNoSecretInStorage(page, [goodKey, badKey]);
  });

  it('is usable at phone width (390×844): composer, send, provider picker, drawer', async () => {
    const viewport = { width: 390, height: 844 };
    const { context, page: phone } = await e2e.newPage({ viewport, isMobile: true, hasTouch: true });
    try {
      await logIn(phone, admin);
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      for (const id of ['provider-picker', 'model-picker', 'composer-input', 'send', 'drawer-toggle', 'user-menu']) {
        await expectInViewport(phone.getByTestId(id), viewport);
      }
      expect(await phone.getByTestId('sidebar').isVisible()).toBe(false);

      // The provider picker opens on screen and can be used by touch.
      await phone.getByTestId('provider-picker').tap();
      const menu = phone.getByTestId('provider-menu');
      await menu.waitFor();
      await expectInViewport(phone.getByTestId('provider-option-openai'), viewport);
      await phone.getByTestId('provider-option-openai').tap();
      await menu.waitFor({ state: 'detached' });
      expect(await phone.getByTestId('provider-picker').getAttribute('aria-label')).toBe('Provider: OpenAI');

      e2e.fake.setReply('openai', {
        text: 'A short answer, sized for a small screen.',
        chunkSize: 6,
        chunkDelayMs: 10,
      });
      await phone.getByTestId('composer-input').tap();
      await phone.getByTestId('composer-input').fill('Hello from my phone');
      await phone.getByTestId('send').tap();
      const reply = lastAssistant(phone);
      await waitForStatus(reply, 'complete');
      expect(await replyText(reply)).toBe('A short answer, sized for a small screen.');
      await expectInViewport(reply, viewport);
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await screenshot(phone, 'phone-chat');

      // The conversation list is a drawer: open it, pick the conversation, and it closes again.
      await phone.getByTestId('drawer-toggle').tap();
      const item = phone.getByTestId('conversation-open').first();
      await item.waitFor();
      await expectInViewport(item, viewport);
      await item.tap();
      await eventually(() => phone.getByTestId('sidebar').isVisible()).toBe(false);
      await lastAssistant(phone).waitFor();
    } finally {
      await context.close();
    }
  });
});
