/**
 * 评分运行 through the API: subjects in scope, form entry with versions, the Excel template round trip,
 * imports that refuse bad rows (or keep the good ones), runs that equal the engine, scoping of results,
 * explanations that match stored points, exports of the filtered rows, and a job taken over from a dead
 * worker.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { unwrap } from '../../src/core/kernel/index.ts';
import { compileTemplate } from '../../src/core/scoring/compile-template.ts';
import { gradeFor, JILIN_FIVE_TIER } from '../../src/core/scoring/grades.ts';
import { batchFromValues } from '../../src/core/scoring/score-subjects.ts';
import { rankTotals, scoreBatch } from '../../src/core/scoring/score-batch.ts';
import { SCORING_JOB_KINDS, scoringJobHandlers } from '../../src/services/scoring-service.ts';
import { useTestApi, type Session } from '../api.ts';
import {
  COUNTY_TEMPLATE,
  DEPARTMENT_TEMPLATE,
  fillWorkbook,
  publishTemplate,
  upload,
  waitForJob,
} from '../scoring-fixtures.ts';

const t = useTestApi({ jobHandlers: scoringJobHandlers(() => t.app.services.scoring) });

const LEVELS = ['达成', '部分达成', '未达成'];
/** Deterministic inputs of the k-th county subject. */
const countyValues = (k: number): Record<string, string | number> => ({
  'A1.actual': 50 + ((k * 7) % 40),
  'A2.actual': 2 + ((k * 3) % 9),
  'B1.actual': 60 + ((k * 11) % 40),
  'B2.level': LEVELS[k % 3]!,
  'D1.count': k % 4,
});

let county: { templateId: string; versionId: string };
let county2025: { templateId: string; versionId: string };
let dept: { templateId: string; versionId: string };
let codes: string[] = [];

interface SubjectList {
  division: string;
  subjects: { id: string; refCode: string; name: string; missing: number; required: number }[];
}

async function subjectsOf(s: Session, versionId: string, division?: string): Promise<SubjectList> {
  const r = await s.get(
    `/api/v1/scoring/versions/${versionId}/subjects${division ? `?division=${division}` : ''}`,
  );
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as SubjectList;
}

async function download(s: Session, versionId: string, division?: string): Promise<Uint8Array> {
  const r = await s.get(
    `/api/v1/scoring/versions/${versionId}/input-template${division ? `?division=${division}` : ''}`,
  );
  expect(r.statusCode, r.body).toBe(200);
  expect(r.headers['content-type']).toContain('spreadsheetml');
  return new Uint8Array(r.rawPayload);
}

async function importFile(
  s: Session,
  versionId: string,
  content: Uint8Array,
  fields: Record<string, string> = {},
) {
  const r = await upload(
    s,
    `/api/v1/scoring/versions/${versionId}/imports`,
    { name: '填报.xlsx', content },
    fields,
  );
  expect(r.statusCode, r.body).toBe(202);
  return waitForJob(s, (r.json() as { jobId: string }).jobId);
}

async function countValues(versionId: string): Promise<number> {
  return (await t.app.repos.scoring.listInputValues(versionId)).length;
}
async function auditCount(action?: string): Promise<number> {
  return (
    await t.app.repos.audit.list({ divisionCodes: null, ...(action ? { action } : {}), offset: 0, limit: 1 })
  ).total;
}

beforeAll(async () => {
  county2025 = await publishTemplate(
    t,
    'county-test',
    'county_fiscal',
    COUNTY_TEMPLATE,
    2025,
    '市县财政管理测试模板',
  );
  county = await publishTemplate(
    t,
    'county-test',
    'county_fiscal',
    COUNTY_TEMPLATE,
    2026,
    '市县财政管理测试模板',
  );
  dept = await publishTemplate(
    t,
    'dept-test',
    'department_budget',
    DEPARTMENT_TEMPLATE,
    2026,
    '部门预算管理测试模板',
  );
});

