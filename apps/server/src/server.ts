import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import type { DestinationStream, Logger } from 'pino';
import { Redis } from 'ioredis';
import type { Config } from './config/config';
import { KeyringError, loadKeyring, type Keyring } from './crypto';
import { openDatabase, type Db } from './db/database';
import { migrateToLatest } from './db/migrator';
import { createHttpApp, type RouteEntry } from './http/app';
import { createLogger } from './logger';
import { ApiTokenRepository } from './repositories/api-token.repository';
import { AuditRepository } from './repositories/audit.repository';
import { OrgRepository } from './repositories/org.repository';
import { SessionRepository } from './repositories/session.repository';
import { SetupRepository } from './repositories/setup.repository';
import { UserRepository } from './repositories/user.repository';
import { AuditService } from './services/audit.service';
import { AuthService } from './services/auth.service';
import { HealthService } from './services/health.service';
import { MemoryRateLimiter, RedisRateLimiter } from './services/rate-limiter';
import { TokenService } from './services/token.service';
import { AccountService } from './services/account.service';
import { KeyRotationService } from './services/key-rotation.service';
import { CredentialRepository } from './repositories/credential.repository';
import type { FastifyInstance } from 'fastify';

const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string })
  .version;

export interface Server {
  app: FastifyInstance;
  routes: RouteEntry[];
  db: Db;
  keyring: Keyring;
  logger: Logger;
  audit: AuditService;
  operator: { accounts: AccountService; rotation: KeyRotationService; orgs: OrgRepository };
  close(): Promise<void>;
}

export interface ServerOptions {
  /** Where log lines go (tests capture them to scan for secrets); stdout by default. */
  logDestination?: DestinationStream;
}

/** Composition root: config → db → repositories → services → http. Nothing else. */
export async function createServer(config: Config, options: ServerOptions = {}): Promise<Server> {
  const logger = createLogger(config.logLevel, options.logDestination);
  const { keyring, generatedFile } = loadKeyring({
    inline: config.masterKeys.inline,
    file: config.masterKeys.file,
    allowGenerate: config.database.kind === 'sqlite',
  });
  if (generatedFile) {
    logger.warn(
      { file: generatedFile },
      'generated a master key file; production deployments should supply CHATSTUDIO_MASTER_KEYS',
    );
  }
  const db = openDatabase(config.database);
  const redis = config.redisUrl
    ? new Redis(config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2 })
    : undefined;
  redis?.on('error', (error: Error) => logger.warn({ error: error.message }, 'redis connection problem'));
  try {
    await migrateToLatest(db);
    await assertMasterKeysPresent(new CredentialRepository(db.kysely), keyring);
    if (redis) await redis.connect();
  } catch (error) {
    await db.close();
    redis?.disconnect();
    throw error;
  }

  const users = new UserRepository(db.kysely);
  const orgs = new OrgRepository(db.kysely);
  const audit = new AuditService(new AuditRepository(db.kysely, db.dialect));
  const limiter = redis ? new RedisRateLimiter(redis, `${config.redisPrefix}rl:`) : new MemoryRateLimiter();
  const auth = new AuthService(
    users,
    new SessionRepository(db.kysely),
    orgs,
    new ApiTokenRepository(db.kysely),
    new SetupRepository(db.kysely, db.dialect),
    limiter,
    { sessionTtlMs: config.sessionTtlMs, login: config.login },
  );
  const credentials = new CredentialRepository(db.kysely);
  const accounts = new AccountService(users, new SetupRepository(db.kysely, db.dialect), auth, audit);
  const rotation = new KeyRotationService(credentials, keyring);
  const tokens = new TokenService(new ApiTokenRepository(db.kysely), audit);
  const health = new HealthService({
    version,
    dialect: db.dialect,
    pingDatabase: async () => {
      await sql`select 1`.execute(db.kysely);
    },
    pingRedis: redis ? async () => void (await redis.ping()) : undefined,
  });

  const { app, routes } = createHttpApp(
    { auth, tokens, health },
    {
      logger,
      bodyLimitBytes: config.bodyLimitBytes,
      secureCookies: config.secureCookies,
      sessionTtlMs: config.sessionTtlMs,
    },
  );
  return {
    app,
    routes,
    db,
    keyring,
    logger,
    audit,
    operator: { accounts, rotation, orgs },
    close: async () => {
      await app.close();
      await db.close();
      redis?.disconnect();
    },
  };
}

/** Refuses to start when stored secrets need a master key the operator did not supply, naming it. */
async function assertMasterKeysPresent(credentials: CredentialRepository, keyring: Keyring): Promise<void> {
  const missing = (await credentials.countByMasterKey()).filter((entry) => !keyring.get(entry.masterKeyId));
  if (missing.length > 0) {
    const names = missing.map((entry) => `"${entry.masterKeyId}" (${entry.count} stored keys)`).join(', ');
    throw new KeyringError(`master key ${names} is needed but not configured: add it to CHATSTUDIO_MASTER_KEYS`);
  }
}
