import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { useTestApi } from '../api.ts';
import { createProject, createSelfEvaluation, fixture, multipart } from '../selfeval-helpers.ts';

const t = useTestApi();

interface Report {
  formulaTotal: number;
  printedTotal: number | null;
  grade: { label: string };
  gradeScheme: { code: string };
  minExecutionRate: number;
  budget: { rate: number; formulaScore: number; printedScore: number | null };
  indicators: {
    index: number;
    name: string;
    kind: string | null;
    printedScore: number | null;
    formulaScore: number | null;
    band?: number[];
    target: { raw: string; value: number | null };
  }[];
  findings: { code: string; message: string; indicatorIndex?: number; title: { zh: string; en: string } }[];
}

async function upload(person: Parameters<typeof t.login>[0], name: string, url = '/api/v1/selfeval/check') {
  const s = await t.login(person);
  const m = multipart({ name, content: fixture(name) });
  return s.request('POST', url, m.body, m.headers);
}

async function readSheetRows(body: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('自评表核查: upload and check', () => {
  it('checks an .xlsx table: printed and formula scores side by side, findings on their rows, grade', async () => {
    const r = await upload('nongan', 'low-execution.xlsx');
    expect(r.statusCode).toBe(200);
    const body = r.json() as { fileName: string; report: Report };
    expect(body.fileName).toBe('low-execution.xlsx');
    const rep = body.report;
    expect(rep.formulaTotal).toBe(89.7);
    expect(rep.printedTotal).toBe(95);
    expect(rep.grade.label).toBe('良');
    expect(rep.gradeScheme.code).toBe('jilin-5');
    expect(rep.minExecutionRate).toBe(0.9);
    expect(rep.findings.map((f) => f.code).sort()).toEqual(
      ['EXECUTION_RATE_LOW', 'SCORE_OUTSIDE_QUALITATIVE_BAND', 'TOTAL_MISMATCH'].sort(),
    );
    const low = rep.findings.find((f) => f.code === 'EXECUTION_RATE_LOW')!;
    expect(low.message).toContain('预算执行率');
    expect(low.title.zh).toBe('预算执行率偏低');
    const band = rep.findings.find((f) => f.code === 'SCORE_OUTSIDE_QUALITATIVE_BAND')!;
    const row = rep.indicators[band.indicatorIndex!]!;
    expect(row.kind).toBe('qualitative');
    expect(row.band).toHaveLength(2);
    expect(row.printedScore).not.toBe(row.formulaScore);
    expect(rep.budget.rate).toBeLessThan(0.9);
  });

  it('checks a .json table and reads messy values', async () => {
    const r = await upload('jiaoyu', 'messy-values.json');
    expect(r.statusCode).toBe(200);
    const rep = (r.json() as { report: Report }).report;
    expect(rep.formulaTotal).toBe(75.43);
    expect(rep.grade.label).toBe('中');
    expect(rep.findings.map((f) => f.code).sort()).toEqual(
      [
        'ACTUAL_PRINTED_WITH_SYMBOL',
        'ACTUAL_PRINTED_WITH_SYMBOL',
        'SCORE_ABOVE_FORMULA',
        'VALUE_UNPARSEABLE',
        'VALUE_UNPARSEABLE',
      ].sort(),
    );
    const unreadable = rep.findings.filter((f) => f.code === 'VALUE_UNPARSEABLE');
    for (const f of unreadable) expect(rep.indicators[f.indicatorIndex!]!.formulaScore).toBeNull();
  });

  it('uses the grade scheme and minimum execution rate set for the division and year', async () => {
    await t.app.repos.settings.set({
      mofDivCode: '220182',
      fiscalYear: 2026,
      key: 'grading.scheme',
      value: 'mof-4',
    });
    await t.app.repos.settings.set({
      mofDivCode: '220182',
      fiscalYear: 2026,
      key: 'selfeval.execution_explanation_below',
      value: 0.5,
    });
    const s = await t.login('yushu');
    const m = multipart({ name: 'low-execution.xlsx', content: fixture('low-execution.xlsx') });
    const r = await s.request('POST', '/api/v1/selfeval/check?division=220182&year=2026', m.body, m.headers);
    expect(r.statusCode).toBe(200);
    const rep = (r.json() as { report: Report }).report;
    expect(rep.gradeScheme.code).toBe('mof-4');
    expect(rep.minExecutionRate).toBe(0.5);
    expect(rep.findings.map((f) => f.code)).not.toContain('EXECUTION_RATE_LOW');
  });

  it('answers 422 FILE_UNREADABLE with a Chinese message for a file that is not a table', async () => {
    for (const name of ['not-a-table.xlsx', 'bad-shape.json']) {
      const r = await upload('nongan', name);
      expect(r.statusCode, name).toBe(422);
      expect(r.json().code).toBe('FILE_UNREADABLE');
      expect(r.json().message).toMatch(/^文件无法读取：/);
    }
    const s = await t.login('nongan');
    const m = multipart({ name: 'table.pdf', content: Buffer.from('%PDF-1.4') });
    const pdf = await s.request('POST', '/api/v1/selfeval/check', m.body, m.headers);
    expect(pdf.statusCode).toBe(422);
    expect(pdf.json().message).toContain('.xlsx');
    const broken = multipart({ name: 'broken.xlsx', content: Buffer.from('not a zip') });
    expect((await s.request('POST', '/api/v1/selfeval/check', broken.body, broken.headers)).statusCode).toBe(
      422,
    );
  });

  it('refuses a request without a file and a file over 20 MB', async () => {
    const s = await t.login('nongan');
    const none = await s.post('/api/v1/selfeval/check', {});
    expect(none.statusCode).toBe(400);
    const big = multipart({ name: 'big.json', content: Buffer.alloc(21 * 1024 * 1024, 32) });
    const r = await s.request('POST', '/api/v1/selfeval/check', big.body, big.headers);
    expect(r.statusCode).toBe(413);
    expect(r.json().code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('downloads the uploaded table annotated with formula scores and findings', async () => {
    const r = await upload('nongan', 'rounded-yuan.xlsx', '/api/v1/selfeval/check/workbook');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    expect(String(r.headers['content-disposition'])).toContain(encodeURIComponent('rounded-yuan-核查.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toContain('核查结果');
  });
});

describe('saving a checked table as a project self-evaluation', () => {
  it('stores it with the file as an attachment, audited; a re-check replaces it only with the version', async () => {
    const project = await createProject(t, { division: '220000', org: 'dept-jiaoyu' });
    const s = await t.login('jiaoyu');
    // the dashboard's pre-aggregated figures (read through a short cache, so asked of the store here)
    const figures = async () => {
      const { stats } = await t.app.repos.stats.sum(['220000'], 2025);
      return { n: stats.selfEvaluations, withFindings: stats.selfEvaluationsWithFindings };
    };
    const before = await figures();
    const save = (name: string, fields: Record<string, string | number>) => {
      const m = multipart({ name, content: fixture(name) }, fields);
      return s.request('POST', '/api/v1/selfeval', m.body, m.headers);
    };
    const first = await save('low-execution.xlsx', { projectId: project.id, fiscalYear: 2025 });
    expect(first.statusCode).toBe(201);
    const saved = first.json().selfEvaluation;
    expect(saved).toMatchObject({
      projectId: project.id,
      projectName: project.name,
      fiscalYear: 2025,
      mofDivCode: '220000',
      formulaTotal: 89.7,
      printedTotal: 95,
      grade: '良',
      findingCount: 3,
      status: 'submitted',
      version: 1,
    });
    // the dashboard's figures follow the save
    expect(await figures()).toEqual({ n: before.n + 1, withFindings: before.withFindings + 1 });
    const stored = await t.app.repos.selfEvaluations.get(saved.id);
    expect((stored!.findings as unknown[]).length).toBe(3);
    const file = await t.app.repos.selfEvaluations.getAttachment(stored!.sourceAttachmentId!);
    expect(file!.fileName).toBe('low-execution.xlsx');
    expect(Buffer.from(file!.content).equals(fixture('low-execution.xlsx'))).toBe(true);
    const audit = await t.app.repos.audit.list({
      divisionCodes: null,
      objectType: 'self_evaluation',
      objectId: saved.id,
      offset: 0,
      limit: 10,
    });
    expect(audit.items.map((e) => e.action)).toEqual(['selfeval.save']);
    expect(audit.items[0]!.after).toMatchObject({ grade: '良', sourceFileName: 'low-execution.xlsx' });

    // the same project and year again: refused without the version, with the current one in details
    const again = await save('clean.json', { projectId: project.id, fiscalYear: 2025 });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('VERSION_CONFLICT');
    expect(again.json().details.current).toMatchObject({ id: saved.id, version: 1, grade: '良' });
    const stale = await save('clean.json', { projectId: project.id, fiscalYear: 2025, version: 7 });
    expect(stale.statusCode).toBe(409);

    const replaced = await save('clean.json', { projectId: project.id, fiscalYear: 2025, version: 1 });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json()).toMatchObject({
      replaced: true,
      selfEvaluation: { id: saved.id, version: 2, grade: '优', findingCount: 0, formulaTotal: 98.18 },
    });
    const after = await t.app.repos.audit.list({
      divisionCodes: null,
      objectType: 'self_evaluation',
      objectId: saved.id,
      offset: 0,
      limit: 10,
    });
    const replace = after.items.find((e) => e.action === 'selfeval.replace')!;
    expect(replace.before).toMatchObject({ grade: '良', version: 1 });
    expect(replace.after).toMatchObject({ grade: '优', version: 2 });

    // the detail shows the stored table checked, and its source file and workbook download
    const detail = await s.get(`/api/v1/selfeval/${saved.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({
      sourceFileName: 'clean.json',
      report: { formulaTotal: 98.18, findings: [] },
    });
    const source = await s.get(`/api/v1/selfeval/${saved.id}/source`);
    expect(source.statusCode).toBe(200);
    expect(source.rawPayload.equals(fixture('clean.json'))).toBe(true);
    const wbk = await s.get(`/api/v1/selfeval/${saved.id}/workbook`);
    expect(wbk.statusCode).toBe(200);
    expect(wbk.headers['content-type']).toContain('spreadsheetml');
  });

  it("refuses another division's or another department's project and stores nothing", async () => {
    const county = await createProject(t, { division: '220182' });
    const otherDept = await createProject(t, { division: '220000', org: 'dept-weijian' });
    const sessions = { nongan: await t.login('nongan'), jiaoyu: await t.login('jiaoyu') };
    const auditBefore = (await t.app.repos.audit.list({ divisionCodes: null, offset: 0, limit: 1 })).total;
    for (const [person, project] of [
      ['nongan', county],
      ['jiaoyu', otherDept],
      ['jiaoyu', county],
    ] as const) {
      const s = sessions[person];
      const m = multipart(
        { name: 'clean.json', content: fixture('clean.json') },
        { projectId: project.id, fiscalYear: 2026 },
      );
      const r = await s.request('POST', '/api/v1/selfeval', m.body, m.headers);
      expect(r.statusCode, `${person}`).toBe(404);
      expect(r.json().message).toContain('不在您的管理范围内');
    }
    expect(await t.app.repos.selfEvaluations.findByProjectYear(county.id, 2026)).toBeNull();
    expect(await t.app.repos.selfEvaluations.findByProjectYear(otherDept.id, 2026)).toBeNull();
    expect((await t.app.repos.audit.list({ divisionCodes: null, offset: 0, limit: 1 })).total).toBe(
      auditBefore,
    );
  });

  it('asks for a project and a year', async () => {
    const s = await t.login('jiaoyu');
    const m = multipart({ name: 'clean.json', content: fixture('clean.json') }, { fiscalYear: 2026 });
    const r = await s.request('POST', '/api/v1/selfeval', m.body, m.headers);
    expect(r.statusCode).toBe(400);
    expect(r.json().message).toContain('请选择项目');
  });

  it('offers only projects in scope to save for', async () => {
    const own = await createProject(t, { division: '220000', org: 'dept-jiaoyu', name: '教育厅专项甲' });
    await createProject(t, { division: '220000', org: 'dept-weijian', name: '卫健委专项乙' });
    const s = await t.login('jiaoyu');
    const list = (await s.get('/api/v1/selfeval/projects?q=专项')).json() as { id: string; name: string }[];
    expect(list.map((p) => p.name)).toContain('教育厅专项甲');
    expect(list.map((p) => p.name)).not.toContain('卫健委专项乙');
    expect(list.find((p) => p.id === own.id)).toBeTruthy();
  });
});

describe('stored self-evaluations in scope', () => {
  it('lists with paging, sorting and filters, scoped to the division and, for departments, their projects', async () => {
    const a = await createSelfEvaluation(t, { division: '220122', fixtureName: 'messy-values.json' });
    const b = await createSelfEvaluation(t, { division: '220122', fixtureName: 'clean.json' });
    const c = await createSelfEvaluation(t, { division: '220182', fixtureName: 'clean.json' });
    const d = await createSelfEvaluation(t, {
      division: '220000',
      org: 'dept-jiaoyu',
      fixtureName: 'clean.json',
    });
    const e = await createSelfEvaluation(t, { division: '220000', org: 'dept-weijian' });
    const f = await createSelfEvaluation(t, {
      division: '220122',
      year: 2025,
      fixtureName: 'weights-95.json',
    });
    const g = await createSelfEvaluation(t, { division: '220200', fixtureName: 'clean.json' });

    type Page = {
      items: { id: string; mofDivCode: string; findingCount: number; grade: string }[];
      total: number;
    };
    const ids = (p: Page) => p.items.map((i) => i.id);

    // a county sees only its own
    const nongan = await t.login('nongan');
    const own = (await nongan.get('/api/v1/selfeval?pageSize=200')).json() as Page;
    expect(own.items.every((i) => i.mofDivCode === '220122')).toBe(true);
    expect(ids(own)).toEqual(expect.arrayContaining([a.id, b.id, f.id]));
    expect(ids(own)).not.toContain(c.id);
    expect((await nongan.get('/api/v1/selfeval?division=220182')).statusCode).toBe(403);
    expect((await nongan.get(`/api/v1/selfeval/${c.id}`)).statusCode).toBe(404);

    // filters: year, has findings, grade
    const y2026 = (await nongan.get('/api/v1/selfeval?year=2026&pageSize=200')).json() as Page;
    expect(ids(y2026)).not.toContain(f.id);
    const withFindings = (await nongan.get('/api/v1/selfeval?findings=1&pageSize=200')).json() as Page;
    expect(withFindings.items.every((i) => i.findingCount > 0)).toBe(true);
    expect(ids(withFindings)).toEqual(expect.arrayContaining([a.id, f.id]));
    expect(ids(withFindings)).not.toContain(b.id);
    const good = (await nongan.get('/api/v1/selfeval?grade=优&pageSize=200')).json() as Page;
    expect(good.items.every((i) => i.grade === '优')).toBe(true);
    expect(ids(good)).toContain(b.id);

    // paging and sorting
    const sorted = (
      await nongan.get('/api/v1/selfeval?sort=formulaTotal&order=desc&pageSize=2')
    ).json() as Page & {
      items: { formulaTotal: number }[];
    };
    expect(sorted.items).toHaveLength(2);
    expect(sorted.total).toBe(own.total);
    expect(sorted.items[0]!.formulaTotal).toBeGreaterThanOrEqual(sorted.items[1]!.formulaTotal);

    // a city sees its counties
    const changchun = (
      await (await t.login('changchun')).get('/api/v1/selfeval?pageSize=200')
    ).json() as Page;
    expect(ids(changchun)).toEqual(expect.arrayContaining([a.id, b.id, c.id, f.id]));
    expect(ids(changchun)).not.toContain(g.id);

    // a department sees only its own projects
    const jiaoyu = await t.login('jiaoyu');
    const dept = (await jiaoyu.get('/api/v1/selfeval?pageSize=200')).json() as Page;
    expect(ids(dept)).toContain(d.id);
    expect(ids(dept)).not.toContain(e.id);
    expect(ids(dept)).not.toContain(a.id);
    expect((await jiaoyu.get(`/api/v1/selfeval/${e.id}`)).statusCode).toBe(404);
    expect((await jiaoyu.get(`/api/v1/selfeval/${d.id}`)).statusCode).toBe(200);
    const depts = (await jiaoyu.get('/api/v1/selfeval/departments')).json() as { name: string }[];
    expect(depts.map((x) => x.name)).toEqual(['吉林省教育厅']);

    // the province sees everything, filtered by department
    const sheng = await t.login('sheng');
    const byDept = (
      await sheng.get(`/api/v1/selfeval?department=${t.orgs['dept-weijian']}&pageSize=200`)
    ).json() as Page;
    expect(ids(byDept)).toContain(e.id);
    expect(ids(byDept)).not.toContain(d.id);
  });

  it('exports exactly the filtered rows', async () => {
    const nongan = await t.login('nongan');
    const query = 'division=220122&findings=1&sort=projectName';
    const page = (await nongan.get(`/api/v1/selfeval?${query}&pageSize=200`)).json() as {
      items: { projectName: string }[];
      total: number;
    };
    expect(page.total).toBeGreaterThan(0);
    const r = await nongan.get(`/api/v1/selfeval/export?${query}`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    const rows = await readSheetRows(r.rawPayload);
    expect(rows[0]).toEqual([
      '序号',
      '项目名称',
      '项目代码',
      '主管部门',
      '财政区划',
      '预算年度',
      '自评总分',
      '公式总分',
      '等次',
      '核查问题数',
      '状态',
    ]);
    const data = rows.slice(1, 1 + page.total);
    expect(data.map((row) => row[1])).toEqual(page.items.map((i) => i.projectName));
    expect(data.every((row) => Number(row[9]) > 0)).toBe(true);
    expect(String(rows[1 + page.total]?.[0])).toContain(`共 ${page.total} 份`);
    expect(rows).toHaveLength(page.total + 2);
    const en = await nongan.get(`/api/v1/selfeval/export?${query}&lang=en`);
    expect((await readSheetRows(en.rawPayload))[0]?.[1]).toBe('Project');
  });
});

describe('audit chain verification', () => {
  it('reports an intact chain and, after tampering, the first broken link', async () => {
    const s = await t.login('sheng');
    const r = await s.get('/api/v1/audit/verify');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ intact: true, firstBroken: null });
    expect(r.json().checked).toBeGreaterThan(0);
    expect((await (await t.login('jiaoyu')).get('/api/v1/audit/verify')).statusCode).toBe(403);

    const { items } = await t.app.repos.audit.list({
      divisionCodes: null,
      action: 'selfeval.save',
      offset: 0,
      limit: 1,
    });
    const victim = items[0]!.id;
    await t.app.db.execute(sql`alter table audit_events disable trigger user`);
    await t.app.db.execute(sql`update audit_events set username = 'mallory' where id = ${victim}`);
    await t.app.db.execute(sql`alter table audit_events enable trigger user`);
    const broken = await s.get('/api/v1/audit/verify');
    expect(broken.json()).toMatchObject({ intact: false, firstBroken: { id: victim, reason: 'hash' } });
  });
});
