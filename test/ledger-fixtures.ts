/**
 * Fixtures of the ledger and consequence tests: a finished scoring run made with the engine (inputs kept
 * with the results, as the scoring service stores them), funds and projects for the consequence bases,
 * and the role × route matrix cases of /api/v1/ledger and /api/v1/consequences.
 */
import { compileTemplate } from '../src/core/scoring/compile-template.ts';
import { JILIN_FIVE_TIER } from '../src/core/scoring/grades.ts';
import { scoreSubjects } from '../src/core/scoring/score-subjects.ts';
import type { TemplateDefinition } from '../src/core/indicators/types.ts';
import { funds, projects, projectYearAmounts } from '../src/db/schema.ts';
import { PEOPLE, type Person, type Session, type TestApi } from './api.ts';
import { multipart, publishTemplate } from './scoring-fixtures.ts';

/** County scorecard: three base indicators and a deduction. */
export const LEDGER_COUNTY_TEMPLATE: TemplateDefinition = {
  maxScore: 100,
  nodes: [
    {
      type: 'group',
      code: 'A',
      name: '地方自主财力',
      weight: 50,
      children: [
        {
          type: 'leaf',
          code: 'A1',
          name: '税收收入占比',
          weight: 30,
          unit: '%',
          rule: { kind: 'positive', target: 70 },
        },
        {
          type: 'leaf',
          code: 'A2',
          name: '财政自给率',
          weight: 20,
          unit: '%',
          rule: { kind: 'positive', target: 50 },
        },
      ],
    },
    {
      type: 'leaf',
      code: 'B1',
      name: '预算执行率',
      weight: 50,
      unit: '%',
      rule: { kind: 'positive', target: 95 },
    },
    {
      type: 'group',
      code: 'D',
      name: '减分项',
      weight: 10,
      category: 'deduction',
      children: [
        {
          type: 'leaf',
          code: 'D1',
          name: '违反财经纪律',
          weight: 10,
          unit: '次',
          rule: { kind: 'deduction', perUnit: 2 },
        },
      ],
    },
  ],
};

export const LEDGER_DEPT_TEMPLATE: TemplateDefinition = {
  maxScore: 100,
  nodes: [
    {
      type: 'leaf',
      code: 'E1',
      name: '预算执行率',
      weight: 60,
      unit: '%',
      rule: { kind: 'positive', target: 95 },
    },
    {
      type: 'leaf',
      code: 'E2',
      name: '绩效目标完成率',
      weight: 40,
      unit: '%',
      rule: { kind: 'positive', target: 100 },
    },
  ],
};

export interface ScoredRun {
  readonly runId: string;
  readonly versionId: string;
  /** Subject id by fixture key (division code or organization fixture key). */
  readonly subjects: Record<string, string>;
}

let seq = 0;

/**
 * A finished run of the province (or `division`) over division subjects (keys are division codes) or
 * department subjects (keys are organization fixture keys), scored by the engine from `values`.
 */
