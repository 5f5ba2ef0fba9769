import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** The built single-page app, relative to this file: apps/web/dist. */
export const webDist = path.resolve(import.meta.dirname, '../../../web/dist');

const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export interface RuntimeConfig {
  version: string;
  setupRequired: boolean;
}

/**
 * Serves the web app: hashed assets from the Vite build, and `index.html` with the runtime config
 * injected per request as a JSON data block (CSP-friendly, nothing baked in at build time). Paths
 * that are not API, gateway or asset paths get `index.html`, so client-side routes survive reloads.
 */
export async function registerWebApp(
  app: FastifyInstance,
  config: () => Promise<RuntimeConfig>,
  distDir = webDist,
): Promise<boolean> {
  const indexFile = path.join(distDir, 'index.html');
  if (!existsSync(indexFile)) return false;
  const template = readFileSync(indexFile, 'utf8');
  await app.register(fastifyStatic, {
    root: path.join(distDir, 'assets'),
    prefix: '/assets/',
    immutable: true,
    maxAge: '365d',
    index: false,
    wildcard: true,
  });
  app.decorateReply('sendIndex', async function sendIndex(this: FastifyReply) {
    const json = JSON.stringify(await config()).replace(/</g, '\\u003c');
    const html = template.replace(
      '<!-- chatstudio:config -->',
      `<script type="application/json" id="chatstudio-config">${json}</script>`,
    );
    return this.header('content-security-policy', contentSecurityPolicy)
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(html);
  });
  return true;
}

/** Whether a GET for `url` should be answered with the app's index.html. */
export function isAppPath(url: string): boolean {
  const pathname = url.split('?')[0] ?? '/';
  return !/^\/(api|v1|metrics|assets)(\/|$)/.test(pathname);
}

declare module 'fastify' {
  interface FastifyReply {
    sendIndex(): Promise<FastifyReply>;
  }
}
