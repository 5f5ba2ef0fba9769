import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { loadConfig } from '../../src/config/config';
import { generateMasterKeyEntry } from '../../src/crypto';
import { createServer, type Server } from '../../src/server';
import { leakedIn, shownOnceSecrets } from './canary';
import { TestClient } from './client';
import { createPostgresDatabase, type TestDatabase } from './databases';

export interface TestApp {
  url: string;
  server: Server;
  client: TestClient;
  logs: string[];
  dataDir: string;
  env: Record<string, string>;
  /** Closes the server and runs the canary scan over logs, responses and the database. */
  close(): Promise<void>;
}

export interface StartOptions {
  database?: TestDatabase;
  env?: Record<string, string>;
  /** Reuse this data dir / database (a restart); otherwise each app gets fresh storage. */
  reuse?: { dataDir: string; databaseUrl?: string };
}

/** Starts the real server on a real port with fresh storage, capturing every log line. */
export async function startApp(options: StartOptions = {}): Promise<TestApp> {
  const dataDir = options.reuse?.dataDir ?? mkdtempSync(path.join(tmpdir(), 'chatstudio-test-'));
  const postgres = options.database === 'postgres' && !options.reuse ? await createPostgresDatabase() : undefined;
  const databaseUrl = options.reuse?.databaseUrl ?? postgres?.url;
  const env: Record<string, string> = {
    PORT: '0',
    HOST: '127.0.0.1',
    CHATSTUDIO_DATA_DIR: dataDir,
    LOG_LEVEL: 'debug',
    CHATSTUDIO_MASTER_KEYS: generateMasterKeyEntry('test1'),
    CHATSTUDIO_UPSTREAM_RETRY_BASE_MS: '5',
    // Tests read usage rows right after a call; batching has its own test.
    CHATSTUDIO_USAGE_FLUSH_MS: '0',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...options.env,
  };
  const logs: string[] = [];
  const logDestination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString('utf8'));
      done();
    },
  });
  const server = await createServer(loadConfig(env), { logDestination });
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const address = server.app.server.address();
  if (!address || typeof address === 'string') throw new Error('server did not bind a port');
  const url = `http://127.0.0.1:${address.port}`;
  const responses: string[] = [];
  const client = new TestClient(url, responses);
  return {
    url,
    server,
    client,
    logs,
    dataDir,
    env,
    close: async () => {
      const stored = await dumpDatabase(server);
      await server.close();
      const sqliteFiles = readdirSync(dataDir)
        .filter((file) => file.startsWith('chatstudio.db'))
        .map((file) => readFileSync(path.join(dataDir, file)).toString('latin1'));
      await postgres?.drop();
      if (!options.reuse) rmSync(dataDir, { recursive: true, force: true });
      const leaks = [
        ...leakedIn(logs.join('')).map((secret) => `log output contains ${describe(secret)}`),
        ...leakedIn(responses.join('\n'), shownOnceSecrets()).map(
          (secret) => `a response body contains ${describe(secret)}`,
        ),
        ...leakedIn(stored + sqliteFiles.join('')).map((secret) => `the database contains ${describe(secret)}`),
      ];
      if (leaks.length > 0) throw new Error(`secret leak: ${leaks.join('; ')}`);
    },
  };
}

function describe(secret: string): string {
  return `a registered secret (${secret.slice(0, 4)}…${secret.length} chars)`;
}

/** Every row of every table as text, so a secret stored anywhere in plaintext is found. */
async function dumpDatabase(server: Server): Promise<string> {
  const tables = [
    'users',
    'sessions',
    'orgs',
    'memberships',
    'org_policies',
    'org_invites',
    'credentials',
    'model_cache',
    'calibrations',
    'conversations',
    'messages',
    'usage_events',
    'budget_counters',
    'audit_log',
    'api_tokens',
  ];
  const parts: string[] = [];
  for (const table of tables) {
    const result = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(server.db.kysely);
    parts.push(JSON.stringify(result.rows));
  }
  return parts.join('\n');
}