export async function scoredRun(
  t: TestApi,
  opts: {
    readonly kind: 'county' | 'department';
    readonly values: Record<string, Record<string, number>>;
    readonly division?: string;
    readonly fiscalYear?: number;
    readonly name?: string;
  },
): Promise<ScoredRun> {
  const fiscalYear = opts.fiscalYear ?? 2026;
  const definition = opts.kind === 'county' ? LEDGER_COUNTY_TEMPLATE : LEDGER_DEPT_TEMPLATE;
  const { versionId } = await publishTemplate(
    t,
    `ledger-${opts.kind}-${++seq}`,
    opts.kind === 'county' ? 'county_fiscal' : 'department_budget',
    definition,
    fiscalYear,
    opts.kind === 'county' ? '市县财政高质量发展评价' : '部门预算管理工作评价',
  );
  const repo = t.app.repos.scoring;
  const subjects: Record<string, string> = {};
  for (const key of Object.keys(opts.values)) {
    const isDept = opts.kind === 'department';
    const org = isDept ? (await t.app.repos.access.getOrganization(t.orgs[key]!))! : null;
    const wanted = isDept
      ? {
          mofDivCode: org!.mofDivCode,
          kind: 'department' as const,
          refCode: key,
          name: org!.name,
          organizationId: org!.id,
          sortOrder: 0,
        }
      : {
          mofDivCode: key,
          kind: 'division' as const,
          refCode: key,
          name: (await t.app.repos.divisions.get(key))?.name ?? key,
          organizationId: null,
          sortOrder: 0,
        };
    await repo.insertMissingSubjects([wanted]);
    const s = (
      await repo.listSubjects({
        kind: wanted.kind,
        divisionCodes: [wanted.mofDivCode],
        organizationIds: null,
      })
    ).find((x) => x.refCode === key)!;
    subjects[key] = s.id;
  }
  const plan = compileTemplate(definition);
  if (!plan.ok) throw new Error('template');
  const keys = Object.keys(opts.values);
  const { results, summary } = scoreSubjects(
    plan.value,
    JILIN_FIVE_TIER,
    keys.map((k) => ({ subjectId: subjects[k]!, values: new Map(Object.entries(opts.values[k]!)) })),
  );
  const run = await repo.createRun({
    templateVersionId: versionId,
    fiscalYear,
    mofDivCode: opts.division ?? '220000',
    name: opts.name ?? '测试批次',
    gradeScheme: JILIN_FIVE_TIER,
    createdBy: null,
  });
  const byId = new Map(keys.map((k) => [subjects[k]!, k]));
  const divisionOf = async (k: string) =>
    opts.kind === 'county' ? k : (await t.app.repos.access.getOrganization(t.orgs[k]!))!.mofDivCode;
  const rows = [];
  for (const r of results) {
    rows.push({
      runId: run.id,
      subjectId: r.subjectId,
      mofDivCode: await divisionOf(byId.get(r.subjectId)!),
      total: r.total,
      grade: r.grade,
      rank: r.rank,
      nodePoints: r.nodePoints,
      inputs: r.inputs,
      missing: [...r.missing],
    });
  }
  await repo.replaceResults(run.id, rows);
  await repo.markRun(run.id, {
    status: 'succeeded',
    subjectCount: results.length,
    summary,
    finishedAt: new Date(),
  });
  return { runId: run.id, versionId, subjects };
}

/** Transfer payments of a division in a year (fen). */
export async function addTransferPayment(
  t: TestApi,
  division: string,
  fiscalYear: number,
  amountFen: number,
) {
  await t.app.db.insert(funds).values({
    mofDivCode: division,
    fiscalYear,
    code: `TP-${++seq}`,
    name: `转移支付${seq}`,
    fundType: 'transfer_payment',
    fundClass: 'livelihood',
    amountFen,
  });
}

/** A department's project with an amount for a budget year (fen). */
export async function addProjectAmount(
  t: TestApi,
  orgKey: string,
  fiscalYear: number,
  amountFen: number,
): Promise<void> {
  const org = (await t.app.repos.access.getOrganization(t.orgs[orgKey]!))!;
  const [p] = await t.app.db
    .insert(projects)
    .values({
      mofDivCode: org.mofDivCode,
      fiscalYear: fiscalYear - 1,
      proCode: `P-${++seq}`,
      name: `项目${seq}`,
      departmentId: org.id,
      projectKind: 'continuing',
      libraryStatus: 'in_library',
      amountFen,
    })
    .returning({ id: projects.id });
  await t.app.db
    .insert(projectYearAmounts)
    .values({ projectId: p!.id, mofDivCode: org.mofDivCode, fiscalYear, amountFen });
}

// ---------------------------------------------------------------------------------------------------------
// Role × route matrix cases (test/api/access-matrix.db.test.ts spreads LEDGER_CASES into its list)
// ---------------------------------------------------------------------------------------------------------

interface Req {
  readonly url: string;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}
interface Case {
  readonly route: string;
  readonly own: (t: TestApi, p: Person, s: Session) => Promise<Req | null> | Req | null;
  readonly other: (t: TestApi, p: Person, s: Session) => Promise<Req | null> | Req | null;
  readonly leak?: (body: unknown, scope: { readonly divisions: ReadonlySet<string> }) => string | null;
  readonly alsoOk?: readonly number[];
}

