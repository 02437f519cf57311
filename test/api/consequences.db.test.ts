/**
 * 结果应用 through the API: rules by division and year (checked, versioned, inherited, audited); proposals
 * of a run with the rule, base and ratio behind every amount (transfer payments of counties, next-year
 * project amounts of departments); nothing is confirmed without consequences.confirm at the run's level;
 * confirmations per row or in bulk are audited and keep the confirmed amounts; re-proposing keeps
 * decisions; readers see their own rows; exports of the filtered rows.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApi, type Session } from '../api.ts';
import { addProjectAmount, addTransferPayment, scoredRun, type ScoredRun } from '../ledger-fixtures.ts';

const t = useTestApi();

interface Row {
  id: string;
  mofDivCode: string;
  subjectName: string;
  grade: string;
  rank: number | null;
  action: string;
  baseAmountFen: number;
  proposedFen: number;
  confirmedFen: number | null;
  status: string;
  accountabilityReferral: boolean;
  version: number;
  explanation: {
    zh: string;
    en: string;
    applied: { ruleId: string; baseFen: number | null; amountFen: number }[];
  } | null;
}
interface Page {
  items: Row[];
  total: number;
  canDecide: boolean;
  run: { targetFiscalYear: number };
  totals: { proposedFen: number; confirmedFen: number; byStatus: Record<string, number>; referrals: number };
}

let sheng: Session;
let counties: ScoredRun;
let depts: ScoredRun;

const get = async <T>(s: Session, url: string, status = 200): Promise<T> => {
  const r = await s.get(url);
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as T;
};

async function auditCount(action: string): Promise<number> {
  const r = await t.app.repos.audit.list({ divisionCodes: null, action, offset: 0, limit: 1 });
  return r.total;
}

beforeAll(async () => {
  sheng = await t.login('sheng');
  // Ten counties: 220122 first (top 10% = 1 subject), 220182 last and poor.
  const values: Record<string, Record<string, number>> = {
    '220122': { 'A1.actual': 70, 'A2.actual': 50, 'B1.actual': 95, 'D1.count': 0 },
    '220182': { 'A1.actual': 20, 'A2.actual': 10, 'B1.actual': 30, 'D1.count': 2 },
  };
  const others = ['220102', '220103', '220104', '220105', '220106', '220112', '220113', '220183'];
  others.forEach((code, k) => {
    values[code] = { 'A1.actual': 60 - k, 'A2.actual': 45, 'B1.actual': 90, 'D1.count': 0 };
  });
  counties = await scoredRun(t, { kind: 'county', values });
  await addTransferPayment(t, '220122', 2026, 1_000_000_000); // 1,000万元
  await addTransferPayment(t, '220122', 2026, 234_567_891);
  await addTransferPayment(t, '220182', 2026, 300_000_005);
  await addTransferPayment(t, '220182', 2025, 999_999_999); // another year: not the base
  depts = await scoredRun(t, {
    kind: 'department',
    values: {
      'dept-jiaoyu': { 'E1.actual': 57, 'E2.actual': 60 }, // 36 + 24 = 60 → 低
      'dept-weijian': { 'E1.actual': 30, 'E2.actual': 20 }, // 差
    },
  });
  await addProjectAmount(t, 'dept-jiaoyu', 2027, 500_000_000);
  await addProjectAmount(t, 'dept-jiaoyu', 2027, 123_456_789);
  await addProjectAmount(t, 'dept-jiaoyu', 2026, 777_777_777); // this year: not the base
  await addProjectAmount(t, 'dept-weijian', 2027, 80_000_000);
});

describe('rules by division and year', () => {
  it('reads the province’s rules, inherited below', async () => {
    const province = await get<{
      ruleSet: { rules: { id: string }[] };
      inherited: boolean;
      version: number | null;
    }>(sheng, '/api/v1/consequences/rules?year=2026');
    expect(province.ruleSet.rules.map((r) => r.id)).toContain('county-top');
    expect(province.inherited).toBe(false);
    const county = await get<{ inherited: boolean; fromDivision: string; canEdit: boolean }>(
      await t.login('nongan'),
      '/api/v1/consequences/rules?year=2026',
    );
    expect(county).toMatchObject({ inherited: true, fromDivision: '220000', canEdit: true });
  });

  it('saves checked rules with the version read, audited; a stale version answers 409 with the current rules', async () => {
    const cur = await get<{ ruleSet: unknown; version: number }>(
      sheng,
      '/api/v1/consequences/rules?year=2026',
    );
    const bad = await sheng.request('PUT', '/api/v1/consequences/rules', {
      year: 2026,
      version: cur.version,
      rules: { targetYearOffset: 1, rules: [{ id: 'x', label: '', when: {}, action: 'cut', ratio: 2 }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      (bad.json() as { details: { problems: unknown[] } }).details.problems.length,
    ).toBeGreaterThanOrEqual(3);
    const before = await auditCount('consequences.rules_save');
    const ok = await sheng.request('PUT', '/api/v1/consequences/rules', {
      year: 2026,
      version: cur.version,
      rules: cur.ruleSet,
      note: '确认省级默认规则',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((ok.json() as { version: number }).version).toBe(cur.version + 1);
    expect(await auditCount('consequences.rules_save')).toBe(before + 1);
    const stale = await sheng.request('PUT', '/api/v1/consequences/rules', {
      year: 2026,
      version: cur.version,
      rules: cur.ruleSet,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      code: 'VERSION_CONFLICT',
      details: { current: { version: cur.version + 1 } },
    });
  });

  it('a county overrides for itself and resets to the inherited rules; it cannot write another division’s', async () => {
    const nongan = await t.login('nongan');
    const own = await nongan.request('PUT', '/api/v1/consequences/rules', {
      year: 2026,
      version: null,
      rules: {
        targetYearOffset: 1,
        rules: [
          {
            id: 'd',
            label: '部门差等次压减30%',
            subjectKinds: ['department'],
            when: { grades: ['poor'] },
            action: 'cut',
            ratio: 0.3,
          },
        ],
      },
    });
    expect(own.statusCode, own.body).toBe(200);
    const saved = own.json() as { inherited: boolean; version: number };
    expect(saved.inherited).toBe(false);
    const reset = await nongan.del(`/api/v1/consequences/rules?year=2026&version=${saved.version}`);
    expect(reset.statusCode, reset.body).toBe(200);
    expect((reset.json() as { inherited: boolean }).inherited).toBe(true);
    const other = await nongan.request('PUT', '/api/v1/consequences/rules', {
      division: '220182',
      year: 2026,
      version: null,
      rules: { targetYearOffset: 1, rules: [] },
    });
    expect(other.statusCode).toBe(403);
    const dept = await (
      await t.login('jiaoyu')
    ).request('PUT', '/api/v1/consequences/rules', {
      year: 2026,
      version: null,
      rules: { targetYearOffset: 1, rules: [] },
    });
    expect(dept.statusCode).toBe(403);
  });
});

describe('proposals of a run', () => {
  it('counties: the top 10% get +5% of their transfer payments, the poor −10%, each amount explained', async () => {
    const r = await sheng.post(`/api/v1/consequences/runs/${counties.runId}/proposals`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ written: 10, kept: 0 });
    const page = await get<Page>(sheng, `/api/v1/consequences/runs/${counties.runId}?pageSize=50`);
    expect(page.canDecide).toBe(true);
    expect(page.run.targetFiscalYear).toBe(2027);
    const by = new Map(page.items.map((i) => [i.mofDivCode, i]));
    const top = by.get('220122')!;
    expect(top).toMatchObject({
      rank: 1,
      action: 'reward',
      baseAmountFen: 1_234_567_891,
      proposedFen: 61_728_395,
    }); // 61,728,394.55
    expect(top.explanation!.zh).toContain('规则“市县排名前10%，增加下年转移支付5%”');
    expect(top.explanation!.zh).toContain('排名第1名，共10名，位列前1名');
    expect(top.explanation!.zh).toContain('基数转移支付 1,234.57万元');
    const poor = by.get('220182')!;
    expect(poor).toMatchObject({
      grade: 'poor',
      action: 'cut',
      baseAmountFen: 300_000_005,
      proposedFen: -30_000_001,
    }); // 30,000,000.5
    expect(poor.explanation!.applied.map((a) => a.ruleId)).toEqual(['county-poor']);
    expect(page.items.filter((i) => i.action === 'none')).toHaveLength(8);
    expect(page.totals.proposedFen).toBe(61_728_395 - 30_000_001);
  });

  it('departments: 低 cuts next year’s budget, 差 cancels it and refers for accountability', async () => {
    const r = await sheng.post(`/api/v1/consequences/runs/${depts.runId}/proposals`);
    expect(r.statusCode, r.body).toBe(200);
    const page = await get<Page>(sheng, `/api/v1/consequences/runs/${depts.runId}`);
    const by = new Map(page.items.map((i) => [i.subjectName, i]));
    expect(by.get('吉林省教育厅')).toMatchObject({
      grade: 'low',
      action: 'cut',
      baseAmountFen: 623_456_789,
      proposedFen: -124_691_358, // 20%: 124,691,357.8
      accountabilityReferral: false,
    });
    expect(by.get('吉林省教育厅')!.explanation!.zh).toContain('（2027年度）');
    expect(by.get('吉林省卫生健康委员会')).toMatchObject({
      grade: 'poor',
      action: 'cancel',
      baseAmountFen: 80_000_000,
      proposedFen: -80_000_000,
      accountabilityReferral: true,
    });
    expect(page.totals.referrals).toBe(1);
  });

  it('each reader sees the rows of its own scope', async () => {
    const nongan = await get<Page>(await t.login('nongan'), `/api/v1/consequences/runs/${counties.runId}`);
    expect(nongan.items.map((i) => i.mofDivCode)).toEqual(['220122']);
    expect(nongan.canDecide).toBe(false);
    const jiaoyu = await get<Page>(await t.login('jiaoyu'), `/api/v1/consequences/runs/${depts.runId}`);
    expect(jiaoyu.items.map((i) => i.subjectName)).toEqual(['吉林省教育厅']);
    await get(await t.login('jilinshi'), `/api/v1/consequences/runs/${depts.runId}`, 404);
  });
});

describe('confirmation', () => {
  it('nothing is confirmed without consequences.confirm, nor by a division that did not run the scoring', async () => {
    const page = await get<Page>(sheng, `/api/v1/consequences/runs/${counties.runId}?pageSize=50`);
    const row = page.items.find((i) => i.mofDivCode === '220122')!;
    const body = { action: 'confirm', decisions: [{ id: row.id, version: row.version }] };
    const before = await auditCount('consequences.confirm');
    const dept = await (await t.login('jiaoyu')).post('/api/v1/consequences/decisions', body);
    expect(dept.statusCode).toBe(403);
    const renda = await (await t.login('renda')).post('/api/v1/consequences/decisions', body);
    expect(renda.statusCode).toBe(403);
    const county = await (await t.login('nongan')).post('/api/v1/consequences/decisions', body);
    expect(county.statusCode).toBe(403);
    expect(await auditCount('consequences.confirm')).toBe(before);
    const after = await get<Page>(sheng, `/api/v1/consequences/runs/${counties.runId}?pageSize=50`);
    expect(after.totals.byStatus.confirmed).toBe(0);
    // nor may a county propose the province's run
    expect(
      (await (await t.login('nongan')).post(`/api/v1/consequences/runs/${counties.runId}/proposals`))
        .statusCode,
    ).toBe(404);
  });

  it('confirms one row with an adjusted amount and the rest in bulk, audited; decisions are final', async () => {
    const page = await get<Page>(sheng, `/api/v1/consequences/runs/${counties.runId}?pageSize=50`);
    const top = page.items.find((i) => i.mofDivCode === '220122')!;
    const tooMuch = await sheng.post('/api/v1/consequences/decisions', {
      action: 'confirm',
      decisions: [{ id: top.id, version: top.version, confirmedFen: -2_000_000_000 }],
    });
    expect(tooMuch.statusCode).toBe(400);
    const one = await sheng.post('/api/v1/consequences/decisions', {
      action: 'confirm',
      decisions: [{ id: top.id, version: top.version, confirmedFen: 50_000_000 }],
      note: '按50万元奖励',
    });
    expect(one.statusCode, one.body).toBe(200);
    expect((one.json() as { decided: Row[] }).decided[0]).toMatchObject({
      status: 'confirmed',
      confirmedFen: 50_000_000,
    });
    const before = await auditCount('consequences.confirm');
    const rest = page.items.filter((i) => i.id !== top.id);
    const stale = await sheng.post('/api/v1/consequences/decisions', {
      action: 'confirm',
      decisions: rest.map((i, k) => ({ id: i.id, version: k === 0 ? i.version + 5 : i.version })),
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'VERSION_CONFLICT' });
    expect(await auditCount('consequences.confirm')).toBe(before); // all or nothing
    const bulk = await sheng.post('/api/v1/consequences/decisions', {
      action: 'confirm',
      decisions: rest.map((i) => ({ id: i.id, version: i.version })),
    });
    expect(bulk.statusCode, bulk.body).toBe(200);
    expect(await auditCount('consequences.confirm')).toBe(before + rest.length);
    const after = await get<Page>(sheng, `/api/v1/consequences/runs/${counties.runId}?pageSize=50`);
    expect(after.totals.byStatus.confirmed).toBe(10);
    expect(after.totals.confirmedFen).toBe(50_000_000 - 30_000_001);
    const poor = after.items.find((i) => i.mofDivCode === '220182')!;
    expect(poor.confirmedFen).toBe(-30_000_001);
    const again = await sheng.post('/api/v1/consequences/decisions', {
      action: 'reject',
      decisions: [{ id: poor.id, version: poor.version }],
      note: '改判',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'TRANSITION_NOT_ALLOWED' });
  });

  it('rejecting needs a reason; re-proposing keeps the decided rows', async () => {
    const page = await get<Page>(sheng, `/api/v1/consequences/runs/${depts.runId}`);
    const cancel = page.items.find((i) => i.action === 'cancel')!;
    const noReason = await sheng.post('/api/v1/consequences/decisions', {
      action: 'reject',
      decisions: [{ id: cancel.id, version: cancel.version }],
    });
    expect(noReason.statusCode).toBe(400);
    const rejected = await sheng.post('/api/v1/consequences/decisions', {
      action: 'reject',
      decisions: [{ id: cancel.id, version: cancel.version }],
      note: '该部门已完成整改，暂不取消预算',
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    const again = await sheng.post(`/api/v1/consequences/runs/${depts.runId}/proposals`);
    expect(again.json()).toMatchObject({ written: 1, kept: 1 });
    const after = await get<Page>(sheng, `/api/v1/consequences/runs/${depts.runId}?status=rejected`);
    expect(after.items.map((i) => [i.subjectName, i.status, i.confirmedFen])).toEqual([
      ['吉林省卫生健康委员会', 'rejected', null],
    ]);
  });
});

describe('export', () => {
  it('exports exactly the filtered rows with the rule behind every amount', async () => {
    const page = await get<Page>(sheng, `/api/v1/consequences/runs/${counties.runId}?action=cut,reward`);
    const r = await sheng.get(`/api/v1/consequences/runs/${counties.runId}/export?action=cut,reward`);
    expect(r.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount - 3).toBe(page.total);
    expect(page.total).toBe(2);
    expect(String(ws.getRow(4).getCell(12).value)).toContain('规则“');
  });
});
