/**
 * The role × route matrix (issue 3 §2): every API route, every role, a request into the user's own scope
 * and one into another division. It fails on any leak (another division's data in an answer, a 2xx on
 * someone else's object), on any refused request that still wrote something (the audit log grows with
 * every write, so a refused request must leave it unchanged), and on any route without a case here.
 */
import { describe, expect, it } from 'vitest';
import { permissionsOf, type Permission } from '../../src/core/access/roles.ts';
import { PEOPLE, useTestApi, type Person, type Session, type TestApi } from '../api.ts';
import {
  createProject,
  createSelfEvaluation,
  fixture,
  multipart,
  selfEvalPlace,
} from '../selfeval-helpers.ts';
import { matrixUpload, scoringTarget, type ScoringTarget } from '../scoring-fixtures.ts';
import { LEDGER_CASES } from '../ledger-fixtures.ts';
import { cardsTargets } from '../scorecard-fixtures.ts';

interface Req {
  readonly url: string;
  readonly body?: unknown;
  /** e.g. the content type of a multipart upload */
  readonly headers?: Record<string, string>;
}

interface RouteCase {
  /** 'GET /api/v1/users/:id' */
  readonly route: string;
  /** A request into the person's own scope; null when the route has no own-scope target for them. */
  readonly own: (t: TestApi, p: Person, s: Session) => Promise<Req | null> | Req | null;
  /** A request aimed at another division's data; null when the person sees every division. */
  readonly other: (t: TestApi, p: Person, s: Session) => Promise<Req | null> | Req | null;
  /** Checks a successful own-scope answer for leaks: every record must lie in the person's scope. */
  readonly leak?: (body: unknown, scope: Scope) => string | null;
  /** Statuses a permitted own-scope request may answer besides 2xx (e.g. 404 for nothing to show). */
  readonly alsoOk?: readonly number[];
}

interface Scope {
  readonly divisions: ReadonlySet<string>;
}

const PROVINCE_WIDE = new Set<Person>([
  'admin',
  'sheng',
  'weiyuanhui',
  'chushi',
  'jiaoyu',
  'weijian',
  'danwei',
  'jigou',
  'zhuanjia',
  'renda',
]);
/** A division outside the person's scope: for 长春 users a 吉林市 division; for counties a neighbour. */
const OTHER_DIVISION: Partial<Record<Person, string>> = {
  changchun: '220200',
  nongan: '220182',
  yushu: '220122',
  jilinshi: '220100',
};

const everyItemIn =
  (field: string) =>
  (body: unknown, scope: Scope): string | null => {
    const items = Array.isArray(body) ? body : ((body as { items?: unknown[] }).items ?? []);
    const bad = (items as Record<string, unknown>[]).find(
      (i) => i[field] !== null && !scope.divisions.has(String(i[field])),
    );
    return bad ? `leaked ${field}=${String(bad[field])}` : null;
  };

/** GB/T 2260: the province (XX0000) and prefecture (XXXX00) above a code. */
const divisionsAbove = (code: string) => [`${code.slice(0, 2)}0000`, `${code.slice(0, 4)}00`];

/** Records in the person's scope, or published by a division above it (indicators, templates). */
const everyItemInOrAbove =
  (field: string) =>
  (body: unknown, scope: Scope): string | null => {
    const items = Array.isArray(body) ? body : ((body as { items?: unknown[] }).items ?? []);
    const above = new Set([...scope.divisions].flatMap(divisionsAbove));
    const bad = (items as Record<string, unknown>[]).find((i) => {
      const code = String(i[field]);
      return !scope.divisions.has(code) && !above.has(code);
    });
    return bad ? `leaked ${field}=${String(bad[field])}` : null;
  };

/** A what-if answer's rows must all be subjects in the person's scope. */
const whatIfRowsIn = (body: unknown, scope: Scope): string | null => {
  const items = (body as { rows?: { items?: { mofDivCode: string }[] } }).rows?.items ?? [];
  const bad = items.find((i) => !scope.divisions.has(i.mofDivCode));
  return bad ? `leaked a what-if row of ${bad.mofDivCode}` : null;
};

