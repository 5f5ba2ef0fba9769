import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page, Response } from 'playwright-core';
import type { FakeUpstreams } from '../../../../server/test/fakes/fake-upstreams';
import { launchBrowser } from './browser';
import { startServerWithFakes, type ServerUnderTest } from './server-bridge';

const repoRoot = path.resolve(import.meta.dirname, '../../../../..');
const webDir = path.join(repoRoot, 'apps/web');
const builtIndex = path.join(webDir, 'dist/index.html');
export const screenshotDir = path.join(repoRoot, 'test-results/screenshots');

/** Generous, bounded waits: CI machines are slow, but nothing should hang a run. */
export const uiTimeoutMs = 15_000;
export const testTimeoutMs = 60_000;

export interface E2e {
  /** The real server, e.g. `http://127.0.0.1:41234`. */
  url: string;
  server: ServerUnderTest;
  fake: FakeUpstreams;
  browser: Browser;
  /** Uncaught exceptions and Content-Security-Policy violations in any page of this file (should stay empty). */
  pageErrors: string[];
  /** A fresh browser profile (its own cookies and storage) with one page on the app's origin. */
  newPage(options?: BrowserContextOptions): Promise<{ context: BrowserContext; page: Page }>;
  /** Closes every context, the browser, the server (which runs its secret-leak scan) and the fakes. */
  close(): Promise<void>;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (['node_modules', 'dist', 'test', 'test-support'].includes(entry.name)) continue;
    if (/\.test\.tsx?$/.test(entry.name)) continue; // not part of the bundle
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** The server serves `apps/web/dist`; without it there is nothing to test. A stale build only warns. */
function checkWebBuild(): void {
  if (!existsSync(builtIndex)) {
    throw new Error(`${builtIndex} is missing: run \`npm run build -w apps/web\` before the browser tests`);
  }
  if (statSync(builtIndex).mtimeMs < newestMtime(path.join(webDir, 'src'))) {
    console.warn('[chatstudio e2e] apps/web/dist is older than apps/web/src: run `npm run build -w apps/web`.');
  }
}

/**
 * Starts the real server (fresh SQLite storage) against the fake provider upstreams, and a Chromium.
 * Every API response body the browser receives is added to the server's canary scan, so `close()`
 * fails if any page ever received a registered secret (a provider key, a password).
 */
export async function startE2e(): Promise<E2e> {
  checkWebBuild();
  const { server, fake } = await startServerWithFakes({
    CHATSTUDIO_KEEPALIVE_MS: '200',
    CHATSTUDIO_UPSTREAM_MAX_RETRIES: '1',
  });
  let browser: Browser;
  try {
    browser = await launchBrowser();
  } catch (error) {
    await server.close();
    throw error;
  }
  const { url, scannedResponses } = server;
  const pendingBodies = new Set<Promise<void>>();
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  const record = (response: Response) => {
    const target = response.url();
    if (!target.startsWith(`${url}/api/`) && !target.startsWith(`${url}/v1/`)) return;
    const body = response
      .text()
      .then((text) => {
        scannedResponses.push(text);
      })
      .catch(() => undefined)
      .finally(() => pendingBodies.delete(body));
    pendingBodies.add(body);
  };

  return {
    url,
    server,
    fake,
    browser,
    pageErrors,
    newPage: async (options = {}) => {
      const context = await browser.newContext({ baseURL: url, viewport: { width: 1280, height: 800 }, ...options });
      context.setDefaultTimeout(uiTimeoutMs);
      context.setDefaultNavigationTimeout(uiTimeoutMs);
      context.on('response', record);
      context.on('weberror', (error) => pageErrors.push(String(error.error())));
      // The server sends a strict CSP (no inline scripts); a violation means something silently broke.
      context.on('console', (message) => {
        if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
          pageErrors.push(message.text());
      });
      contexts.push(context);
      const page = await context.newPage();
      return { context, page };
    },
    close: async () => {
      try {
        await Promise.race([Promise.all([...pendingBodies]), new Promise((resolve) => setTimeout(resolve, 5_000))]);
        for (const context of contexts) await context.close().catch(() => undefined);
        await browser.close();
      } finally {
        await server.close();
      }
    },
  };
}

export function screenshotPath(name: string): string {
  mkdirSync(screenshotDir, { recursive: true });
  return path.join(screenshotDir, `${name}.png`);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: screenshotPath(name), animations: 'disabled', caret: 'hide' });
}
