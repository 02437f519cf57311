import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Api } from '../types.ts';
import { can } from '../../core/access/scope.ts';
import { domainError } from '../../core/kernel/errors.ts';
import type { Services } from '../../services/index.ts';
import { fail } from '../reply.ts';

export const SESSION_COOKIE = 'jixiao_sid';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Routes a user who must change their password may still use. */
const PASSWORD_CHANGE_ROUTES = new Set([
  'GET /api/v1/session',
  'DELETE /api/v1/session',
  'POST /api/v1/session/password',
]);

/** Sets the session cookie: httpOnly, SameSite=Lax, Secure when the request came over TLS. */
export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  expiresAt: Date,
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    expires: expiresAt,
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
  });
}

/**
 * Every /api/v1 route needs a session unless it says `config: { auth: 'public' }`; a route's
 * `config.permission` is checked here; writes made with the session cookie must carry the session's CSRF
 * token in `x-csrf-token`. Scope (division, organization) is checked by the services on every query.
 */
export function registerAuth(app: Api, services: Services): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  app.decorateRequest('user', null);
  app.decorateRequest('sessionToken', null);

  app.addHook('onRequest', async (request, reply) => {
    const url = request.routeOptions.url;
    if (!url || !url.startsWith('/api/v1')) return;
    const config = request.routeOptions.config;
    const token = request.cookies[SESSION_COOKIE];
    if (config.auth === 'public') {
      // Public routes still know who is signed in, when someone is.
      if (token) {
        const r = await services.auth.resolve(token, request.ip);
        if (r.ok) {
          request.actor = r.value.actor;
          request.session = r.value.session;
          request.user = r.value.user;
          request.sessionToken = token;
        }
      }
      return;
    }
    if (!token) return fail(reply, domainError('UNAUTHENTICATED'));
    const r = await services.auth.resolve(token, request.ip);
    if (!r.ok) {
      clearSessionCookie(request, reply);
      return fail(reply, r.error);
    }
    request.actor = r.value.actor;
    request.session = r.value.session;
    request.user = r.value.user;
    request.sessionToken = token;

    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || sent !== r.value.session.csrfToken) {
        return fail(reply, domainError('CSRF_FAILED'));
      }
    }
    if (r.value.user.mustChangePassword && !PASSWORD_CHANGE_ROUTES.has(`${request.method} ${url}`)) {
      return fail(reply, domainError('PASSWORD_CHANGE_REQUIRED'));
    }
    if (config.permission && !can(r.value.actor, config.permission)) {
      return fail(
        reply,
        domainError(
          'FORBIDDEN',
          { permission: config.permission },
          { zh: `缺少权限 ${config.permission}`, en: `missing permission ${config.permission}` },
        ),
      );
    }
  });
}
