import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyLoggerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { domainError } from '../core/kernel/errors.ts';
import type { Services } from '../services/index.ts';
import { ErrorBody } from '../contracts/common.ts';
import { errorBody } from './http-errors.ts';
import { registerAuth } from './plugins/auth.ts';
import { registerErrorHandling } from './plugins/errors.ts';
import { registerReadCache, type ReadCacheOptions } from './plugins/read-cache.ts';
import { routeModules } from './routes/index.ts';
import type { Api, RouteInfo } from './types.ts';

export interface ApiOptions {
  readonly services: Services;
  /** Built web app to serve (dist/web); null serves the API only. */
  readonly webRoot: string | null;
  readonly logger: boolean | FastifyLoggerOptions;
  /** Requests per minute per client address on the API. */
  readonly rateLimitPerMinute: number;
  /** Trust X-Forwarded-* from a reverse proxy (TLS termination → Secure cookies). */
  readonly trustProxy: boolean;
  /** Liveness of the database, for /api/health. */
  readonly ping: () => Promise<void>;
  readonly version: string;
  /** The read cache (ADR 0007); absent, every request is answered afresh. */
  readonly readCache?: ReadCacheOptions;
}

export async function buildApp(options: ApiOptions): Promise<Api> {
  const app: Api = Fastify({
    logger: options.logger as boolean,
    trustProxy: options.trustProxy,
    bodyLimit: 25 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  const routeTable: RouteInfo[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      routeTable.push({
        method,
        url: route.url,
        permission: route.config?.permission,
        auth: route.config?.auth === 'public' ? 'public' : 'session',
      });
    }
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);

  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1 } });
  await app.register(fastifyRateLimit, {
    global: true,
    max: options.rateLimitPerMinute,
    timeWindow: '1 minute',
    allowList: (request) => !request.url.startsWith('/api/'),
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      ...errorBody(domainError('TOO_MANY_REQUESTS', { retryAfterSeconds: Math.ceil(context.ttl / 1000) })),
    }),
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'jixiao 绩效 API',
        description: '财政绩效管理平台接口。除登录外均需会话 cookie；写操作须带 x-csrf-token。',
        version: options.version,
      },
      tags: [
        { name: 'session', description: '登录会话' },
        { name: 'dashboard', description: '首页' },
        { name: 'divisions', description: '行政区划' },
        { name: 'admin', description: '系统管理' },
        { name: 'jobs', description: '后台任务' },
      ],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  registerAuth(app, options.services);
  registerReadCache(app, options.readCache ?? { ttlMs: 0, epoch: () => 0 });

  app.get(
    '/api/health',
    {
      config: { auth: 'public', rateLimit: false },
      schema: {
        tags: ['session'],
        summary: '健康检查 / health',
        response: { 200: z.object({ status: z.literal('ok'), version: z.string() }), 503: ErrorBody },
      },
    },
    async (_request, reply) => {
      try {
        await options.ping();
      } catch {
        return reply
          .code(503)
          .send({ code: 'UNAVAILABLE', message: '数据库不可用', messageEn: 'database unavailable' });
      }
      return { status: 'ok' as const, version: options.version };
    },
  );

  for (const register of routeModules) register(app, options.services);

  const webRoot = options.webRoot;
  const hasWeb = webRoot !== null && existsSync(join(webRoot, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: false, maxAge: '1h' });
  }
  app.setNotFoundHandler((request, reply) => {
    // Missing API routes, non-GETs, and missing files (a stale tab asking for an old asset) are 404s.
    const path = request.url.split('?')[0] ?? '';
    if (
      request.url.startsWith('/api/') ||
      !hasWeb ||
      request.method !== 'GET' ||
      /\.[a-z0-9]+$/i.test(path)
    ) {
      return reply
        .code(404)
        .send(
          errorBody(
            domainError(
              'NOT_FOUND',
              { path: request.url.split('?')[0] },
              { zh: '接口不存在', en: 'no such route' },
            ),
          ),
        );
    }
    // The web app routes in the browser: every other GET gets its index page.
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
  return app;
}
