/**
 * Hostile model output in a real browser: raw HTML stays text (nothing runs, no element is created),
 * images are never fetched, `javascript:` links are dropped, code fences render as code. And the key a
 * person typed never lands in the browser's storage.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { canary } from '../../../server/test/support/canary';
import { skipBrowserTests } from './support/browser';
import { startE2e, testTimeoutMs, type E2e } from './support/harness';
import {
  connectFromChat,
  eventually,
  expectNoSecretInStorage,
  lastAssistant,
  newAccount,
  replyText,
  setUpAdmin,
  sidebarTitles,
  typeAndSend,
  waitForStatus,
} from './support/ui';

describe.skipIf(skipBrowserTests)('hostile replies and secrets (Chromium)', { timeout: testTimeoutMs }, () => {
  let e2e: E2e;
  let page: Page;
  const key = canary('sk-proj-e2e-safety-key-9x8y');
  const requestedUrls: string[] = [];
  let trackerUrl = '';

  beforeAll(async () => {
    e2e = await startE2e();
    e2e.fake.addKey('openai', key);
    trackerUrl = `${e2e.fake.origin}/tracker.png?leak=conversation`;
    ({ page } = await e2e.newPage());
    page.on('request', (request) => requestedUrls.push(request.url()));
    await setUpAdmin(page, newAccount('safety'));
    await connectFromChat(page, 'openai', key);
  });
  afterAll(async () => {
    await e2e?.close();
  });
  afterEach(() => {
    expect(e2e.pageErrors).toEqual([]);
  });

  it('renders raw HTML in a reply as text, runs nothing, loads no image, and shows code as <pre><code>', async () => {
    const hostile = [
      'Here you go <img src=x onerror="window.__xss=1"> and <script>window.__xss=2</script> done.',
      '',
      `![pixel](${trackerUrl}) and [click me](javascript:window.__xss=3)`,
      '',
      '<iframe src="javascript:window.top.__xss=4"></iframe>',
      '',
      '```js',
      'const answer = 42; // <b>not bold</b>',
      '```',
    ].join('\n');
    e2e.fake.setReply('openai', { text: hostile, chunkSize: 16, chunkDelayMs: 5 });
    await typeAndSend(page, 'Show me some HTML');
    const reply = lastAssistant(page);
    await waitForStatus(reply, 'complete');
    // Let the lazily loaded Markdown renderer take over from the plain-text fallback.
    await reply.locator('.markdown pre code').waitFor();

    const transcript = page.getByTestId('transcript');
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(await transcript.locator('img, script, iframe, object, embed').count()).toBe(0);

    // The HTML is shown, as text.
    const text = await replyText(reply);
    expect(text).toContain('<img src=x onerror="window.__xss=1">');
    expect(text).toContain('<script>window.__xss=2</script>');

    // The fenced block is code, and the markup inside it is text too.
    const code = reply.locator('pre > code');
    expect(await code.count()).toBe(1);
    expect(await code.textContent()).toContain('const answer = 42; // <b>not bold</b>');
    expect(await code.locator('b').count()).toBe(0);

    // The image is a link that was never fetched; the javascript: link lost its URL.
    const imageLink = reply.locator('a.md-image-link');
    expect(await imageLink.getAttribute('href')).toBe(trackerUrl);
    expect(await imageLink.getAttribute('rel')).toContain('noopener');
    expect(requestedUrls.filter((url) => url.includes('tracker.png'))).toEqual([]);
    const hrefs = await reply.locator('a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    expect(hrefs.some((href) => /^\s*javascript:/i.test(href))).toBe(false);

    // The title call got the same hostile text: the sidebar and the top bar show it as text too.
    await eventually(() => sidebarTitles(page)).toEqual([expect.stringMatching(/^Here you go <img src=x onerror=/)]);
    expect(await page.getByTestId('sidebar').locator('img, script, iframe').count()).toBe(0);
    expect(await page.getByTestId('conversation-title').textContent()).toMatch(/^Here you go <img/);
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
  });

  it('keeps the typed API key out of localStorage and sessionStorage (and out of the page)', async () => {
    await expectNoSecretInStorage(page, [key]);
    expect(await page.content()).not.toContain(key);
    const stored = await page.evaluate(async () => {
      const databases = (await indexedDB.databases?.()) ?? [];
      return databases.map((database) => database.name);
    });
    expect(stored).toEqual([]);
  });
});
