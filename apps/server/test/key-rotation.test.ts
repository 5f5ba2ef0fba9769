import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/config';
import { generateMasterKeyEntry, newId, open, parseMasterKeys, seal } from '../src/crypto';
import { CredentialRepository } from '../src/repositories/credential.repository';
import { createServer, type Server } from '../src/server';
import { startApp, type TestApp } from './support/app';
import { canary } from './support/canary';
import { testDatabases } from './support/databases';

describe.each(testDatabases())('master key rotation on %s', (database) => {
  let app: TestApp;
  let restarted: Server | undefined;
  afterEach(async () => {
    await restarted?.close();
    restarted = undefined;
    await app.close();
  });

  async function storeSecrets(server: Server, count: number): Promise<Map<string, string>> {
    const repository = new CredentialRepository(server.db.kysely);
    const secrets = new Map<string, string>();
    for (let index = 0; index < count; index++) {
      const ownerId = `owner-${index}`;
      const secret = canary(`sk-rotation-${index}-${newId()}`);
      const sealed = seal(server.keyring, secret, { scope: 'user', ownerId, provider: 'openai' });
      const now = Date.now();
      await repository.upsert({
        id: newId(),
        scope: 'user',
        owner_id: ownerId,
        provider: 'openai',
        region: null,
        hint: 'sk-…',
        created_by: null,
        master_key_id: sealed.masterKeyId,
        wrapped_key: sealed.wrappedKey,
        ciphertext: sealed.ciphertext,
        created_at: now,
        updated_at: now,
      });
      secrets.set(ownerId, secret);
    }
    return secrets;
  }

  async function openAll(server: Server): Promise<Map<string, string>> {
    const rows = await server.db.kysely.selectFrom('credentials').selectAll().execute();
    return new Map(
      rows.map((row) => [
        row.owner_id,
        open(
          server.keyring,
          { masterKeyId: row.master_key_id, wrappedKey: row.wrapped_key, ciphertext: row.ciphertext },
          { scope: row.scope, ownerId: row.owner_id, provider: row.provider },
        ),
      ]),
    );
  }

  it('re-wraps every data key in resumable batches; after removing the old key everything opens', async () => {
    const oldKey = generateMasterKeyEntry('old');
    const newKey = generateMasterKeyEntry('new');
    app = await startApp({ database, env: { CHATSTUDIO_MASTER_KEYS: oldKey } });
    const secrets = await storeSecrets(app.server, 7);
    const reuse = { dataDir: app.dataDir, databaseUrl: app.env.DATABASE_URL };

    // The operator adds a new primary; a first rotation "crashes" after its first batch.
    const rotating = await createServer(loadConfig({ ...app.env, CHATSTUDIO_MASTER_KEYS: `${newKey},${oldKey}` }));
    await expect(
      rotating.operator.rotation.rotate({
        batchSize: 3,
        onBatch: () => {
          throw new Error('simulated crash');
        },
      }),
    ).rejects.toThrow('simulated crash');
    const midway = await rotating.db.kysely.selectFrom('credentials').select('master_key_id').execute();
    expect(midway.filter((row) => row.master_key_id === 'new')).toHaveLength(3);
    expect(await openAll(rotating)).toEqual(secrets);

    // Re-running resumes and finishes.
    const report = await rotating.operator.rotation.rotate({ batchSize: 3 });
    expect(report).toEqual({ rewrapped: 4, skipped: 0, remaining: [{ masterKeyId: 'new', count: 7 }] });
    await rotating.close();

    // The old key is removed: everything still opens.
    restarted = await createServer(
      loadConfig({
        ...app.env,
        ...(reuse.databaseUrl ? { DATABASE_URL: reuse.databaseUrl } : {}),
        CHATSTUDIO_MASTER_KEYS: newKey,
      }),
    );
    expect(await openAll(restarted)).toEqual(secrets);
    expect(parseMasterKeys(newKey).ids()).toEqual(['new']);
  });

  it('reports rows it cannot open instead of failing the whole rotation', async () => {
    app = await startApp({ database, env: { CHATSTUDIO_MASTER_KEYS: generateMasterKeyEntry('a') } });
    await storeSecrets(app.server, 2);
    await app.server.db.kysely
      .updateTable('credentials')
      .set({ owner_id: 'moved-to-someone-else' })
      .where('owner_id', '=', 'owner-0')
      .execute();
    const rotating = await createServer(
      loadConfig({
        ...app.env,
        CHATSTUDIO_MASTER_KEYS: `${generateMasterKeyEntry('b')},${app.env.CHATSTUDIO_MASTER_KEYS ?? ''}`,
      }),
    );
    const report = await rotating.operator.rotation.rotate();
    await rotating.close();
    expect(report.rewrapped).toBe(1);
    expect(report.skipped).toBe(1);
  });
});
