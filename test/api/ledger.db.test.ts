/**
 * 通报与整改台账 through the API: a notice from a scoring run proposes items from the indicators that lost
 * the most points; the workflow refuses illegal transitions and records every step; owners see only their
 * own items and cannot review; overdue items escalate (idempotently) and show on the owner's and the
 * issuer's dashboards; clues entered by hand with their source document; exports of the filtered rows.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApi, type Session } from '../api.ts';
import { multipart } from '../scoring-fixtures.ts';
import { scoredRun, type ScoredRun } from '../ledger-fixtures.ts';

let now = new Date('2026-06-01T02:00:00Z');
const t = useTestApi({ clock: () => now });

interface Item {
  id: string;
  mofDivCode: string;
  issuerMofDivCode: string;
  ownerOrgId: string;
  ownerOrgName: string;
  title: string;
  status: string;
  deadline: string;
  overdue: boolean;
  version: number;
  escalatedAt: string | null;
  sourceType: string;
  sourceId: string | null;
  sourceRef: Record<string, unknown>;
  noticeId: string | null;
}
interface Detail {
  item: Item;
  steps: {
    event: string;
    fromStatus: string | null;
    toStatus: string;
    actorName: string | null;
    opinion: string | null;
    evidence: string | null;
    attachments: { id: string }[];
  }[];
  files: { id: string; fileName: string }[];
  actions: string[];
  canUpload: boolean;
}
interface Proposal {
  subjects: {
    subjectId: string;
    name: string;
    grade: string;
    rank: number;
    owner: { id: string; name: string } | null;
    items: { indicatorCode: string; lost: number; title: string; requirement: string }[];
  }[];
  title: string;
  body: string;
  defaults: { deadline: string };
}

let run: ScoredRun;
let sheng: Session;
let nongan: Session;
let yushu: Session;
let noticeId: string;

const get = async <T>(s: Session, url: string, status = 200): Promise<T> => {
  const r = await s.get(url);
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as T;
};

async function auditActions(): Promise<string[]> {
  const r = await t.app.repos.audit.list({ divisionCodes: null, offset: 0, limit: 500 });
  return r.items.map((e) => e.action);
}

beforeAll(async () => {
  run = await scoredRun(t, {
    kind: 'county',
    values: {
      // 农安: A1 35/70 → 15 of 30 (lost 15), A2 40/50 → 16 of 20 (lost 4), B1 76/95 → 40 of 50 (lost 10), 1 deduction (−2)
      '220122': { 'A1.actual': 35, 'A2.actual': 40, 'B1.actual': 76, 'D1.count': 1 },
      // 榆树: A1 full, A2 30/50 → 12 (lost 8), B1 76/95 → 40 (lost 10): 82 − … graded below
      '220182': { 'A1.actual': 63, 'A2.actual': 30, 'B1.actual': 66.5, 'D1.count': 0 },
      '220100': { 'A1.actual': 70, 'A2.actual': 50, 'B1.actual': 95, 'D1.count': 0 },
      '220200': { 'A1.actual': 70, 'A2.actual': 45, 'B1.actual': 92, 'D1.count': 0 },
    },
  });
  sheng = await t.login('sheng');
  nongan = await t.login('nongan');
  yushu = await t.login('yushu');
});

describe('a notice from a scoring run', () => {
  it('proposes the low-graded subjects, items from the indicators that lost most points, owners resolved', async () => {
    const p = await get<Proposal>(sheng, `/api/v1/ledger/runs/${run.runId}/notice-proposal`);
    // 农安 70.5 − 2 = 69 → 低 is below 70? (15 + 16 + 40 − 2 = 69 → 低); 榆树 27 + 12 + 35 = 74 → 中
    expect(p.subjects.map((s) => [s.name, s.grade])).toEqual([['农安县', 'low']]);
    const s = p.subjects[0]!;
    expect(s.owner?.name).toBe('农安县财政局');
    expect(s.items.map((i) => [i.indicatorCode, i.lost])).toEqual([
      ['A1', 15],
      ['B1', 10],
      ['A2', 4],
    ]);
    expect(s.items[0]!.title).toBe('税收收入占比：失 15 分（得 15／30 分）');
    expect(s.items[0]!.requirement).toContain('低于年度指标值 50%');
    expect(p.title).toContain('通报');
    // the bottom N instead of grades, more items per subject
    const bottom = await get<Proposal>(
      sheng,
      `/api/v1/ledger/runs/${run.runId}/notice-proposal?bottomN=2&itemsPerSubject=5`,
    );
    expect(bottom.subjects.map((x) => x.name)).toEqual(['农安县', '榆树市']);
    expect(bottom.subjects[0]!.items.map((i) => i.indicatorCode)).toEqual(['A1', 'B1', 'A2', 'D1']);
  });

  it('is refused to those who may not issue, and outside the issuer’s scope', async () => {
    const jiaoyu = await t.login('jiaoyu');
    expect((await jiaoyu.get(`/api/v1/ledger/runs/${run.runId}/notice-proposal`)).statusCode).toBe(403);
    expect((await nongan.get(`/api/v1/ledger/runs/${run.runId}/notice-proposal`)).statusCode).toBe(404);
  });

  it('issues the edited notice: items with owner, deadline, requirement and a link to their source', async () => {
    const p = await get<Proposal>(
      sheng,
      `/api/v1/ledger/runs/${run.runId}/notice-proposal?bottomN=2&itemsPerSubject=2`,
    );
    const before = (await auditActions()).length;
    const r = await sheng.post('/api/v1/ledger/notices', {
      runId: run.runId,
      title: p.title,
      docNo: '吉财绩〔2026〕1号',
      body: p.body,
      deadline: '2026-07-31',
      subjects: p.subjects.map((s, k) => ({
        subjectId: s.subjectId,
        items: s.items.map((i, j) => ({
          title: k === 0 && j === 0 ? '提高税收收入占比（已编辑）' : i.title,
          requirement: i.requirement,
          indicatorCode: i.indicatorCode,
          ...(k === 1 ? { deadline: '2026-08-15' } : {}),
        })),
      })),
    });
    expect(r.statusCode, r.body).toBe(201);
    const d = r.json() as { notice: { id: string; itemCount: number; docNo: string }; items: Item[] };
    noticeId = d.notice.id;
    expect(d.notice.itemCount).toBe(4);
    expect(d.items.map((i) => [i.ownerOrgName, i.title, i.deadline])).toEqual([
      ['农安县财政局', '提高税收收入占比（已编辑）', '2026-07-31'],
      ['农安县财政局', expect.stringContaining('预算执行率'), '2026-07-31'],
      ['榆树市财政局', expect.stringContaining('预算执行率'), '2026-08-15'],
      ['榆树市财政局', expect.stringContaining('财政自给率'), '2026-08-15'],
    ]);
    const first = d.items[0]!;
    expect(first).toMatchObject({
      mofDivCode: '220122',
      issuerMofDivCode: '220000',
      status: 'open',
      sourceType: 'scorecard',
      sourceId: run.runId,
      sourceRef: {
        runId: run.runId,
        subjectId: run.subjects['220122'],
        indicatorCode: 'A1',
        lost: 15,
        points: 15,
      },
    });
    const actions = await auditActions();
    expect(actions.length).toBe(before + 1);
    expect(actions[0]).toBe('ledger.notice_issue');
    const detail = await get<Detail>(sheng, `/api/v1/ledger/items/${first.id}`);
    expect(detail.steps.map((s) => s.event)).toEqual(['issue']);
  });

  it('refuses a deadline in the past and a subject that is not in the run, listing every problem', async () => {
    const r = await sheng.post('/api/v1/ledger/notices', {
      runId: run.runId,
      title: '通报',
      deadline: '2026-05-01',
      subjects: [
        { subjectId: '00000000-0000-4000-8000-000000000000', items: [{ title: 'x', requirement: 'y' }] },
      ],
    });
    expect(r.statusCode).toBe(400);
    const problems = (r.json() as { details: { problems: string[] } }).details.problems;
    expect(problems).toHaveLength(2);
  });
});

describe('who sees what', () => {
  it('a county sees only its own items; the province and the city see theirs and below', async () => {
    const mine = await get<{ items: Item[]; total: number }>(nongan, '/api/v1/ledger/items');
    expect(mine.total).toBe(2);
    expect(new Set(mine.items.map((i) => i.mofDivCode))).toEqual(new Set(['220122']));
    const theirs = await get<{ items: Item[] }>(yushu, '/api/v1/ledger/items');
    expect(new Set(theirs.items.map((i) => i.mofDivCode))).toEqual(new Set(['220182']));
    const city = await get<{ total: number }>(await t.login('changchun'), '/api/v1/ledger/items');
    expect(city.total).toBe(4);
    const province = await get<{ total: number }>(sheng, `/api/v1/ledger/items?noticeId=${noticeId}`);
    expect(province.total).toBe(4);
    // a county reads the notice with its own items only
    const n = await get<{ items: Item[]; scopeLimited: boolean }>(
      nongan,
      `/api/v1/ledger/notices/${noticeId}`,
    );
    expect(n.items).toHaveLength(2);
    expect(n.scopeLimited).toBe(true);
    // another county's item does not exist for it
    expect((await nongan.get(`/api/v1/ledger/items/${theirs.items[0]!.id}`)).statusCode).toBe(404);
    // a department sees none of them
    const jiaoyu = await get<{ total: number }>(await t.login('jiaoyu'), '/api/v1/ledger/items');
    expect(jiaoyu.total).toBe(0);
  });

  it('filters by status, overdue, source, owner, division and deadline', async () => {
    const q = (s: string) => get<{ total: number }>(sheng, `/api/v1/ledger/items?noticeId=${noticeId}&${s}`);
    expect((await q('division=220182')).total).toBe(2);
    expect((await q('deadlineFrom=2026-08-01&deadlineTo=2026-08-31')).total).toBe(2);
    expect((await q('source=audit')).total).toBe(0);
    expect((await q('source=scorecard&status=open,submitted')).total).toBe(4);
    expect((await q('overdue=1')).total).toBe(0);
    expect((await q(`owner=${t.orgs['finance-220122']}`)).total).toBe(2);
    // the owner's own view
    expect((await get<{ total: number }>(nongan, '/api/v1/ledger/items?role=owner&status=open')).total).toBe(
      2,
    );
  });
});

describe('the rectification workflow', () => {
  let item: Item;

  it('the owner uploads evidence and submits; illegal transitions are refused', async () => {
    const mine = await get<{ items: Item[] }>(
      nongan,
      `/api/v1/ledger/items?noticeId=${noticeId}&sort=itemNo`,
    );
    item = mine.items[0]!;
    // the issuer cannot review an open item; the owner cannot review at all
    const early = await sheng.post(`/api/v1/ledger/items/${item.id}/review`, {
      version: item.version,
      decision: 'accept',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'TRANSITION_NOT_ALLOWED' });
    // the province may not submit (no ledger.submit), another county does not see the item
    expect(
      (await sheng.post(`/api/v1/ledger/items/${item.id}/submit`, { version: item.version, evidence: 'x' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await yushu.post(`/api/v1/ledger/items/${item.id}/submit`, { version: item.version, evidence: 'x' }))
        .statusCode,
    ).toBe(404);

    const { body, contentType } = multipart({
      name: '整改报告.pdf',
      content: new TextEncoder().encode('%PDF report'),
      type: 'application/pdf',
    });
    const up = await nongan.request('POST', `/api/v1/ledger/items/${item.id}/evidence`, body, {
      'content-type': contentType,
    });
    expect(up.statusCode, up.body).toBe(201);
    const fileId = (up.json() as { id: string }).id;
    const r = await nongan.post(`/api/v1/ledger/items/${item.id}/submit`, {
      version: item.version,
      evidence: '已制定税收征管提升方案，税收收入占比提高到62%',
      attachmentIds: [fileId],
    });
    expect(r.statusCode, r.body).toBe(200);
    const d = r.json() as Detail;
    expect(d.item.status).toBe('submitted');
    expect(d.steps.at(-1)).toMatchObject({
      event: 'submit',
      fromStatus: 'open',
      toStatus: 'submitted',
      attachments: [{ id: fileId }],
    });
    expect(d.actions).toEqual([]);
    // a second submit is not a transition of a submitted item
    const again = await nongan.post(`/api/v1/ledger/items/${item.id}/submit`, {
      version: d.item.version,
      evidence: '再次',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'TRANSITION_NOT_ALLOWED' });
    // the owner may not review its own report
    const self = await nongan.post(`/api/v1/ledger/items/${item.id}/review`, {
      version: d.item.version,
      decision: 'accept',
    });
    expect(self.statusCode).toBe(403);
    expect(self.json()).toMatchObject({ code: 'FORBIDDEN' });
    item = d.item;
    // the evidence can be read by the issuer and the owner, not by another county
    expect((await sheng.get(`/api/v1/ledger/files/${fileId}`)).statusCode).toBe(200);
    expect((await yushu.get(`/api/v1/ledger/files/${fileId}`)).statusCode).toBe(404);
  });

  it('the issuer returns with an opinion; the owner resubmits; a stale version answers 409 with the current item', async () => {
    const noOpinion = await sheng.post(`/api/v1/ledger/items/${item.id}/review`, {
      version: item.version,
      decision: 'return',
    });
    expect(noOpinion.statusCode).toBe(400);
    const r = await sheng.post(`/api/v1/ledger/items/${item.id}/review`, {
      version: item.version,
      decision: 'return',
      opinion: '请补充征管措施落实的佐证',
    });
    expect(r.statusCode, r.body).toBe(200);
    const returned = (r.json() as Detail).item;
    expect(returned.status).toBe('returned');
    const stale = await nongan.post(`/api/v1/ledger/items/${item.id}/submit`, {
      version: item.version,
      evidence: '补充',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      code: 'VERSION_CONFLICT',
      details: { current: { status: 'returned', version: returned.version } },
    });
    const again = await nongan.post(`/api/v1/ledger/items/${item.id}/submit`, {
      version: returned.version,
      evidence: '已补充征管台账',
    });
    expect(again.statusCode, again.body).toBe(200);
    item = (again.json() as Detail).item;
  });

  it('accepting every item of a notice closes them and the notice; every step is recorded', async () => {
    const ok = await sheng.post(`/api/v1/ledger/items/${item.id}/review`, {
      version: item.version,
      decision: 'accept',
      opinion: '整改到位',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((ok.json() as Detail).item.status).toBe('accepted');
    // the rest of the notice: submit and accept
    const all = await get<{ items: Item[] }>(sheng, `/api/v1/ledger/items?noticeId=${noticeId}&status=open`);
    for (const it of all.items) {
      const owner = it.mofDivCode === '220122' ? nongan : yushu;
      const s = await owner.post(`/api/v1/ledger/items/${it.id}/submit`, {
        version: it.version,
        evidence: '已整改',
      });
      expect(s.statusCode, s.body).toBe(200);
      const v = (s.json() as Detail).item.version;
      const a = await sheng.post(`/api/v1/ledger/items/${it.id}/review`, { version: v, decision: 'accept' });
      expect(a.statusCode, a.body).toBe(200);
    }
    const n = await get<{ notice: { status: string; closedAt: string | null }; items: Item[] }>(
      sheng,
      `/api/v1/ledger/notices/${noticeId}`,
    );
    expect(n.notice.status).toBe('closed');
    expect(n.notice.closedAt).not.toBeNull();
    expect(new Set(n.items.map((i) => i.status))).toEqual(new Set(['closed']));
    const d = await get<Detail>(nongan, `/api/v1/ledger/items/${item.id}`);
    expect(d.steps.map((s) => `${s.event}:${s.toStatus}`)).toEqual([
      'issue:open',
      'submit:submitted',
      'return:returned',
      'submit:submitted',
      'accept:accepted',
      'close:closed',
    ]);
    expect(d.steps[2]!.opinion).toBe('请补充征管措施落实的佐证');
    expect(d.steps[1]!.actorName).toBe('测试用户 nongan');
    const closed = await sheng.post(`/api/v1/ledger/items/${item.id}/review`, {
      version: d.item.version,
      decision: 'return',
      opinion: 'x',
    });
    expect(closed.statusCode).toBe(409);
    const actions = await auditActions();
    expect(actions).toContain('ledger.item_submit');
    expect(actions).toContain('ledger.item_return');
    expect(actions).toContain('ledger.item_accept');
    expect(actions).toContain('ledger.evidence_upload');
  });
});

describe('overdue items', () => {
  let overdueNotice: string;

  it('escalate once past the deadline and show on the owner’s and the issuer’s dashboards', async () => {
    const p = await get<Proposal>(
      sheng,
      `/api/v1/ledger/runs/${run.runId}/notice-proposal?bottomN=1&itemsPerSubject=1`,
    );
    const r = await sheng.post('/api/v1/ledger/notices', {
      runId: run.runId,
      title: '限期整改通报',
      deadline: '2026-06-10',
      subjects: p.subjects.map((s) => ({
        subjectId: s.subjectId,
        items: s.items.map((i) => ({
          title: i.title,
          requirement: i.requirement,
          indicatorCode: i.indicatorCode,
        })),
      })),
    });
    expect(r.statusCode, r.body).toBe(201);
    overdueNotice = (r.json() as { notice: { id: string } }).notice.id;
    const tasks = async (s: Session, division: string) =>
      (
        await get<{ tasks: { kind: string; count: number; link: string; dueDate: string | null }[] }>(
          s,
          `/api/v1/dashboard?division=${division}&year=2026`,
        )
      ).tasks;
    // before the deadline: to do, not overdue
    const before = await tasks(nongan, '220122');
    expect(before.find((x) => x.kind === 'ledger_owner_pending')).toMatchObject({
      count: 1,
      dueDate: '2026-06-10',
    });
    expect(before.find((x) => x.kind === 'ledger_owner_overdue')).toBeUndefined();

    now = new Date('2026-06-11T01:00:00Z'); // 2026-06-11 in China: one day late
    const owner = await t.login('nongan');
    const issuer = await t.login('sheng');
    const ownerTasks = await tasks(owner, '220122');
    expect(ownerTasks.find((x) => x.kind === 'ledger_owner_overdue')).toMatchObject({ count: 1 });
    expect(ownerTasks.find((x) => x.kind === 'ledger_owner_overdue')!.link).toContain('overdue=1');
    const issuerTasks = await tasks(issuer, '220000');
    expect(issuerTasks.find((x) => x.kind === 'ledger_issuer_overdue')).toMatchObject({ count: 1 });

    expect(await t.app.services.ledger.sweepOverdue()).toBe(1);
    expect(await t.app.services.ledger.sweepOverdue()).toBe(0);
    const list = await get<{ items: Item[] }>(
      owner,
      `/api/v1/ledger/items?noticeId=${overdueNotice}&overdue=1`,
    );
    expect(list.items).toHaveLength(1);
    const d = await get<Detail>(owner, `/api/v1/ledger/items/${list.items[0]!.id}`);
    expect(d.item.overdue).toBe(true);
    expect(d.item.escalatedAt).toBe('2026-06-11T01:00:00.000Z');
    expect(d.steps.map((s) => s.event)).toEqual(['issue', 'escalate']);
    expect((await auditActions()).filter((a) => a === 'ledger.items_escalate')).toHaveLength(1);
    // the owner can still rectify; the issuer sees it waiting for review
    const s = await owner.post(`/api/v1/ledger/items/${d.item.id}/submit`, {
      version: d.item.version,
      evidence: '逾期后完成整改',
    });
    expect(s.statusCode, s.body).toBe(200);
    const afterSubmit = await tasks(issuer, '220000');
    expect(afterSubmit.find((x) => x.kind === 'ledger_issuer_review')).toMatchObject({ count: 1 });
    sheng = issuer;
    nongan = owner;
    yushu = await t.login('yushu');
  });
});

describe('problem clues entered by hand', () => {
  it('an audit finding with its source document becomes an item of the ledger', async () => {
    const r = await sheng.post('/api/v1/ledger/clues', {
      source: 'audit',
      title: '专项资金滞留',
      description: '2025年度义务教育补助资金滞留县级国库超过6个月',
      sourceDocument: '吉审财〔2026〕12号 审计报告',
      severity: 'high',
      amountFen: 123_456_700,
      fiscalYear: 2025,
      ownerOrgId: t.orgs['finance-220122'],
      requirement: '立即拨付滞留资金，建立资金拨付台账',
      deadline: '2026-09-30',
    });
    expect(r.statusCode, r.body).toBe(201);
    const d = r.json() as Detail & { clue: { id: string; sourceDocument: string } };
    expect(d.item).toMatchObject({
      sourceType: 'audit',
      mofDivCode: '220122',
      issuerMofDivCode: '220000',
      status: 'open',
    });
    expect(d.item.sourceRef).toMatchObject({ document: '吉审财〔2026〕12号 审计报告' });
    expect(d.clue.sourceDocument).toBe('吉审财〔2026〕12号 审计报告');
    const { body, contentType } = multipart({
      name: '审计报告.pdf',
      content: new TextEncoder().encode('%PDF audit'),
      type: 'application/pdf',
    });
    const up = await sheng.request('POST', `/api/v1/ledger/clues/${d.clue.id}/document`, body, {
      'content-type': contentType,
    });
    expect(up.statusCode, up.body).toBe(201);
    const fileId = (up.json() as { id: string }).id;
    expect((await nongan.get(`/api/v1/ledger/files/${fileId}`)).statusCode).toBe(200);
    expect((await yushu.get(`/api/v1/ledger/files/${fileId}`)).statusCode).toBe(404);
    const audit = await get<{ total: number }>(nongan, '/api/v1/ledger/items?source=audit');
    expect(audit.total).toBe(1);
    // a county may not make another county responsible
    const other = await nongan.post('/api/v1/ledger/clues', {
      source: 'inspection',
      description: '越权',
      sourceDocument: '巡察反馈',
      ownerOrgId: t.orgs['finance-220182'],
      requirement: '整改',
      deadline: '2026-09-30',
    });
    expect(other.statusCode).toBe(403);
  });
});

describe('departments', () => {
  it('a department owns the items of its notice and sees only its own', async () => {
    const dept = await scoredRun(t, {
      kind: 'department',
      values: {
        'dept-jiaoyu': { 'E1.actual': 60, 'E2.actual': 50 },
        'dept-weijian': { 'E1.actual': 95, 'E2.actual': 100 },
      },
    });
    const p = await get<Proposal>(sheng, `/api/v1/ledger/runs/${dept.runId}/notice-proposal`);
    expect(p.subjects.map((s) => [s.name, s.owner?.name])).toEqual([['吉林省教育厅', '吉林省教育厅']]);
    const r = await sheng.post('/api/v1/ledger/notices', {
      runId: dept.runId,
      title: p.title,
      deadline: '2026-12-31',
      subjects: p.subjects.map((s) => ({
        subjectId: s.subjectId,
        items: s.items.map((i) => ({
          title: i.title,
          requirement: i.requirement,
          indicatorCode: i.indicatorCode,
        })),
      })),
    });
    expect(r.statusCode, r.body).toBe(201);
    const jiaoyu = await t.login('jiaoyu');
    const mine = await get<{ items: Item[] }>(jiaoyu, '/api/v1/ledger/items');
    expect(mine.items.length).toBe(2);
    expect(new Set(mine.items.map((i) => i.ownerOrgName))).toEqual(new Set(['吉林省教育厅']));
    const weijian = await get<{ total: number }>(await t.login('weijian'), '/api/v1/ledger/items');
    expect(weijian.total).toBe(0);
    const first = mine.items[0]!;
    const s = await jiaoyu.post(`/api/v1/ledger/items/${first.id}/submit`, {
      version: first.version,
      evidence: '已整改',
    });
    expect(s.statusCode, s.body).toBe(200);
    // a department's dashboard lists what it has to do
    const dash = await get<{ tasks: { kind: string; count: number }[] }>(
      jiaoyu,
      '/api/v1/dashboard?division=220000&year=2026',
    );
    expect(dash.tasks.find((x) => x.kind === 'ledger_owner_pending')).toMatchObject({ count: 1 });
  });
});

describe('export', () => {
  it('exports exactly the filtered rows', async () => {
    const list = await get<{ total: number }>(sheng, '/api/v1/ledger/items?status=closed');
    const r = await sheng.get('/api/v1/ledger/items/export?status=closed');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount - 3).toBe(list.total);
    expect(String(ws.getRow(3).getCell(2).value)).toBe('整改事项');
    expect(String(ws.getRow(4).getCell(9).value)).toBe('已销号');
  });
});
