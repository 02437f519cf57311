import { createHash, randomBytes } from 'node:crypto';
import type { AccessPort, DivisionPort, SessionRecord, UserRecord } from '../core/access/ports.ts';
import { ORGANIZATION_BOUND_ROLES } from '../core/access/roles.ts';
import { makeActor, type Actor } from '../core/access/scope.ts';
import type { AuditPort } from '../core/audit/ports.ts';
import { domainError, err, ok, type DomainError, type Result } from '../core/kernel/index.ts';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './auth/password.ts';
import type { Clock } from './clock.ts';
import { SessionCache } from './session-cache.ts';
import { inTransaction, type Transact } from './transaction.ts';

/**
 * Sign-in, sessions and passwords (issue 3 §2). Sessions live in the database — a server process keeps
 * none — so several processes can serve one database. The session token travels in an httpOnly cookie;
 * only its sha256 is stored. Writes made with the cookie must carry the session's CSRF token.
 */

export interface AuthSettings {
  /** Failed attempts before an account locks. */
  readonly maxFailedAttempts: number;
  readonly lockMinutes: number;
  /** Failed sign-ins allowed per client address per window. */
  readonly maxAttemptsPerAddress: number;
  readonly addressWindowMinutes: number;
  readonly idleTimeoutMinutes: number;
  /** Absolute lifetime of a session. */
  readonly sessionHours: number;
}

export const DEFAULT_AUTH_SETTINGS: AuthSettings = {
  maxFailedAttempts: 5,
  lockMinutes: 15,
  maxAttemptsPerAddress: 30,
  addressWindowMinutes: 15,
  idleTimeoutMinutes: 30,
  sessionHours: 12,
};

interface Ports {
  readonly access: AccessPort;
  readonly audit: AuditPort;
  readonly divisions: DivisionPort;
}

export interface AuthDeps {
  readonly ports: Ports;
  readonly transact: Transact<Ports>;
  readonly clock: Clock;
  readonly settings: AuthSettings;
  /** Shared with the user service, which evicts users it changes. */
  readonly sessionCache?: SessionCache;
}

export interface SignedIn {
  /** The cookie value; never stored. */
  readonly token: string;
  readonly session: SessionRecord;
  readonly user: UserRecord;
}

export interface ResolvedSession {
  readonly session: SessionRecord;
  readonly user: UserRecord;
  readonly actor: Actor;
}

export const tokenId = (token: string): string => createHash('sha256').update(token).digest('hex');

/** A hash to verify against when the user does not exist, so that timing does not reveal user names. */
let dummyHash: Promise<string> | null = null;