let seq = 0;
const CASES: readonly RouteCase[] = [
  { route: 'GET /api/health', own: () => ({ url: '/api/health' }), other: () => null },
  { route: 'GET /api/v1/session', own: () => ({ url: '/api/v1/session' }), other: () => null },
  // signing in and out are exercised by the session tests; here only with the person's own account
  { route: 'POST /api/v1/session', own: () => null, other: () => null },
  { route: 'DELETE /api/v1/session', own: () => null, other: () => null },
  { route: 'POST /api/v1/session/password', own: () => null, other: () => null },
  {
    route: 'GET /api/v1/dashboard',
    own: (_t, p) => ({ url: `/api/v1/dashboard?division=${PEOPLE[p].division}&year=2026` }),
    other: (_t, p) =>
      OTHER_DIVISION[p] ? { url: `/api/v1/dashboard?division=${OTHER_DIVISION[p]}&year=2026` } : null,
  },
  {
    route: 'GET /api/v1/divisions',
    own: () => ({ url: '/api/v1/divisions' }),
    other: () => null,
    leak: everyItemIn('code'),
  },
  {
    route: 'GET /api/v1/divisions/tree',
    own: (_t, p) => ({ url: `/api/v1/divisions/tree?root=${PEOPLE[p].division}` }),
    other: (_t, p) =>
      OTHER_DIVISION[p] ? { url: `/api/v1/divisions/tree?root=${OTHER_DIVISION[p]}` } : null,
  },
  {
    route: 'GET /api/v1/users',
    own: () => ({ url: '/api/v1/users?pageSize=200' }),
    other: (_t, p) => (OTHER_DIVISION[p] ? { url: `/api/v1/users?division=${OTHER_DIVISION[p]}` } : null),
    leak: everyItemIn('mofDivCode'),
  },
  {
    route: 'GET /api/v1/users/:id',
    own: (t, p) => ({ url: `/api/v1/users/${t.users[p]}` }),
    other: (t, p) => (OTHER_DIVISION[p] ? { url: `/api/v1/users/${t.users[otherPerson(p)]}` } : null),
  },
  {
    route: 'POST /api/v1/users',
    own: (_t, p) => ({
      url: '/api/v1/users',
      body: {
        username: `m${++seq}${p}`,
        displayName: '矩阵测试',
        mofDivCode: PEOPLE[p].division,
        roles: ['expert'],
      },
    }),
    other: (_t, p) =>
      OTHER_DIVISION[p]
        ? {
            url: '/api/v1/users',
            body: {
              username: `o${++seq}${p}`,
              displayName: '越权',
              mofDivCode: OTHER_DIVISION[p],
              roles: ['expert'],
            },
          }
        : null,
  },
  {
    route: 'PATCH /api/v1/users/:id',
    own: async (t, p, s) => {
      const target = await firstUserCreatedBy(s, PEOPLE[p].division);
      return target
        ? {
            url: `/api/v1/users/${target.id}`,
            body: { version: target.version, displayName: `改名${++seq}` },
          }
        : null;
    },
    other: (t, p) =>
      OTHER_DIVISION[p]
        ? { url: `/api/v1/users/${t.users[otherPerson(p)]}`, body: { version: 1, displayName: '越权改名' } }
        : null,
  },
  {
    route: 'POST /api/v1/users/:id/reset-password',
    own: async (_t, p, s) => {
      const target = await firstUserCreatedBy(s, PEOPLE[p].division);
      return target ? { url: `/api/v1/users/${target.id}/reset-password` } : null;
    },
    other: (t, p) =>
      OTHER_DIVISION[p] ? { url: `/api/v1/users/${t.users[otherPerson(p)]}/reset-password` } : null,
  },
  {
    route: 'GET /api/v1/organizations',
    own: () => ({ url: '/api/v1/organizations' }),
    other: (_t, p) =>
      OTHER_DIVISION[p] ? { url: `/api/v1/organizations?division=${OTHER_DIVISION[p]}` } : null,
    leak: everyItemIn('mofDivCode'),
  },
  {
    route: 'POST /api/v1/organizations',
    own: (_t, p) => ({
      url: '/api/v1/organizations',
      body: { mofDivCode: PEOPLE[p].division, kind: 'other', name: `矩阵单位${++seq}` },
    }),
    other: (_t, p) =>
      OTHER_DIVISION[p]
        ? {
            url: '/api/v1/organizations',
            body: { mofDivCode: OTHER_DIVISION[p], kind: 'other', name: '越权单位' },
          }
        : null,
  },
  {
    route: 'PATCH /api/v1/organizations/:id',
    own: (t, p) => {
      const key = PEOPLE[p].org;
      return key
        ? { url: `/api/v1/organizations/${t.orgs[key]}`, body: { version: 999, sortOrder: 1 } }
        : null;
    },
    other: (t, p) =>
      OTHER_DIVISION[p]
        ? {
            url: `/api/v1/organizations/${t.orgs[`finance-${OTHER_DIVISION[p]}`]}`,
            body: { version: 1, name: '越权' },
          }
        : null,
    // a stale version is the expected answer for the own case (nothing is written)
    alsoOk: [409],
  },
  {
    route: 'GET /api/v1/audit',
    own: () => ({ url: '/api/v1/audit?pageSize=200' }),
    other: (_t, p) => (OTHER_DIVISION[p] ? { url: `/api/v1/audit?division=${OTHER_DIVISION[p]}` } : null),
    leak: everyItemIn('mofDivCode'),
  },
  { route: 'GET /api/v1/jobs', own: () => ({ url: '/api/v1/jobs' }), other: () => null },
  {
    route: 'GET /api/v1/jobs/:id',
    own: () => null,
    other: () => ({ url: '/api/v1/jobs/00000000-0000-4000-8000-000000000000' }),
  },
  // 指标库与模板 (M1): published records of the divisions above are visible too, never a sibling's.
  {
    route: 'GET /api/v1/indicators',
    own: () => ({ url: '/api/v1/indicators?pageSize=200' }),
    other: (_t, p) =>
      OTHER_DIVISION[p] ? { url: `/api/v1/indicators?division=${OTHER_DIVISION[p]}` } : null,
    leak: everyItemInOrAbove('mofDivCode'),
  },
  {
    route: 'GET /api/v1/indicators/export',
    own: () => ({ url: '/api/v1/indicators/export' }),
    other: (_t, p) =>
      OTHER_DIVISION[p] ? { url: `/api/v1/indicators/export?division=${OTHER_DIVISION[p]}` } : null,
  },
  {
    route: 'GET /api/v1/indicators/:id',
    own: async (t, p) => ({
      url: `/api/v1/indicators/${(await m1Fixture(t, PEOPLE[p].division)).indicator.id}`,
    }),
    other: async (t, p) =>
      OTHER_DIVISION[p]
        ? { url: `/api/v1/indicators/${(await m1Fixture(t, OTHER_DIVISION[p])).indicator.id}` }
        : null,
  },
  {
    route: 'POST /api/v1/indicators',
    own: () => ({ url: '/api/v1/indicators', body: indicatorBody(`MX-${++seq}`) }),
    other: (_t, p) =>
      OTHER_DIVISION[p]
        ? {
            url: '/api/v1/indicators',
            body: { ...indicatorBody(`MO-${++seq}`), mofDivCode: OTHER_DIVISION[p] },
          }
        : null,
  },
  {
    route: 'PATCH /api/v1/indicators/:id',
    own: async (t, p) => ({
      url: `/api/v1/indicators/${(await m1Fixture(t, PEOPLE[p].division)).indicator.id}`,
      body: { version: 999, name: '过期的修改' },
    }),
    other: async (t, p) =>
      OTHER_DIVISION[p]
        ? {
            url: `/api/v1/indicators/${(await m1Fixture(t, OTHER_DIVISION[p])).indicator.id}`,
            body: { version: 1, name: '越权' },
          }
        : null,
    alsoOk: [409],
  },
  {
    route: 'POST /api/v1/indicators/:id/retire',
    own: async (t, p) => ({
      url: `/api/v1/indicators/${(await m1Fixture(t, PEOPLE[p].division)).indicator.id}/retire`,
      body: { version: 999 },
    }),
    other: async (t, p) =>
      OTHER_DIVISION[p]
        ? {
            url: `/api/v1/indicators/${(await m1Fixture(t, OTHER_DIVISION[p])).indicator.id}/retire`,
            body: { version: 1 },
          }
        : null,
    alsoOk: [409],
  },
  {
    route: 'GET /api/v1/templates',
    own: () => ({ url: '/api/v1/templates' }),
    other: (_t, p) => (OTHER_DIVISION[p] ? { url: `/api/v1/templates?division=${OTHER_DIVISION[p]}` } : null),
    leak: everyItemInOrAbove('mofDivCode'),
  },
  {
    route: 'POST /api/v1/templates',
    own: () => ({ url: '/api/v1/templates', body: templateBody(`mx-${++seq}`) }),
    other: (_t, p) =>
      OTHER_DIVISION[p]
        ? {
            url: '/api/v1/templates',
            body: { ...templateBody(`mo-${++seq}`), mofDivCode: OTHER_DIVISION[p] },
          }
        : null,
  },
  {
    route: 'GET /api/v1/templates/:id',
    own: async (t, p) => ({
      url: `/api/v1/templates/${(await m1Fixture(t, PEOPLE[p].division)).templateId}`,
    }),
    other: async (t, p) =>
      OTHER_DIVISION[p]
        ? { url: `/api/v1/templates/${(await m1Fixture(t, OTHER_DIVISION[p])).templateId}` }
        : null,
  },
  {
    route: 'PATCH /api/v1/templates/:id',
    own: async (t, p) => ({
      url: `/api/v1/templates/${(await m1Fixture(t, PEOPLE[p].division)).templateId}`,
      body: { version: 999, name: '过期的修改' },
    }),
    other: async (t, p) =>
      OTHER_DIVISION[p]
        ? {
            url: `/api/v1/templates/${(await m1Fixture(t, OTHER_DIVISION[p])).templateId}`,
            body: { version: 1, name: '越权' },
          }
        : null,
    alsoOk: [409],
  },
  {
    route: 'POST /api/v1/templates/:id/versions',
    own: async (t, p) => ({
      url: `/api/v1/templates/${(await m1Fixture(t, PEOPLE[p].division)).templateId}/versions`,
      body: { fiscalYear: 2027 },
    }),
    other: async (t, p) =>
      OTHER_DIVISION[p]
        ? {
            url: `/api/v1/templates/${(await m1Fixture(t, OTHER_DIVISION[p])).templateId}/versions`,
            body: { fiscalYear: 2027 },
          }
        : null,
  },
  {
    route: 'POST /api/v1/templates/preview',
    own: () => ({ url: '/api/v1/templates/preview', body: previewBody() }),
    other: (_t, p) =>
      OTHER_DIVISION[p]
        ? { url: '/api/v1/templates/preview', body: { ...previewBody(), division: OTHER_DIVISION[p] } }
        : null,
  },
  {
    route: 'GET /api/v1/template-versions/:id',
    own: async (t, p) => ({
      url: `/api/v1/template-versions/${(await m1Fixture(t, PEOPLE[p].division)).versionId}`,
    }),
    other: async (t, p) =>
      OTHER_DIVISION[p]
        ? { url: `/api/v1/template-versions/${(await m1Fixture(t, OTHER_DIVISION[p])).versionId}` }
        : null,
  },
  {
    route: 'PUT /api/v1/template-versions/:id',
    own: async (t, p) => ({
      url: `/api/v1/template-versions/${(await m1Fixture(t, PEOPLE[p].division)).versionId}`,
      body: { version: 999, definition: M1_DEFINITION },
    }),
    other: async (t, p) =>
      OTHER_DIVISION[p]
        ? {
            url: `/api/v1/template-versions/${(await m1Fixture(t, OTHER_DIVISION[p])).versionId}`,
            body: { version: 1, definition: M1_DEFINITION },
          }
        : null,
    // the fixture is published: never changed in place
    alsoOk: [409],
  },
  {
    route: 'DELETE /api/v1/template-versions/:id',
    own: async (t, p) => ({
      url: `/api/v1/template-versions/${(await m1Fixture(t, PEOPLE[p].division)).versionId}`,
    }),
    other: async (t, p) =>
      OTHER_DIVISION[p]
        ? { url: `/api/v1/template-versions/${(await m1Fixture(t, OTHER_DIVISION[p])).versionId}` }
        : null,
    alsoOk: [409],
  },
  {
    route: 'POST /api/v1/template-versions/:id/validate',
    own: async (t, p) => ({
      url: `/api/v1/template-versions/${(await m1Fixture(t, PEOPLE[p].division)).versionId}/validate`,
      body: {},
    }),
    other: async (t, p) =>
      OTHER_DIVISION[p]
        ? {
            url: `/api/v1/template-versions/${(await m1Fixture(t, OTHER_DIVISION[p])).versionId}/validate`,
            body: {},
          }
        : null,
  },
  {
    route: 'POST /api/v1/template-versions/:id/publish',
    own: async (t, p) => ({
      url: `/api/v1/template-versions/${(await m1Fixture(t, PEOPLE[p].division)).versionId}/publish`,
      body: { version: 1 },
    }),
    other: async (t, p) =>
      OTHER_DIVISION[p]
        ? {
            url: `/api/v1/template-versions/${(await m1Fixture(t, OTHER_DIVISION[p])).versionId}/publish`,
            body: { version: 1 },
          }
        : null,
    alsoOk: [409],
  },
  // 评分运行: own = the person's subject (a county its own, a department its own, the province 长春市)
  {
    route: 'GET /api/v1/scoring/versions',
    own: () => ({ url: '/api/v1/scoring/versions?year=2026' }),
    other: (_t, p) =>
      OTHER_DIVISION[p] ? { url: `/api/v1/scoring/versions?division=${OTHER_DIVISION[p]}` } : null,
    leak: everyItemInOrAbove('ownerDivisionCode'),
  },
  {
    route: 'GET /api/v1/scoring/versions/:versionId/subjects',
    own: async (t, p) => scoring(t, p, (g) => ({ url: `/api/v1/scoring/versions/${g.versionId}/subjects` })),
    other: async (t, p) =>
      scoringOther(t, p, (g) => ({
        url: `/api/v1/scoring/versions/${g.versionId}/subjects?division=${g.division}`,
      })),
    leak: (body, scope) => everyItemIn('mofDivCode')((body as { subjects: unknown[] }).subjects, scope),
  },
  {
    route: 'GET /api/v1/scoring/versions/:versionId/subjects/:subjectId/inputs',
    own: async (t, p) =>
      scoring(t, p, (g) => ({
        url: `/api/v1/scoring/versions/${g.versionId}/subjects/${g.subjectId}/inputs`,
      })),
    other: async (t, p) =>
      scoringOther(t, p, (g) => ({
        url: `/api/v1/scoring/versions/${g.versionId}/subjects/${g.subjectId}/inputs`,
      })),
  },
  {
    route: 'PUT /api/v1/scoring/versions/:versionId/subjects/:subjectId/inputs',
    own: async (t, p) =>
      scoring(t, p, async (g) => ({
        url: `/api/v1/scoring/versions/${g.versionId}/subjects/${g.subjectId}/inputs`,
        body: {
          entries: [{ key: g.key, value: 90 + ++seq, source: 'manual', version: await storedVersion(t, g) }],
        },
      })),
    other: async (t, p) =>
      scoringOther(t, p, (g) => ({
        url: `/api/v1/scoring/versions/${g.versionId}/subjects/${g.subjectId}/inputs`,
        body: { entries: [{ key: g.key, value: 1, source: 'manual', version: null }] },
      })),
  },
  {
    route: 'POST /api/v1/scoring/subjects/:subjectId/evidence',
    own: async (t, p) =>
      scoring(t, p, (g) => ({
        url: `/api/v1/scoring/subjects/${g.subjectId}/evidence`,
        ...matrixUpload({}, '佐证.pdf'),
      })),
    other: async (t, p) =>
      scoringOther(t, p, (g) => ({
        url: `/api/v1/scoring/subjects/${g.subjectId}/evidence`,
        ...matrixUpload({}, '佐证.pdf'),
      })),
  },
  {
    route: 'GET /api/v1/scoring/attachments/:id',
    own: async (t, p) => scoring(t, p, (g) => ({ url: `/api/v1/scoring/attachments/${g.attachmentId}` })),
    other: async (t, p) =>
      scoringOther(t, p, (g) => ({ url: `/api/v1/scoring/attachments/${g.attachmentId}` })),
  },
  {
    route: 'GET /api/v1/scoring/versions/:versionId/input-template',
    own: async (t, p) =>
      scoring(t, p, (g) => ({ url: `/api/v1/scoring/versions/${g.versionId}/input-template` })),
    other: async (t, p) =>
      scoringOther(t, p, (g) => ({
        url: `/api/v1/scoring/versions/${g.versionId}/input-template?division=${g.division}`,
      })),
  },
  {
    route: 'POST /api/v1/scoring/versions/:versionId/imports',
    own: async (t, p) =>
      scoring(t, p, (g) => ({
        url: `/api/v1/scoring/versions/${g.versionId}/imports`,
        ...matrixUpload({ division: g.division }),
      })),
    other: async (t, p) =>
      scoringOther(t, p, (g) => ({
        url: `/api/v1/scoring/versions/${g.versionId}/imports`,
        ...matrixUpload({ division: g.division }),
      })),
  },
  {
    route: 'GET /api/v1/scoring/runs',
    own: () => ({ url: '/api/v1/scoring/runs' }),
    other: (_t, p) =>
      OTHER_DIVISION[p] ? { url: `/api/v1/scoring/runs?division=${OTHER_DIVISION[p]}` } : null,
  },
  {
    route: 'POST /api/v1/scoring/runs',
    own: async (t, p) =>
      scoring(t, p, (g) => ({
        url: '/api/v1/scoring/runs',
        body: { versionId: g.versionId, division: g.division },
      })),
    other: async (t, p) =>
      scoringOther(t, p, (g) => ({
        url: '/api/v1/scoring/runs',
        body: { versionId: g.versionId, division: g.division },
      })),
  },
  {
    route: 'GET /api/v1/scoring/runs/:runId',
    own: async (t, p) => scoring(t, p, (g) => ({ url: `/api/v1/scoring/runs/${g.runId}` })),
    other: async (t, p) => scoringOther(t, p, (g) => ({ url: `/api/v1/scoring/runs/${g.runId}` })),
  },
  {
    route: 'GET /api/v1/scoring/runs/:runId/results',
    own: async (t, p) => scoring(t, p, (g) => ({ url: `/api/v1/scoring/runs/${g.runId}/results` })),
    other: async (t, p) => scoringOther(t, p, (g) => ({ url: `/api/v1/scoring/runs/${g.runId}/results` })),
    leak: everyItemIn('mofDivCode'),
  },
  {
    route: 'GET /api/v1/scoring/runs/:runId/results/export',
    own: async (t, p) => scoring(t, p, (g) => ({ url: `/api/v1/scoring/runs/${g.runId}/results/export` })),
    other: async (t, p) =>
      scoringOther(t, p, (g) => ({ url: `/api/v1/scoring/runs/${g.runId}/results/export` })),
  },
  {
    route: 'GET /api/v1/scoring/runs/:runId/subjects/:subjectId',
    own: async (t, p) =>
      scoring(t, p, (g) => ({ url: `/api/v1/scoring/runs/${g.runId}/subjects/${g.subjectId}` })),
    other: async (t, p) =>
      scoringOther(t, p, (g) => ({ url: `/api/v1/scoring/runs/${g.runId}/subjects/${g.subjectId}` })),
  },
  // 综合评价与画像 across scorecards: score-all, catalogue, compare, peers
  {
    route: 'POST /api/v1/scorecards/score-all',
    own: (_t, p) => ({
      url: '/api/v1/scorecards/score-all',
      body: { year: 2026, division: PEOPLE[p].division },
    }),
    other: (_t, p) =>
      OTHER_DIVISION[p]
        ? { url: '/api/v1/scorecards/score-all', body: { year: 2026, division: OTHER_DIVISION[p] } }
        : null,
  },
  {
    route: 'GET /api/v1/scorecards',
    own: (_t, p) => ({ url: `/api/v1/scorecards?year=2026&division=${PEOPLE[p].division}` }),
    other: (_t, p) =>
      OTHER_DIVISION[p] ? { url: `/api/v1/scorecards?year=2026&division=${OTHER_DIVISION[p]}` } : null,
    leak: everyItemInOrAbove('ownerDivisionCode'),
  },
  {
    route: 'GET /api/v1/scorecards/runs/:runId/compare',
    own: async (t, p) => {
      const { county, dept } = await cardsTargets(t);
      const pair = COMPARE_OWN[p] ?? ['220100', '220200'];
      if (pair.length < 2) return null;
      const target = pair[0]!.startsWith('dept') ? dept : county;
      return {
        url: `/api/v1/scorecards/runs/${target.runId}/compare?subjects=${pair.map((k) => target.subjects[k]).join(',')}`,
      };
    },
    other: async (t, p) => {
      const other = OTHER_DIVISION[p];
      if (!other) return null;
      const { county } = await cardsTargets(t);
      const mine = OWN_SCORING[p] ?? '220100';
      return {
        url: `/api/v1/scorecards/runs/${county.runId}/compare?subjects=${county.subjects[mine]},${county.subjects[other]}`,
      };
    },
    leak: (body, scope) => everyItemIn('mofDivCode')((body as { subjects: unknown[] }).subjects, scope),
  },
  {
    route: 'GET /api/v1/scorecards/runs/:runId/subjects/:subjectId/peers',
    own: async (t, p) => {
      if (p === 'jigou') return null;
      const { county, dept } = await cardsTargets(t);
      const mine = OWN_SCORING[p] ?? '220100';
      const target = mine.startsWith('dept') ? dept : county;
      return { url: `/api/v1/scorecards/runs/${target.runId}/subjects/${target.subjects[mine]}/peers` };
    },
    other: async (t, p) => {
      const other = OTHER_DIVISION[p];
      if (!other) return null;
      const { county } = await cardsTargets(t);
      return { url: `/api/v1/scorecards/runs/${county.runId}/subjects/${county.subjects[other]}/peers` };
    },
    leak: (body, scope) => everyItemIn('mofDivCode')((body as { peers: unknown[] }).peers, scope),
  },
  // 自评表核查: own = the person's division (and, for departments, their own projects)
  {
    route: 'POST /api/v1/selfeval/check',
    own: (_t, p) => selfEvalUpload(`/api/v1/selfeval/check?division=${PEOPLE[p].division}`),
    other: (_t, p) =>
      OTHER_DIVISION[p] ? selfEvalUpload(`/api/v1/selfeval/check?division=${OTHER_DIVISION[p]}`) : null,
  },
  {
    route: 'POST /api/v1/selfeval/check/workbook',
    own: (_t, p) => selfEvalUpload(`/api/v1/selfeval/check/workbook?division=${PEOPLE[p].division}`),
    other: (_t, p) =>
      OTHER_DIVISION[p]
        ? selfEvalUpload(`/api/v1/selfeval/check/workbook?division=${OTHER_DIVISION[p]}`)
        : null,
  },
  {
    route: 'GET /api/v1/selfeval/projects',
    own: () => ({ url: '/api/v1/selfeval/projects' }),
    other: (_t, p) =>
      OTHER_DIVISION[p] ? { url: `/api/v1/selfeval/projects?division=${OTHER_DIVISION[p]}` } : null,
    leak: everyItemIn('mofDivCode'),
  },
  {
    route: 'GET /api/v1/selfeval/departments',
    own: () => ({ url: '/api/v1/selfeval/departments' }),
    other: (_t, p) =>
      OTHER_DIVISION[p] ? { url: `/api/v1/selfeval/departments?division=${OTHER_DIVISION[p]}` } : null,
    leak: everyItemIn('mofDivCode'),
  },
  {
    route: 'GET /api/v1/selfeval',
    own: () => ({ url: '/api/v1/selfeval?pageSize=200' }),
    other: (_t, p) => (OTHER_DIVISION[p] ? { url: `/api/v1/selfeval?division=${OTHER_DIVISION[p]}` } : null),
    leak: everyItemIn('mofDivCode'),
  },
  {
    route: 'GET /api/v1/selfeval/export',
    own: () => ({ url: '/api/v1/selfeval/export' }),
    other: (_t, p) =>
      OTHER_DIVISION[p] ? { url: `/api/v1/selfeval/export?division=${OTHER_DIVISION[p]}` } : null,
  },
  {
    route: 'POST /api/v1/selfeval',
    own: async (t, p) => {
      const place = selfEvalPlace(p);
      if (!place) return null;
      const project = await createProject(t, place);
      return selfEvalUpload('/api/v1/selfeval', { projectId: project.id, fiscalYear: 2026 });
    },
    other: async (t, p) => {
      if (!OTHER_DIVISION[p]) return null;
      const project = await createProject(t, { division: OTHER_DIVISION[p] });
      return selfEvalUpload('/api/v1/selfeval', { projectId: project.id, fiscalYear: 2026 });
    },
  },
  {
    route: 'GET /api/v1/selfeval/:id',
    own: async (t, p) => selfEvalOwn(t, p, (id) => `/api/v1/selfeval/${id}`),
    other: async (t, p) => selfEvalOther(t, p, (id) => `/api/v1/selfeval/${id}`),
  },
  {
    route: 'GET /api/v1/selfeval/:id/workbook',
    own: async (t, p) => selfEvalOwn(t, p, (id) => `/api/v1/selfeval/${id}/workbook`),
    other: async (t, p) => selfEvalOther(t, p, (id) => `/api/v1/selfeval/${id}/workbook`),
  },
  {
    route: 'GET /api/v1/selfeval/:id/source',
    own: async (t, p) => selfEvalOwn(t, p, (id) => `/api/v1/selfeval/${id}/source`),
    other: async (t, p) => selfEvalOther(t, p, (id) => `/api/v1/selfeval/${id}/source`),
  },
  // 情景模拟 (M11): own division; another division's is refused; rows only of subjects in scope
  {
    route: 'GET /api/v1/whatif/scorecards/context',
    own: async (t, p) =>
      scoring(t, p, (g) => ({
        url: `/api/v1/whatif/scorecards/context?versionId=${g.versionId}&division=${PEOPLE[p].division}`,
      })),
    other: async (t, p) =>
      scoringOther(t, p, (g) => ({
        url: `/api/v1/whatif/scorecards/context?versionId=${g.versionId}&division=${g.division}`,
      })),
  },
  {
    route: 'POST /api/v1/whatif/scorecards',
    own: async (t, p) =>
      scoring(t, p, (g) => ({
        url: '/api/v1/whatif/scorecards',
        body: { versionId: g.versionId, division: PEOPLE[p].division },
      })),
    other: async (t, p) =>
      scoringOther(t, p, (g) => ({
        url: '/api/v1/whatif/scorecards',
        body: { versionId: g.versionId, division: g.division },
      })),
    leak: whatIfRowsIn,
  },
  {
    route: 'POST /api/v1/whatif/scorecards/export',
    own: async (t, p) =>
      scoring(t, p, (g) => ({
        url: '/api/v1/whatif/scorecards/export',
        body: { versionId: g.versionId, division: PEOPLE[p].division },
      })),
    other: async (t, p) =>
      scoringOther(t, p, (g) => ({
        url: '/api/v1/whatif/scorecards/export',
        body: { versionId: g.versionId, division: g.division },
      })),
  },
  {
    route: 'GET /api/v1/whatif/self-evaluations/context',
    own: (_t, p) => ({
      url: `/api/v1/whatif/self-evaluations/context?year=2026&division=${PEOPLE[p].division}`,
    }),
    other: (_t, p) =>
      OTHER_DIVISION[p]
        ? { url: `/api/v1/whatif/self-evaluations/context?year=2026&division=${OTHER_DIVISION[p]}` }
        : null,
  },
  {
    route: 'POST /api/v1/whatif/self-evaluations',
    own: (_t, p) => ({
      url: '/api/v1/whatif/self-evaluations',
      body: { year: 2026, division: PEOPLE[p].division },
    }),
    other: (_t, p) =>
      OTHER_DIVISION[p]
        ? { url: '/api/v1/whatif/self-evaluations', body: { year: 2026, division: OTHER_DIVISION[p] } }
        : null,
    leak: whatIfRowsIn,
  },
  {
    route: 'POST /api/v1/whatif/self-evaluations/export',
    own: (_t, p) => ({
      url: '/api/v1/whatif/self-evaluations/export',
      body: { year: 2026, division: PEOPLE[p].division },
    }),
    other: (_t, p) =>
      OTHER_DIVISION[p]
        ? { url: '/api/v1/whatif/self-evaluations/export', body: { year: 2026, division: OTHER_DIVISION[p] } }
        : null,
  },
  { route: 'GET /api/v1/audit/verify', own: () => ({ url: '/api/v1/audit/verify' }), other: () => null },
  // 整改台账 and 结果应用 (test/ledger-fixtures.ts)
  ...LEDGER_CASES,
];