describe('subjects and versions', () => {
  it('offers the published versions and every prefecture and county of the province as subjects', async () => {
    const s = await t.login('sheng');
    const versions = (await s.get('/api/v1/scoring/versions?year=2026')).json() as { id: string }[];
    expect(versions.map((v) => v.id)).toEqual(expect.arrayContaining([county.versionId, dept.versionId]));
    const list = await subjectsOf(s, county.versionId);
    codes = list.subjects.map((x) => x.refCode);
    // 9 prefectures + 60 counties + 长白山管委会 and its 3 districts; no statistical zones, no province
    expect(list.subjects).toHaveLength(73);
    expect(codes).toEqual(expect.arrayContaining(['220100', '220122', '229900', '229903']));
    expect(codes).not.toContain('220000');
    expect(codes).not.toContain('220171');
    expect(list.subjects[0]!.required).toBe(4);
    // created once, audited once
    expect(await auditCount('scoring.subjects_create')).toBe(1);
    await subjectsOf(s, county.versionId);
    expect(await auditCount('scoring.subjects_create')).toBe(1);
  });

  it('shows a county only itself, a city its own subtree, a department only itself', async () => {
    const nongan = await t.login('nongan');
    expect((await subjectsOf(nongan, county.versionId)).subjects.map((x) => x.refCode)).toEqual(['220122']);
    const outside = await nongan.get(`/api/v1/scoring/versions/${county.versionId}/subjects?division=220182`);
    expect(outside.statusCode).toBe(403);
    const changchun = await t.login('changchun');
    const cc = (await subjectsOf(changchun, county.versionId)).subjects.map((x) => x.refCode);
    expect(cc).toContain('220100');
    expect(cc).toContain('220122');
    expect(cc).not.toContain('220202');
    const jiaoyu = await t.login('jiaoyu');
    const own = await subjectsOf(jiaoyu, dept.versionId);
    expect(own.subjects.map((x) => x.name)).toEqual(['吉林省教育厅']);
    const sheng = await t.login('sheng');
    expect((await subjectsOf(sheng, dept.versionId)).subjects.map((x) => x.name).sort()).toEqual(
      ['吉林省卫生健康委员会', '吉林省教育厅'].sort(),
    );
  });
});

