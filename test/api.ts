/**
 * An API on a fresh test database, with a small province of users in several divisions and roles, for
 * route tests through `app.inject()`.
 *
 *   const t = useTestApi();
 *   it('…', async () => { const s = await t.login('nongan'); const r = await s.get('/api/v1/dashboard'); });
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../src/api/build-app.ts';
import type { Api } from '../src/api/types.ts';
import { compose, type App } from '../src/compose.ts';
import type { Config } from '../src/config.ts';
import type { Role } from '../src/core/access/roles.ts';
import type { OrganizationKind } from '../src/core/access/ports.ts';
import type { JobHandler } from '../src/services/job-service.ts';
import { hashPassword } from '../src/services/auth/password.ts';
import { openTestDatabase } from './db.ts';

export const TEST_PASSWORD = 'Test2026pass';

export const testConfig: Config = {
  database: { kind: 'embedded', dataDir: '/nonexistent' },
  port: 0,
  host: '127.0.0.1',
  production: false,
  logLevel: 'silent',
  adminPassword: undefined,
  rateLimitPerMinute: 1_000_000,
  trustProxy: false,
  skipWebBuild: true,
  dbPoolSize: 4,
  sessionCacheSeconds: 5,
  readCacheSeconds: 5,
};

/** The people of the test province: user name → division, organization, roles. */
export const PEOPLE = {
  admin: { division: '220000', org: null, roles: ['admin'] },
  sheng: { division: '220000', org: 'finance-220000', roles: ['province_finance'] },
  weiyuanhui: { division: '220000', org: 'finance-220000', roles: ['review_committee'] },
  chushi: { division: '220000', org: 'division-220000', roles: ['finance_division'] },
  jiaoyu: { division: '220000', org: 'dept-jiaoyu', roles: ['budget_department'] },
  weijian: { division: '220000', org: 'dept-weijian', roles: ['budget_department'] },
  danwei: { division: '220000', org: 'unit-jiaoyu', roles: ['budget_unit'] },
  jigou: { division: '220000', org: 'agency-1', roles: ['agency'] },
  zhuanjia: { division: '220000', org: null, roles: ['expert'] },
  renda: { division: '220000', org: 'congress', roles: ['congress'] },
  changchun: { division: '220100', org: 'finance-220100', roles: ['finance_bureau'] },
  nongan: { division: '220122', org: 'finance-220122', roles: ['finance_bureau'] },
  yushu: { division: '220182', org: 'finance-220182', roles: ['finance_bureau'] },
  jilinshi: { division: '220200', org: 'finance-220200', roles: ['finance_bureau'] },
} as const satisfies Record<string, { division: string; org: string | null; roles: readonly Role[] }>;
export type Person = keyof typeof PEOPLE;

const ORGS: Record<string, { division: string; kind: OrganizationKind; name: string; parent?: string }> = {
  'finance-220000': { division: '220000', kind: 'finance_bureau', name: '吉林省财政厅' },
  'division-220000': {
    division: '220000',
    kind: 'finance_division',
    name: '教科文处',
    parent: 'finance-220000',
  },
  'dept-jiaoyu': { division: '220000', kind: 'budget_department', name: '吉林省教育厅' },
  'unit-jiaoyu': { division: '220000', kind: 'budget_unit', name: '吉林省教育考试院', parent: 'dept-jiaoyu' },
  'dept-weijian': { division: '220000', kind: 'budget_department', name: '吉林省卫生健康委员会' },
  'agency-1': { division: '220000', kind: 'agency', name: '吉林某会计师事务所' },
  congress: { division: '220000', kind: 'congress_committee', name: '吉林省人大常委会预算工作委员会' },
  'finance-220100': { division: '220100', kind: 'finance_bureau', name: '长春市财政局' },
  'finance-220122': { division: '220122', kind: 'finance_bureau', name: '农安县财政局' },
  'finance-220182': { division: '220182', kind: 'finance_bureau', name: '榆树市财政局' },
  'finance-220200': { division: '220200', kind: 'finance_bureau', name: '吉林市财政局' },
};

