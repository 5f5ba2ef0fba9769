import type { Redis } from 'ioredis';

/**
 * Fixed-window counters. In memory on one box; in Redis when configured, so every instance behind a
 * load balancer shares the same counts (spec §8).
 */
export interface RateLimiter {
  /** Current count for `key` in its window. */
  count(key: string): Promise<number>;
  /** Adds one to `key`'s window and returns the new count. */
  hit(key: string, windowMs: number): Promise<number>;
  reset(key: string): Promise<void>;
  /** Takes back one hit (an attempt that turned out not to count). */
  release(key: string): Promise<void>;
}

export class MemoryRateLimiter implements RateLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  count(key: string): Promise<number> {
    const window = this.windows.get(key);
    return Promise.resolve(window && window.resetAt > this.now() ? window.count : 0);
  }

  hit(key: string, windowMs: number): Promise<number> {
    const now = this.now();
    const window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      if (this.windows.size > 100_000) this.sweep(now);
      this.windows.set(key, { count: 1, resetAt: now + windowMs });
      return Promise.resolve(1);
    }
    window.count += 1;
    return Promise.resolve(window.count);
  }

  reset(key: string): Promise<void> {
    this.windows.delete(key);
    return Promise.resolve();
  }

  release(key: string): Promise<void> {
    const window = this.windows.get(key);
    if (window && window.count > 0) window.count -= 1;
    return Promise.resolve();
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}

export class RedisRateLimiter implements RateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'chatstudio:rl:',
  ) {}

  async count(key: string): Promise<number> {
    return Number((await this.redis.get(this.prefix + key)) ?? 0);
  }

  async hit(key: string, windowMs: number): Promise<number> {
    const results = await this.redis
      .multi()
      .incr(this.prefix + key)
      .pexpire(this.prefix + key, windowMs, 'NX')
      .exec();
    const first = results?.[0];
    if (!first || first[0]) throw first?.[0] ?? new Error('redis rate limiter: empty reply');
    return Number(first[1]);
  }

  async reset(key: string): Promise<void> {
    await this.redis.del(this.prefix + key);
  }

  async release(key: string): Promise<void> {
    await this.redis.decr(this.prefix + key);
  }
}
