import { sql, type Kysely, type Selectable } from 'kysely';
import type { DialectName } from '../db/database';
import type { AuditLogTable, Database } from '../db/schema';

export type AuditRow = Selectable<AuditLogTable>;

export interface AuditFilter {
  orgId: string;
  action?: string;
  actorId?: string;
  beforeSeq?: number;
  limit: number;
}

/** Arbitrary constant naming the audit chain's advisory lock in PostgreSQL. */
const AUDIT_LOCK_KEY = 7_301_913;

export class AuditRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: DialectName,
  ) {}

  /**
   * Appends one row to the hash chain. `build` receives the current tail and returns the new row;
   * the tail read and the insert happen under one lock, so concurrent writers cannot fork the chain.
   */
  async append(build: (tail: Pick<AuditRow, 'seq' | 'hash'> | undefined) => AuditRow): Promise<AuditRow> {
    return this.db.transaction().execute(async (trx) => {
      if (this.dialect === 'postgres') await sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(trx);
      const tail = await trx
        .selectFrom('audit_log')
        .select(['seq', 'hash'])
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirst();
      const row = build(tail);
      await trx.insertInto('audit_log').values(row).execute();
      return row;
    });
  }

  /** One org's entries, newest first. */
  list(filter: AuditFilter): Promise<AuditRow[]> {
    let query = this.db.selectFrom('audit_log').selectAll().where('org_id', '=', filter.orgId);
    if (filter.action) query = query.where('action', '=', filter.action);
    if (filter.actorId) query = query.where('actor_id', '=', filter.actorId);
    if (filter.beforeSeq !== undefined) query = query.where('seq', '<', filter.beforeSeq);
    return query.orderBy('seq', 'desc').limit(filter.limit).execute();
  }

  /** The whole chain in order, in pages, for verification. */
  page(afterSeq: number, limit: number): Promise<AuditRow[]> {
    return this.db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', afterSeq)
      .orderBy('seq')
      .limit(limit)
      .execute();
  }
}
