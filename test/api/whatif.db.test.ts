/**
 * 情景模拟 (what-if) through the API: a scorecard's published version against edited weights, grade bands
 * and cut ratios over the inputs of its latest run; the self-evaluations of a year re-graded and their
 * projects' budgets cut under edited rules; scope (a city sees its own subjects only, nothing outside);
 * every problem of a scenario listed; nothing written; the Excel export of the filtered rows.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ConsequenceRuleSet } from '../../src/core/consequences/rules.ts';
import { unwrap, round } from '../../src/core/kernel/index.ts';
import { compileTemplate } from '../../src/core/scoring/compile-template.ts';
import { gradeFor, JILIN_FIVE_TIER, type GradeScheme } from '../../src/core/scoring/grades.ts';
import { scoreSubjects } from '../../src/core/scoring/score-subjects.ts';
import { setWeight } from '../../src/core/whatif/reweight.ts';
import { funds, projectYearAmounts, selfEvaluations } from '../../src/db/schema.ts';
import { scoringJobHandlers } from '../../src/services/scoring-service.ts';
import { useTestApi, type Session } from '../api.ts';
import { COUNTY_TEMPLATE, publishTemplate, waitForJob } from '../scoring-fixtures.ts';
import { createProject } from '../selfeval-helpers.ts';

const t = useTestApi({ jobHandlers: scoringJobHandlers(() => t.app.services.scoring) });

interface Row {
  id: string;
  code: string | null;
  name: string;
  mofDivCode: string;
  baseline: { total: number; grade: string; rank: number | null; amountFen: number | null };
  scenario: { total: number; grade: string; rank: number | null; amountFen: number | null };
  delta: { total: number; gradeSteps: number; rank: number; amountFen: number };
  changed: { total: boolean; grade: boolean; rank: boolean; amount: boolean };
}
interface Result {
  summary: {
    subjects: number;
    gradeUp: number;
    gradeDown: number;
    totalChanged: number;
    amountChanged: number;
    rankUp: number;
    rankDown: number;
    baselineFen: number;
    scenarioFen: number;
    transitions: { codes: string[]; counts: number[][] };
    byGrade: { code: string; baselineFen: number; scenarioFen: number }[];
    byDivision: { code: string; subjects: number }[];
  };
  rows: { items: Row[]; total: number };
  source: { kind: string; runId: string | null };
  warnings: { code: string }[];
  timings: { totalMs: number };
}

const LEVELS = [0, 1, 2];
/** Inputs of the k-th county: spread so that every grade occurs. */
const countyValues = (k: number): Record<string, number> => ({
  'A1.actual': 40 + ((k * 7) % 35),
  'A2.actual': 2 + ((k * 3) % 9),
  'B1.actual': 55 + ((k * 11) % 45),
  'B2.level': LEVELS[k % 3]!,
  'D1.count': k % 4,
});

const RULES: ConsequenceRuleSet = {
  targetYearOffset: 1,
  rules: [
    {
      id: 'county-poor',
      label: '市县评价为差，扣减下年转移支付10%',
      subjectKinds: ['division'],
      when: { grades: ['poor'] },
      action: 'cut',
      ratio: 0.1,
      base: 'transfer_payments',
    },
    {
      id: 'county-low',
      label: '市县评价为低，扣减下年转移支付5%',
      subjectKinds: ['division'],
      when: { grades: ['low'] },
      action: 'cut',
      ratio: 0.05,
      base: 'transfer_payments',
    },
  ],
};

const withBand = (code: string, min: number): GradeScheme => ({
  ...JILIN_FIVE_TIER,
  code: 'edited',
  name: '调整后',
  nameEn: 'Edited',
  bands: JILIN_FIVE_TIER.bands.map((b) => (b.code === code ? { ...b, min } : b)),
});

let versionId = '';
let templateId = '';
let runId = '';
let subjects: { id: string; refCode: string; mofDivCode: string }[] = [];
/** Transfer payments of each county (fen). */
const tpOf = (code: string) => (Number(code.slice(2)) % 97) * 10_000_000 + 500_000_000;

async function whatIf(s: Session, body: Record<string, unknown>): Promise<Result> {
  const r = await s.post('/api/v1/whatif/scorecards', { versionId, pageSize: 200, ...body });
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as Result;
}
async function auditCount(): Promise<number> {
  return (await t.app.repos.audit.list({ divisionCodes: null, offset: 0, limit: 1 })).total;
}