export interface Session {
  readonly cookie: string;
  readonly csrf: string;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  del(url: string): Promise<LightMyRequestResponse>;
  request(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
}

export interface TestApi {
  readonly api: Api;
  readonly app: App;
  /** Organization ids by fixture key. */
  readonly orgs: Record<string, string>;
  /** User ids by person. */
  readonly users: Record<Person, string>;
  login(person: Person, password?: string): Promise<Session>;
}

export interface TestApiOptions {
  readonly jobHandlers?: readonly JobHandler[];
  /** A movable clock (sessions, lockouts). */
  readonly clock?: () => Date;
  readonly authSettings?: Parameters<typeof compose>[1] extends infer O
    ? O extends { authSettings?: infer A }
      ? A
      : never
    : never;
}

export async function createTestApi(
  options: TestApiOptions = {},
): Promise<TestApi & { close(): Promise<void> }> {
  const database = await openTestDatabase({ reference: true });
  const app = await compose(testConfig, {
    database,
    ...(options.jobHandlers ? { jobHandlers: options.jobHandlers, jobPollMs: 50 } : {}),
    ...(options.authSettings ? { authSettings: options.authSettings } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const orgs: Record<string, string> = {};
  for (const [key, o] of Object.entries(ORGS)) {
    if (o.parent && !orgs[o.parent]) throw new Error(`fixture order: ${key}`);
    const created = await app.repos.access.createOrganization({
      mofDivCode: o.division,
      parentId: o.parent ? orgs[o.parent]! : null,
      kind: o.kind,
      code: key,
      name: o.name,
      shortName: null,
      sortOrder: 0,
    });
    orgs[key] = created.id;
  }
  const passwordHash = await hashPassword(TEST_PASSWORD);
  const users = {} as Record<Person, string>;
  for (const [username, p] of Object.entries(PEOPLE) as [Person, (typeof PEOPLE)[Person]][]) {
    const u = await app.repos.access.createUser({
      username,
      displayName: `测试用户 ${username}`,
      passwordHash,
      mofDivCode: p.division,
      organizationId: p.org ? orgs[p.org]! : null,
      phone: null,
      email: null,
      roles: p.roles,
      mustChangePassword: false,
    });
    users[username] = u.id;
  }
  const api = await buildApp({
    services: app.services,
    webRoot: null,
    logger: false,
    rateLimitPerMinute: 1_000_000,
    trustProxy: false,
    ping: () => app.ping(),
    version: 'test',
    readCache: { ttlMs: testConfig.readCacheSeconds * 1000, epoch: () => app.writeEpoch() },
  });
  await api.ready();
  if (options.jobHandlers) app.services.jobs.start();

  const sessionFor = (cookie: string, csrf: string): Session => {
    const request: Session['request'] = (method, url, body, headers = {}) =>
      api.inject({
        method,
        url,
        headers: { cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': csrf }), ...headers },
        ...(body !== undefined ? { payload: body as object } : {}),
      });
    return {
      cookie,
      csrf,
      request,
      get: (url) => request('GET', url),
      post: (url, body) => request('POST', url, body ?? {}),
      patch: (url, body) => request('PATCH', url, body ?? {}),
      del: (url) => request('DELETE', url),
    };
  };

  return {
    api,
    app,
    orgs,
    users,
    async login(person, password = TEST_PASSWORD) {
      const r = await api.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { username: person, password },
      });
      if (r.statusCode !== 200) throw new Error(`login ${person}: ${r.statusCode} ${r.body}`);
      const setCookie = r.cookies.find((c) => c.name === 'jixiao_sid');
      if (!setCookie) throw new Error('no session cookie');
      return sessionFor(`jixiao_sid=${setCookie.value}`, (r.json() as { csrfToken: string }).csrfToken);
    },
    async close() {
      await api.close();
      await app.close();
    },
  };
}

/** `createTestApi` around a test file: before all tests, closed after them. */
export function useTestApi(options: TestApiOptions = {}): TestApi {
  let t: (TestApi & { close(): Promise<void> }) | undefined;
  beforeAll(async () => {
    t = await createTestApi(options);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });
  const get = () => {
    if (!t) throw new Error('useTestApi: available only inside tests');
    return t;
  };
  return {
    get api() {
      return get().api;
    },
    get app() {
      return get().app;
    },
    get orgs() {
      return get().orgs;
    },
    get users() {
      return get().users;
    },
    login: (person, password) => get().login(person, password),
  };
}
