import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { spawnPinned, stop, waitForHttp } from './processes';

/** Something the load is sent to: its URL and headers, and how to stop it. */
export interface Target {
  name: string;
  pid: number | undefined;
  chatUrl: string;
  headers: Record<string, string>;
  /** Extra fields the body needs (ChatStudio wants `<provider>/<model>`). */
  model: string;
  extra?: { token: string; baseUrl: string };
  close(): Promise<void>;
}

const root = path.resolve(import.meta.dirname, '..');

export function directTarget(upstreamBaseUrl: string): Target {
  return {
    name: 'direct (fake upstream)',
    pid: undefined,
    chatUrl: `${upstreamBaseUrl}/chat/completions`,
    headers: { authorization: 'Bearer sk-bench', 'content-type': 'application/json' },
    model: 'gpt-4o-mini',
    close: () => Promise.resolve(),
  };
}

export async function portkeyTarget(upstreamBaseUrl: string, port: number): Promise<Target> {
  const child = spawnPinned(
    0,
    process.execPath,
    [path.join(root, 'node_modules/@portkey-ai/gateway/build/start-server.js'), `--port=${port}`, '--headless'],
    {},
  );
  child.stdout?.resume();
  child.stderr?.resume();
  await waitForHttp(`http://127.0.0.1:${port}/`);
  return {
    name: 'Portkey gateway 1.15.2',
    pid: child.pid,
    chatUrl: `http://127.0.0.1:${port}/v1/chat/completions`,
    headers: {
      authorization: 'Bearer sk-bench',
      'content-type': 'application/json',
      'x-portkey-provider': 'openai',
      'x-portkey-custom-host': upstreamBaseUrl,
    },
    model: 'gpt-4o-mini',
    close: () => stop(child),
  };
}

async function postgresDatabase(): Promise<{ url: string; drop(): Promise<void> } | undefined> {
  const adminUrl = process.env.CHATSTUDIO_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `chatstudio_bench_${Date.now().toString(36)}`;
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query(`create database ${name}`);
  } catch {
    return undefined;
  } finally {
    await client.end().catch(() => undefined);
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/**
 * ChatStudio with full governance: a PAT for auth, an org key (so key resolution, policy and key
 * opening run), org and member budgets (so every call reserves and settles), usage recording and
 * request logging at the production default level.
 */
export async function chatStudioTarget(
  upstreamBaseUrl: string,
  port: number,
  database: 'sqlite' | 'postgres',
): Promise<Target | undefined> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'chatstudio-bench-'));
  const postgres = database === 'postgres' ? await postgresDatabase() : undefined;
  if (database === 'postgres' && !postgres) return undefined;
  const child = spawnPinned(
    0,
    process.execPath,
    ['--import', 'tsx', path.join(root, 'apps/server/src/cli/main.ts'), 'serve'],
    {
      PORT: String(port),
      HOST: '127.0.0.1',
      CHATSTUDIO_DATA_DIR: dataDir,
      CHATSTUDIO_MASTER_KEYS: `bench:${Buffer.alloc(32, 7).toString('base64')}`,
      CHATSTUDIO_OPENAI_BASE_URL: upstreamBaseUrl,
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
      ...(postgres ? { DATABASE_URL: postgres.url } : {}),
    },
  );
  child.stdout?.resume();
  child.stderr?.resume();
  const base = `http://127.0.0.1:${port}`;
  await waitForHttp(`${base}/api/health`);
  const json = { 'content-type': 'application/json' };
  const setup = await fetch(`${base}/api/auth/setup`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ email: 'bench@example.com', password: 'bench-password-123', name: 'Bench' }),
  });
  const me = (await setup.json()) as { activeOrgId: string; csrfToken: string };
  const session = {
    ...json,
    cookie: (setup.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
    'x-csrf-token': me.csrfToken,
  };
  const token = (
    (await (
      await fetch(`${base}/api/tokens`, { method: 'POST', headers: session, body: JSON.stringify({ name: 'bench' }) })
    ).json()) as { token: string }
  ).token;
  const key = await fetch(`${base}/api/orgs/${me.activeOrgId}/providers/openai/key`, {
    method: 'PUT',
    headers: session,
    body: JSON.stringify({ apiKey: 'sk-bench-org-key-000' }),
  });
  if (key.status !== 200) throw new Error(`org key connect failed: ${key.status} ${await key.text()}`);
  const policy = await fetch(`${base}/api/orgs/${me.activeOrgId}/policy`, {
    method: 'PUT',
    headers: session,
    body: JSON.stringify({
      approvedProviders: ['openai', 'ollama'],
      allowPersonalKeys: false,
      allowedModels: { openai: ['gpt-4o-mini', 'gpt-4.1-nano'] },
      monthlyTokenBudget: 1e12,
      memberMonthlyTokenBudget: 1e12,
    }),
  });
  if (policy.status !== 200) throw new Error(`policy failed: ${policy.status}`);
  return {
    name: `ChatStudio (${database})`,
    pid: child.pid,
    chatUrl: `${base}/v1/chat/completions`,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    model: 'openai/gpt-4o-mini',
    extra: { token, baseUrl: base },
    close: async () => {
      await stop(child);
      await postgres?.drop().catch(() => undefined);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