beforeAll(async () => {
  ({ versionId, templateId } = await publishTemplate(
    t,
    'whatif-county',
    'county_fiscal',
    COUNTY_TEMPLATE,
    2026,
    '市县情景测试',
  ));
  const s = await t.login('sheng');
  const list = await s.get(`/api/v1/scoring/versions/${versionId}/subjects`);
  expect(list.statusCode, list.body).toBe(200);
  subjects = (list.json() as { subjects: typeof subjects }).subjects;
  const now = new Date();
  await t.app.repos.scoring.upsertInputValues(
    subjects.flatMap((subject, k) =>
      Object.entries(countyValues(k)).map(([inputKey, value]) => ({
        templateVersionId: versionId,
        subjectId: subject.id,
        fiscalYear: 2026,
        mofDivCode: subject.mofDivCode,
        inputKey,
        value,
        source: 'manual' as const,
        evidenceNote: null,
        attachmentId: null,
        enteredBy: null,
        enteredAt: now,
      })),
    ),
  );
  const started = await s.post('/api/v1/scoring/runs', { versionId, division: '220000' });
  expect(started.statusCode, started.body).toBe(202);
  const job = await waitForJob(s, (started.json() as { jobId: string }).jobId);
  expect(job.status).toBe('succeeded');
  runId = (started.json() as { run: { id: string } }).run.id;
  await t.app.repos.settings.set({
    mofDivCode: '220000',
    fiscalYear: 2026,
    key: 'consequence.rules',
    value: RULES,
  });
  await t.app.db.insert(funds).values(
    subjects.map((x, k) => ({
      mofDivCode: x.mofDivCode,
      fiscalYear: 2026,
      code: `TP-${x.refCode}-${k}`,
      name: '一般性转移支付',
      fundType: 'transfer_payment' as const,
      fundClass: 'livelihood' as const,
      amountFen: tpOf(x.refCode),
    })),
  );
}, 120_000);

