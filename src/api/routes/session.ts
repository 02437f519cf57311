import { z } from 'zod';
import { ErrorBody } from '../../contracts/common.ts';
import { ChangePasswordBody, LoginBody, Me } from '../../contracts/session.ts';
import type { Actor } from '../../core/access/scope.ts';
import type { SessionRecord, UserRecord } from '../../core/access/ports.ts';
import type { Services } from '../../services/index.ts';
import { clearSessionCookie, setSessionCookie } from '../plugins/auth.ts';
import { fail } from '../reply.ts';
import type { Api } from '../types.ts';

/** 登录会话: sign in, who am I (with the CSRF token), change password, sign out. */
export function sessionRoutes(app: Api, services: Services): void {
  async function me(user: UserRecord, session: SessionRecord, actor: Actor): Promise<Me> {
    const [names, divisions] = await Promise.all([
      services.auth.profile(user),
      services.divisions.list(actor),
    ]);
    return {
      user: {
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        roles: [...user.roles],
        divisionCode: user.mofDivCode,
        divisionName: names.divisionName,
        organizationId: user.organizationId,
        organizationName: names.organizationName,
        mustChangePassword: user.mustChangePassword,
      },
      permissions: [...actor.permissions].sort(),
      divisions: divisions.map((d) => ({
        code: d.code,
        name: d.name,
        level: d.level,
        parentCode: d.parentCode,
      })),
      csrfToken: session.csrfToken,
      idleTimeoutSeconds: services.auth.settings.idleTimeoutMinutes * 60,
    };
  }

  app.get(
    '/api/v1/session',
    {
      schema: {
        tags: ['session'],
        summary: '当前登录用户 / who am I',
        response: { 200: Me, 401: ErrorBody },
      },
    },
    async (request) => me(request.user!, request.session!, request.actor!),
  );

  app.post(
    '/api/v1/session',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['session'],
        summary: '登录 / sign in',
        body: LoginBody,
        response: { 200: Me, 401: ErrorBody, 423: ErrorBody, 429: ErrorBody },
      },
    },
    async (request, reply) => {
      const r = await services.auth.login({
        username: request.body.username,
        password: request.body.password,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      if (!r.ok) return fail(reply, r.error);
      setSessionCookie(request, reply, r.value.token, r.value.session.expiresAt);
      const actor = await services.auth.actorFor(r.value.user, request.ip);
      return me(r.value.user, r.value.session, actor);
    },
  );

  app.delete(
    '/api/v1/session',
    { schema: { tags: ['session'], summary: '退出登录 / sign out', response: { 204: z.null() } } },
    async (request, reply) => {
      await services.auth.logout(request.sessionToken!, request.actor!);
      clearSessionCookie(request, reply);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/session/password',
    {
      schema: {
        tags: ['session'],
        summary: '修改密码 / change password',
        body: ChangePasswordBody,
        response: { 200: z.object({ ok: z.literal(true) }), 400: ErrorBody },
      },
    },
    async (request, reply) => {
      const r = await services.auth.changePassword(request.actor!, {
        currentPassword: request.body.currentPassword,
        newPassword: request.body.newPassword,
        keepSessionId: request.session!.id,
      });
      if (!r.ok) return fail(reply, r.error);
      return { ok: true as const };
    },
  );
}
