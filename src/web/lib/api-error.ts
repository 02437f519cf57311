import type { ErrorBody } from '../../contracts/common.ts';
import { errorCatalogue } from '../../core/kernel/errors.ts';
import type { Lang } from './i18n-core.ts';

/** Codes the client makes up itself when the server gave no error body. */
export type ClientErrorCode = 'NETWORK' | 'INTERNAL' | 'BAD_RESPONSE';

const clientMessages: Record<ClientErrorCode, { zh: string; en: string }> = {
  NETWORK: {
    zh: '无法连接服务器，请检查网络后重试',
    en: 'Cannot reach the server; check the network and try again',
  },
  INTERNAL: {
    zh: '服务器处理出错，请稍后重试；如仍出现请联系系统管理员',
    en: 'The server could not process the request; try again later, and tell the administrator if it persists',
  },
  BAD_RESPONSE: {
    zh: '服务器返回的数据无法识别，请刷新页面后重试',
    en: 'The server answered with data the page cannot read; reload and try again',
  },
};

/** Without a body, the HTTP status alone says which catalogue entry applies. */
const codeForStatus: Readonly<Record<number, keyof typeof errorCatalogue>> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'VERSION_CONFLICT',
  429: 'TOO_MANY_REQUESTS',
};

/** Codes after which the user must sign in again. */
export const SIGN_IN_CODES: ReadonlySet<string> = new Set(['UNAUTHENTICATED', 'SESSION_EXPIRED']);

/**
 * A refused or failed API call: the server's stable code, its Chinese and English messages and details.
 * `message` is in the language that was current when the error arrived; components showing the error
 * should call `messageIn(lang)` so it follows a later language switch too.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: string;
  readonly messageZh: string;
  readonly messageEn: string;
  readonly details: unknown;

  constructor(
    init: { status: number; code: string; messageZh: string; messageEn: string; details?: unknown },
    lang: Lang,
  ) {
    super(lang === 'en' ? init.messageEn : init.messageZh);
    this.status = init.status;
    this.code = init.code;
    this.messageZh = init.messageZh;
    this.messageEn = init.messageEn;
    this.details = init.details;
  }

  messageIn(lang: Lang): string {
    return lang === 'en' ? this.messageEn : this.messageZh;
  }

  /** True when the session is missing or expired and the user has to sign in again. */
  get needsSignIn(): boolean {
    return this.status === 401 && SIGN_IN_CODES.has(this.code);
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

function isErrorBody(x: unknown): x is ErrorBody {
  if (typeof x !== 'object' || x === null) return false;
  const o = x as Record<string, unknown>;
  return typeof o['code'] === 'string' && o['code'] !== '' && typeof o['message'] === 'string';
}

function catalogueEntry(code: string): { zh: string; en: string } | undefined {
  return Object.prototype.hasOwnProperty.call(errorCatalogue, code)
    ? errorCatalogue[code as keyof typeof errorCatalogue]
    : undefined;
}

/**
 * Turns an error response into an ApiError. The server's body `{ code, message, messageEn, details }` wins;
 * a missing English message falls back to the Chinese one; a body-less response is named by its status.
 */
export function toApiError(status: number, body: unknown, lang: Lang): ApiError {
  if (isErrorBody(body)) {
    const entry = catalogueEntry(body.code);
    const zh = body.message || entry?.zh || clientMessages.INTERNAL.zh;
    const en =
      typeof body.messageEn === 'string' && body.messageEn !== '' ? body.messageEn : (entry?.en ?? zh);
    return new ApiError(
      { status, code: body.code, messageZh: zh, messageEn: en, details: body.details },
      lang,
    );
  }
  const code = codeForStatus[status];
  if (code) {
    const entry = errorCatalogue[code];
    return new ApiError({ status, code, messageZh: entry.zh, messageEn: entry.en }, lang);
  }
  const client = status >= 500 ? 'INTERNAL' : 'BAD_RESPONSE';
  const m = clientMessages[client];
  return new ApiError({ status, code: client, messageZh: m.zh, messageEn: m.en }, lang);
}

/** A request that never got an answer (offline, server down, aborted by the browser). */
export function networkError(lang: Lang, cause?: unknown): ApiError {
  const m = clientMessages.NETWORK;
  return new ApiError({ status: 0, code: 'NETWORK', messageZh: m.zh, messageEn: m.en, details: cause }, lang);
}

/** A 2xx answer whose body is not the JSON the page expects. */
export function badResponseError(status: number, lang: Lang): ApiError {
  const m = clientMessages.BAD_RESPONSE;
  return new ApiError({ status, code: 'BAD_RESPONSE', messageZh: m.zh, messageEn: m.en }, lang);
}

/** Any thrown value as text in the given language (ApiErrors by their message, others generically). */
export function errorText(e: unknown, lang: Lang): string {
  if (isApiError(e)) return e.messageIn(lang);
  return clientMessages.INTERNAL[lang];
}
