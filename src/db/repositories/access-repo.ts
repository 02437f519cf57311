/**
 * Accounts, roles, sessions, login throttles and organizations (implements core/access AccessPort).
 */
import { and, asc, count, eq, ilike, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type {
  AccessPort,
  NewOrganization,
  NewUser,
  OrganizationPatch,
  OrganizationRecord,
  SessionRecord,
  UserPatch,
  UserRecord,
} from '../../core/access/ports.ts';
import type { Role } from '../../core/access/roles.ts';
import { rowsOf, type Db } from '../client.ts';
import { loginThrottles, organizations, sessions, userRoles, users } from '../schema.ts';

type UserRow = typeof users.$inferSelect;
type OrgRow = typeof organizations.$inferSelect;

const toOrg = (r: OrgRow): OrganizationRecord => ({
  id: r.id,
  mofDivCode: r.mofDivCode,
  parentId: r.parentId,
  kind: r.kind,
  code: r.code,
  name: r.name,
  shortName: r.shortName,
  status: r.status,
  sortOrder: r.sortOrder,
  version: r.version,
});

export function makeAccessRepo(db: Db): AccessPort {
  async function withRoles(rows: readonly UserRow[]): Promise<UserRecord[]> {
    if (rows.length === 0) return [];
    const roleRows = await db
      .select({ userId: userRoles.userId, role: userRoles.role })
      .from(userRoles)
      .where(
        inArray(
          userRoles.userId,
          rows.map((r) => r.id),
        ),
      );
    const byUser = new Map<string, Role[]>();
    for (const r of roleRows) {
      const list = byUser.get(r.userId) ?? [];
      list.push(r.role);
      byUser.set(r.userId, list);
    }
    return rows.map((r) => ({ ...r, roles: (byUser.get(r.id) ?? []).sort() }));
  }

  async function one(where: SQL): Promise<UserRecord | null> {
    const rows = await db.select().from(users).where(where);
    const [u] = await withRoles(rows);
    return u ?? null;
  }

  async function setRoles(userId: string, roles: readonly Role[]): Promise<void> {
    await db.delete(userRoles).where(eq(userRoles.userId, userId));
    if (roles.length > 0) await db.insert(userRoles).values(roles.map((role) => ({ userId, role })));
  }

  return {
    findUserByUsername: (username) => one(sql`lower(${users.username}) = lower(${username})`),
    getUser: (id) => one(eq(users.id, id)),

    async countUsers() {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
      return Number(row?.n ?? 0);
    },

    async listUsers(f) {
      const conds: SQL[] = [inArray(users.mofDivCode, [...f.divisionCodes])];
      if (f.organizationIds !== null) conds.push(inArray(users.organizationId, [...f.organizationIds]));
      if (f.q) {
        const like = `%${f.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
        conds.push(or(ilike(users.username, like), ilike(users.displayName, like))!);
      }
      if (f.role) {
        conds.push(
          sql`exists (select 1 from ${userRoles} ur where ur.user_id = ${users.id} and ur.role = ${f.role})`,
        );
      }
      const where = and(...conds);
      const [totalRow] = await db.select({ n: count() }).from(users).where(where);
      const rows = await db
        .select()
        .from(users)
        .where(where)
        .orderBy(asc(users.mofDivCode), asc(users.username))
        .offset(f.offset)
        .limit(f.limit);
      return { items: await withRoles(rows), total: Number(totalRow?.n ?? 0) };
    },

    async createUser(u: NewUser) {
      const [row] = await db
        .insert(users)
        .values({
          username: u.username,
          displayName: u.displayName,
          passwordHash: u.passwordHash,
          mofDivCode: u.mofDivCode,
          organizationId: u.organizationId,
          phone: u.phone,
          email: u.email,
          mustChangePassword: u.mustChangePassword,
          passwordChangedAt: new Date(),
        })
        .returning();
      await setRoles(row!.id, u.roles);
      return (await withRoles([row!]))[0]!;
    },

    async updateUser(id, expectedVersion, patch: UserPatch) {
      const { roles, ...fields } = patch;
      const [row] = await db
        .update(users)
        .set({ ...fields, version: sql`${users.version} + 1`, updatedAt: new Date() })
        .where(and(eq(users.id, id), eq(users.version, expectedVersion)))
        .returning();
      if (!row) return null;
      if (roles) await setRoles(id, roles);
      return (await withRoles([row]))[0]!;
    },

    async setPassword(userId, passwordHash, mustChange, at) {
      await db
        .update(users)
        .set({
          passwordHash,
          mustChangePassword: mustChange,
          passwordChangedAt: at,
          failedAttempts: 0,
          lockedUntil: null,
          version: sql`${users.version} + 1`,
          updatedAt: at,
        })
        .where(eq(users.id, userId));
    },

    async recordLoginFailure(userId, lockedUntil) {
      const [row] = await db
        .update(users)
        .set({
          failedAttempts: sql`${users.failedAttempts} + 1`,
          ...(lockedUntil ? { lockedUntil } : {}),
        })
        .where(eq(users.id, userId))
        .returning({ n: users.failedAttempts });
      return row?.n ?? 0;
    },

    async recordLoginSuccess(userId, at) {
      await db
        .update(users)
        .set({ failedAttempts: 0, lockedUntil: null, lastLoginAt: at })
        .where(eq(users.id, userId));
    },

    async createSession(s: SessionRecord) {
      await db.insert(sessions).values(s);
    },

    async getSession(id) {
      const [row] = await db.select().from(sessions).where(eq(sessions.id, id));
      return row ?? null;
    },

    async touchSession(id, at) {
      await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));
    },

    async deleteSession(id) {
      await db.delete(sessions).where(eq(sessions.id, id));
    },

    async deleteUserSessions(userId) {
      await db.delete(sessions).where(eq(sessions.userId, userId));
    },

    async deleteExpiredSessions(now, idleSince) {
      const rows = await db
        .delete(sessions)
        .where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleSince)))
        .returning({ id: sessions.id });
      return rows.length;
    },

    async bumpThrottle(key, now, windowMs) {
      const windowStart = new Date(now.getTime() - windowMs);
      const [row] = await db
        .insert(loginThrottles)
        .values({ key, attempts: 1, windowStartedAt: now })
        .onConflictDoUpdate({
          target: loginThrottles.key,
          set: {
            attempts: sql`case when ${loginThrottles.windowStartedAt} < ${windowStart} then 1 else ${loginThrottles.attempts} + 1 end`,
            windowStartedAt: sql`case when ${loginThrottles.windowStartedAt} < ${windowStart} then ${now} else ${loginThrottles.windowStartedAt} end`,
          },
        })
        .returning({ attempts: loginThrottles.attempts });
      return row?.attempts ?? 1;
    },

    async throttleCount(key, now, windowMs) {
      const [row] = await db.select().from(loginThrottles).where(eq(loginThrottles.key, key));
      if (!row || row.windowStartedAt.getTime() < now.getTime() - windowMs) return 0;
      return row.attempts;
    },

    async clearThrottle(key) {
      await db.delete(loginThrottles).where(eq(loginThrottles.key, key));
    },

    async getOrganization(id) {
      const [row] = await db.select().from(organizations).where(eq(organizations.id, id));
      return row ? toOrg(row) : null;
    },

    async organizationTree(id) {
      const rows = rowsOf<{ id: string }>(
        await db.execute(sql`
        with recursive tree as (
          select id, mof_div_code from ${organizations} where id = ${id}
          union all
          select o.id, o.mof_div_code from ${organizations} o
            join tree t on o.parent_id = t.id and o.mof_div_code = t.mof_div_code
        )
        select id from tree`),
      );
      return rows.map((r) => r.id);
    },

    async listOrganizations(divisionCodes, organizationIds) {
      const conds: SQL[] = [inArray(organizations.mofDivCode, [...divisionCodes])];
      if (organizationIds !== null) conds.push(inArray(organizations.id, [...organizationIds]));
      const rows = await db
        .select()
        .from(organizations)
        .where(and(...conds))
        .orderBy(asc(organizations.mofDivCode), asc(organizations.sortOrder), asc(organizations.name));
      return rows.map(toOrg);
    },

    async createOrganization(o: NewOrganization) {
      const [row] = await db.insert(organizations).values(o).returning();
      return toOrg(row!);
    },

    async updateOrganization(id, expectedVersion, patch: OrganizationPatch) {
      const [row] = await db
        .update(organizations)
        .set({ ...patch, version: sql`${organizations.version} + 1`, updatedAt: new Date() })
        .where(and(eq(organizations.id, id), eq(organizations.version, expectedVersion)))
        .returning();
      return row ? toOrg(row) : null;
    },
  };
}
