import { badResponseError, isApiError, networkError, toApiError, type ApiError } from './api-error.ts';
import { currentLang } from './i18n-core.ts';

/**
 * The one way the web app talks to the server: JSON under /api/v1, cookies of this origin, the session's
 * CSRF token on every write, and every error response turned into an ApiError.
 */
export const API_BASE = '/api/v1';

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Readonly<Record<string, QueryValue | readonly (string | number)[]>>;

export interface RequestOptions {
  readonly query?: Query;
  readonly body?: unknown;
  readonly signal?: AbortSignal;
  /**
   * When the answer is 401 UNAUTHENTICATED or SESSION_EXPIRED the app normally sends the user to the login
   * page; `false` leaves that to the caller (the session check itself, the login form).
   */
  readonly signInOn401?: boolean;
  /** Answer with the response body as a file (downloads) instead of parsing JSON. */
  readonly asFile?: boolean;
}

/** A downloaded file: its bytes and the name the server gave it (Content-Disposition). */
export interface DownloadedFile {
  readonly blob: Blob;
  readonly fileName: string | null;
}

/** The file name of a Content-Disposition header (the UTF-8 `filename*` preferred). */
export function dispositionFileName(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain?.[1] ?? null;
}

/** `/api/v1/divisions/tree?root=220000`: empty values are left out, arrays repeat the key. */
export function apiUrl(path: string, query?: Query): string {
  const p = path.startsWith('/') ? path : `/${path}`;
  const params = new URLSearchParams();
  if (query) {
    for (const [key, value] of Object.entries(query)) {
      if (Array.isArray(value)) {
        for (const v of value as readonly (string | number)[]) params.append(key, String(v));
      } else if (value !== undefined && value !== null && value !== '') {
        params.append(key, String(value as string | number | boolean));
      }
    }
  }
  const qs = params.toString();
  return `${API_BASE}${p}${qs ? `?${qs}` : ''}`;
}

let csrfToken: string | null = null;
/** Set from the session (`Me.csrfToken`) after sign-in and whenever the session is read. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

let lastRequestAt = Date.now();
/** When the page last talked to the server (the server's idle timeout counts from there). */
export const lastApiRequestAt = (): number => lastRequestAt;

let signInRequired: ((e: ApiError) => void) | null = null;
/** The app registers what happens when the session is gone (go to the login page with a notice). */
export function onSignInRequired(handler: ((e: ApiError) => void) | null): void {
  signInRequired = handler;
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  try {
    return await send<T>(method, path, options);
  } catch (e) {
    // Signed in again in another tab: the session (and its CSRF token) changed. Read the new token once
    // and repeat the write; a second refusal is shown as it is.
    if (isApiError(e) && e.code === 'CSRF_FAILED') {
      const me = await send<{ csrfToken?: unknown }>('GET', '/session', {
        ...(options.signal ? { signal: options.signal } : {}),
      });
      if (typeof me.csrfToken === 'string' && me.csrfToken !== csrfToken) {
        csrfToken = me.csrfToken;
        return send<T>(method, path, options);
      }
    }
    throw e;
  }
}

async function send<T>(method: string, path: string, options: RequestOptions): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const init: RequestInit = { method, headers, credentials: 'same-origin' };
  if (options.signal) init.signal = options.signal;
  if (options.body instanceof FormData) {
    // multipart uploads: the browser sets the content type with its boundary
    init.body = options.body;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let res: Response;
  lastRequestAt = Date.now();
  try {
    res = await fetch(apiUrl(path, options.query), init);
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw networkError(currentLang(), e);
  }

  if (options.asFile && res.ok) {
    const file: DownloadedFile = {
      blob: await res.blob(),
      fileName: dispositionFileName(res.headers.get('content-disposition')),
    };
    return file as T;
  }
  const text = await res.text().catch(() => '');
  let body: unknown = undefined;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
      if (res.ok) throw badResponseError(res.status, currentLang());
    }
  }
  if (!res.ok) {
    const error = toApiError(res.status, body, currentLang());
    if (error.needsSignIn && options.signInOn401 !== false) signInRequired?.(error);
    throw error;
  }
  return body as T;
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'body'>) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('PATCH', path, { ...options, body }),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options),
  /** A file from GET or POST (a FormData body for uploads); errors arrive as ApiError like any call. */
  download: (method: 'GET' | 'POST', path: string, options?: RequestOptions) =>
    request<DownloadedFile>(method, path, { ...options, asFile: true }),
};

/** Hands a downloaded file to the browser as a download. */
export function saveFile(file: DownloadedFile, fallbackName: string): void {
  const url = URL.createObjectURL(file.blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName ?? fallbackName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
