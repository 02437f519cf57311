import { randomBytes } from 'node:crypto';
import type {
  AccessPort,
  DivisionPort,
  NewOrganization,
  OrganizationPatch,
  OrganizationRecord,
  UserPatch,
  UserRecord,
} from '../core/access/ports.ts';
import type { Role } from '../core/access/roles.ts';
import {
  inDivisionScope,
  inOrganizationScope,
  requireInScope,
  requirePermission,
  type Actor,
} from '../core/access/scope.ts';
import type { AuditPort } from '../core/audit/ports.ts';
import { domainError, err, ok, type DomainError, type Result } from '../core/kernel/index.ts';
import { checkPasswordPolicy, hashPassword } from './auth/password.ts';
import type { Clock } from './clock.ts';
import type { SessionCache } from './session-cache.ts';
import { inTransaction, type Transact } from './transaction.ts';

/** 系统管理: users, their roles and organizations, within the administrator's scope; every change audited. */

interface Ports {
  readonly access: AccessPort;
  readonly audit: AuditPort;
  readonly divisions: DivisionPort;
}

export interface UserDeps {
  readonly ports: Ports;
  readonly transact: Transact<Ports>;
  readonly clock: Clock;
  /** Cached sessions of a changed user are forgotten at once in this process. */
  readonly sessionCache?: SessionCache;
}

/** A user as shown to administrators: never the password hash. */
export type UserView = Omit<UserRecord, 'passwordHash'>;
export const userView = ({ passwordHash: _ignored, ...u }: UserRecord): UserView => u;

const auditActor = (a: Actor) => ({ userId: a.userId, username: a.username, ip: a.ip });

