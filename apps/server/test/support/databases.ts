import pg from 'pg';

/**
 * Which databases the integration tests run on. SQLite always; PostgreSQL when reachable — and in CI
 * (CI=true) an unreachable PostgreSQL is a failure, never a skip.
 */
export type TestDatabase = 'sqlite' | 'postgres';

export const postgresAdminUrl =
  process.env.CHATSTUDIO_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function testDatabases(): TestDatabase[] {
  return process.env.CHATSTUDIO_TEST_POSTGRES === 'off' ? ['sqlite'] : ['sqlite', 'postgres'];
}

let counter = 0;

/** Creates an empty PostgreSQL database for one test server; returns its URL and a drop function. */
export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `chatstudio_test_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  const admin = new pg.Client({ connectionString: postgresAdminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: postgresAdminUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}
