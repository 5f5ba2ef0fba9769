import type { InvalidationBus } from './invalidation-bus';
import type { Principal } from './principal';

/**
 * Bearer-token callers resolved in the last few seconds. Scripts and gateway clients send the same
 * token thousands of times a second; without this every call re-reads token, user and memberships.
 * Anything that changes what a principal may do (token revoked, membership or role changed) calls
 * `forgetUser`, which every instance hears through the invalidation bus.
 */
export class PrincipalCache {
  private readonly entries = new Map<string, { principal: Principal; until: number }>();

  constructor(
    private readonly bus: InvalidationBus,
    private readonly ttlMs = 5_000,
    private readonly now: () => number = Date.now,
  ) {
    bus.subscribe('principal', (userId) => this.dropUser(userId));
  }

  get(tokenHash: string): Principal | undefined {
    const entry = this.entries.get(tokenHash);
    if (!entry) return undefined;
    if (entry.until <= this.now()) {
      this.entries.delete(tokenHash);
      return undefined;
    }
    return entry.principal;
  }

  set(tokenHash: string, principal: Principal): void {
    if (this.entries.size >= 10_000) this.entries.clear();
    this.entries.set(tokenHash, { principal, until: this.now() + this.ttlMs });
  }

  /** Drops the user's cached principals here and on every other instance. */
  async forgetUser(userId: string): Promise<void> {
    this.dropUser(userId);
    await this.bus.publish('principal', userId);
  }

  private dropUser(userId: string): void {
    for (const [hash, entry] of this.entries) if (entry.principal.userId === userId) this.entries.delete(hash);
  }
}