describe('scorecard what-if', () => {
  it('an unchanged scenario equals the baseline exactly and the run’s stored results', async () => {
    const s = await t.login('sheng');
    const r = await whatIf(s, {});
    expect(r.source).toEqual(expect.objectContaining({ kind: 'run', runId }));
    expect(r.summary.subjects).toBe(subjects.length);
    expect(r.summary.gradeUp + r.summary.gradeDown + r.summary.totalChanged + r.summary.amountChanged).toBe(
      0,
    );
    expect(r.summary.rankUp + r.summary.rankDown).toBe(0);
    expect(
      r.rows.items.every((x) => !x.changed.total && !x.changed.grade && !x.changed.rank && !x.changed.amount),
    ).toBe(true);
    // transitions only on the diagonal
    const off = r.summary.transitions.counts.flatMap((row, a) => row.filter((_, b) => a !== b));
    expect(off.every((c) => c === 0)).toBe(true);
    // the baseline is the run
    const stored = await t.app.repos.scoring.allResults(runId);
    const byId = new Map(stored.map((x) => [x.subjectId, x]));
    for (const row of r.rows.items) {
      const x = byId.get(row.id)!;
      expect(row.baseline.total).toBe(x.total);
      expect(row.baseline.grade).toBe(x.grade);
      expect(row.baseline.rank).toBe(x.rank);
      expect(row.scenario).toEqual(row.baseline);
    }
    // the rules in force cut the 低 and 差 counties' transfer payments
    const poor = r.rows.items.find((x) => x.baseline.grade === 'poor')!;
    expect(poor.baseline.amountFen).toBe(-Math.round(tpOf(poor.mofDivCode) * 0.1));
    expect(
      r.rows.items
        .filter((x) => (x.baseline.amountFen ?? 0) !== 0)
        .every((x) => ['low', 'poor'].includes(x.baseline.grade)),
    ).toBe(true);
  });

  it('raising one leaf’s weight (its group re-balanced) moves exactly the subjects a run of the edited template moves', async () => {
    const s = await t.login('sheng');
    const edited = unwrap(setWeight(COUNTY_TEMPLATE, 'A1', 30));
    const r = await whatIf(s, { scenario: { definition: edited }, filter: 'grade' });
    // what a scoring run of each template gives on the run's stored inputs
    const stored = await t.app.repos.scoring.allResults(runId);
    const values = stored.map((x) => ({
      subjectId: x.subjectId,
      values: new Map(Object.entries(x.inputs ?? {})),
    }));
    const before = scoreSubjects(unwrap(compileTemplate(COUNTY_TEMPLATE)), JILIN_FIVE_TIER, values).results;
    const after = scoreSubjects(unwrap(compileTemplate(edited)), JILIN_FIVE_TIER, values).results;
    const expected = before.filter((b, i) => b.grade !== after[i]!.grade).map((b) => b.subjectId);
    expect(expected.length).toBeGreaterThan(0);
    expect(r.rows.items.map((x) => x.id).sort()).toEqual([...expected].sort());
    expect(r.summary.gradeUp + r.summary.gradeDown).toBe(expected.length);
    const afterById = new Map(after.map((x) => [x.subjectId, x]));
    for (const row of r.rows.items) {
      expect(row.scenario.total).toBe(afterById.get(row.id)!.total);
      expect(row.scenario.grade).toBe(afterById.get(row.id)!.grade);
    }
  });

  it('tightening the 优 band moves exactly the subjects between the old and the new bound', async () => {
    const s = await t.login('sheng');
    const all = await whatIf(s, {});
    const band = [...all.rows.items]
      .map((x) => round(x.baseline.total, 2))
      .filter((x) => x >= 80)
      .sort((a, b) => b - a);
    // a bound that splits the 优 or 良 subjects
    const bound = band.length > 1 ? band[Math.floor(band.length / 2)]! + 0.005 : 95;
    const r = await whatIf(s, {
      scenario: { gradeScheme: withBand('excellent', Math.max(90.5, bound)) },
      filter: 'grade',
    });
    const min = Math.max(90.5, bound);
    const expected = all.rows.items
      .filter((x) => x.baseline.grade === 'excellent' && round(x.baseline.total, 2) < min)
      .map((x) => x.id);
    expect(r.rows.items.map((x) => x.id).sort()).toEqual(expected.sort());
    expect(r.rows.items.every((x) => x.scenario.grade === 'good' && x.delta.gradeSteps === -1)).toBe(true);
    expect(r.summary.totalChanged).toBe(0);
  });

  it('changing a cut ratio changes only the amounts of the grade it applies to', async () => {
    const s = await t.login('sheng');
    const rules = {
      ...RULES,
      rules: RULES.rules.map((x) => (x.id === 'county-low' ? { ...x, ratio: 0.08 } : x)),
    };
    const r = await whatIf(s, { scenario: { consequenceRules: rules }, filter: 'amount' });
    expect(r.rows.total).toBeGreaterThan(0);
    for (const row of r.rows.items) {
      expect(row.baseline.grade).toBe('low');
      expect(row.delta.amountFen).toBe(
        -Math.round(tpOf(row.mofDivCode) * 0.08) + Math.round(tpOf(row.mofDivCode) * 0.05),
      );
    }
    const all = await whatIf(s, { scenario: { consequenceRules: rules } });
    const lows = all.rows.items.filter((x) => x.baseline.grade === 'low').length;
    expect(r.rows.total).toBe(lows);
    expect(all.summary.gradeUp + all.summary.gradeDown).toBe(0);
    const poor = all.summary.byGrade.find((g) => g.code === 'poor')!;
    expect(poor.scenarioFen).toBe(poor.baselineFen);
  });

  it('a draft copy scores like the published version until it is edited; its saved edits are simulated', async () => {
    const s = await t.login('sheng');
    const created = await s.post(`/api/v1/templates/${templateId}/versions`, {
      fiscalYear: 2026,
      copyFromVersionId: versionId,
    });
    expect(created.statusCode, created.body).toBe(201);
    const draft = created.json() as { id: string; version: number };
    const same = await whatIf(s, { scenario: { draftVersionId: draft.id } });
    expect(same.summary.gradeUp + same.summary.gradeDown + same.summary.totalChanged).toBe(0);
    const edited = unwrap(setWeight(COUNTY_TEMPLATE, 'B2', 20));
    const saved = await s.request('PUT', `/api/v1/template-versions/${draft.id}`, {
      version: draft.version,
      definition: edited,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const r = await whatIf(s, { scenario: { draftVersionId: draft.id }, filter: 'total' });
    expect(r.rows.total).toBeGreaterThan(0);
    // the same edit sent unsaved gives the same answer
    const unsaved = await whatIf(s, { scenario: { definition: edited }, filter: 'total' });
    expect(unsaved.rows.items.map((x) => [x.id, x.scenario.total])).toEqual(
      r.rows.items.map((x) => [x.id, x.scenario.total]),
    );
    // a county does not see the province's draft
    const nongan = await t.login('nongan');
    const refused = await nongan.post('/api/v1/whatif/scorecards', {
      versionId,
      scenario: { draftVersionId: draft.id },
    });
    expect(refused.statusCode).toBe(404);
  });

  it('lists every problem of a scenario: a tree that does not compile is 422 with compileTemplate’s issues', async () => {
    const s = await t.login('sheng');
    const broken = {
      ...COUNTY_TEMPLATE,
      nodes: COUNTY_TEMPLATE.nodes.map((n) => (n.code === 'A' ? { ...n, weight: 45 } : n)),
    };
    const r = await s.post('/api/v1/whatif/scorecards', {
      versionId,
      scenario: {
        definition: broken,
        gradeScheme: { ...JILIN_FIVE_TIER, bands: [...JILIN_FIVE_TIER.bands].reverse() },
        consequenceRules: { targetYearOffset: 1, rules: [{ id: 'x', label: '', when: {}, action: 'cut' }] },
      },
    });
    expect(r.statusCode).toBe(422);
    const body = r.json() as {
      code: string;
      details: { issues: { code: string }[]; schemeProblems: string[]; ruleProblems: { path: string }[] };
    };
    expect(body.code).toBe('TEMPLATE_INVALID');
    expect(body.details.issues.map((i) => i.code)).toContain('WEIGHTS_MISMATCH');
    expect(body.details.schemeProblems.length).toBeGreaterThan(0);
    expect(body.details.ruleProblems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['rules[0].label', 'rules[0].ratio', 'rules[0].when']),
    );
    // zod: every malformed field at once
    const bad = await s.post('/api/v1/whatif/scorecards', { versionId: 'nope', pageSize: 0, sort: 'x' });
    expect(bad.statusCode).toBe(400);
  });

  it('scores the current inputs when asked, and writes nothing', async () => {
    const s = await t.login('sheng');
    const before = await auditCount();
    const r = await whatIf(s, { source: 'inputs', scenario: { gradeScheme: withBand('excellent', 95) } });
    expect(r.source.kind).toBe('inputs');
    expect(r.summary.subjects).toBe(subjects.length);
    await s.post('/api/v1/whatif/scorecards/export', { versionId, filter: 'changed' });
    expect(await auditCount()).toBe(before);
    const runs = await s.get('/api/v1/scoring/runs?pageSize=100');
    expect((runs.json() as { total: number }).total).toBe(1);
  });
});

describe('scope', () => {
  it('a city simulates its own counties only, never another division’s', async () => {
    const s = await t.login('changchun');
    const r = await whatIf(s, { division: '220100', scenario: { gradeScheme: withBand('excellent', 95) } });
    // the province's run is not the city's: the city's subjects are scored from their current inputs
    expect(r.source.kind).toBe('inputs');
    const cc = subjects.filter((x) => x.mofDivCode.startsWith('2201'));
    expect(r.summary.subjects).toBe(cc.length);
    expect(r.rows.items.every((x) => x.mofDivCode.startsWith('2201'))).toBe(true);
    const other = await s.post('/api/v1/whatif/scorecards', { versionId, division: '220200' });
    expect(other.statusCode).toBe(403);
    const ctx = await s.get(`/api/v1/whatif/scorecards/context?versionId=${versionId}&division=220200`);
    expect(ctx.statusCode).toBe(403);
  });

  it('a county sees itself only; departments and experts may not simulate', async () => {
    const nongan = await t.login('nongan');
    const r = await whatIf(nongan, {});
    expect(r.rows.items.map((x) => x.mofDivCode)).toEqual(['220122']);
    for (const p of ['jiaoyu', 'zhuanjia', 'renda'] as const) {
      const s = await t.login(p);
      expect((await s.post('/api/v1/whatif/scorecards', { versionId })).statusCode).toBe(403);
    }
  });
});

describe('self-evaluation what-if', () => {
  const totals: [string, number, number | null][] = [
    // division, formula total, the project's amount next year (fen)
    ['220000', 96, 800_000_000],
    ['220000', 91, 500_000_000],
    ['220000', 90, 300_000_000],
    ['220000', 84, 200_000_000],
    ['220000', 75, 100_000_000],
    ['220100', 72, 90_000_000],
    ['220122', 65, 50_000_000],
    ['220122', 55, null],
    ['220202', 92.5, 70_000_000],
    ['220202', 68, 60_000_000],
  ];
  const ids: string[] = [];
  const PROJECT_RULES = {
    targetYearOffset: 1,
    rules: [
      {
        id: 'p-fair',
        label: '项目自评为中，压减下年预算10%',
        subjectKinds: ['project'],
        when: { grades: ['fair'] },
        action: 'cut',
        ratio: 0.1,
      },
      {
        id: 'p-low',
        label: '项目自评为低，压减下年预算20%',
        subjectKinds: ['project'],
        when: { grades: ['low'] },
        action: 'cut',
        ratio: 0.2,
      },
      {
        id: 'p-poor',
        label: '项目自评为差，取消以后年度预算',
        subjectKinds: ['project'],
        when: { grades: ['poor'] },
        action: 'cancel',
      },
    ],
  };

  beforeAll(async () => {
    for (const [division, total, amount] of totals) {
      const p = await createProject(t, { division });
      const [row] = await t.app.db
        .insert(selfEvaluations)
        .values({
          mofDivCode: division,
          fiscalYear: 2026,
          projectId: p.id,
          proCode: p.proCode,
          projectName: p.name,
          table: {},
          formulaTotal: total,
          grade: gradeFor(JILIN_FIVE_TIER, total).label,
          status: 'submitted',
        })
        .returning({ id: selfEvaluations.id });
      ids.push(row!.id);
      if (amount !== null) {
        await t.app.db
          .insert(projectYearAmounts)
          .values({ projectId: p.id, mofDivCode: division, fiscalYear: 2027, amountFen: amount });
      }
    }
    // a draft is not counted
    const p = await createProject(t, { division: '220000' });
    await t.app.db.insert(selfEvaluations).values({
      mofDivCode: '220000',
      fiscalYear: 2026,
      projectId: p.id,
      projectName: p.name,
      table: {},
      formulaTotal: 40,
      status: 'draft',
    });
  });

  it('re-grades every self-evaluation and proposes the projects’ cuts under edited rules', async () => {
    const s = await t.login('sheng');
    const ctx = await s.get('/api/v1/whatif/self-evaluations/context?year=2026');
    expect(ctx.statusCode, ctx.body).toBe(200);
    expect((ctx.json() as { selfEvaluations: number }).selfEvaluations).toBe(totals.length);
    const unchanged = await s.post('/api/v1/whatif/self-evaluations', { year: 2026 });
    expect(unchanged.statusCode, unchanged.body).toBe(200);
    const u = unchanged.json() as Result;
    expect(u.summary.subjects).toBe(totals.length);
    expect(u.summary.gradeUp + u.summary.gradeDown + u.summary.amountChanged).toBe(0);
    expect(u.warnings.map((w) => w.code)).toContain('NO_PROJECT_RULES');

    const r = await s.post('/api/v1/whatif/self-evaluations', {
      year: 2026,
      scenario: { gradeScheme: withBand('excellent', 92), consequenceRules: PROJECT_RULES },
      pageSize: 50,
      sort: 'amountDelta',
    });
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json() as Result;
    const by = new Map(body.rows.items.map((x) => [x.id, x]));
    const row = (k: number) => by.get(ids[k]!)!;
    // 91 and 90 drop to 良; 92.5 stays 优
    expect(row(1).scenario.grade).toBe('good');
    expect(row(2).scenario.grade).toBe('good');
    expect(row(8).scenario.grade).toBe('excellent');
    expect(body.summary.gradeDown).toBe(2);
    // cuts: 中 10%, 低 20%, 差 cancelled (no amount next year: nothing to cut)
    expect(row(4).scenario.amountFen).toBe(-10_000_000);
    expect(row(5).scenario.amountFen).toBe(-9_000_000);
    expect(row(6).scenario.amountFen).toBe(-10_000_000);
    expect(row(9).scenario.amountFen).toBe(-12_000_000);
    expect(row(7).scenario.amountFen).toBe(0);
    expect(body.summary.scenarioFen).toBe(-41_000_000);
    // sorted by the change of amount, largest cut first
    expect(body.rows.items[0]!.delta.amountFen).toBe(-12_000_000);
    // per division
    const div = new Map(body.summary.byDivision.map((d) => [d.code, d.subjects]));
    expect(div.get('220122')).toBe(2);
  });

  it('a county re-grades only its own projects; export holds the filtered rows', async () => {
    const s = await t.login('nongan');
    const r = await s.post('/api/v1/whatif/self-evaluations', {
      year: 2026,
      scenario: { consequenceRules: PROJECT_RULES },
    });
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json() as Result;
    expect(body.rows.items.map((x) => x.mofDivCode)).toEqual(['220122', '220122']);
    expect(
      (await s.post('/api/v1/whatif/self-evaluations', { year: 2026, division: '220000' })).statusCode,
    ).toBe(403);

    const sheng = await t.login('sheng');
    const file = await sheng.post('/api/v1/whatif/self-evaluations/export', {
      year: 2026,
      scenario: { gradeScheme: withBand('excellent', 92), consequenceRules: PROJECT_RULES },
      filter: 'changed',
    });
    expect(file.statusCode, file.body).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('对比明细')!;
    // title, info, two header rows, then one row per changed self-evaluation (6: two re-graded, four cut)
    expect(ws.rowCount - 4).toBe(6);
    expect(wb.getWorksheet('汇总')).toBeDefined();
  });
});
