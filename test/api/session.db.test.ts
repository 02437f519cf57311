import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { TEST_PASSWORD, useTestApi } from '../api.ts';

let now = new Date('2026-07-01T09:00:00Z');
const clock = () => new Date(now.getTime());
const advance = (minutes: number) => {
  now = new Date(now.getTime() + minutes * 60_000);
};

const t = useTestApi({ clock });

describe('sign-in and sessions', () => {
  it('signs in with an httpOnly, SameSite=Lax cookie and returns the user, permissions and CSRF token', async () => {
    const r = await t.api.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: 'nongan', password: TEST_PASSWORD },
    });
    expect(r.statusCode).toBe(200);
    const cookie = r.cookies.find((c) => c.name === 'jixiao_sid')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.secure).toBeFalsy();
    const me = r.json();
    expect(me.user).toMatchObject({
      username: 'nongan',
      divisionCode: '220122',
      divisionName: '农安县',
      roles: ['finance_bureau'],
    });
    expect(me.permissions).toContain('scoring.run');
    expect(me.divisions.map((d: { code: string }) => d.code)).toEqual(['220122']);
    expect(me.csrfToken.length).toBeGreaterThan(20);
    expect(me.idleTimeoutSeconds).toBe(1800);
  });

  it('sees the divisions below a city', async () => {
    const s = await t.login('changchun');
    const me = (await s.get('/api/v1/session')).json();
    const codes = me.divisions.map((d: { code: string }) => d.code);
    expect(codes).toContain('220100');
    expect(codes).toContain('220122');
    expect(codes).not.toContain('220200');
  });

  it('refuses a wrong password with a Chinese message and locks the account after 5 failures for 15 minutes', async () => {
    const attempt = (password: string) =>
      t.api.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'yushu', password } });
    for (let i = 1; i <= 4; i++) {
      const r = await attempt('wrong-pass-1');
      expect(r.statusCode).toBe(401);
      expect(r.json()).toMatchObject({
        code: 'LOGIN_FAILED',
        message: '用户名或密码错误',
        messageEn: 'Wrong user name or password',
      });
    }
    const fifth = await attempt('wrong-pass-1');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().code).toBe('ACCOUNT_LOCKED');
    expect(fifth.json().message).toContain('15 分钟');
    // even the right password is refused while locked
    expect((await attempt(TEST_PASSWORD)).statusCode).toBe(423);
    advance(16);
    expect((await attempt(TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('does not reveal whether a user exists', async () => {
    const r = await t.api.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: 'nobody', password: 'x' },
    });
    expect(r.statusCode).toBe(401);
    expect(r.json().code).toBe('LOGIN_FAILED');
  });

  it('needs a session for private routes and a CSRF token for writes', async () => {
    expect((await t.api.inject({ method: 'GET', url: '/api/v1/dashboard' })).json().code).toBe(
      'UNAUTHENTICATED',
    );
    const s = await t.login('admin');
    const noToken = await s.request(
      'POST',
      '/api/v1/organizations',
      { mofDivCode: '220000', kind: 'other', name: '测试单位' },
      { 'x-csrf-token': 'forged' },
    );
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().code).toBe('CSRF_FAILED');
    const ok = await s.post('/api/v1/organizations', {
      mofDivCode: '220000',
      kind: 'other',
      name: '测试单位',
    });
    expect(ok.statusCode).toBe(201);
  });

  it('ends a session after 30 idle minutes', async () => {
    const s = await t.login('changchun');
    advance(20);
    expect((await s.get('/api/v1/session')).statusCode).toBe(200);
    advance(20); // 20 minutes since the last request: still alive only if the request above refreshed it
    expect((await s.get('/api/v1/session')).statusCode).toBe(200);
    advance(31);
    const expired = await s.get('/api/v1/session');
    expect(expired.statusCode).toBe(401);
    expect(expired.json().code).toBe('SESSION_EXPIRED');
  });

  it('signs out', async () => {
    const s = await t.login('sheng');
    const r = await s.del('/api/v1/session');
    expect(r.statusCode).toBe(204);
    expect(r.cookies.find((c) => c.name === 'jixiao_sid')?.value).toBe('');
    expect((await s.get('/api/v1/session')).statusCode).toBe(401);
  });

  it('changes a password only to one that meets the policy', async () => {
    const s = await t.login('weiyuanhui');
    const weak = await s.post('/api/v1/session/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'short',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().code).toBe('PASSWORD_POLICY');
    expect(weak.json().message).toContain('长度至少8位');
    const wrong = await s.post('/api/v1/session/password', {
      currentPassword: 'nope',
      newPassword: 'NewPass2026',
    });
    expect(wrong.statusCode).toBe(400);
    const ok = await s.post('/api/v1/session/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'NewPass2026',
    });
    expect(ok.statusCode).toBe(200);
    expect((await s.get('/api/v1/session')).statusCode).toBe(200);
    await t.login('weiyuanhui', 'NewPass2026');
  });

  it('throttles failed sign-ins per address', async () => {
    const t0 = Date.now();
    let last = 0;
    for (let i = 0; i < 31; i++) {
      const r = await t.api.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { username: `ghost${i}`, password: 'x' },
        remoteAddress: '10.9.8.7',
      });
      last = r.statusCode;
    }
    expect(last).toBe(429);
    expect(Date.now() - t0).toBeLessThan(60_000);
    // another address is not affected
    const other = await t.api.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: 'admin', password: TEST_PASSWORD },
      remoteAddress: '10.9.8.8',
    });
    expect(other.statusCode).toBe(200);
  });

  it('records sign-ins in the hash-chained audit log, and verification finds a tampered event', async () => {
    const before = await t.app.services.audit.verify();
    expect(before.firstBroken).toBeNull();
    expect(before.checked).toBeGreaterThan(5);
    const { items } = await t.app.repos.audit.list({
      divisionCodes: null,
      action: 'session.login',
      offset: 0,
      limit: 5,
    });
    expect(items.length).toBeGreaterThan(0);
    // The table refuses updates …
    await expect(
      t.app.db.execute(sql`update audit_events set username = 'mallory' where id = ${items[0]!.id}`),
    ).rejects.toThrow();
    // … so tamper as the database owner would have to, with the trigger disabled.
    await t.app.db.execute(sql`alter table audit_events disable trigger user`);
    await t.app.db.execute(sql`update audit_events set username = 'mallory' where id = ${items[0]!.id}`);
    await t.app.db.execute(sql`alter table audit_events enable trigger user`);
    const after = await t.app.services.audit.verify();
    expect(after.firstBroken).toEqual({ id: items[0]!.id, reason: 'hash' });
  });
});