describe('form entry', () => {
  it('saves values with source and evidence, refuses stale versions and values out of range', async () => {
    const s = await t.login('jiaoyu');
    const [subject] = (await subjectsOf(s, dept.versionId)).subjects;
    const url = `/api/v1/scoring/versions/${dept.versionId}/subjects/${subject!.id}/inputs`;
    const form = (await s.get(url)).json() as {
      fields: { key: string; rule: { zh: string } }[];
      missing: unknown[];
    };
    expect(form.fields.map((f) => f.key)).toEqual(['E1.actual', 'E2.level', 'E2.score']);
    expect(form.fields[0]!.rule.zh).toContain('实际完成值≥95%得满分');
    expect(form.missing).toHaveLength(2);

    const bad = await s.request('PUT', url, {
      entries: [
        { key: 'E2.level', value: 0, source: 'self_report', version: null },
        { key: 'E2.score', value: 20, source: 'self_report', version: null },
        { key: 'E1.actual', value: null, source: 'self_report', version: null },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('得分应在32至40分之间');
    expect(bad.json().message).toContain('写明原因');

    const before = await auditCount('scoring.inputs_save');
    const saved = await s.request('PUT', url, {
      entries: [
        {
          key: 'E1.actual',
          value: 91.5,
          source: 'budget_system',
          evidenceNote: '一体化系统12月执行数',
          version: null,
        },
        { key: 'E2.level', value: 1, source: 'self_report', version: null },
        { key: 'E2.score', value: 30, source: 'self_report', version: null },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const after = saved.json() as {
      fields: { key: string; stored: { value: number; version: number; source: string } }[];
      missing: unknown[];
    };
    expect(after.missing).toEqual([]);
    const e1 = after.fields.find((f) => f.key === 'E1.actual')!.stored;
    expect(e1).toMatchObject({ value: 91.5, source: 'budget_system', version: 1 });
    expect(await auditCount('scoring.inputs_save')).toBe(before + 1);

    // someone else changes E1 meanwhile; the stale write is refused and nothing of it is written
    const other = await t.login('sheng');
    expect(
      (
        await other.request('PUT', url, {
          entries: [{ key: 'E1.actual', value: 93, source: 'budget_system', evidenceNote: null, version: 1 }],
        })
      ).statusCode,
    ).toBe(200);
    const stale = await s.request('PUT', url, {
      entries: [
        { key: 'E2.score', value: 31, source: 'self_report', version: 1 },
        { key: 'E1.actual', value: 92, source: 'budget_system', version: 1 },
      ],
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    expect(stale.json().details.current[0]).toMatchObject({ inputKey: 'E1.actual', value: 93, version: 2 });
    const now = (await s.get(url)).json() as { fields: { key: string; stored: { value: number } }[] };
    expect(now.fields.find((f) => f.key === 'E2.score')!.stored.value).toBe(30);

    // another department's subject is not there for 教育厅
    const weijian = (await subjectsOf(other, dept.versionId)).subjects.find((x) => x.name.includes('卫生'))!;
    const foreign = await s.get(`/api/v1/scoring/versions/${dept.versionId}/subjects/${weijian.id}/inputs`);
    expect(foreign.statusCode).toBe(404);
  });

  it('keeps evidence files with the subject and serves them only within scope', async () => {
    const s = await t.login('jiaoyu');
    const [subject] = (await subjectsOf(s, dept.versionId)).subjects;
    const up = await upload(s, `/api/v1/scoring/subjects/${subject!.id}/evidence`, {
      name: '执行情况说明.pdf',
      content: new TextEncoder().encode('%PDF-1.4 说明'),
      type: 'application/pdf',
    });
    expect(up.statusCode, up.body).toBe(201);
    const file = up.json() as { id: string; fileName: string };
    expect(file.fileName).toBe('执行情况说明.pdf');
    const url = `/api/v1/scoring/versions/${dept.versionId}/subjects/${subject!.id}/inputs`;
    const current = (await s.get(url)).json() as { fields: { key: string; stored: { version: number } }[] };
    const v = current.fields.find((f) => f.key === 'E1.actual')!.stored.version;
    const saved = await s.request('PUT', url, {
      entries: [
        {
          key: 'E1.actual',
          value: 93,
          source: 'budget_system',
          evidenceNote: '见附件',
          attachmentId: file.id,
          version: v,
        },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const got = await s.get(`/api/v1/scoring/attachments/${file.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-disposition']).toContain("filename*=UTF-8''");
    const weijian = await t.login('weijian');
    expect((await weijian.get(`/api/v1/scoring/attachments/${file.id}`)).statusCode).toBe(404);
  });
});

describe('Excel input template and import', () => {
  it('downloads a template with a two-row header, hidden keys, level lists and a guide', async () => {
    const s = await t.login('sheng');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await download(s, county.versionId)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('评分数据')!;
    expect(ws.getRow(1).hidden).toBe(true);
    expect(String(ws.getRow(1).getCell(1).value)).toContain(county.versionId);
    expect(ws.getRow(2).getCell(1).value).toBe('序号');
    expect(ws.getRow(2).getCell(2).value).toBe('区划代码');
    expect(ws.getRow(2).getCell(4).value).toBe('税收收入占比（20分）');
    expect(ws.getRow(3).getCell(4).value).toBe('实际完成值（%）');
    const levelCol = [...Array(20).keys()].find((c) => ws.getRow(1).getCell(c + 1).value === 'B2.level')! + 1;
    expect(ws.getRow(4).getCell(levelCol).dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"达成,部分达成,未达成"'],
    });
    expect(ws.rowCount).toBe(3 + 73);
    const guide = wb.getWorksheet('填报说明')!;
    const texts: string[] = [];
    guide.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts.some((x) => x.includes('实际完成值≥70%得满分'))).toBe(true);
    expect(texts.some((x) => x.includes('每发生1次扣2分，最多扣10分'))).toBe(true);
  });

  it('refuses a file with a bad row as a whole and lists every row error', async () => {
    const s = await t.login('sheng');
    const file = await fillWorkbook(
      await download(s, county.versionId),
      (code) => {
        const k = codes.indexOf(code);
        if (code === '220102') return { ...countyValues(k), 'A1.actual': '约八十' };
        if (code === '220103') return { ...countyValues(k), 'B2.level': '良好', 'D1.count': -1 };
        return countyValues(k);
      },
      [
        { code: '999999', name: '不存在', values: { 'A1.actual': 1 } },
        { code: '220122', name: '农安县', values: { 'A1.actual': 60 } },
      ],
    );
    const valuesBefore = await countValues(county.versionId);
    const auditBefore = await auditCount('scoring.inputs_import');
    const job = await importFile(s, county.versionId, file);
    expect(job.status).toBe('failed');
    const error = job.error as {
      code: string;
      message: string;
      details: { errors: { row: number; code: string; problems: { column: string; message: string }[] }[] };
    };
    expect(error.code).toBe('IMPORT_REJECTED');
    expect(error.message).toContain('4 行有错误，未导入任何数据');
    const byCode = new Map(error.details.errors.map((e) => [e.code, e]));
    expect(byCode.get('220102')!.problems[0]).toMatchObject({ column: '税收收入占比·实际完成值' });
    expect(byCode.get('220102')!.problems[0]!.message).toContain('“约八十”不是数字');
    expect(
      byCode
        .get('220103')!
        .problems.map((p) => p.message)
        .join(),
    ).toContain('评价等级请从下拉列表选择');
    expect(
      byCode
        .get('220103')!
        .problems.map((p) => p.message)
        .join(),
    ).toContain('不能为负数');
    expect(byCode.get('999999')!.problems[0]!.message).toContain('不是本模板的评价对象');
    expect(byCode.get('220122')!.problems[0]!.message).toContain('只能有一行');
    expect(await countValues(county.versionId)).toBe(valuesBefore);
    expect(await auditCount('scoring.inputs_import')).toBe(auditBefore);
  });

  it('keeps only the good rows when asked to', async () => {
    const s = await t.login('sheng');
    const file = await fillWorkbook(await download(s, county.versionId), (code) => {
      const k = codes.indexOf(code);
      if (code === '220102') return { 'A1.actual': 'abc' };
      if (code === '229903') {
        const { 'B1.actual': _b1, ...rest } = countyValues(k);
        return rest; // 池南区 leaves 预算执行率 empty: incomplete
      }
      return countyValues(k);
    });
    const job = await importFile(s, county.versionId, file, { keepGoodRows: 'true' });
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    const report = job.result as {
      outcome: string;
      rows: number;
      goodRows: number;
      badRows: number;
      valuesWritten: number;
      errors: { code: string }[];
    };
    expect(report).toMatchObject({ outcome: 'partly_imported', rows: 73, goodRows: 72, badRows: 1 });
    expect(report.errors.map((e) => e.code)).toEqual(['220102']);
    expect(report.valuesWritten).toBe(71 * 5 + 4);
    const stored = await t.app.repos.scoring.listInputValues(county.versionId);
    const subjects = await subjectsOf(s, county.versionId);
    const nanguan = subjects.subjects.find((x) => x.refCode === '220102')!;
    expect(stored.filter((v) => v.subjectId === nanguan.id)).toEqual([]);
    expect(stored.every((v) => v.source === 'import' && v.attachmentId !== null)).toBe(true);
    expect(await auditCount('scoring.inputs_import')).toBe(1);
  });

  it('round-trips: the downloaded file holds the stored values and imports back unchanged', async () => {
    const s = await t.login('sheng');
    const file = await download(s, county.versionId);
    const job = await importFile(s, county.versionId, file);
    expect(job.status).toBe('succeeded');
    expect(job.result).toMatchObject({ outcome: 'unchanged', valuesWritten: 0, badRows: 0 });
    // and a filled row for 南关区 now goes in
    const fixed = await fillWorkbook(file, (code) =>
      code === '220102' ? countyValues(codes.indexOf(code)) : null,
    );
    const job2 = await importFile(s, county.versionId, fixed);
    expect(job2.result).toMatchObject({ outcome: 'imported', valuesWritten: 5, subjectsChanged: 1 });
  });

  it('refuses rows of subjects outside a county user’s scope', async () => {
    const s = await t.login('nongan');
    const file = await fillWorkbook(await download(s, county.versionId), () => null, [
      { code: '220182', name: '榆树市', values: { 'A1.actual': 70 } },
    ]);
    const job = await importFile(s, county.versionId, file);
    expect(job.status).toBe('failed');
    const details = (job.error as { details: { errors: { problems: { message: string }[] }[] } }).details;
    expect(details.errors[0]!.problems[0]!.message).toContain('不在您的管理范围内');
  });
});

describe('runs, results and portraits', () => {
  let runId = '';

  it('scores every subject like scoreBatch on the same inputs, with grades and competition ranks', async () => {
    const s = await t.login('sheng');
    const started = await s.post('/api/v1/scoring/runs', {
      versionId: county.versionId,
      name: '2026年度试评',
    });
    expect(started.statusCode, started.body).toBe(202);
    const { run, jobId } = started.json() as { run: { id: string; status: string }; jobId: string };
    runId = run.id;
    const job = await waitForJob(s, jobId);
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    expect(job.progress).toBe(4);

    const detail = (await s.get(`/api/v1/scoring/runs/${runId}`)).json() as {
      run: { status: string; versionId: string; subjectCount: number };
      summary: { ranked: number; incomplete: number; timings: { scoreMs: number } };
      gradeCounts: { grade: string; count: number }[];
      incompleteSubjects: { refCode: string; missing: { key: string; label: string }[] }[];
    };
    expect(detail.run).toMatchObject({ status: 'succeeded', versionId: county.versionId, subjectCount: 73 });
    expect(detail.summary).toMatchObject({ ranked: 72, incomplete: 1 });
    expect(detail.incompleteSubjects).toEqual([
      expect.objectContaining({
        refCode: '229903',
        missing: [{ key: 'B1.actual', label: '预算执行率·实际完成值' }],
      }),
    ]);
    expect(detail.gradeCounts.reduce((a, g) => a + g.count, 0)).toBe(73);

    // the engine on the same inputs
    const plan = unwrap(compileTemplate(COUNTY_TEMPLATE));
    const subjects = (await subjectsOf(s, county.versionId)).subjects;
    const stored = await t.app.repos.scoring.listInputValues(county.versionId);
    const rows = subjects.map((x) => ({
      subjectId: x.id,
      values: new Map(stored.filter((v) => v.subjectId === x.id).map((v) => [v.inputKey, v.value])),
    }));
    const direct = unwrap(scoreBatch(plan, batchFromValues(plan, rows)));
    const page = (await s.get(`/api/v1/scoring/runs/${runId}/results?pageSize=500`)).json() as {
      total: number;
      items: {
        subjectId: string;
        total: number;
        grade: string;
        rank: number | null;
        firstLevel: Record<string, number>;
      }[];
    };
    expect(page.total).toBe(73);
    const byId = new Map(page.items.map((i) => [i.subjectId, i]));
    const complete = rows
      .map((r, i) => ({ r, i }))
      .filter(({ r }) => r.subjectId !== subjects.find((x) => x.refCode === '229903')!.id);
    const ranks = rankTotals(
      Float64Array.from(complete, ({ i }) => Math.round(direct.totals[i]! * 100) / 100),
    );
    complete.forEach(({ r, i }, k) => {
      const item = byId.get(r.subjectId)!;
      expect(item.total).toBeCloseTo(direct.totals[i]!, 9);
      expect(item.grade).toBe(gradeFor(JILIN_FIVE_TIER, direct.totals[i]!).code);
      expect(item.rank).toBe(ranks[k]);
      expect(item.firstLevel['A']).toBeCloseTo(direct.points[plan.byCode.get('A')!]![i]!, 9);
    });
    const incomplete = page.items.find((i) => i.grade === 'incomplete')!;
    expect(incomplete.rank).toBeNull();
    // default order: by rank, incomplete last
    expect(page.items[0]!.rank).toBe(1);
    expect(page.items.at(-1)!.grade).toBe('incomplete');
    expect(await auditCount('scoring.run_finish')).toBe(1);
    // the dashboard's pre-aggregated figures follow
    const dashboard = (await s.get('/api/v1/dashboard?division=220000&year=2026')).json() as {
      counts: { scoringRuns: number };
    };
    expect(dashboard.counts.scoringRuns).toBe(1);
  });

  it('pages and sorts on the server', async () => {
    const s = await t.login('sheng');
    const p2 = (
      await s.get(`/api/v1/scoring/runs/${runId}/results?page=2&pageSize=10&sort=node:B&order=desc`)
    ).json() as {
      items: { firstLevel: Record<string, number> }[];
      total: number;
    };
    expect(p2.items).toHaveLength(10);
    const b = p2.items.map((i) => i.firstLevel['B']!);
    expect([...b].sort((x, y) => y - x)).toEqual(b);
    const byName = (await s.get(`/api/v1/scoring/runs/${runId}/results?q=长白山`)).json() as {
      total: number;
    };
    expect(byName.total).toBe(1);
    const bad = await s.get(`/api/v1/scoring/runs/${runId}/results?sort=node:NOPE`);
    expect(bad.statusCode).toBe(400);
  });

  it('exports exactly the filtered rows', async () => {
    const s = await t.login('sheng');
    const filtered = (
      await s.get(`/api/v1/scoring/runs/${runId}/results?grade=poor&pageSize=500`)
    ).json() as {
      total: number;
      items: { name: string }[];
    };
    const r = await s.get(`/api/v1/scoring/runs/${runId}/results/export?grade=poor`);
    expect(r.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(3).getCell(4).value).toBe('总分');
    const names: string[] = [];
    ws.eachRow((row, n) => {
      if (n > 3) names.push(String(row.getCell(3).value));
    });
    expect(names).toEqual(filtered.items.map((i) => i.name));
    expect(String(ws.getRow(2).getCell(1).value)).toContain('等次：差');
  });

  it('shows a county only its own subject and result', async () => {
    const s = await t.login('nongan');
    const runs = (await s.get('/api/v1/scoring/runs')).json() as { items: { id: string }[] };
    expect(runs.items.map((r) => r.id)).toContain(runId);
    const detail = (await s.get(`/api/v1/scoring/runs/${runId}`)).json() as {
      visible: number;
      scopeLimited: boolean;
    };
    expect(detail).toMatchObject({ visible: 1, scopeLimited: true });
    const page = (await s.get(`/api/v1/scoring/runs/${runId}/results?pageSize=500`)).json() as {
      items: { refCode: string; rank: number }[];
    };
    expect(page.items.map((i) => i.refCode)).toEqual(['220122']);
    const exported = await s.get(`/api/v1/scoring/runs/${runId}/results/export`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.rowCount).toBe(4);

    const sheng = await t.login('sheng');
    const all = (await sheng.get(`/api/v1/scoring/runs/${runId}/results?pageSize=500`)).json() as {
      items: { subjectId: string; refCode: string }[];
    };
    const yushu = all.items.find((i) => i.refCode === '220182')!;
    const own = all.items.find((i) => i.refCode === '220122')!;
    expect((await s.get(`/api/v1/scoring/runs/${runId}/subjects/${yushu.subjectId}`)).statusCode).toBe(404);
    expect((await s.get(`/api/v1/scoring/runs/${runId}/subjects/${own.subjectId}`)).statusCode).toBe(200);
    // a department user sees no county run at all
    const jiaoyu = await t.login('jiaoyu');
    expect((await jiaoyu.get(`/api/v1/scoring/runs/${runId}`)).statusCode).toBe(404);
    expect(((await jiaoyu.get('/api/v1/scoring/runs')).json() as { items: unknown[] }).items).toEqual([]);
    // and a county cannot start a run for another county
    const refused = await s.post('/api/v1/scoring/runs', { versionId: county.versionId, division: '220182' });
    expect(refused.statusCode).toBe(403);
  });

  it('explains every subject with exactly its stored points', async () => {
    const s = await t.login('sheng');
    const all = (await s.get(`/api/v1/scoring/runs/${runId}/results?pageSize=500`)).json() as {
      items: { subjectId: string }[];
    };
    const stored = await t.app.repos.scoring.allResults(runId);
    for (const item of all.items.slice(0, 12)) {
      const p = (await s.get(`/api/v1/scoring/runs/${runId}/subjects/${item.subjectId}`)).json() as {
        total: number;
        explanation: { total: number; nodes: Node[] };
        firstLevel: { code: string; points: number; average: number }[];
        inputs: {
          key: string;
          scored: number | null;
          stored: { source: string } | null;
          changedSinceRun: boolean;
        }[];
        ranked: number;
      };
      type Node = { code: string; points: number; children?: Node[] };
      const points = stored.find((r) => r.subjectId === item.subjectId)!.nodePoints;
      expect(p.explanation.total).toBeCloseTo(p.total, 9);
      const walk = (nodes: Node[]) =>
        nodes.forEach((n) => {
          expect(n.points, n.code).toBeCloseTo(points[n.code]!, 9);
          if (n.children) walk(n.children);
        });
      walk(p.explanation.nodes);
      expect(p.ranked).toBe(72);
      expect(p.firstLevel.map((f) => f.code)).toEqual(['A', 'B', 'D']);
      expect(p.inputs.every((i) => !i.changedSinceRun)).toBe(true);
    }
  });

  it('keeps a subject’s history across years and flags inputs changed since the run', async () => {
    const s = await t.login('sheng');
    // a 2025 run of the same template: no inputs, so every subject is incomplete
    const started = (await s.post('/api/v1/scoring/runs', { versionId: county2025.versionId })).json() as {
      jobId: string;
    };
    expect((await waitForJob(s, started.jobId)).status).toBe('succeeded');
    const all = (await s.get(`/api/v1/scoring/runs/${runId}/results?q=农安`)).json() as {
      items: { subjectId: string }[];
    };
    const id = all.items[0]!.subjectId;
    const url = `/api/v1/scoring/versions/${county.versionId}/subjects/${id}/inputs`;
    const form = (await s.get(url)).json() as { fields: { key: string; stored: { version: number } }[] };
    const v = form.fields.find((f) => f.key === 'A1.actual')!.stored.version;
    await s.request('PUT', url, {
      entries: [{ key: 'A1.actual', value: 99, source: 'statistics', version: v }],
    });
    const p = (await s.get(`/api/v1/scoring/runs/${runId}/subjects/${id}`)).json() as {
      history: { fiscalYear: number; grade: string }[];
      inputs: { key: string; changedSinceRun: boolean }[];
      explanation: { total: number };
      total: number;
    };
    expect(p.history.map((h) => h.fiscalYear)).toEqual([2025, 2026]);
    expect(p.history[0]!.grade).toBe('incomplete');
    expect(p.inputs.find((i) => i.key === 'A1.actual')!.changedSinceRun).toBe(true);
    // the explanation still explains the run, not today's inputs
    expect(p.explanation.total).toBeCloseTo(p.total, 9);
  });
});

describe('jobs', () => {
  it('takes over a run whose worker died (stale heartbeat) and finishes it', async () => {
    const user = t.users.sheng;
    const longAgo = new Date(Date.now() - 10 * 60_000);
    const { runId, jobId } = await t.app.transact(async (p) => {
      const run = await p.scoring.createRun({
        templateVersionId: county.versionId,
        fiscalYear: 2026,
        mofDivCode: '220100',
        name: '中断的评分',
        gradeScheme: JILIN_FIVE_TIER,
        createdBy: user,
      });
      const job = await p.jobs.enqueue({
        kind: SCORING_JOB_KINDS.run,
        params: { runId: run.id },
        createdBy: user,
        mofDivCode: '220100',
      });
      // a worker that then died: claimed, marked the run running, stopped beating
      const claimed = await p.jobs.claim('w-dead', longAgo, longAgo, [SCORING_JOB_KINDS.run]);
      expect(claimed?.id).toBe(job.id);
      await p.scoring.markRun(run.id, { status: 'running' });
      await p.scoring.setRunJob(run.id, job.id);
      return { runId: run.id, jobId: job.id };
    });
    const s = await t.login('sheng');
    const job = await waitForJob(s, jobId);
    expect(job.status).toBe('succeeded');
    const stored = await t.app.repos.jobs.get(jobId);
    expect(stored!.lockedBy).not.toBe('w-dead');
    const detail = (await s.get(`/api/v1/scoring/runs/${runId}`)).json() as {
      run: { status: string; subjectCount: number };
    };
    // 长春市 and its districts and counties
    expect(detail.run).toMatchObject({ status: 'succeeded' });
    expect(detail.run.subjectCount).toBeGreaterThan(10);
  });
});
