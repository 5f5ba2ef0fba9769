import path from 'node:path';
import { z } from 'zod';

/**
 * The operator's configuration, parsed once at boot from the environment (spec §8). Nothing else
 * in the server reads `process.env`. Every problem is reported, one line each, so an operator can
 * fix a bad deployment in one go.
 */

const url = (what: string) =>
  z
    .string()
    .trim()
    .refine(isHttpUrl, `${what} must be an absolute http(s) URL`)
    .transform((value) => value.replace(/\/+$/, ''));

function isHttpUrl(value: string): boolean {
  try {
    const parsed = new URL(value);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && !parsed.search && !parsed.hash;
  } catch {
    return false;
  }
}

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const nonNegativeInt = (fallback: number) => z.coerce.number().int().min(0).default(fallback);

const envSchema = z.object({
  NODE_ENV: z.string().optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  CHATSTUDIO_DATA_DIR: z.string().trim().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL (leave it unset for SQLite)')
    .optional(),
  REDIS_URL: z
    .string()
    .trim()
    .regex(/^rediss?:\/\//, 'REDIS_URL must be a redis:// or rediss:// URL')
    .optional(),
  CHATSTUDIO_REDIS_PREFIX: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9:_-]{1,64}$/, 'CHATSTUDIO_REDIS_PREFIX may use letters, digits, : _ -')
    .default('chatstudio:'),
  CHATSTUDIO_MASTER_KEYS: z.string().trim().min(1).optional(),
  CHATSTUDIO_MASTER_KEY_FILE: z.string().trim().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  OLLAMA_BASE_URL: url('OLLAMA_BASE_URL').default('http://127.0.0.1:11434'),
  CHATSTUDIO_OPENAI_BASE_URL: url('CHATSTUDIO_OPENAI_BASE_URL').default('https://api.openai.com/v1'),
  CHATSTUDIO_ANTHROPIC_BASE_URL: url('CHATSTUDIO_ANTHROPIC_BASE_URL').default('https://api.anthropic.com'),
  CHATSTUDIO_MISTRAL_BASE_URL: url('CHATSTUDIO_MISTRAL_BASE_URL').default('https://api.mistral.ai'),
  CHATSTUDIO_DASHSCOPE_INTL_BASE_URL: url('CHATSTUDIO_DASHSCOPE_INTL_BASE_URL').default(
    'https://dashscope-intl.aliyuncs.com/compatible-mode/v1',
  ),
  CHATSTUDIO_DASHSCOPE_CN_BASE_URL: url('CHATSTUDIO_DASHSCOPE_CN_BASE_URL').default(
    'https://dashscope.aliyuncs.com/compatible-mode/v1',
  ),
  CHATSTUDIO_DASHSCOPE_US_BASE_URL: url('CHATSTUDIO_DASHSCOPE_US_BASE_URL').default(
    'https://dashscope-us.aliyuncs.com/compatible-mode/v1',
  ),
  CHATSTUDIO_BODY_LIMIT_BYTES: positiveInt(1_048_576),
  CHATSTUDIO_MODEL_CACHE_TTL_SECONDS: positiveInt(600),
  CHATSTUDIO_SESSION_TTL_HOURS: positiveInt(24 * 14),
  CHATSTUDIO_SECURE_COOKIES: z.enum(['true', 'false']).default('false'),
  CHATSTUDIO_LOGIN_MAX_PER_ACCOUNT: positiveInt(5),
  CHATSTUDIO_LOGIN_MAX_PER_IP: positiveInt(50),
  CHATSTUDIO_LOGIN_WINDOW_SECONDS: positiveInt(900),
  CHATSTUDIO_UPSTREAM_MAX_RETRIES: nonNegativeInt(2),
  CHATSTUDIO_UPSTREAM_RETRY_BASE_MS: nonNegativeInt(500),
  CHATSTUDIO_UPSTREAM_RETRY_MAX_MS: nonNegativeInt(10_000),
  CHATSTUDIO_UPSTREAM_CONNECT_TIMEOUT_MS: positiveInt(10_000),
  CHATSTUDIO_UPSTREAM_FIRST_TOKEN_TIMEOUT_MS: positiveInt(120_000),
  CHATSTUDIO_UPSTREAM_IDLE_TIMEOUT_MS: positiveInt(60_000),
  CHATSTUDIO_KEEPALIVE_MS: positiveInt(15_000),
  CHATSTUDIO_MAX_MESSAGE_CHARS: positiveInt(100_000),
  CHATSTUDIO_USAGE_FLUSH_MS: nonNegativeInt(50),
  CHATSTUDIO_METRICS_TOKEN: z.string().min(16, 'CHATSTUDIO_METRICS_TOKEN must be at least 16 characters').optional(),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  redisUrl: string | undefined;
  /** Namespaces every Redis key and channel, so several deployments (or test runs) can share one Redis. */
  redisPrefix: string;
  masterKeys: { inline: string | undefined; file: string };
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  baseUrls: {
    openai: string;
    anthropic: string;
    mistral: string;
    dashscope: { intl: string; cn: string; us: string };
    ollama: string;
  };
  bodyLimitBytes: number;
  modelCacheTtlMs: number;
  sessionTtlMs: number;
  secureCookies: boolean;
  login: { maxPerAccount: number; maxPerIp: number; windowMs: number };
  upstream: {
    maxRetries: number;
    retryBaseMs: number;
    retryMaxMs: number;
    connectTimeoutMs: number;
    firstTokenTimeoutMs: number;
    idleTimeoutMs: number;
  };
  keepAliveMs: number;
  maxMessageChars: number;
  /** Usage events are written in batches at this interval (0: each at once). */
  usageFlushMs: number;
  metricsToken: string | undefined;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment; throws ConfigError listing every problem, one per line. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const blankAsUnset = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''),
  );
  const parsed = envSchema.safeParse(blankAsUnset);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`),
    );
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.CHATSTUDIO_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'sqlite', file: path.join(dataDir, 'chatstudio.db') },
    redisUrl: e.REDIS_URL,
    redisPrefix: e.CHATSTUDIO_REDIS_PREFIX,
    masterKeys: {
      inline: e.CHATSTUDIO_MASTER_KEYS,
      file: path.resolve(e.CHATSTUDIO_MASTER_KEY_FILE ?? path.join(dataDir, 'master.key')),
    },
    logLevel: e.LOG_LEVEL,
    baseUrls: {
      openai: e.CHATSTUDIO_OPENAI_BASE_URL,
      anthropic: e.CHATSTUDIO_ANTHROPIC_BASE_URL,
      mistral: e.CHATSTUDIO_MISTRAL_BASE_URL,
      dashscope: {
        intl: e.CHATSTUDIO_DASHSCOPE_INTL_BASE_URL,
        cn: e.CHATSTUDIO_DASHSCOPE_CN_BASE_URL,
        us: e.CHATSTUDIO_DASHSCOPE_US_BASE_URL,
      },
      ollama: e.OLLAMA_BASE_URL,
    },
    bodyLimitBytes: e.CHATSTUDIO_BODY_LIMIT_BYTES,
    modelCacheTtlMs: e.CHATSTUDIO_MODEL_CACHE_TTL_SECONDS * 1000,
    sessionTtlMs: e.CHATSTUDIO_SESSION_TTL_HOURS * 3_600_000,
    secureCookies: e.CHATSTUDIO_SECURE_COOKIES === 'true',
    login: {
      maxPerAccount: e.CHATSTUDIO_LOGIN_MAX_PER_ACCOUNT,
      maxPerIp: e.CHATSTUDIO_LOGIN_MAX_PER_IP,
      windowMs: e.CHATSTUDIO_LOGIN_WINDOW_SECONDS * 1000,
    },
    upstream: {
      maxRetries: e.CHATSTUDIO_UPSTREAM_MAX_RETRIES,
      retryBaseMs: e.CHATSTUDIO_UPSTREAM_RETRY_BASE_MS,
      retryMaxMs: e.CHATSTUDIO_UPSTREAM_RETRY_MAX_MS,
      connectTimeoutMs: e.CHATSTUDIO_UPSTREAM_CONNECT_TIMEOUT_MS,
      firstTokenTimeoutMs: e.CHATSTUDIO_UPSTREAM_FIRST_TOKEN_TIMEOUT_MS,
      idleTimeoutMs: e.CHATSTUDIO_UPSTREAM_IDLE_TIMEOUT_MS,
    },
    keepAliveMs: e.CHATSTUDIO_KEEPALIVE_MS,
    maxMessageChars: e.CHATSTUDIO_MAX_MESSAGE_CHARS,
    usageFlushMs: e.CHATSTUDIO_USAGE_FLUSH_MS,
    metricsToken: e.CHATSTUDIO_METRICS_TOKEN,
  };
}

/** The one read of the process environment. */
export function loadConfigFromProcess(): Config {
  return loadConfig(process.env);
}
