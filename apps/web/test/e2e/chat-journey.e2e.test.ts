/**
 * The user's flow of spec §3, in order, as one person in a real Chromium against the real server and
 * the fake OpenAI: first run → provider first → connect (rejected, then accepted) → models → streaming
 * and Stop → title → last used on a new browser → calibration of the title task. The steps build on
 * each other, like the person's session does.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { canary } from '../../../server/test/support/canary';
import { skipBrowserTests } from './support/browser';
import { screenshot, startE2e, testTimeoutMs, type E2e } from './support/harness';
import {
  browserStorage,
  credentialOf,
  eventually,
  expectNoSecretInStorage,
  lastAssistant,
  logIn,
  newAccount,
  openSettings,
  replyText,
  setUpAdmin,
  sidebarTitles,
  typeAndSend,
  waitForStatus,
} from './support/ui';
import { chatCalls, modelListCalls } from './support/upstream';

const chatModels = ['gpt-4o-mini', 'gpt-4.1-nano', 'o4-mini', 'ft:gpt-4o-mini-2024-07-18:my-org::abc123'];
const nonChatModels = [
  'text-embedding-3-small',
  'tts-1',
  'whisper-1',
  'dall-e-3',
  'gpt-image-1',
  'omni-moderation-latest',
];

describe.skipIf(skipBrowserTests)('chat journey (Chromium)', { timeout: testTimeoutMs }, () => {
  let e2e: E2e;
  let page: Page;
  const admin = newAccount('journey');
  const goodKey = canary('sk-proj-e2e-journey-good-key-7d3f');
  const badKey = canary('sk-proj-e2e-journey-rejected-key-0bad');

  beforeAll(async () => {
    e2e = await startE2e();
    e2e.fake.addKey('openai', goodKey);
    ({ page } = await e2e.newPage());
  });
  afterAll(async () => {
    await e2e?.close();
  });
  afterEach(() => {
    expect(e2e.pageErrors).toEqual([]);
  });

  const optionIds = () =>
    page.getByTestId('model-option').evaluateAll((options) => options.map((o) => o.getAttribute('data-model-id')));

  /**
   * Sends a message whose reply streams `answer`; once the reply is visibly streaming, the fake is told
   * to answer `title` to the next call: that is the title call, which only starts after the reply.
   */
  async function exchangeThenTitle(question: string, answer: string, title: string) {
    e2e.fake.setReply('openai', { text: answer, chunkSize: 2, chunkDelayMs: 25 });
    await typeAndSend(page, question);
    const reply = lastAssistant(page);
    await eventually(async () => (await replyText(reply)).length).toBeGreaterThan(0);
    expect(await reply.getAttribute('data-status')).toBe('streaming');
    e2e.fake.setReply('openai', { text: title });
    await waitForStatus(reply, 'complete');
    return reply;
  }

  it('first run: creates the admin account in the setup form and lands in the chat view', async () => {
    await setUpAdmin(page, admin, () => screenshot(page, 'setup'));
    expect(await page.getByTestId('conversation-title').textContent()).toBe('New chat');
    await page.getByTestId('conversations-empty').waitFor();
    await page.getByTestId('transcript-empty').waitFor();
    expect(await page.getByTestId('user-menu').getAttribute('aria-label')).toBe(`Account: ${admin.name}`);
  });

  it('provider first: the inline dialog rejects a bad key (nothing stored), connects a good one, lists models', async () => {
    await page.getByTestId('provider-picker').click();
    const option = page.getByTestId('provider-option-openai');
    expect(await option.getByTestId('provider-option-status').textContent()).toBe('Needs your API key');
    await option.click();

    const dialog = page.getByTestId('connect-dialog');
    await dialog.waitFor();
    const input = dialog.getByTestId('key-input');
    await eventually(() => input.evaluate((element) => element === document.activeElement)).toBe(true);
    await input.fill(badKey);
    await dialog.getByTestId('connect-submit').click();
    const error = dialog.getByTestId('connect-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/OpenAI rejected this key\..*Nothing was saved\./);
    expect(await input.inputValue()).toBe('');
    // The server really asked the provider, and stored nothing.
    expect(e2e.fake.requestsFor('openai').some((request) => request.headers.authorization === `Bearer ${badKey}`)).toBe(
      true,
    );
    expect(await credentialOf(page, 'openai')).toBeNull();
    await screenshot(page, 'connect-key-rejected');

    await input.fill(goodKey);
    await dialog.getByTestId('connect-submit').click();
    await dialog.waitFor({ state: 'detached' });
    await eventually(() => page.getByTestId('chat-notice').textContent()).toBe(
      `OpenAI connected: ${chatModels.length} models available.`,
    );
    expect(await page.getByTestId('provider-picker').getAttribute('aria-label')).toBe('Provider: OpenAI');
    expect(await credentialOf(page, 'openai')).toMatchObject({ scope: 'user', hint: 'sk-…7d3f' });
    await expectNoSecretInStorage(page, [goodKey, badKey]);

    // The model picker: the provider's chat models only, with capability badges.
    await page.getByTestId('model-picker').click();
    await page.getByTestId('model-search').waitFor();
    await eventually(async () => (await optionIds()).sort()).toEqual([...chatModels].sort());
    for (const id of nonChatModels) expect(await optionIds()).not.toContain(id);
    const modelOption = (id: string) => page.locator(`[data-testid="model-option"][data-model-id="${id}"]`);
    expect(await modelOption('o4-mini').locator('.badge-reasoning').isVisible()).toBe(true);
    expect(await modelOption('gpt-4o-mini').locator('.badge-vision').isVisible()).toBe(true);
    expect(await modelOption('gpt-4.1-nano').locator('.badge-reasoning').count()).toBe(0);
    await screenshot(page, 'model-picker');

    await page.getByTestId('model-search').fill('nano');
    await eventually(optionIds).toEqual(['gpt-4.1-nano']);
    await page.getByTestId('model-search').fill('no-such-model');
    expect(await page.getByTestId('model-empty').textContent()).toContain('No model matches');
    await page.getByTestId('model-search').fill('');
    await eventually(async () => (await optionIds()).length).toBe(chatModels.length);

    // Refresh goes back to the provider (slowly this time): the loading indicator shows meanwhile.
    const listedBefore = modelListCalls(e2e.fake, 'openai').length;
    e2e.fake.failNext('openai', 'models', { kind: 'slow-first-token', delayMs: 800 });
    await page.getByTestId('model-refresh').click();
    await page.getByTestId('model-loading').waitFor({ state: 'visible' });
    await page.getByTestId('model-loading').waitFor({ state: 'detached' });
    expect(modelListCalls(e2e.fake, 'openai').length).toBeGreaterThan(listedBefore);
    expect((await optionIds()).sort()).toEqual([...chatModels].sort());

    await modelOption('gpt-4.1-nano').click();
    await eventually(() => page.getByTestId('model-picker').getAttribute('aria-label')).toBe('Model: gpt-4.1-nano');
  });

  it('streams a reply incrementally; Stop aborts the upstream call and keeps the partial reply across a reload', async () => {
    const long = Array.from({ length: 150 }, (_, index) => `word${index}`).join(' ');
    e2e.fake.setReply('openai', { text: long, chunkSize: 4, chunkDelayMs: 30 });
    await typeAndSend(page, 'Tell me a long story');
    const reply = lastAssistant(page);

    await eventually(async () => (await replyText(reply)).length).toBeGreaterThan(0);
    const first = await replyText(reply);
    await eventually(async () => (await replyText(reply)).length).toBeGreaterThan(first.length);
    const second = await replyText(reply);
    expect(second.startsWith(first)).toBe(true);
    expect(await reply.getAttribute('data-status')).toBe('streaming');

    await page.getByTestId('stop').click();
    const aborted = await e2e.fake.waitForClientAbort('openai', 10_000);
    expect(aborted.path).toBe('/v1/chat/completions');
    await waitForStatus(reply, 'partial');
    expect(await reply.getByTestId('message-status').textContent()).toContain('partial');
    const kept = await replyText(reply);
    expect(kept.length).toBeGreaterThanOrEqual(second.length);
    expect(kept.length).toBeLessThan(long.length);
    expect(long.startsWith(kept)).toBe(true);
    await page.getByTestId('send').waitFor();
    expect(page.url()).toMatch(/#\/c\/[^/]+$/);

    await page.reload();
    const reloaded = lastAssistant(page);
    await waitForStatus(reloaded, 'partial');
    expect(await replyText(reloaded)).toBe(kept);
    expect(await page.getByTestId('user-message').last().textContent()).toBe('Tell me a long story');
  });

  it('titles the conversation in the sidebar after its first exchange', async () => {
    await page.getByTestId('new-conversation').click();
    await page.getByTestId('transcript-empty').waitFor();
    const answer = [
      'Here is a relaxed plan:',
      '',
      '1. **Saturday**: Alfama, tram 28, sunset at Miradouro da Graça.',
      '2. **Sunday**: Belém, pastéis de nata, then the riverside walk to LX Factory.',
      '',
      'Enjoy Lisbon!',
    ].join('\n');
    const reply = await exchangeThenTitle('Plan a weekend in Lisbon', answer, 'Lisbon Weekend Plan');
    expect(await replyText(reply)).toContain('Enjoy Lisbon!');
    expect(await reply.locator('ol > li').count()).toBe(2);
    expect(await reply.getByTestId('answered-by').textContent()).toContain('gpt-4.1-nano');
    await screenshot(page, 'chat-streamed');

    await eventually(() => sidebarTitles(page)).toContain('Lisbon Weekend Plan');
    await eventually(() => page.getByTestId('conversation-title').textContent()).toBe('Lisbon Weekend Plan');
    const active = page.locator('[data-testid="conversation-open"][aria-current="page"]');
    expect(await active.textContent()).toContain('Lisbon Weekend Plan');
    // The title call ran on the conversation's model; the stopped conversation stays untitled.
    const { titles } = chatCalls(e2e.fake, 'openai');
    expect(titles.map((call) => call.model)).toEqual(['gpt-4.1-nano']);
    expect(await sidebarTitles(page)).toContain('Untitled conversation');
  });

  it('a new browser profile starts on the last-used provider and model (kept on the server)', async () => {
    const { context, page: other } = await e2e.newPage();
    try {
      await logIn(other, admin);
      await eventually(() => other.getByTestId('provider-picker').getAttribute('aria-label')).toBe('Provider: OpenAI');
      await eventually(() => other.getByTestId('model-picker').getAttribute('aria-label')).toBe('Model: gpt-4.1-nano');
      // Nothing came from this profile's storage: all it holds is the non-secret "set up" flag.
      expect(JSON.parse(await browserStorage(other))).toEqual({ local: ['chatstudio.setupSeen=1'], session: [] });
      expect(await sidebarTitles(other)).toContain('Lisbon Weekend Plan');
    } finally {
      await context.close();
    }
  });

  it("calibration: the title task's model set in settings is the one the title call uses", async () => {
    await openSettings(page, 'calibration');
    await page.getByTestId('calibration-provider').selectOption('openai');
    const card = page.getByTestId('calibration-task-title');
    await card.getByTestId('calibration-edit-title').click();
    const editor = page.getByTestId('calibration-editor');
    await editor.getByTestId('calibration-model').selectOption('o4-mini');
    await editor.getByTestId('calibration-save').click();
    await editor.waitFor({ state: 'detached' });
    await eventually(() => card.getByTestId('calibration-effective').textContent()).toContain('o4-mini');
    await screenshot(page, 'calibration');

    await page.getByTestId('settings-close').click();
    await page.getByTestId('transcript-empty').waitFor();
    const turnsBefore = chatCalls(e2e.fake, 'openai').turns.length;
    const titlesBefore = chatCalls(e2e.fake, 'openai').titles.length;
    await exchangeThenTitle(
      'Summarise our Q3 spending',
      'Spending rose 4% in Q3, mostly travel.',
      'Quarterly Budget Review',
    );

    await eventually(() => sidebarTitles(page)).toContain('Quarterly Budget Review');
    const { turns, titles } = chatCalls(e2e.fake, 'openai');
    expect(titles.slice(titlesBefore).map((call) => call.model)).toEqual(['o4-mini']);
    // The chat turn itself still used the model picked in the chat view.
    expect(turns.slice(turnsBefore).map((call) => call.model)).toEqual(['gpt-4.1-nano']);
    await expectNoSecretInStorage(page, [goodKey, badKey]);
  });
});