export function makeUserService(deps: UserDeps) {
  const { ports } = deps;

  function conflict(current: unknown): DomainError {
    return domainError('VERSION_CONFLICT', { current });
  }

  /** Only administrators grant the administrator role; others may grant the roles below theirs. */
  function checkRoles(actor: Actor, roles: readonly Role[]): Result<true, DomainError> {
    if (roles.includes('admin') && !actor.roles.includes('admin')) {
      return err(
        domainError(
          'FORBIDDEN',
          { role: 'admin' },
          { zh: '只有系统管理员可以授予管理员角色', en: 'only administrators grant the admin role' },
        ),
      );
    }
    return ok(true);
  }

  async function checkOrganization(
    actor: Actor,
    mofDivCode: string,
    organizationId: string | null,
  ): Promise<Result<true, DomainError>> {
    if (organizationId === null) return ok(true);
    const org = await ports.access.getOrganization(organizationId);
    if (!org || !inDivisionScope(actor, org.mofDivCode))
      return err(domainError('NOT_FOUND', { organizationId }));
    if (org.mofDivCode !== mofDivCode) {
      return err(
        domainError(
          'VALIDATION_FAILED',
          { organizationId },
          { zh: '用户所在单位须属于其所在区划', en: "the organization must be in the user's division" },
        ),
      );
    }
    return ok(true);
  }

  return {
    async list(
      actor: Actor,
      q: { q?: string; role?: Role; division?: string; page: number; pageSize: number },
    ) {
      const allowed = requirePermission(actor, 'users.read');
      if (!allowed.ok) return allowed;
      let divisionCodes = actor.divisionCodes;
      if (q.division) {
        if (!inDivisionScope(actor, q.division))
          return err(domainError('OUT_OF_SCOPE', { division: q.division }));
        divisionCodes = await ports.divisions.subtreeCodes(q.division);
      }
      const page = await ports.access.listUsers({
        divisionCodes,
        organizationIds: actor.organizationIds,
        ...(q.q ? { q: q.q } : {}),
        ...(q.role ? { role: q.role } : {}),
        offset: (q.page - 1) * q.pageSize,
        limit: q.pageSize,
      });
      return ok({ items: page.items.map(userView), total: page.total });
    },

    async get(actor: Actor, id: string): Promise<Result<UserView, DomainError>> {
      const allowed = requirePermission(actor, 'users.read');
      if (!allowed.ok) return allowed;
      const user = await ports.access.getUser(id);
      if (
        !user ||
        !inDivisionScope(actor, user.mofDivCode) ||
        !inOrganizationScope(actor, user.organizationId)
      ) {
        return err(domainError('NOT_FOUND', { id }));
      }
      return ok(userView(user));
    },

    async create(
      actor: Actor,
      input: {
        username: string;
        displayName: string;
        mofDivCode: string;
        organizationId: string | null;
        phone: string | null;
        email: string | null;
        roles: readonly Role[];
        password?: string;
      },
    ): Promise<Result<{ user: UserView; initialPassword: string | null }, DomainError>> {
      const allowed = requirePermission(actor, 'users.write');
      if (!allowed.ok) return allowed;
      const scoped = requireInScope(actor, { mofDivCode: input.mofDivCode });
      if (!scoped.ok) return scoped;
      const roles = checkRoles(actor, input.roles);
      if (!roles.ok) return roles;
      const org = await checkOrganization(actor, input.mofDivCode, input.organizationId);
      if (!org.ok) return org;
      // Without a password, a random one is issued once and must be changed at first sign-in.
      const initialPassword = input.password ?? `Jx${randomBytes(9).toString('base64url')}7`;
      const policy = checkPasswordPolicy(initialPassword);
      if (!policy.ok) return policy;
      if (await ports.access.findUserByUsername(input.username)) {
        return err(
          domainError(
            'DUPLICATE',
            { username: input.username },
            { zh: `用户名“${input.username}”已被使用`, en: `user name "${input.username}" is taken` },
          ),
        );
      }
      const passwordHash = await hashPassword(initialPassword);
      return inTransaction(deps.transact, async (p) => {
        const user = await p.access.createUser({
          username: input.username,
          displayName: input.displayName,
          passwordHash,
          mofDivCode: input.mofDivCode,
          organizationId: input.organizationId,
          phone: input.phone,
          email: input.email,
          roles: input.roles,
          mustChangePassword: true,
        });
        await p.audit.append({
          actor: auditActor(actor),
          action: 'user.create',
          objectType: 'user',
          objectId: user.id,
          mofDivCode: user.mofDivCode,
          before: null,
          after: userView(user),
        });
        return ok({ user: userView(user), initialPassword: input.password ? null : initialPassword });
      });
    },

    async update(
      actor: Actor,
      id: string,
      version: number,
      patch: UserPatch,
    ): Promise<Result<UserView, DomainError>> {
      const allowed = requirePermission(actor, 'users.write');
      if (!allowed.ok) return allowed;
      const r = await inTransaction(deps.transact, async (p) => {
        const before = await p.access.getUser(id);
        if (!before || !inDivisionScope(actor, before.mofDivCode))
          return err(domainError('NOT_FOUND', { id }));
        if (patch.mofDivCode !== undefined && !inDivisionScope(actor, patch.mofDivCode)) {
          return err(domainError('OUT_OF_SCOPE', { mofDivCode: patch.mofDivCode }));
        }
        if (patch.roles) {
          const r = checkRoles(actor, patch.roles);
          if (!r.ok) return r;
        }
        if (before.roles.includes('admin') && !actor.roles.includes('admin')) {
          return err(
            domainError(
              'FORBIDDEN',
              { id },
              { zh: '只有系统管理员可以修改管理员账号', en: 'only administrators change administrators' },
            ),
          );
        }
        if (
          id === actor.userId &&
          (patch.status === 'disabled' ||
            (patch.roles && !patch.roles.includes('admin') && before.roles.includes('admin')))
        ) {
          return err(
            domainError(
              'VALIDATION_FAILED',
              { id },
              {
                zh: '不能停用自己或取消自己的管理员角色',
                en: 'you cannot disable yourself or drop your own admin role',
              },
            ),
          );
        }
        if (patch.organizationId !== undefined || patch.mofDivCode !== undefined) {
          const o = await checkOrganization(
            actor,
            patch.mofDivCode ?? before.mofDivCode,
            patch.organizationId ?? before.organizationId,
          );
          if (!o.ok) return o;
        }
        if (before.version !== version) return err(conflict(userView(before)));
        const after = await p.access.updateUser(id, version, patch);
        if (!after) return err(conflict(userView((await p.access.getUser(id)) ?? before)));
        if (patch.status === 'disabled') await p.access.deleteUserSessions(id);
        await p.audit.append({
          actor: auditActor(actor),
          action: 'user.update',
          objectType: 'user',
          objectId: id,
          mofDivCode: after.mofDivCode,
          before: userView(before),
          after: userView(after),
        });
        return ok(userView(after));
      });
      // Cached sessions of the user reflect the old roles, status or password: forget them.
      deps.sessionCache?.deleteUser(id);
      return r;
    },

    /** Issues a new one-time password; the user must change it at next sign-in. */
    async resetPassword(actor: Actor, id: string): Promise<Result<{ password: string }, DomainError>> {
      const allowed = requirePermission(actor, 'users.write');
      if (!allowed.ok) return allowed;
      const user = await ports.access.getUser(id);
      if (!user || !inDivisionScope(actor, user.mofDivCode)) return err(domainError('NOT_FOUND', { id }));
      if (user.roles.includes('admin') && !actor.roles.includes('admin'))
        return err(domainError('FORBIDDEN', { id }));
      const password = `Jx${randomBytes(9).toString('base64url')}7`;
      const hash = await hashPassword(password);
      const r = await inTransaction(deps.transact, async (p) => {
        await p.access.setPassword(id, hash, true, deps.clock());
        await p.access.deleteUserSessions(id);
        await p.audit.append({
          actor: auditActor(actor),
          action: 'user.reset_password',
          objectType: 'user',
          objectId: id,
          mofDivCode: user.mofDivCode,
          before: null,
          after: null,
        });
        return ok({ password });
      });
      // Cached sessions of the user reflect the old roles, status or password: forget them.
      deps.sessionCache?.deleteUser(id);
      return r;
    },

    async listOrganizations(
      actor: Actor,
      division?: string,
    ): Promise<Result<OrganizationRecord[], DomainError>> {
      const allowed = requirePermission(actor, 'organizations.read');
      if (!allowed.ok) return allowed;
      let codes = actor.divisionCodes;
      if (division) {
        if (!inDivisionScope(actor, division)) return err(domainError('OUT_OF_SCOPE', { division }));
        codes = await ports.divisions.subtreeCodes(division);
      }
      return ok(await ports.access.listOrganizations(codes, actor.organizationIds));
    },

    async createOrganization(
      actor: Actor,
      input: NewOrganization,
    ): Promise<Result<OrganizationRecord, DomainError>> {
      const allowed = requirePermission(actor, 'organizations.write');
      if (!allowed.ok) return allowed;
      const scoped = requireInScope(actor, { mofDivCode: input.mofDivCode });
      if (!scoped.ok) return scoped;
      if (input.parentId) {
        const parent = await ports.access.getOrganization(input.parentId);
        if (!parent || parent.mofDivCode !== input.mofDivCode) {
          return err(
            domainError(
              'VALIDATION_FAILED',
              { parentId: input.parentId },
              { zh: '上级单位须在同一区划', en: 'the parent must be in the same division' },
            ),
          );
        }
      }
      return inTransaction(deps.transact, async (p) => {
        const org = await p.access.createOrganization(input);
        await p.audit.append({
          actor: auditActor(actor),
          action: 'organization.create',
          objectType: 'organization',
          objectId: org.id,
          mofDivCode: org.mofDivCode,
          before: null,
          after: org,
        });
        return ok(org);
      });
    },

    async updateOrganization(
      actor: Actor,
      id: string,
      version: number,
      patch: OrganizationPatch,
    ): Promise<Result<OrganizationRecord, DomainError>> {
      const allowed = requirePermission(actor, 'organizations.write');
      if (!allowed.ok) return allowed;
      return inTransaction(deps.transact, async (p) => {
        const before = await p.access.getOrganization(id);
        if (!before || !inDivisionScope(actor, before.mofDivCode))
          return err(domainError('NOT_FOUND', { id }));
        if (before.version !== version) return err(conflict(before));
        const after = await p.access.updateOrganization(id, version, patch);
        if (!after) return err(conflict((await p.access.getOrganization(id)) ?? before));
        await p.audit.append({
          actor: auditActor(actor),
          action: 'organization.update',
          objectType: 'organization',
          objectId: id,
          mofDivCode: after.mofDivCode,
          before,
          after,
        });
        return ok(after);
      });
    },
  };
}

export type UserService = ReturnType<typeof makeUserService>;