/** Counties and cities of the matrix and a division outside each one's scope. */
const OTHER: Partial<Record<Person, string>> = {
  changchun: '220200',
  nongan: '220182',
  yushu: '220122',
  jilinshi: '220100',
};
/** The organization a person's own items belong to. */
const OWN_ORG: Partial<Record<Person, string>> = {
  nongan: 'finance-220122',
  yushu: 'finance-220182',
  changchun: 'finance-220100',
  jilinshi: 'finance-220200',
  jiaoyu: 'dept-jiaoyu',
  weijian: 'dept-weijian',
  chushi: 'division-220000',
};
const ORG_DIVISION: Record<string, string> = {
  'finance-220122': '220122',
  'finance-220182': '220182',
  'finance-220100': '220100',
  'finance-220200': '220200',
  'dept-jiaoyu': '220000',
  'dept-weijian': '220000',
  'division-220000': '220000',
};

interface MatrixWorld {
  /** An issued item per owner organization key (issued by the province). */
  readonly items: Record<string, { id: string; noticeId: string; fileId: string; clueId: string }>;
  readonly countyRun: string;
}

const worlds = new WeakMap<object, Promise<MatrixWorld>>();

/** Items owned by every matrix organization, written through the repositories (no audit noise). */
function world(t: TestApi): Promise<MatrixWorld> {
  let w = worlds.get(t.app);
  if (!w) {
    w = (async () => {
      const run = await scoredRun(t, {
        kind: 'county',
        values: {
          '220122': { 'A1.actual': 40, 'A2.actual': 30, 'B1.actual': 60, 'D1.count': 1 },
          '220182': { 'A1.actual': 70, 'A2.actual': 50, 'B1.actual': 95, 'D1.count': 0 },
        },
        name: '矩阵批次',
      });
      const ledger = t.app.repos.ledger;
      const sheng = t.users.sheng;
      const items: MatrixWorld['items'] = {};
      for (const [key, division] of Object.entries(ORG_DIVISION)) {
        const notice = await ledger.createNotice({
          mofDivCode: '220000',
          fiscalYear: 2026,
          title: `矩阵通报 ${key}`,
          docNo: null,
          body: '',
          sourceRunId: run.runId,
          issuerOrgId: t.orgs['finance-220000']!,
          deadline: '2099-12-31',
          issuedBy: sheng,
          issuedAt: new Date(),
        });
        const clue = await ledger.createClue({
          mofDivCode: division,
          fiscalYear: 2026,
          reportedMofDivCode: '220000',
          source: 'audit',
          sourceType: 'document',
          sourceId: null,
          subjectOrgId: t.orgs[key]!,
          title: '矩阵线索',
          description: '矩阵线索',
          sourceDocument: '审计报告',
          attachmentId: null,
          severity: 'medium',
          amountFen: null,
          createdBy: sheng,
        });
        const [item] = await ledger.insertItems([
          {
            mofDivCode: division,
            fiscalYear: 2026,
            noticeId: notice.id,
            clueId: null,
            itemNo: 1,
            ownerOrgId: t.orgs[key]!,
            issuerMofDivCode: '220000',
            issuerOrgId: t.orgs['finance-220000']!,
            subjectId: null,
            title: `矩阵事项 ${key}`,
            requirement: '整改',
            deadline: '2099-12-31',
            sourceType: 'scorecard',
            sourceId: run.runId,
            sourceRef: { runId: run.runId },
            createdBy: sheng,
          },
        ]);
        const file = await ledger.createFile({
          mofDivCode: division,
          fileName: '佐证.txt',
          contentType: 'text/plain',
          content: new TextEncoder().encode('佐证'),
          sha256: '0'.repeat(64),
          objectType: 'rectification_evidence',
          objectId: item!.id,
          uploadedBy: sheng,
        });
        items[key] = { id: item!.id, noticeId: notice.id, fileId: file.id, clueId: clue.id };
      }
      return { items, countyRun: run.runId };
    })();
    worlds.set(t.app, w);
  }
  return w;
}