const M1_DEFINITION = {
  maxScore: 100,
  nodes: [{ type: 'leaf', code: 'A', name: '完成率', weight: 100, rule: { kind: 'positive', target: 100 } }],
};

const indicatorBody = (code: string) => ({
  code,
  name: '矩阵测试指标',
  level1: '产出指标',
  level2: '数量指标',
  scope: 'common',
  direction: 'positive',
});

const templateBody = (code: string) => ({
  code,
  name: '矩阵测试模板',
  subjectKind: 'other',
  fiscalYear: 2026,
});

const previewBody = () => ({
  definition: M1_DEFINITION,
  fiscalYear: 2026,
  samples: [{ inputs: { 'A.actual': 90 } }],
});

/** Per division: one library indicator and one template with a published version (made directly). */
const m1Fixtures = new Map<
  string,
  Promise<{ indicator: { id: string }; templateId: string; versionId: string }>
>();
function m1Fixture(t: TestApi, division: string) {
  let f = m1Fixtures.get(division);
  if (!f) {
    f = (async () => {
      const indicator = await t.app.repos.indicators.create({
        ...indicatorBody(`FX-${division}`),
        scope: 'common',
        direction: 'positive',
        mofDivCode: division,
        unit: null,
        valueBasis: null,
        referenceValue: null,
        functionClassCode: null,
        fundClass: null,
        evaluationStandard: null,
        description: null,
        validFrom: null,
        validTo: null,
        status: 'active',
        createdBy: null,
      });
      const template = await t.app.repos.templates.createTemplate({
        mofDivCode: division,
        code: `fx-${division}`,
        name: '矩阵测试模板',
        subjectKind: 'other',
      });
      if (!template.ok) throw new Error(template.error.message);
      await t.app.repos.templates.insertPublishedVersionIfMissing({
        templateId: template.value.id,
        fiscalYear: 2026,
        versionNo: 1,
        definition: M1_DEFINITION as never,
      });
      const [version] = await t.app.repos.templates.listVersions(template.value.id, 2026);
      return { indicator, templateId: template.value.id, versionId: version!.id };
    })();
    m1Fixtures.set(division, f);
  }
  return f;
}