export function makeAuthService(deps: AuthDeps) {
  const { ports, clock, settings } = deps;
  const cache = deps.sessionCache ?? new SessionCache(0);
  const minutes = (m: number) => m * 60_000;

  // Division subtrees change only with the reference data: cache them briefly per process.
  const subtreeCache = new Map<string, { codes: readonly string[]; at: number }>();
  async function subtree(code: string): Promise<readonly string[]> {
    const hit = subtreeCache.get(code);
    const now = Date.now();
    if (hit && now - hit.at < 60_000) return hit.codes;
    const codes = await ports.divisions.subtreeCodes(code);
    subtreeCache.set(code, { codes, at: now });
    return codes;
  }

  async function actorFor(user: UserRecord, ip: string | null): Promise<Actor> {
    const bound = user.roles.some((r) => ORGANIZATION_BOUND_ROLES.includes(r));
    const organizationTree =
      bound && user.organizationId ? await ports.access.organizationTree(user.organizationId) : [];
    return makeActor({
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      roles: user.roles,
      divisionCode: user.mofDivCode,
      organizationId: user.organizationId,
      divisionCodes: await subtree(user.mofDivCode),
      organizationTree,
      ip,
    });
  }

  async function login(input: {
    username: string;
    password: string;
    ip: string | null;
    userAgent: string | null;
  }): Promise<Result<SignedIn, DomainError>> {
    const now = clock();
    const addressKey = `ip:${input.ip ?? 'unknown'}`;
    const windowMs = minutes(settings.addressWindowMinutes);
    if ((await ports.access.throttleCount(addressKey, now, windowMs)) >= settings.maxAttemptsPerAddress) {
      return err(
        domainError(
          'TOO_MANY_REQUESTS',
          { retryAfterMinutes: settings.addressWindowMinutes },
          { zh: '该地址登录失败次数过多', en: 'too many failed sign-ins from this address' },
        ),
      );
    }
    const user = await ports.access.findUserByUsername(input.username);
    const actorOf = (u: UserRecord | null) => ({
      userId: u?.id ?? null,
      username: u?.username ?? input.username,
      ip: input.ip,
    });

    if (user && user.lockedUntil && user.lockedUntil.getTime() > now.getTime()) {
      return err(lockedError(user.lockedUntil));
    }
    const valid = user
      ? await verifyPassword(input.password, user.passwordHash)
      : await verifyPassword(input.password, await (dummyHash ??= hashPassword('not-a-user-0')));

    if (!user || !valid) {
      // Failures are recorded (committed), not rolled back.
      const outcome = await deps.transact(async (p) => {
        await p.access.bumpThrottle(addressKey, now, windowMs);
        let lockedUntil: Date | null = null;
        if (user) {
          const attempts = user.failedAttempts + 1;
          lockedUntil =
            attempts >= settings.maxFailedAttempts
              ? new Date(now.getTime() + minutes(settings.lockMinutes))
              : null;
          await p.access.recordLoginFailure(user.id, lockedUntil);
        }
        await p.audit.append({
          actor: actorOf(user),
          action: lockedUntil ? 'session.account_locked' : 'session.login_failed',
          objectType: 'user',
          objectId: user?.id ?? null,
          mofDivCode: user?.mofDivCode ?? null,
          before: null,
          after: { attempts: user ? user.failedAttempts + 1 : null, lockedUntil },
        });
        return lockedUntil;
      });
      return err(outcome ? lockedError(outcome) : domainError('LOGIN_FAILED'));
    }
    if (user.status !== 'active') return err(domainError('ACCOUNT_DISABLED'));

    const token = randomBytes(32).toString('base64url');
    const session: SessionRecord = {
      id: tokenId(token),
      userId: user.id,
      csrfToken: randomBytes(24).toString('base64url'),
      ip: input.ip,
      userAgent: input.userAgent ? input.userAgent.slice(0, 300) : null,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + settings.sessionHours * 3_600_000),
    };
    await deps.transact(async (p) => {
      await p.access.recordLoginSuccess(user.id, now);
      await p.access.createSession(session);
      await p.audit.append({
        actor: actorOf(user),
        action: 'session.login',
        objectType: 'user',
        objectId: user.id,
        mofDivCode: user.mofDivCode,
        before: null,
        after: { userAgent: session.userAgent },
      });
    });
    return ok({ token, session, user });
  }

  function lockedError(until: Date): DomainError {
    const mins = Math.max(1, Math.ceil((until.getTime() - clock().getTime()) / 60_000));
    return domainError(
      'ACCOUNT_LOCKED',
      { lockedUntil: until.toISOString() },
      {
        zh: `连续登录失败次数过多，账号已锁定，请 ${mins} 分钟后再试`,
        en: `too many failed attempts; locked for ${mins} more minute(s)`,
      },
    );
  }

  // The hash of a token seen a moment ago, not computed again on every request (bounded).
  const recentIds = new Map<string, string>();
  function idOf(token: string): string {
    let id = recentIds.get(token);
    if (id === undefined) {
      if (recentIds.size >= 10_000) recentIds.clear();
      id = tokenId(token);
      recentIds.set(token, id);
    }
    return id;
  }

  async function resolve(token: string, ip: string | null): Promise<Result<ResolvedSession, DomainError>> {
    const now = clock();
    const nowMs = now.getTime();
    const id = idOf(token);
    let hit = cache.get(id, nowMs);
    if (!hit) {
      const session = await ports.access.getSession(id);
      if (!session) return err(domainError('UNAUTHENTICATED'));
      const user = await ports.access.getUser(session.userId);
      if (!user || user.status !== 'active') {
        await ports.access.deleteSession(session.id);
        return err(domainError('UNAUTHENTICATED'));
      }
      hit = { session, user, actor: await actorFor(user, null) };
      cache.set(id, hit, nowMs);
    }
    const session = hit.session;
    const idleMs = minutes(settings.idleTimeoutMinutes);
    if (session.expiresAt.getTime() <= nowMs || session.lastSeenAt.getTime() + idleMs <= nowMs) {
      cache.delete(id);
      await ports.access.deleteSession(session.id);
      return err(domainError('SESSION_EXPIRED'));
    }
    // Refresh the idle clock at most once a minute (keeps writes off the hot path).
    if (nowMs - session.lastSeenAt.getTime() > 60_000) {
      await ports.access.touchSession(session.id, now);
      hit.session = { ...session, lastSeenAt: now };
    }
    return ok({
      session: hit.session,
      user: hit.user,
      actor: ip === null ? hit.actor : { ...hit.actor, ip },
    });
  }

  async function logout(token: string, actor: Actor): Promise<void> {
    cache.delete(tokenId(token));
    recentIds.delete(token);
    await deps.transact(async (p) => {
      await p.access.deleteSession(tokenId(token));
      await p.audit.append({
        actor: { userId: actor.userId, username: actor.username, ip: actor.ip },
        action: 'session.logout',
        objectType: 'user',
        objectId: actor.userId,
        mofDivCode: actor.divisionCode,
        before: null,
        after: null,
      });
    });
  }

  async function changePassword(
    actor: Actor,
    input: { currentPassword: string; newPassword: string; keepSessionId: string },
  ): Promise<Result<true, DomainError>> {
    const user = await ports.access.getUser(actor.userId);
    if (!user) return err(domainError('UNAUTHENTICATED'));
    if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
      return err(
        domainError(
          'VALIDATION_FAILED',
          { field: 'currentPassword' },
          { zh: '当前密码不正确', en: 'the current password is wrong' },
        ),
      );
    }
    const policy = checkPasswordPolicy(input.newPassword);
    if (!policy.ok) return policy;
    if (input.newPassword === input.currentPassword) {
      return err(
        domainError('PASSWORD_POLICY', null, {
          zh: '新密码不能与当前密码相同',
          en: 'the new password must differ',
        }),
      );
    }
    const hash = await hashPassword(input.newPassword);
    cache.deleteUser(user.id);
    return inTransaction(deps.transact, async (p) => {
      await p.access.setPassword(user.id, hash, false, clock());
      // Other sessions of the user end; this one stays.
      const keep = await p.access.getSession(input.keepSessionId);
      await p.access.deleteUserSessions(user.id);
      if (keep) await p.access.createSession(keep);
      await p.audit.append({
        actor: { userId: actor.userId, username: actor.username, ip: actor.ip },
        action: 'user.change_password',
        objectType: 'user',
        objectId: user.id,
        mofDivCode: user.mofDivCode,
        before: null,
        after: null,
      });
      return ok(true as const);
    });
  }

  /** Names for the header: the user's division and organization. */
  async function profile(
    user: UserRecord,
  ): Promise<{ divisionName: string; organizationName: string | null }> {
    const [division, org] = await Promise.all([
      ports.divisions.get(user.mofDivCode),
      user.organizationId ? ports.access.getOrganization(user.organizationId) : Promise.resolve(null),
    ]);
    return { divisionName: division?.name ?? user.mofDivCode, organizationName: org?.name ?? null };
  }

  return { login, resolve, logout, changePassword, actorFor, profile, settings };
}

export type AuthService = ReturnType<typeof makeAuthService>;
