import type {} from '@fastify/cookie';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Permission } from '../core/access/roles.ts';
import type { Actor } from '../core/access/scope.ts';
import type { SessionRecord, UserRecord } from '../core/access/ports.ts';

/** The Fastify instance with zod schemas as types. */
export type Api = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** A registered API route, for the access matrix and the docs. */
export interface RouteInfo {
  readonly method: string;
  readonly url: string;
  readonly permission: Permission | undefined;
  readonly auth: 'public' | 'session';
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every /api route with its access rule (filled as routes register). */
    routeTable: RouteInfo[];
  }
  interface FastifyRequest {
    /** The signed-in user (null on public routes). */
    actor: Actor | null;
    session: SessionRecord | null;
    user: UserRecord | null;
    sessionToken: string | null;
  }
  interface FastifyContextConfig {
    /** 'public': no sign-in; otherwise a session is required and, when given, the permission. */
    auth?: 'public' | 'session';
    permission?: Permission;
  }
}
