import pg from 'pg';
import { postgresAdminUrl } from './databases';

/**
 * Decides once per run whether PostgreSQL tests run. Outside CI an unreachable server turns them off
 * (saying so); in CI it fails the run.
 */
export default async function setup(): Promise<void> {
  if (process.env.CHATSTUDIO_TEST_POSTGRES === 'off') return;
  const client = new pg.Client({ connectionString: postgresAdminUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    if (process.env.CI === 'true') {
      throw new Error(`PostgreSQL is required in CI but ${postgresAdminUrl} is unreachable`, { cause: error });
    }
    process.stderr.write(
      `\n[chatstudio tests] PostgreSQL unreachable at ${postgresAdminUrl}: PostgreSQL tests are OFF for this run.\n\n`,
    );
    process.env.CHATSTUDIO_TEST_POSTGRES = 'off';
  } finally {
    await client.end().catch(() => undefined);
  }
}