/** 评分运行 targets: a department's own subject, a county's or city's own, else 长春市 (none for agencies). */
const OWN_SCORING: Partial<Record<Person, string>> = {
  jiaoyu: 'dept-jiaoyu',
  weijian: 'dept-weijian',
  changchun: '220100',
  nongan: '220122',
  yushu: '220182',
  jilinshi: '220200',
};
/** Two subjects of the compare fixture in the person's scope (fewer: no own-scope comparison). */
const COMPARE_OWN: Partial<Record<Person, readonly string[]>> = {
  jiaoyu: [],
  weijian: [],
  danwei: ['dept-jiaoyu', 'dept-weijian'],
  jigou: [],
  changchun: ['220122', '220182'],
  nongan: [],
  yushu: [],
  jilinshi: [],
};
async function scoring(
  t: TestApi,
  p: Person,
  req: (g: ScoringTarget) => Req | Promise<Req>,
): Promise<Req | null> {
  if (p === 'jigou') return null;
  return req(await scoringTarget(t, OWN_SCORING[p] ?? '220100'));
}
async function scoringOther(
  t: TestApi,
  p: Person,
  req: (g: ScoringTarget) => Req | Promise<Req>,
): Promise<Req | null> {
  const other = OTHER_DIVISION[p];
  return other ? req(await scoringTarget(t, other)) : null;
}
async function storedVersion(t: TestApi, g: ScoringTarget): Promise<number | null> {
  const [v] = await t.app.repos.scoring.listInputValues(g.versionId, [g.subjectId]);
  return v?.version ?? null;
}

