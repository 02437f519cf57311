import type { DomainError, ErrorCode } from '../core/kernel/errors.ts';

/** The one code → HTTP status map. A new error code without a status here does not compile. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  NOT_FOUND: 404,
  VERSION_CONFLICT: 409,
  DUPLICATE: 409,
  TRANSITION_NOT_ALLOWED: 409,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  OUT_OF_SCOPE: 403,
  PASSWORD_POLICY: 400,
  LOGIN_FAILED: 401,
  ACCOUNT_LOCKED: 423,
  ACCOUNT_DISABLED: 403,
  SESSION_EXPIRED: 401,
  CSRF_FAILED: 403,
  TOO_MANY_REQUESTS: 429,
  PASSWORD_CHANGE_REQUIRED: 403,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  TEMPLATE_INVALID: 422,
  FORMULA_INVALID: 422,
  GRADE_SCHEME_INVALID: 422,
  INPUT_MISSING: 422,
  FILE_UNREADABLE: 422,
  IMPORT_REJECTED: 422,
};

export function errorBody(e: DomainError): {
  code: string;
  message: string;
  messageEn: string;
  details?: unknown;
} {
  return {
    code: e.code,
    message: e.message,
    messageEn: e.messageEn,
    ...(e.details !== undefined ? { details: e.details } : {}),
  };
}
