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
import { ModelCacheRepository } from './repositories/model-cache.repository';
import { PolicyRepository } from './repositories/policy.repository';
import { createProviderRegistry } from './providers/registry';
import { createUpstreamFetch } from './providers/upstream-fetch';
import { CredentialService } from './services/credential.service';
import { ModelAccessService } from './services/model-access.service';
import { ModelCatalogService } from './services/model-catalog.service';
import { PolicyService } from './services/policy.service';
import { ProviderService } from './services/provider.service';
import { CalibrationRepository } from './repositories/calibration.repository';
import { ConversationRepository } from './repositories/conversation.repository';
import { UsageRepository } from './repositories/usage.repository';
import { ActiveStreams } from './services/active-streams';
import { CalibrationService } from './services/calibration.service';
import { CallResolver } from './services/call-resolver';
import { ChatService } from './services/chat.service';
import { ConversationService } from './services/conversation.service';
import { HistoryService } from './services/history.service';
import { OneShotService } from './services/one-shot.service';
import { TitleService } from './services/title.service';
import { UsageService } from './services/usage.service';
import { BudgetRepository } from './repositories/budget.repository';
import { BudgetService } from './services/budget.service';
import { GovernanceService } from './services/governance.service';
import { MemoryInvalidationBus, RedisInvalidationBus } from './services/invalidation-bus';
import { OrgAccess } from './services/org-access';
import { OrgService } from './services/org.service';
import { UsageReportService } from './services/usage-report.service';
import { GatewayService } from './services/gateway.service';
import { PrincipalCache } from './services/principal-cache';
import { Metrics } from './services/metrics';
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
  titles: TitleService;
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
  if (!config.secureCookies && !['127.0.0.1', 'localhost', '::1'].includes(config.host)) {
    logger.warn(
      { host: config.host },
      'listening beyond loopback with CHATSTUDIO_SECURE_COOKIES=false: serve over HTTPS and set it to true',
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
  const credentials = new CredentialRepository(db.kysely);
  const calibrationRepository = new CalibrationRepository(db.kysely);
  const conversationRepository = new ConversationRepository(db.kysely);
  const usageRepository = new UsageRepository(db.kysely);
  const auditRepository = new AuditRepository(db.kysely, db.dialect);
  const setupRepository = new SetupRepository(db.kysely, db.dialect);
  const bus = redis ? new RedisInvalidationBus(redis, `${config.redisPrefix}bus:`) : new MemoryInvalidationBus();

  const audit = new AuditService(auditRepository);
  const principals = new PrincipalCache(bus);
  const limiter = redis ? new RedisRateLimiter(redis, `${config.redisPrefix}rl:`) : new MemoryRateLimiter();
  const auth = new AuthService(
    users,
    new SessionRepository(db.kysely),
    orgs,
    new ApiTokenRepository(db.kysely),
    setupRepository,
    limiter,
    {
      sessionTtlMs: config.sessionTtlMs,
      login: config.login,
    },
    principals,
  );
  const accounts = new AccountService(users, setupRepository, auth, audit);
  const rotation = new KeyRotationService(credentials, keyring);
  const tokens = new TokenService(new ApiTokenRepository(db.kysely), audit, principals);

  const registry = createProviderRegistry({
    fetch: createUpstreamFetch(config.upstream.connectTimeoutMs),
    baseUrls: config.baseUrls,
  });
  const policies = new PolicyService(new PolicyRepository(db.kysely), bus);
  const access = new ModelAccessService(registry, credentials, policies, keyring, bus);
  const catalog = new ModelCatalogService(access, new ModelCacheRepository(db.kysely), config.modelCacheTtlMs);
  const credentialService = new CredentialService(registry, credentials, users, catalog, audit, keyring, policies, bus);
  const providers = new ProviderService(registry, credentials, credentialService, policies);
  const resolver = new CallResolver(access, catalog, calibrationRepository, users);
  const metrics = new Metrics();
  const usage = new UsageService(usageRepository, metrics, config.usageFlushMs, (error) =>
    logger.error({ error: String(error) }, 'usage events could not be written'),
  );
  const budgets = new BudgetService(new BudgetRepository(db.kysely));
  const oneShot = new OneShotService(resolver, usage, budgets, config.upstream);
  const titles = new TitleService(oneShot, conversationRepository, logger);
  const chat = new ChatService(
    conversationRepository,
    users,
    resolver,
    new HistoryService(conversationRepository, oneShot),
    titles,
    usage,
    new ActiveStreams(),
    budgets,
    { maxMessageChars: config.maxMessageChars, keepAliveMs: config.keepAliveMs, stream: config.upstream },
  );
  const conversations = new ConversationService(conversationRepository);
  const calibration = new CalibrationService(calibrationRepository, access, catalog, resolver, audit);
  const orgAccess = new OrgAccess(orgs);
  const orgService = new OrgService(orgs, users, accounts, orgAccess, policies, audit, principals);
  const governance = new GovernanceService(
    orgAccess,
    policies,
    credentials,
    credentialService,
    calibration,
    users,
    auditRepository,
    audit,
    access,
    catalog,
  );
  const usageReports = new UsageReportService(usageRepository, users, orgAccess, usage);
  const gateway = new GatewayService(access, catalog, resolver, budgets, usage, config.upstream);
  const health = new HealthService({
    version,
    dialect: db.dialect,
    pingDatabase: async () => {
      await sql`select 1`.execute(db.kysely);
    },
    pingRedis: redis ? async () => void (await redis.ping()) : undefined,
  });

  const { app, routes } = await createHttpApp(
    {
      auth,
      tokens,
      health,
      providers,
      credentials: credentialService,
      catalog,
      conversations,
      chat,
      calibration,
      orgs: orgService,
      governance,
      usageReports,
      orgAccess,
      gateway,
      metrics,
    },
    {
      metricsToken: config.metricsToken,
      runtimeConfig: async () => ({ version, setupRequired: (await users.count()) === 0 }),
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
    titles,
    operator: { accounts, rotation, orgs },
    close: async () => {
      await app.close();
      await titles.settle();
      await usage.flush();
      await bus.close();
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
