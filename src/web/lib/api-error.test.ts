import { describe, expect, it } from 'vitest';
import { ApiError, errorText, isApiError, networkError, toApiError } from './api-error.ts';
import { apiUrl } from './api.ts';

describe('toApiError', () => {
  const locked = {
    code: 'ACCOUNT_LOCKED',
    message: '账号已被临时锁定，请15分钟后再试',
    messageEn: 'The account is locked for 15 minutes',
    details: { minutes: 15 },
  };

  it("keeps the server's code, both messages and details; message follows the language", () => {
    const zh = toApiError(423, locked, 'zh');
    expect(zh).toBeInstanceOf(ApiError);
    expect(zh.code).toBe('ACCOUNT_LOCKED');
    expect(zh.status).toBe(423);
    expect(zh.message).toBe('账号已被临时锁定，请15分钟后再试');
    expect(zh.details).toEqual({ minutes: 15 });
    expect(toApiError(423, locked, 'en').message).toBe('The account is locked for 15 minutes');
    expect(zh.messageIn('en')).toBe('The account is locked for 15 minutes');
  });

  it('falls back to the catalogue, then to Chinese, when the English message is missing', () => {
    const known = toApiError(401, { code: 'LOGIN_FAILED', message: '用户名或密码错误' }, 'en');
    expect(known.message).toBe('Wrong user name or password');
    const unknown = toApiError(422, { code: 'SOMETHING_NEW', message: '新的拒绝原因' }, 'en');
    expect(unknown.message).toBe('新的拒绝原因');
  });

  it('names a body-less answer by its status', () => {
    expect(toApiError(401, undefined, 'zh')).toMatchObject({ code: 'UNAUTHENTICATED', message: '请先登录' });
    expect(toApiError(403, 'Forbidden', 'en')).toMatchObject({ code: 'FORBIDDEN' });
    expect(toApiError(502, undefined, 'zh').code).toBe('INTERNAL');
    expect(toApiError(418, { nonsense: true }, 'zh').code).toBe('BAD_RESPONSE');
  });

  it('knows when the user has to sign in again', () => {
    expect(toApiError(401, { code: 'SESSION_EXPIRED', message: '登录已超时' }, 'zh').needsSignIn).toBe(true);
    expect(toApiError(401, undefined, 'zh').needsSignIn).toBe(true);
    expect(toApiError(401, { code: 'LOGIN_FAILED', message: '用户名或密码错误' }, 'zh').needsSignIn).toBe(
      false,
    );
    expect(toApiError(403, { code: 'CSRF_FAILED', message: '请求校验失败' }, 'zh').needsSignIn).toBe(false);
  });

  it('turns network failures and unknown throws into text', () => {
    const e = networkError('zh');
    expect(isApiError(e)).toBe(true);
    expect(e.status).toBe(0);
    expect(errorText(e, 'en')).toMatch(/Cannot reach the server/);
    expect(errorText(new TypeError('x'), 'zh')).toMatch(/服务器处理出错/);
  });
});

describe('apiUrl', () => {
  it('prefixes /api/v1, drops empty values and repeats arrays', () => {
    expect(apiUrl('/dashboard', { division: '220100', year: 2026, q: '', sort: undefined })).toBe(
      '/api/v1/dashboard?division=220100&year=2026',
    );
    expect(apiUrl('divisions/tree')).toBe('/api/v1/divisions/tree');
    expect(apiUrl('/projects', { status: ['draft', 'submitted'], q: '教育 专项' })).toBe(
      '/api/v1/projects?status=draft&status=submitted&q=%E6%95%99%E8%82%B2+%E4%B8%93%E9%A1%B9',
    );
  });
});
