/**
 * 综合评价与画像 across scorecards through the API: every reference scorecard scored for a year in one go,
 * the same totals as scoring each template alone, the province's table of every city and county (filtered
 * by city, exported), a city that sees its counties and a county that sees only itself, peer and
 * province-average comparisons computed by hand, side-by-side comparison, and the versions that produced
 * the results (published, never changed in place).
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type {
  CatalogueItem,
  CompareView,
  PeersView,
  ScoreAllReport,
} from '../../src/contracts/scorecards.ts';
import { SCORECARD_JOB_KINDS, scorecardJobHandlers } from '../../src/services/scorecard-service.ts';
import { scoringJobHandlers } from '../../src/services/scoring-service.ts';
import { useTestApi, type Session } from '../api.ts';
import { fillReferenceScorecards, registerSubjects } from '../scorecard-fixtures.ts';
import { waitForJob } from '../scoring-fixtures.ts';

const t = useTestApi({
  jobHandlers: [
    ...scoringJobHandlers(() => t.app.services.scoring),
    ...scorecardJobHandlers(() => t.app.services.scorecards),
  ],
});

interface ResultRow {
  subjectId: string;
  refCode: string;
  name: string;
  mofDivCode: string;
  total: number;
  grade: string;
  rank: number | null;
  firstLevel: Record<string, number>;
}

const REFERENCE_CODES = [
  'county-fiscal-high-quality',
  'department-budget-management',
  'finance-division-internal',
  'investment-fund',
  'state-assets',
  'government-revenue',
  'frugality',
];

let report: ScoreAllReport;
let sheng: Session;
const runOf = (code: string) => report.runs.find((r) => r.templateCode === code)!;

async function results(s: Session, runId: string, query = ''): Promise<ResultRow[]> {
  const r = await s.get(`/api/v1/scoring/runs/${runId}/results?pageSize=500${query}`);
  expect(r.statusCode, r.body).toBe(200);
  return (r.json() as { items: ResultRow[] }).items;
}

async function auditCount(action: string): Promise<number> {
  return (await t.app.repos.audit.list({ divisionCodes: null, action, offset: 0, limit: 1 })).total;
}

async function scoreAll(s: Session, body: Record<string, unknown> = {}): Promise<ScoreAllReport> {
  const r = await s.post('/api/v1/scorecards/score-all', { year: 2026, ...body });
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as ScoreAllReport;
}

beforeAll(async () => {
  sheng = await t.login('sheng');
  await registerSubjects(t);
  // a first score-all creates the subjects derived from divisions and organizations (all incomplete)
  const first = await scoreAll(sheng);
  expect(first.runs.every((r) => r.ranked === 0 || r.subjects === 0)).toBe(true);
  await fillReferenceScorecards(t, 2026);
  report = await scoreAll(sheng);
}, 120_000);

describe('score every scorecard of a year in one go', () => {
  it('scores all seven reference scorecards, every subject complete, graded and ranked', async () => {
    expect(report.runs.map((r) => r.templateCode).sort()).toEqual([...REFERENCE_CODES].sort());
    // 9 prefectures + 60 counties + 长白山 and its 3 districts
    expect(runOf('county-fiscal-high-quality').subjects).toBe(73);
    expect(runOf('department-budget-management').subjects).toBe(2);
    expect(runOf('frugality').subjects).toBe(2);
    expect(runOf('finance-division-internal').subjects).toBe(1);
    expect(runOf('investment-fund').subjects).toBe(4);
    expect(runOf('state-assets').subjects).toBe(9);
    expect(runOf('government-revenue').subjects).toBe(9);
    for (const r of report.runs) {
      expect(r.incomplete, r.templateCode).toBe(0);
      expect(r.ranked, r.templateCode).toBe(r.subjects);
      expect(Object.values(r.gradeCounts).reduce((a, b) => a + b, 0)).toBe(r.subjects);
    }
    expect(report.subjects).toBe(report.runs.reduce((n, r) => n + r.subjects, 0));
    expect(report.inputValues).toBeGreaterThan(2000);
    for (const k of ['loadMs', 'scoreMs', 'storeMs', 'totalMs'] as const) {
      expect(report.timings[k]).toBeGreaterThanOrEqual(0);
    }
    // the county run's grades spread (the demo's generators over 73 divisions)
    const county = runOf('county-fiscal-high-quality').gradeCounts;
    expect(Object.values(county).filter((n) => n > 0).length).toBeGreaterThanOrEqual(3);
  });

  it('stores runs like any other: listed, detailed with summary, audited once per call', async () => {
    expect(await auditCount('scorecards.score_all')).toBe(2);
    const detail = (await sheng.get(`/api/v1/scoring/runs/${runOf('state-assets').runId}`)).json() as {
      run: { status: string; versionId: string; name: string };
      summary: { ranked: number };
    };
    expect(detail.run.status).toBe('succeeded');
    expect(detail.run.versionId).toBe(runOf('state-assets').versionId);
    expect(detail.summary.ranked).toBe(runOf('state-assets').ranked);
    const stored = await t.app.repos.scoring.getRun(runOf('state-assets').runId);
    expect((stored!.summary as { scoreAll: { batchId: string } }).scoreAll.batchId).toBe(report.batchId);
    const listed = (await sheng.get('/api/v1/scoring/runs?year=2026&pageSize=100')).json() as {
      items: { id: string }[];
    };
    for (const r of report.runs) expect(listed.items.map((x) => x.id)).toContain(r.runId);
  });

  it('gives the same totals, grades and ranks as scoring each template alone', async () => {
    for (const r of report.runs) {
      const started = await sheng.post('/api/v1/scoring/runs', {
        versionId: r.versionId,
        division: '220000',
      });
      expect(started.statusCode, started.body).toBe(202);
      const { run, jobId } = started.json() as { run: { id: string }; jobId: string };
      expect((await waitForJob(sheng, jobId)).status).toBe('succeeded');
      const alone = new Map((await results(sheng, run.id)).map((x) => [x.subjectId, x]));
      const together = await results(sheng, r.runId);
      expect(together).toHaveLength(alone.size);
      for (const x of together) {
        const y = alone.get(x.subjectId)!;
        expect(x.total, `${r.templateCode} ${x.name}`).toBe(y.total);
        expect(x.grade).toBe(y.grade);
        expect(x.rank).toBe(y.rank);
        expect(x.firstLevel).toEqual(y.firstLevel);
      }
    }
  });

  it('runs as a background job too, and refuses what the user may not do', async () => {
    const r = await sheng.post('/api/v1/scorecards/score-all', { year: 2026, background: true });
    expect(r.statusCode, r.body).toBe(202);
    const job = await waitForJob(sheng, (r.json() as { jobId: string }).jobId);
    expect(job.kind).toBe(SCORECARD_JOB_KINDS.scoreAll);
    expect(job.status).toBe('succeeded');
    expect((job.result as { runs: unknown[] }).runs).toHaveLength(7);
    // a county scores only itself; another division is out of scope; departments may not score
    const nongan = await t.login('nongan');
    const own = await scoreAll(nongan, { division: '220122' });
    expect(own.runs.find((x) => x.templateCode === 'county-fiscal-high-quality')!.subjects).toBe(1);
    expect(
      (await nongan.post('/api/v1/scorecards/score-all', { year: 2026, division: '220182' })).statusCode,
    ).toBe(403);
    const jiaoyu = await t.login('jiaoyu');
    expect((await jiaoyu.post('/api/v1/scorecards/score-all', { year: 2026 })).statusCode).toBe(403);
    const none = await sheng.post('/api/v1/scorecards/score-all', { year: 2031 });
    expect(none.statusCode).toBe(400);
    expect((none.json() as { message: string }).message).toContain('没有已发布的评价模板');
  });
});

describe('province → city → county', () => {
  it('shows the province every city and county on one scorecard, filtered by city and exported', async () => {
    const runId = runOf('county-fiscal-high-quality').runId;
    const divisions = (await sheng.get('/api/v1/divisions')).json() as {
      code: string;
      level: string;
      parentCode: string | null;
    }[];
    const scored = divisions.filter((d) =>
      ['prefecture', 'county', 'prefecture-equivalent', 'county-equivalent'].includes(d.level),
    );
    const all = await results(sheng, runId);
    expect(all.map((r) => r.mofDivCode).sort()).toEqual(scored.map((d) => d.code).sort());
    expect(all.every((r) => Object.keys(r.firstLevel).length === 6)).toBe(true);
    const ranks = all.map((r) => r.rank!).sort((a, b) => a - b);
    expect(ranks[0]).toBe(1);

    const changchun = await results(sheng, runId, '&division=220100&sort=total&order=desc');
    const expected = scored
      .filter((d) => d.code === '220100' || d.parentCode === '220100')
      .map((d) => d.code);
    expect(changchun.map((r) => r.mofDivCode).sort()).toEqual(expected.sort());
    for (let i = 1; i < changchun.length; i++) {
      expect(changchun[i - 1]!.total).toBeGreaterThanOrEqual(changchun[i]!.total);
    }
    const file = await sheng.get(`/api/v1/scoring/runs/${runId}/results/export?division=220100`);
    expect(file.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const text = JSON.stringify(wb.worksheets[0]!.getSheetValues());
    for (const r of changchun) expect(text).toContain(r.name);
    expect(text).not.toContain('吉林市');
    // the same numbers as the table: every row's total (two decimals) and first-level points
    const ws = wb.worksheets[0]!;
    const rowOf = new Map<string, number[]>();
    ws.eachRow((row) => {
      const cells = (row.values as unknown[]).slice(1);
      const name = cells.find((c) => typeof c === 'string' && changchun.some((r) => r.name === c));
      if (typeof name === 'string')
        rowOf.set(
          name,
          cells.filter((c): c is number => typeof c === 'number'),
        );
    });
    expect(rowOf.size).toBe(changchun.length);
    for (const r of changchun) {
      const numbers = rowOf.get(r.name)!;
      expect(numbers).toContain(Math.round(r.total * 100) / 100);
      for (const v of Object.values(r.firstLevel)) expect(numbers).toContain(Math.round(v * 100) / 100);
    }
  });

  it('shows a city its own counties only', async () => {
    const s = await t.login('changchun');
    const rows = await results(s, runOf('county-fiscal-high-quality').runId);
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.every((r) => r.mofDivCode.startsWith('2201'))).toBe(true);
    const cards = (await s.get('/api/v1/scorecards?year=2026')).json() as CatalogueItem[];
    const county = cards.find((c) => c.templateCode === 'county-fiscal-high-quality')!;
    expect(county.run!.visible).toBe(rows.length);
  });

  it('shows a county only its own row and portrait', async () => {
    const s = await t.login('nongan');
    const cards = (await s.get('/api/v1/scorecards?year=2026')).json() as CatalogueItem[];
    const county = cards.find((c) => c.templateCode === 'county-fiscal-high-quality')!;
    expect(county.versionNo).toBe(1);
    expect(county.ownerDivisionCode).toBe('220000');
    const runId = report.runs.find((r) => r.templateCode === 'county-fiscal-high-quality')!.runId;
    const rows = await results(s, runId);
    expect(rows.map((r) => r.mofDivCode)).toEqual(['220122']);
    const mine = rows[0]!;
    expect((await s.get(`/api/v1/scoring/runs/${runId}/subjects/${mine.subjectId}`)).statusCode).toBe(200);
    const all = await results(sheng, runId);
    const yushu = all.find((r) => r.mofDivCode === '220182')!;
    expect((await s.get(`/api/v1/scoring/runs/${runId}/subjects/${yushu.subjectId}`)).statusCode).toBe(404);
    expect(
      (await s.get(`/api/v1/scorecards/runs/${runId}/subjects/${yushu.subjectId}/peers`)).statusCode,
    ).toBe(404);
    const peers = (
      await s.get(`/api/v1/scorecards/runs/${runId}/subjects/${mine.subjectId}/peers`)
    ).json() as PeersView;
    expect(peers.peers.map((p) => p.mofDivCode)).toEqual(['220122']);
    expect(peers.peerCount).toBeGreaterThan(1);
    const compare = await s.get(
      `/api/v1/scorecards/runs/${runId}/compare?subjects=${mine.subjectId},${yushu.subjectId}`,
    );
    expect(compare.statusCode).toBe(404);
  });
});

describe('portraits: peers, the province average, comparison', () => {
  it('computes the peer group, its averages, the rank among peers and the province average', async () => {
    const runId = runOf('county-fiscal-high-quality').runId;
    const all = await results(sheng, runId);
    const divisions = (await sheng.get('/api/v1/divisions')).json() as {
      code: string;
      parentCode: string | null;
    }[];
    const parentOf = new Map(divisions.map((d) => [d.code, d.parentCode]));
    const me = all.find((r) => r.mofDivCode === '220122')!;
    const peers = all.filter((r) => parentOf.get(r.mofDivCode) === '220100');
    const p = (
      await sheng.get(`/api/v1/scorecards/runs/${runId}/subjects/${me.subjectId}/peers`)
    ).json() as PeersView;
    expect(p.basis).toBe('same_parent');
    expect(p.groupLabel).toBe('长春市');
    expect(p.peerCount).toBe(peers.length);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(p.peerAverageTotal).toBeCloseTo(mean(peers.map((r) => r.total)), 9);
    expect(p.provinceAverageTotal).toBeCloseTo(mean(all.map((r) => r.total)), 9);
    expect(p.provinceCount).toBe(all.length);
    const better = peers.filter((r) => Math.round(r.total * 100) > Math.round(me.total * 100)).length;
    expect(p.rankAmongPeers).toBe(better + 1);
    for (const f of p.firstLevel) {
      expect(f.points).toBe(me.firstLevel[f.code]);
      expect(f.peerAverage).toBeCloseTo(mean(peers.map((r) => r.firstLevel[f.code]!)), 9);
      expect(f.provinceAverage).toBeCloseTo(mean(all.map((r) => r.firstLevel[f.code]!)), 9);
    }
    expect(p.peers.map((x) => x.subjectId).sort()).toEqual(peers.map((r) => r.subjectId).sort());
    expect(p.peers.filter((x) => x.self)).toHaveLength(1);
    // an asset class is compared with the same class elsewhere
    const assets = await results(sheng, runOf('state-assets').runId);
    const admin = assets.find((r) => r.refCode === 'ZC-XZSY')!;
    const q = (
      await sheng.get(
        `/api/v1/scorecards/runs/${runOf('state-assets').runId}/subjects/${admin.subjectId}/peers`,
      )
    ).json() as PeersView;
    expect(q.basis).toBe('same_item');
    expect(q.peerCount).toBe(3);
  });

  it('puts 2–5 subjects side by side with every indicator and the values scored', async () => {
    const runId = runOf('county-fiscal-high-quality').runId;
    const all = await results(sheng, runId);
    const pick = ['220100', '220122', '220200'].map((c) => all.find((r) => r.mofDivCode === c)!);
    const r = await sheng.get(
      `/api/v1/scorecards/runs/${runId}/compare?subjects=${pick.map((x) => x.subjectId).join(',')}`,
    );
    expect(r.statusCode, r.body).toBe(200);
    const c = r.json() as CompareView;
    expect(c.subjects.map((s) => s.subjectId)).toEqual(pick.map((x) => x.subjectId));
    expect(c.run.versionId).toBe(runOf('county-fiscal-high-quality').versionId);
    const top = c.rows.filter((row) => row.depth === 1);
    expect(top.map((row) => row.code)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    for (const row of top) expect(row.points).toEqual(pick.map((x) => x.firstLevel[row.code]));
    // the inputs are the stored ones, the portrait's drill-down shows the same
    const leaf = c.rows.find((row) => row.code === 'A6')!;
    expect(leaf.inputs.map((i) => i.key)).toEqual(['A6.growth', 'A6.avg']);
    const stored = await t.app.repos.scoring.listInputValues(c.run.versionId, [pick[1]!.subjectId]);
    expect(leaf.inputs[0]!.values[1]).toBe(stored.find((v) => v.inputKey === 'A6.growth')!.value);
    const bad = await sheng.get(`/api/v1/scorecards/runs/${runId}/compare?subjects=${pick[0]!.subjectId}`);
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { message: string }).message).toContain('2至5');
  });

  it('names the version behind every result, and that version cannot be changed in place', async () => {
    const cards = (await sheng.get('/api/v1/scorecards?year=2026')).json() as CatalogueItem[];
    expect(cards.map((c) => c.templateCode).sort()).toEqual(
      expect.arrayContaining([...REFERENCE_CODES].sort()),
    );
    for (const code of REFERENCE_CODES) {
      const card = cards.find((c) => c.templateCode === code)!;
      expect(card.run, code).not.toBeNull();
      expect(card.versionStatus).toBe('published');
      expect(card.firstLevel.length).toBeGreaterThanOrEqual(4);
    }
    const county = cards.find((c) => c.templateCode === 'county-fiscal-high-quality')!;
    const edit = await sheng.request('PUT', `/api/v1/template-versions/${county.versionId}`, {
      version: 1,
      definition: { maxScore: 100, nodes: [] },
    });
    expect(edit.statusCode).toBe(409);
    expect((edit.json() as { code: string }).code).toBe('TRANSITION_NOT_ALLOWED');
  });
});
