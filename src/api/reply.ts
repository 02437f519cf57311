import type { FastifyReply } from 'fastify';
import { domainError, type DomainError, type ErrorCode } from '../core/kernel/errors.ts';
import { errorBody, HTTP_STATUS } from './http-errors.ts';

/** Sends a domain error with its status from the one code → status map. */
export function fail(reply: FastifyReply, e: DomainError): FastifyReply {
  return (reply as FastifyReply).code(HTTP_STATUS[e.code]).send(errorBody(e));
}

export function failWith(reply: FastifyReply, code: ErrorCode, details?: unknown): FastifyReply {
  return fail(reply, domainError(code, details));
}