/** 自评表: a multipart upload of a clean table, with text fields before the file. */
function selfEvalUpload(url: string, fields: Record<string, string | number> = {}): Req {
  const m = multipart({ name: 'clean.json', content: fixture('clean.json') }, fields);
  return { url, body: m.body, headers: m.headers };
}
async function selfEvalOwn(t: TestApi, p: Person, url: (id: string) => string): Promise<Req | null> {
  const place = selfEvalPlace(p);
  return place ? { url: url((await createSelfEvaluation(t, place)).id) } : null;
}
async function selfEvalOther(t: TestApi, p: Person, url: (id: string) => string): Promise<Req | null> {
  const other = OTHER_DIVISION[p];
  return other ? { url: url((await createSelfEvaluation(t, { division: other })).id) } : null;
}

function otherPerson(p: Person): Person {
  const other = OTHER_DIVISION[p]!;
  return (Object.keys(PEOPLE) as Person[]).find((q) => PEOPLE[q].division === other)!;
}

async function firstUserCreatedBy(
  s: Session,
  division: string,
): Promise<{ id: string; version: number } | null> {
  const r = await s.get(`/api/v1/users?division=${division}&q=m&pageSize=200`);
  if (r.statusCode !== 200) return null;
  const items = (r.json() as { items: { id: string; version: number; username: string; roles: string[] }[] })
    .items;
  return items.find((u) => u.username.startsWith('m') && u.roles.includes('expert')) ?? null;
}