describe('no input produces a 5xx', () => {
  it.each([
    ['POST', '/api/v1/session', '{"username": '],
    ['POST', '/api/v1/session', '[]'],
    ['POST', '/api/v1/session', '{"username": 12, "password": null}'],
    ['GET', '/api/v1/divisions/tree?root=abc', undefined],
    ['GET', '/api/v1/users/not-a-uuid', undefined],
    ['GET', '/api/v1/users?page=-1&pageSize=100000', undefined],
    ['GET', '/api/v1/audit?from=not-a-date', undefined],
    ['PATCH', '/api/v1/users/00000000-0000-4000-8000-000000000000', '{"version": "x"}'],
    ['POST', '/api/v1/users', `{"username": "${'a'.repeat(5000)}"}`],
    ['GET', '/api/v1/nothing-here', undefined],
    ['DELETE', '/api/v1/dashboard', undefined],
  ])('%s %s %s', async (method, url, payload) => {
    const s = await t.login('admin');
    const r = await s.request(method as 'GET', url, undefined, {});
    const raw = await t.api.inject({
      method: method as 'GET',
      url,
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
      ...(payload !== undefined ? { payload } : {}),
    });
    for (const res of [r, raw]) {
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      const body = res.json();
      expect(typeof body.code).toBe('string');
      expect(typeof body.message).toBe('string');
      expect(typeof body.messageEn).toBe('string');
    }
  });
});
