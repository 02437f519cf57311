import type { FastifyError } from 'fastify';
import type { Api } from '../types.ts';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { domainError, type ErrorCode } from '../../core/kernel/errors.ts';
import { errorBody } from '../http-errors.ts';

const ZH = z.locales.zhCN();
const EN = z.locales.en();

/** A validation problem in Chinese and English (zod's locales; schema-given Chinese messages kept). */
function localized(v: { keyword: string; message?: string; params?: Record<string, unknown> }): {
  zh: string;
  en: string;
} {
  const issue = {
    ...(v.params ?? {}),
    code: v.keyword,
    path: [],
    message: v.message ?? '',
    input: undefined,
  } as never;
  const fmt = (loc: { localeError: (i: never) => unknown }): string => {
    const r = loc.localeError(issue) as string | { message: string } | undefined;
    return typeof r === 'string' ? r : (r?.message ?? v.message ?? '');
  };
  const custom = /\p{Script=Han}/u.test(v.message ?? '');
  return custom ? { zh: v.message ?? '', en: fmt(EN) } : { zh: fmt(ZH), en: v.message ?? fmt(EN) };
}

/**
 * One error handler: request validation → 400 VALIDATION_FAILED with every problem listed; client errors
 * Fastify raises (bad JSON, too large, wrong content type, rate limit) keep their 4xx status with our error
 * body; anything else is a bug or an infrastructure fault: logged, answered with a generic 500.
 */
export function registerErrorHandling(app: Api): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const problems = error.validation.map((v) => {
        const text = localized(v as never);
        return {
          path: `${error.validationContext ?? ''}${v.instancePath}`.replace(/\//g, '.'),
          message: text.zh,
          messageEn: text.en,
        };
      });
      return reply.code(400).send(
        errorBody(
          domainError(
            'VALIDATION_FAILED',
            { problems },
            {
              zh: problems.map((p) => `${p.path}：${p.message}`).join('；'),
              en: problems.map((p) => `${p.path}: ${p.messageEn}`).join('; '),
            },
          ),
        ),
      );
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500 && !isResponseSerializationError(error)) {
      const code: ErrorCode =
        status === 429
          ? 'TOO_MANY_REQUESTS'
          : status === 413
            ? 'PAYLOAD_TOO_LARGE'
            : status === 415
              ? 'UNSUPPORTED_MEDIA_TYPE'
              : status === 401
                ? 'UNAUTHENTICATED'
                : status === 403
                  ? 'FORBIDDEN'
                  : status === 404
                    ? 'NOT_FOUND'
                    : 'VALIDATION_FAILED';
      const mapped =
        status === 429 ||
        status === 413 ||
        status === 415 ||
        status === 401 ||
        status === 403 ||
        status === 404
          ? status
          : 400;
      return reply
        .code(mapped)
        .send(errorBody(domainError(code, { reason: error.code }, { zh: error.message, en: error.message })));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send({
      code: 'INTERNAL',
      message: '服务器内部错误，请稍后重试；如持续出现请联系系统管理员',
      messageEn: 'Internal server error; try again later, or tell the administrator if it persists',
    });
  });
}
