import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateMasterKeyEntry } from '../src/crypto';
import { startApp, type TestApp } from './support/app';
import { canary } from './support/canary';
import { runCli } from './support/cli';
import { setupAdmin } from './support/factories';

describe('chatstudio CLI', () => {
  let app: TestApp | undefined;
  const dirs: string[] = [];
  afterEach(async () => {
    await app?.close();
    app = undefined;
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const tempDir = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'chatstudio-cli-'));
    dirs.push(dir);
    return dir;
  };

  it('stops on bad configuration with one clear line per problem', () => {
    const result = runCli(['migrate'], { PORT: 'x', DATABASE_URL: 'mysql://nope' });
    expect(result.status).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^chatstudio: bad configuration: PORT/);
    expect(lines[1]).toMatch(/DATABASE_URL must be a postgres/);
  });

  it('migrates a fresh SQLite database, then reports it up to date', () => {
    const dataDir = tempDir();
    const env = { CHATSTUDIO_DATA_DIR: dataDir };
    expect(runCli(['migrate'], env)).toMatchObject({ status: 0, stdout: 'applied: 0001-initial\n' });
    expect(runCli(['migrate'], env)).toMatchObject({ status: 0, stdout: 'database is up to date\n' });
  });

  it('generates a 0600 master key file on first use of the embedded default, with a warning', () => {
    const dataDir = tempDir();
    const result = runCli(['audit', 'verify'], { CHATSTUDIO_DATA_DIR: dataDir });
    expect(result.status).toBe(0);
    expect(statSync(path.join(dataDir, 'master.key')).mode & 0o777).toBe(0o600);
    expect(result.stdout).toContain('generated a master key file');
  });

  it('refuses a master key file other users can read', () => {
    const dataDir = tempDir();
    writeFileSync(path.join(dataDir, 'master.key'), `${generateMasterKeyEntry('loose')}\n`, { mode: 0o644 });
    chmodSync(path.join(dataDir, 'master.key'), 0o644);
    const result = runCli(['migrate'], { CHATSTUDIO_DATA_DIR: dataDir });
    expect(result.status).toBe(0); // migrate needs no keys
    const serve = runCli(['audit', 'verify'], { CHATSTUDIO_DATA_DIR: dataDir });
    expect(serve.status).toBe(1);
    expect(serve.stderr).toContain('is readable by other users; chmod 600 it');
  });

  it('names a master key that sealed data needs but the operator removed', async () => {
    app = await startApp({ env: { CHATSTUDIO_MASTER_KEYS: generateMasterKeyEntry('gone') } });
    const { server } = app;
    const { seal, newId } = await import('../src/crypto');
    const sealed = seal(server.keyring, canary(`sk-cli-${newId()}`), {
      scope: 'user',
      ownerId: 'u',
      provider: 'openai',
    });
    await server.db.kysely
      .insertInto('credentials')
      .values({
        id: newId(),
        scope: 'user',
        owner_id: 'u',
        provider: 'openai',
        region: null,
        hint: 'sk-…',
        created_by: null,
        master_key_id: sealed.masterKeyId,
        wrapped_key: sealed.wrappedKey,
        ciphertext: sealed.ciphertext,
        created_at: 1,
        updated_at: 1,
      })
      .execute();
    const result = runCli(['keys', 'rotate'], {
      CHATSTUDIO_DATA_DIR: app.dataDir,
      CHATSTUDIO_MASTER_KEYS: generateMasterKeyEntry('other'),
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      'chatstudio: master key "gone" (1 stored keys) is needed but not configured: add it to CHATSTUDIO_MASTER_KEYS',
    );
    const serve = runCli(['serve'], {
      CHATSTUDIO_DATA_DIR: app.dataDir,
      CHATSTUDIO_MASTER_KEYS: generateMasterKeyEntry('other'),
      PORT: '0',
    });
    expect(serve.status).toBe(1);
    expect(serve.stderr).toContain('master key "gone"');
  });

  it('creates a user with a one-time password, and verifies the audit chain', async () => {
    app = await startApp();
    await setupAdmin(app);
    const env = { CHATSTUDIO_DATA_DIR: app.dataDir, CHATSTUDIO_MASTER_KEYS: app.env.CHATSTUDIO_MASTER_KEYS ?? '' };
    const created = runCli(
      ['users', 'create', '--email', 'Op@Example.com', '--name', 'Op User', '--role', 'admin'],
      env,
    );
    expect(created.status).toBe(0);
    const password = /one-time password.*: (\S+)/.exec(created.stdout)?.[1];
    expect(password).toBeTruthy();
    const login = await app.client
      .anonymous()
      .post('/api/auth/login', { email: 'op@example.com', password: canary(password ?? '') });
    expect(login.status).toBe(200);
    expect(login.body.user.mustChangePassword).toBe(true);
    expect(login.body.orgs[0].role).toBe('admin');

    expect(runCli(['users', 'create', '--email', 'op@example.com', '--name', 'Again'], env).status).toBe(1);
    expect(runCli(['users', 'create', '--name', 'No email'], env).status).toBe(2);

    const verified = runCli(['audit', 'verify'], env);
    expect(verified).toMatchObject({ status: 0 });
    expect(verified.stdout).toMatch(/audit log intact: \d+ rows verified/);
    await app.server.db.kysely.updateTable('audit_log').set({ action: 'tampered' }).where('seq', '=', 1).execute();
    const broken = runCli(['audit', 'verify'], env);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain('audit row 1: changed');
  });
});
