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

  /** Members of one org with their account details, oldest first. */
  async members(
    orgId: string,
  ): Promise<
    { userId: string; email: string; name: string; role: Role; joinedAt: number; mustChangePassword: boolean }[]
  > {
    const rows = await this.db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select([
        'users.id',
        'users.email',
        'users.name',
        'memberships.role',
        'memberships.created_at',
        'users.must_change_password',
      ])
      .where('memberships.org_id', '=', orgId)
      .orderBy('memberships.created_at')
      .orderBy('users.id')
      .execute();
    return rows.map((row) => ({
      userId: row.id,
      email: row.email,
      name: row.name,
      role: row.role,
      joinedAt: row.created_at,
      mustChangePassword: row.must_change_password === 1,
    }));
  }

  async setRole(orgId: string, userId: string, role: Role): Promise<void> {
    await this.db
      .updateTable('memberships')
      .set({ role })
      .where('org_id', '=', orgId)
      .where('user_id', '=', userId)
      .execute();
  }

  async removeMember(orgId: string, userId: string): Promise<void> {
    await this.db.deleteFrom('memberships').where('org_id', '=', orgId).where('user_id', '=', userId).execute();
  }

  async countOwners(orgId: string): Promise<number> {
    const row = await this.db
      .selectFrom('memberships')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('org_id', '=', orgId)
      .where('role', '=', 'owner')
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }
}
