import type { Kysely, Selectable } from 'kysely';
import type { Database, MembershipsTable, OrgsTable } from '../db/schema';

export type OrgRow = Selectable<OrgsTable>;
export type MembershipRow = Selectable<MembershipsTable>;
export type Role = MembershipRow['role'];

export interface UserMembership {
  orgId: string;
  orgName: string;
  role: Role;
}

export class OrgRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(row: OrgRow): Promise<void> {
    await this.db.insertInto('orgs').values(row).execute();
  }

  findById(orgId: string): Promise<OrgRow | undefined> {
    return this.db.selectFrom('orgs').selectAll().where('id', '=', orgId).executeTakeFirst();
  }

  async addMember(row: MembershipRow): Promise<void> {
    await this.db.insertInto('memberships').values(row).execute();
  }

  /** The caller's memberships, oldest first (the first is the default active organisation). */
  async membershipsOf(userId: string): Promise<UserMembership[]> {
    const rows = await this.db
      .selectFrom('memberships')
      .innerJoin('orgs', 'orgs.id', 'memberships.org_id')
      .select(['memberships.org_id', 'orgs.name', 'memberships.role'])
      .where('memberships.user_id', '=', userId)
      .orderBy('memberships.created_at')
      .orderBy('memberships.org_id')
      .execute();
    return rows.map((row) => ({ orgId: row.org_id, orgName: row.name, role: row.role }));
  }

  findMembership(orgId: string, userId: string): Promise<MembershipRow | undefined> {
    return this.db
      .selectFrom('memberships')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
  }

  /** The first organisation created (the instance's default for operator-created users). */
  oldest(): Promise<OrgRow | undefined> {
    return this.db.selectFrom('orgs').selectAll().orderBy('created_at').orderBy('id').limit(1).executeTakeFirst();
  }
}
