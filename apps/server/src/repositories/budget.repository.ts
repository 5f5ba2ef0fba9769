import { sql, type Kysely } from 'kysely';
import type { BudgetCountersTable, Database } from '../db/schema';

export type BudgetScope = BudgetCountersTable['scope'];

/**
 * Token budget counters. A reservation is one conditional UPDATE, so concurrent callers on any
 * number of instances can never push used + reserved past the limit.
 */
export class BudgetRepository {
  /** Counter rows known to exist (rows are never deleted), so the hot path skips the upsert. */
  private readonly known = new Set<string>();

  constructor(private readonly db: Kysely<Database>) {}

  /** Adds `amount` to the reservations if it still fits under `limit`; false when it does not. */
  async tryReserve(
    scope: BudgetScope,
    ownerId: string,
    period: string,
    amount: number,
    limit: number,
  ): Promise<boolean> {
    const rowKey = `${scope}|${ownerId}|${period}`;
    if (!this.known.has(rowKey)) {
      await this.db
        .insertInto('budget_counters')
        .values({ scope, owner_id: ownerId, period, used_tokens: 0, reserved_tokens: 0 })
        .onConflict((conflict) => conflict.columns(['scope', 'owner_id', 'period']).doNothing())
        .execute();
      if (this.known.size >= 10_000) this.known.clear();
      this.known.add(rowKey);
    }
    // Hot path, once per model call: plain SQL (identical on both dialects) skips Kysely's
    // query-builder compile, the largest CPU cost of this statement.
    const result = await sql`update budget_counters set reserved_tokens = reserved_tokens + ${amount}
      where scope = ${scope} and owner_id = ${ownerId} and period = ${period}
        and used_tokens + reserved_tokens + ${amount} <= ${limit}`.execute(this.db);
    return Number(result.numAffectedRows ?? 0) > 0;
  }

  /**
   * Releases a hold and books what was really used. One row per statement, in the same order the
   * holds were taken: a single statement over several hot rows can lock them in any order and
   * deadlock against concurrent reservations on PostgreSQL.
   */
  async settle(scope: BudgetScope, ownerId: string, period: string, reserved: number, used: number): Promise<void> {
    await sql`update budget_counters set reserved_tokens = reserved_tokens - ${reserved}, used_tokens = used_tokens + ${used}
      where scope = ${scope} and owner_id = ${ownerId} and period = ${period}`.execute(this.db);
  }
}