const ownItem = async (t: TestApi, p: Person) => {
  const key = OWN_ORG[p] ?? (p === 'admin' || p === 'sheng' ? 'finance-220122' : null);
  return key ? (await world(t)).items[key]! : null;
};
const otherItem = async (t: TestApi, p: Person) => {
  const other = OTHER[p];
  return other ? (await world(t)).items[`finance-${other}`]! : null;
};

const upload = (name = '佐证.pdf'): Pick<Req, 'body' | 'headers'> => {
  const m = multipart({
    name,
    content: new TextEncoder().encode('%PDF-1.4 evidence'),
    type: 'application/pdf',
  });
  return { body: m.body, headers: { 'content-type': m.contentType } };
};

const everyItemIn =
  (field: string) =>
  (body: unknown, scope: { readonly divisions: ReadonlySet<string> }): string | null => {
    const items = (body as { items?: Record<string, unknown>[] }).items ?? [];
    const bad = items.find((i) => !scope.divisions.has(String(i[field])));
    return bad ? `leaked ${field}=${String(bad[field])}` : null;
  };
/** Items seen by a reader: owned in its scope, or issued by it. */
const itemsInScope = (body: unknown, scope: { readonly divisions: ReadonlySet<string> }): string | null => {
  const items = (body as { items?: { mofDivCode: string; issuerMofDivCode: string }[] }).items ?? [];
  const bad = items.find(
    (i) => !scope.divisions.has(i.mofDivCode) && !scope.divisions.has(i.issuerMofDivCode),
  );
  return bad ? `leaked item of ${bad.mofDivCode}` : null;
};