const t = useTestApi();

async function auditCount(): Promise<number> {
  return (await t.app.repos.audit.list({ divisionCodes: null, offset: 0, limit: 1 })).total;
}

describe('role × route access matrix', () => {
  it('has a case for every registered route', async () => {
    const routes = t.api.routeTable.map((r) => `${r.method} ${r.url}`);
    expect(routes.length).toBeGreaterThan(10);
    const covered = new Set(CASES.map((c) => c.route));
    const missing = routes.filter((r) => !covered.has(r));
    expect(missing, 'routes without an access-matrix case').toEqual([]);
  });

  const people = Object.keys(PEOPLE) as Person[];
  for (const person of people) {
    it(`${person} (${PEOPLE[person].roles.join(',')}, ${PEOPLE[person].division})`, async () => {
      const s = await t.login(person);
      const me = (await s.get('/api/v1/session')).json() as { divisions: { code: string }[] };
      const scope: Scope = { divisions: new Set(me.divisions.map((d) => d.code)) };
      const perms = permissionsOf(PEOPLE[person].roles);
      const problems: string[] = [];
      for (const c of CASES) {
        const [method, pattern] = c.route.split(' ') as ['GET' | 'POST' | 'PATCH' | 'DELETE', string];
        const permission = routePermission(t, method, pattern);
        const allowed = permission === undefined || perms.has(permission);
        for (const target of ['own', 'other'] as const) {
          if (target === 'other' && PROVINCE_WIDE.has(person)) continue;
          const req = await c[target](t, person, s);
          if (!req) continue;
          const before = await auditCount();
          const res = await s.request(method, req.url, req.body, req.headers);
          const after = await auditCount();
          const ok2xx = res.statusCode >= 200 && res.statusCode < 300;
          const label = `${c.route} [${target}] → ${res.statusCode}`;
          if (res.statusCode >= 500) problems.push(`${label}: server error ${res.body}`);
          if (!allowed) {
            if (res.statusCode !== 403) problems.push(`${label}: expected 403 without ${permission}`);
            if (after !== before)
              problems.push(`${label}: refused but wrote ${after - before} audit event(s)`);
            continue;
          }
          if (target === 'own') {
            if (!ok2xx && !(c.alsoOk ?? []).includes(res.statusCode))
              problems.push(`${label}: own-scope request failed: ${res.body}`);
            if (ok2xx && c.leak) {
              const leak = c.leak(res.json(), scope);
              if (leak) problems.push(`${label}: ${leak}`);
            }
            if (!ok2xx && after !== before) problems.push(`${label}: failed but wrote audit events`);
          } else {
            if (ok2xx)
              problems.push(
                `${label}: LEAK — another division's request succeeded: ${res.body.slice(0, 200)}`,
              );
            if (![403, 404].includes(res.statusCode)) problems.push(`${label}: expected 403/404`);
            if (after !== before)
              problems.push(`${label}: refused but wrote ${after - before} audit event(s)`);
          }
        }
      }
      expect(problems).toEqual([]);
    });
  }
});

function routePermission(api: TestApi, method: string, url: string): Permission | undefined {
  const route = api.api.routeTable.find((r) => r.method === method && r.url === url);
  if (!route) throw new Error(`no such route ${method} ${url}`);
  return route.auth === 'public' ? undefined : route.permission;
}
