import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { useTestApi } from '../api.ts';

const t = useTestApi();

const base = {
  level1: '产出指标',
  level2: '数量指标',
  scope: 'common',
  direction: 'positive',
  unit: '人次',
  valueBasis: 'plan',
  referenceValue: '≥1000',
  evaluationStandard: '达到年度指标值得满分，未达到的按完成比例计分',
};

async function auditActions(objectId: string): Promise<string[]> {
  const { items } = await t.app.repos.audit.list({ divisionCodes: null, objectId, offset: 0, limit: 50 });
  return items.map((e) => e.action).sort();
}

describe('indicator library', () => {
  it('creates indicators in the user own division, lists them with filters and paging', async () => {
    const sheng = await t.login('sheng');
    const created = await sheng.post('/api/v1/indicators', {
      ...base,
      code: 'GX-CC-001',
      name: '培训人次',
      validFrom: '2025-01-01',
      validTo: '2026-12-31',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      mofDivCode: '220000',
      status: 'active',
      version: 1,
      unit: '人次',
    });
    for (let i = 2; i <= 25; i++) {
      const r = await sheng.post('/api/v1/indicators', {
        ...base,
        code: `GX-CC-${String(i).padStart(3, '0')}`,
        name: i % 2 === 0 ? `质量达标率${i}` : `覆盖人数${i}`,
        level2: i % 2 === 0 ? '质量指标' : '数量指标',
        direction: i % 5 === 0 ? 'qualitative' : 'positive',
        fundClass: i % 3 === 0 ? 'livelihood' : null,
        validFrom: i > 20 ? '2027-01-01' : null,
      });
      expect(r.statusCode).toBe(201);
    }
    const page1 = (await sheng.get('/api/v1/indicators?pageSize=10&sort=code')).json();
    expect(page1.total).toBe(25);
    expect(page1.items).toHaveLength(10);
    expect(page1.items[0].code).toBe('GX-CC-001');
    const page3 = (await sheng.get('/api/v1/indicators?pageSize=10&page=3&sort=code')).json();
    expect(page3.items.map((i: { code: string }) => i.code)).toEqual([
      'GX-CC-021',
      'GX-CC-022',
      'GX-CC-023',
      'GX-CC-024',
      'GX-CC-025',
    ]);
    const desc = (await sheng.get('/api/v1/indicators?pageSize=1&sort=code&order=desc')).json();
    expect(desc.items[0].code).toBe('GX-CC-025');

    const quality = (await sheng.get(`/api/v1/indicators?level2=${encodeURIComponent('质量指标')}`)).json();
    expect(quality.total).toBe(12);
    const qualitative = (await sheng.get('/api/v1/indicators?direction=qualitative')).json();
    expect(qualitative.total).toBe(5);
    const livelihood = (await sheng.get('/api/v1/indicators?fundClass=livelihood')).json();
    expect(livelihood.total).toBe(8);
    const text = (await sheng.get(`/api/v1/indicators?q=${encodeURIComponent('覆盖人数')}`)).json();
    expect(text.total).toBe(12);
    // valid on a day: 001 ends 2026-12-31, 021–025 start 2027-01-01
    const in2026 = (await sheng.get('/api/v1/indicators?validOn=2026-07-01')).json();
    expect(in2026.total).toBe(20);
    const in2027 = (await sheng.get('/api/v1/indicators?validOn=2027-03-01')).json();
    expect(in2027.total).toBe(24);
    expect((await auditActions(created.json().id)).includes('indicator.create')).toBe(true);
  });

  it('refuses invalid input with every problem listed in Chinese', async () => {
    const sheng = await t.login('sheng');
    const r = await sheng.post('/api/v1/indicators', {
      ...base,
      code: '带空格 的编码',
      name: '',
      validFrom: '2026-12-31',
      validTo: '2026-01-01',
    });
    expect(r.statusCode).toBe(400);
    const body = r.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.message).toContain('指标编码只能包含');
    expect(body.message).toContain('请输入指标名称');
  });

  it('refuses a code already used in the chain of divisions', async () => {
    const nongan = await t.login('nongan');
    const r = await nongan.post('/api/v1/indicators', { ...base, code: 'GX-CC-001', name: '重复' });
    expect(r.statusCode).toBe(409);
    expect(r.json().code).toBe('DUPLICATE');
  });

  it('shows the province indicators to a county, the county own only to itself and those above', async () => {
    const nongan = await t.login('nongan');
    const local = await nongan.post('/api/v1/indicators', {
      ...base,
      scope: 'specific',
      code: 'NA-001',
      name: '农安县乡村道路养护里程',
      unit: '公里',
    });
    expect(local.statusCode).toBe(201);
    expect(local.json().mofDivCode).toBe('220122');
    const id = local.json().id;

    const mine = (await nongan.get('/api/v1/indicators?pageSize=100')).json();
    expect(mine.total).toBe(26);
    expect(mine.items.some((i: { code: string }) => i.code === 'NA-001')).toBe(true);

    // a sibling county does not see it, and reading it by id is NOT_FOUND
    const yushu = await t.login('yushu');
    const theirs = (await yushu.get('/api/v1/indicators?pageSize=100')).json();
    expect(theirs.total).toBe(25);
    expect((await yushu.get(`/api/v1/indicators/${id}`)).statusCode).toBe(404);
    // naming a division outside one's scope is OUT_OF_SCOPE
    const out = await yushu.get('/api/v1/indicators?division=220122');
    expect(out.statusCode).toBe(403);
    expect(out.json().code).toBe('OUT_OF_SCOPE');

    // the province sees the county's when it looks at the county or at all below it
    const sheng = await t.login('sheng');
    expect((await sheng.get('/api/v1/indicators?division=220122')).json().total).toBe(26);
    expect((await sheng.get('/api/v1/indicators?owners=all&pageSize=1')).json().total).toBe(26);
    expect((await sheng.get('/api/v1/indicators')).json().total).toBe(25);
    expect((await sheng.get(`/api/v1/indicators/${id}`)).statusCode).toBe(200);
  });

  it('edits with the version read; a stale version answers 409 with the current record', async () => {
    const sheng = await t.login('sheng');
    const list = (await sheng.get('/api/v1/indicators?q=GX-CC-002')).json();
    const ind = list.items[0];
    const first = await sheng.patch(`/api/v1/indicators/${ind.id}`, {
      version: ind.version,
      name: '质量达标率（修订）',
      unit: null,
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ name: '质量达标率（修订）', unit: null, version: ind.version + 1 });
    const stale = await sheng.patch(`/api/v1/indicators/${ind.id}`, {
      version: ind.version,
      name: '旧的修改',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    expect(stale.json().details.current).toMatchObject({
      name: '质量达标率（修订）',
      version: ind.version + 1,
    });
    expect(await auditActions(ind.id)).toEqual(['indicator.create', 'indicator.update']);
  });

  it('a county cannot change a province indicator; province retires it', async () => {
    const sheng = await t.login('sheng');
    const ind = (await sheng.get('/api/v1/indicators?q=GX-CC-003')).json().items[0];
    const nongan = await t.login('nongan');
    const refused = await nongan.patch(`/api/v1/indicators/${ind.id}`, { version: ind.version, name: 'x' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('OUT_OF_SCOPE');
    expect(refused.json().message).toContain('上级区划发布');
    // a budget department may read but not write
    const jiaoyu = await t.login('jiaoyu');
    expect((await jiaoyu.get('/api/v1/indicators')).statusCode).toBe(200);
    expect((await jiaoyu.post('/api/v1/indicators', { ...base, code: 'X', name: 'x' })).statusCode).toBe(403);

    const retired = await sheng.post(`/api/v1/indicators/${ind.id}/retire`, { version: ind.version });
    expect(retired.statusCode).toBe(200);
    expect(retired.json().status).toBe('retired');
    expect((await sheng.get('/api/v1/indicators?status=retired')).json().total).toBe(1);
    expect(await auditActions(ind.id)).toEqual(['indicator.create', 'indicator.retire']);
  });

  it('exports exactly the filtered rows to Excel', async () => {
    const sheng = await t.login('sheng');
    const r = await sheng.get(`/api/v1/indicators/export?level2=${encodeURIComponent('质量指标')}`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    expect(r.headers['content-disposition']).toContain("filename*=UTF-8''");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('指标库');
    expect(ws.getRow(1).getCell(1).value).toBe('序号');
    expect(ws.getRow(2).getCell(3).value).toBe('kpi_lv1');
    const codes: string[] = [];
    ws.eachRow((row, n) => {
      if (n > 2 && typeof row.getCell(2).value === 'string' && row.getCell(1).value !== null) {
        const v = row.getCell(2).value as string;
        if (v.startsWith('GX-')) codes.push(v);
      }
    });
    expect(codes).toHaveLength(12);
    expect(r.headers['x-total-count']).toBe('12');
  });
});