export const LEDGER_CASES: readonly Case[] = [
  {
    route: 'GET /api/v1/ledger/runs/:id/notice-proposal',
    own: async (t) => ({ url: `/api/v1/ledger/runs/${(await world(t)).countyRun}/notice-proposal` }),
    // the province's run: out of every county's scope
    other: async (t, p) =>
      OTHER[p] ? { url: `/api/v1/ledger/runs/${(await world(t)).countyRun}/notice-proposal` } : null,
    alsoOk: [404],
  },
  {
    route: 'POST /api/v1/ledger/notices',
    own: async (t, p) => {
      const w = await world(t);
      const division = PEOPLE[p].division;
      // a run of the person's own division with its own subject
      const run =
        division === '220000'
          ? w.countyRun
          : (
              await scoredRun(t, {
                kind: 'county',
                division,
                values: { [division]: { 'A1.actual': 10, 'A2.actual': 10, 'B1.actual': 10, 'D1.count': 0 } },
              })
            ).runId;
      const subject =
        division === '220000'
          ? (await t.app.repos.scoring.allResults(run))[0]!.subjectId
          : (await t.app.repos.scoring.allResults(run))[0]!.subjectId;
      return {
        url: '/api/v1/ledger/notices',
        body: {
          runId: run,
          title: '矩阵通报',
          deadline: '2099-12-31',
          subjects: [{ subjectId: subject, items: [{ title: '整改', requirement: '整改' }] }],
        },
      };
    },
    other: async (t, p) =>
      OTHER[p]
        ? {
            url: '/api/v1/ledger/notices',
            body: {
              runId: (await world(t)).countyRun,
              title: '越权通报',
              deadline: '2099-12-31',
              subjects: [
                {
                  subjectId: (await t.app.repos.scoring.allResults((await world(t)).countyRun))[0]!.subjectId,
                  items: [{ title: '整改', requirement: '整改' }],
                },
              ],
            },
          }
        : null,
  },
  {
    route: 'GET /api/v1/ledger/notices',
    own: () => ({ url: '/api/v1/ledger/notices?pageSize=200' }),
    other: () => null,
    // a notice from above is listed only with items of the reader (counted over what it may see)
    leak: (body, scope) => {
      const items = (body as { items: { mofDivCode: string; itemCount: number }[] }).items;
      const bad = items.find((n) => !scope.divisions.has(n.mofDivCode) && n.itemCount === 0);
      return bad ? `leaked notice of ${bad.mofDivCode}: ${JSON.stringify(bad)}` : null;
    },
  },
  {
    route: 'GET /api/v1/ledger/notices/:id',
    own: async (t, p) => {
      const i = await ownItem(t, p);
      return i ? { url: `/api/v1/ledger/notices/${i.noticeId}` } : null;
    },
    other: async (t, p) => {
      const i = await otherItem(t, p);
      return i ? { url: `/api/v1/ledger/notices/${i.noticeId}` } : null;
    },
  },
  {
    route: 'GET /api/v1/ledger/items',
    own: () => ({ url: '/api/v1/ledger/items?pageSize=500' }),
    other: (_t, p) => (OTHER[p] ? { url: `/api/v1/ledger/items?division=${OTHER[p]}` } : null),
    leak: itemsInScope,
  },
  {
    route: 'GET /api/v1/ledger/items/export',
    own: () => ({ url: '/api/v1/ledger/items/export' }),
    other: (_t, p) => (OTHER[p] ? { url: `/api/v1/ledger/items/export?division=${OTHER[p]}` } : null),
  },
  {
    route: 'GET /api/v1/ledger/items/:id',
    own: async (t, p) => {
      const i = await ownItem(t, p);
      return i ? { url: `/api/v1/ledger/items/${i.id}` } : null;
    },
    other: async (t, p) => {
      const i = await otherItem(t, p);
      return i ? { url: `/api/v1/ledger/items/${i.id}` } : null;
    },
  },
  {
    route: 'POST /api/v1/ledger/items/:id/evidence',
    own: async (t, p) => {
      const key = OWN_ORG[p];
      return key
        ? { url: `/api/v1/ledger/items/${(await world(t)).items[key]!.id}/evidence`, ...upload() }
        : null;
    },
    other: async (t, p) => {
      const i = await otherItem(t, p);
      return i ? { url: `/api/v1/ledger/items/${i.id}/evidence`, ...upload() } : null;
    },
  },
  {
    route: 'POST /api/v1/ledger/items/:id/submit',
    // own: a stale version, so nothing changes (the workflow is tested in ledger.db.test.ts)
    own: async (t, p) => {
      const key = OWN_ORG[p];
      return key
        ? {
            url: `/api/v1/ledger/items/${(await world(t)).items[key]!.id}/submit`,
            body: { version: 999, evidence: '已整改', attachmentIds: [] },
          }
        : null;
    },
    other: async (t, p) => {
      const i = await otherItem(t, p);
      return i
        ? { url: `/api/v1/ledger/items/${i.id}/submit`, body: { version: 1, evidence: '越权' } }
        : null;
    },
    alsoOk: [409],
  },
  {
    route: 'POST /api/v1/ledger/items/:id/review',
    // the items are open: reviewing them is not possible yet (409) for the issuer, forbidden for others
    own: async (t, p) => {
      const i = await ownItem(t, p);
      return i
        ? { url: `/api/v1/ledger/items/${i.id}/review`, body: { version: 1, decision: 'accept' } }
        : null;
    },
    other: async (t, p) => {
      const i = await otherItem(t, p);
      return i
        ? { url: `/api/v1/ledger/items/${i.id}/review`, body: { version: 1, decision: 'accept' } }
        : null;
    },
    alsoOk: [409, 403],
  },
  {
    route: 'GET /api/v1/ledger/files/:id',
    own: async (t, p) => {
      const i = await ownItem(t, p);
      return i ? { url: `/api/v1/ledger/files/${i.fileId}` } : null;
    },
    other: async (t, p) => {
      const i = await otherItem(t, p);
      return i ? { url: `/api/v1/ledger/files/${i.fileId}` } : null;
    },
  },
  {
    route: 'POST /api/v1/ledger/clues',
    own: (t, p) => {
      const division = PEOPLE[p].division;
      const key = division === '220000' ? 'dept-jiaoyu' : `finance-${division}`;
      return t.orgs[key]
        ? {
            url: '/api/v1/ledger/clues',
            body: {
              source: 'audit',
              description: '矩阵线索',
              sourceDocument: '审计报告',
              ownerOrgId: t.orgs[key],
              requirement: '整改',
              deadline: '2099-12-31',
            },
          }
        : null;
    },
    other: (t, p) =>
      OTHER[p]
        ? {
            url: '/api/v1/ledger/clues',
            body: {
              source: 'audit',
              description: '越权线索',
              sourceDocument: '审计报告',
              ownerOrgId: t.orgs[`finance-${OTHER[p]}`],
              requirement: '整改',
              deadline: '2099-12-31',
            },
          }
        : null,
  },
  {
    route: 'POST /api/v1/ledger/clues/:id/document',
    // clues of the matrix world are reported by the province
    own: async (t, p) => {
      if (PEOPLE[p].division !== '220000') return null;
      return {
        url: `/api/v1/ledger/clues/${(await world(t)).items['finance-220122']!.clueId}/document`,
        ...upload('审计报告.pdf'),
      };
    },
    other: async (t, p) => {
      const i = await otherItem(t, p);
      return i ? { url: `/api/v1/ledger/clues/${i.clueId}/document`, ...upload('审计报告.pdf') } : null;
    },
  },
  {
    route: 'GET /api/v1/ledger/owners',
    own: () => ({ url: '/api/v1/ledger/owners' }),
    other: (_t, p) => (OTHER[p] ? { url: `/api/v1/ledger/owners?division=${OTHER[p]}` } : null),
    leak: (body, scope) => {
      const bad = (body as { mofDivCode: string }[]).find((o) => !scope.divisions.has(o.mofDivCode));
      return bad ? `leaked owner of ${bad.mofDivCode}` : null;
    },
  },
  // 结果应用
  {
    route: 'GET /api/v1/consequences/rules',
    own: (_t, p) => ({ url: `/api/v1/consequences/rules?division=${PEOPLE[p].division}&year=2026` }),
    other: (_t, p) =>
      OTHER[p] ? { url: `/api/v1/consequences/rules?division=${OTHER[p]}&year=2026` } : null,
  },
  {
    route: 'PUT /api/v1/consequences/rules',
    // own: a stale version (nothing written); other: another division's rules
    own: (_t, p) => ({
      url: '/api/v1/consequences/rules',
      body: { division: PEOPLE[p].division, year: 2031, version: 999, rules: MATRIX_RULES },
    }),
    other: (_t, p) =>
      OTHER[p]
        ? {
            url: '/api/v1/consequences/rules',
            body: { division: OTHER[p], year: 2031, version: null, rules: MATRIX_RULES },
          }
        : null,
    alsoOk: [409],
  },
  {
    route: 'DELETE /api/v1/consequences/rules',
    own: (_t, p) => ({
      url: `/api/v1/consequences/rules?division=${PEOPLE[p].division}&year=2031&version=1`,
    }),
    other: (_t, p) =>
      OTHER[p] ? { url: `/api/v1/consequences/rules?division=${OTHER[p]}&year=2031&version=1` } : null,
    // nothing of its own to remove
    alsoOk: [404],
  },
  {
    route: 'POST /api/v1/consequences/runs/:runId/proposals',
    own: async (t, p) =>
      PEOPLE[p].division === '220000'
        ? { url: `/api/v1/consequences/runs/${(await world(t)).countyRun}/proposals` }
        : null,
    other: async (t, p) =>
      OTHER[p] ? { url: `/api/v1/consequences/runs/${(await world(t)).countyRun}/proposals` } : null,
    // only the province decides its run; others in the province see 403
    alsoOk: [403],
  },
  {
    route: 'GET /api/v1/consequences/runs/:runId',
    own: async (t, p) =>
      PEOPLE[p].division === '220000' || ['nongan', 'yushu'].includes(p)
        ? { url: `/api/v1/consequences/runs/${(await world(t)).countyRun}` }
        : null,
    other: async (t, p) =>
      p === 'jilinshi' || p === 'changchun'
        ? null
        : OTHER[p]
          ? { url: `/api/v1/consequences/runs/${await countyRunOf(t, OTHER[p]!)}` }
          : null,
    leak: everyItemIn('mofDivCode'),
    // organization-bound readers without subjects in the run
    alsoOk: [404],
  },
  {
    route: 'GET /api/v1/consequences/runs/:runId/export',
    own: async (t) => ({ url: `/api/v1/consequences/runs/${(await world(t)).countyRun}/export` }),
    other: async (t, p) =>
      OTHER[p] ? { url: `/api/v1/consequences/runs/${await countyRunOf(t, OTHER[p]!)}/export` } : null,
    alsoOk: [404],
  },
  {
    route: 'POST /api/v1/consequences/decisions',
    own: async (t, p) => {
      const rows = await decidableRows(t);
      if (PEOPLE[p].division !== '220000' || rows.length === 0) return null;
      // a stale version: nothing is decided
      return {
        url: '/api/v1/consequences/decisions',
        body: { action: 'confirm', decisions: [{ id: rows[0]!.id, version: 999 }] },
      };
    },
    other: async (t, p) => {
      const other = OTHER[p];
      if (!other) return null;
      const runId = await countyRunOf(t, other);
      const [row] = (
        await t.app.repos.consequences.list({
          runId,
          divisionCodes: [other],
          organizationIds: null,
          sort: 'rank',
          order: 'asc',
          offset: 0,
          limit: 1,
        })
      ).items;
      return row
        ? {
            url: '/api/v1/consequences/decisions',
            body: { action: 'confirm', decisions: [{ id: row.id, version: row.version }] },
          }
        : null;
    },
    alsoOk: [409, 403],
  },
];

