import { modelInfoSchema, type ModelInfo, type ModelListResponse, type ProviderId } from '@chatstudio/contract';
import { z } from 'zod';
import type { ModelCacheRepository } from '../repositories/model-cache.repository';
import type { ModelAccessService, ResolvedAccess } from './model-access.service';
import { isModelAllowed } from './policy.service';
import type { Principal } from './principal';
import { appErrorFromProvider } from './provider-errors';

interface CachedList {
  models: ModelInfo[];
  fetchedAt: number;
}

const storedModels = z.array(modelInfoSchema);

/** How long a model listing may take before the provider counts as unreachable. */
const DISCOVERY_TIMEOUT_MS = 20_000;

/**
 * Model discovery (spec §3 step 5): per credential, cached for a TTL in memory and in the database
 * (shared by every instance, and the last good list when a refresh fails). Concurrent requests for
 * the same list share one upstream call. The org's model allowlist filters what callers see.
 */
export class ModelCatalogService {
  private readonly memory = new Map<string, CachedList>();
  private readonly inFlight = new Map<string, Promise<CachedList>>();

  constructor(
    private readonly access: ModelAccessService,
    private readonly cache: ModelCacheRepository,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async list(
    principal: Principal,
    provider: ProviderId,
    options: { refresh?: boolean } = {},
  ): Promise<ModelListResponse> {
    const access = await this.access.resolve(principal, provider);
    const result = await this.listFor(access, options);
    return {
      models: result.models.filter((model) => isModelAllowed(access.policy, provider, model.id)),
      fetchedAt: new Date(result.fetchedAt).toISOString(),
      stale: result.stale,
    };
  }

  /** The unfiltered list for an already-resolved credential (used by model resolution). */
  async listFor(access: ResolvedAccess, options: { refresh?: boolean } = {}): Promise<CachedList & { stale: boolean }> {
    const cached = options.refresh ? undefined : await this.fresh(access.cacheKey);
    if (cached) return { ...cached, stale: false };
    try {
      return { ...(await this.fetchOnce(access)), stale: false };
    } catch (error) {
      const lastGood = this.memory.get(access.cacheKey) ?? (await this.fromDatabase(access.cacheKey));
      if (lastGood) return { ...lastGood, stale: true };
      throw appErrorFromProvider(error, 'stored-key');
    }
  }

  /** Seeds the cache with the list a key validation already fetched. */
  async remember(cacheKey: string, provider: string, models: ModelInfo[]): Promise<void> {
    const entry = { models, fetchedAt: this.now() };
    this.memory.set(cacheKey, entry);
    await this.cache.upsert({
      cache_key: cacheKey,
      provider,
      models: JSON.stringify(models),
      fetched_at: entry.fetchedAt,
    });
  }

  async forget(cacheKey: string): Promise<void> {
    this.memory.delete(cacheKey);
    await this.cache.deleteByPrefix(cacheKey);
  }

  private async fresh(cacheKey: string): Promise<CachedList | undefined> {
    const inMemory = this.memory.get(cacheKey);
    if (inMemory && this.now() - inMemory.fetchedAt < this.ttlMs) return inMemory;
    const stored = await this.fromDatabase(cacheKey);
    if (stored && this.now() - stored.fetchedAt < this.ttlMs) {
      this.memory.set(cacheKey, stored);
      return stored;
    }
    return undefined;
  }

  private fetchOnce(access: ResolvedAccess): Promise<CachedList> {
    const pending = this.inFlight.get(access.cacheKey);
    if (pending) return pending;
    const request = (async () => {
      const models = await access.adapter.listModels(access.credential, AbortSignal.timeout(DISCOVERY_TIMEOUT_MS));
      await this.remember(access.cacheKey, access.provider, models);
      const stored = this.memory.get(access.cacheKey);
      return stored ?? { models, fetchedAt: this.now() };
    })().finally(() => this.inFlight.delete(access.cacheKey));
    this.inFlight.set(access.cacheKey, request);
    return request;
  }

  private async fromDatabase(cacheKey: string): Promise<CachedList | undefined> {
    const row = await this.cache.find(cacheKey);
    if (!row) return undefined;
    const models = storedModels.safeParse(JSON.parse(row.models));
    return models.success ? { models: models.data, fetchedAt: row.fetched_at } : undefined;
  }
}