const MATRIX_RULES = {
  targetYearOffset: 1,
  rules: [{ id: 'poor', label: '差等次压减10%', when: { grades: ['poor'] }, action: 'cut', ratio: 0.1 }],
};

/** A finished county run of a city or county with a proposal row (for the other-division cases). */
const countyRuns = new WeakMap<object, Map<string, Promise<string>>>();
function countyRunOf(t: TestApi, division: string): Promise<string> {
  let m = countyRuns.get(t.app);
  if (!m) {
    m = new Map();
    countyRuns.set(t.app, m);
  }
  let r = m.get(division);
  if (!r) {
    r = (async () => {
      const run = await scoredRun(t, {
        kind: 'county',
        division,
        values: { [division]: { 'A1.actual': 10, 'A2.actual': 10, 'B1.actual': 10, 'D1.count': 0 } },
      });
      await t.app.repos.consequences.saveProposals([
        {
          mofDivCode: division,
          fiscalYear: 2026,
          targetFiscalYear: 2027,
          sourceId: run.runId,
          subjectId: run.subjects[division]!,
          organizationId: null,
          issuerMofDivCode: division,
          rule: {},
          explanation: null,
          action: 'cut',
          grade: 'poor',
          rank: 1,
          baseAmountFen: 1000,
          proposedFen: -100,
          accountabilityReferral: false,
          createdBy: t.users.sheng,
        },
      ]);
      return run.runId;
    })();
    m.set(division, r);
  }
  return r;
}

async function decidableRows(t: TestApi) {
  const runId = (await world(t)).countyRun;
  const existing = await t.app.repos.consequences.list({
    runId,
    divisionCodes: ['220122', '220182'],
    organizationIds: null,
    sort: 'rank',
    order: 'asc',
    offset: 0,
    limit: 10,
  });
  if (existing.total > 0) return existing.items;
  const results = await t.app.repos.scoring.allResults(runId);
  await t.app.repos.consequences.saveProposals(
    results.map((r) => ({
      mofDivCode: r.mofDivCode,
      fiscalYear: 2026,
      targetFiscalYear: 2027,
      sourceId: runId,
      subjectId: r.subjectId,
      organizationId: null,
      issuerMofDivCode: '220000',
      rule: {},
      explanation: null,
      action: 'none' as const,
      grade: r.grade,
      rank: r.rank,
      baseAmountFen: 0,
      proposedFen: 0,
      accountabilityReferral: false,
      createdBy: t.users.sheng,
    })),
  );
  return decidableRows(t);
}
