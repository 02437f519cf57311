/**
 * Fixtures of the scoring tests: a small county fiscal template and a department template published by
 * the province, a multipart body builder, a job waiter and a workbook filler.
 */
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import type { TemplateDefinition } from '../src/core/indicators/types.ts';
import { JILIN_FIVE_TIER } from '../src/core/scoring/grades.ts';
import type { TestApi, Session } from './api.ts';

export const COUNTY_TEMPLATE: TemplateDefinition = {
  maxScore: 100,
  nodes: [
    {
      type: 'group',
      code: 'A',
      name: '财政收入质量',
      weight: 40,
      children: [
        {
          type: 'leaf',
          code: 'A1',
          name: '税收收入占比',
          weight: 20,
          unit: '%',
          rule: { kind: 'positive', target: 70 },
          standard: '税收收入占一般公共预算收入比重达到70%得满分，未达到按比例计分。',
        },
        {
          type: 'leaf',
          code: 'A2',
          name: '收入增长率',
          weight: 20,
          unit: '%',
          rule: { kind: 'relative', method: 'mean_ratio', better: 'higher' },
        },
      ],
    },
    {
      type: 'group',
      code: 'B',
      name: '财政管理水平',
      weight: 60,
      children: [
        {
          type: 'leaf',
          code: 'B1',
          name: '预算执行率',
          weight: 30,
          unit: '%',
          rule: {
            kind: 'banded',
            bands: [
              { from: 0, points: 0 },
              { from: 60, points: 10 },
              { from: 80, points: 20 },
              { from: 95, points: 30 },
            ],
            interpolate: true,
          },
        },
        { type: 'leaf', code: 'B2', name: '内控制度建设', weight: 30, rule: { kind: 'qualitative' } },
      ],
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

export const DEPARTMENT_TEMPLATE: TemplateDefinition = {
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
    { type: 'leaf', code: 'E2', name: '绩效目标管理', weight: 40, rule: { kind: 'qualitative' } },
  ],
};

/** Creates and publishes a template of the province for a year; returns the version id. */
export async function publishTemplate(
  t: TestApi,
  code: string,
  subjectKind: 'county_fiscal' | 'department_budget',
  definition: TemplateDefinition,
  fiscalYear: number,
  name: string,
): Promise<{ templateId: string; versionId: string }> {
  const repo = t.app.repos.templates;
  let template = await repo.getTemplateByCode('220000', code);
  if (!template) {
    const created = await repo.createTemplate({ mofDivCode: '220000', code, name, subjectKind });
    if (!created.ok) throw new Error(created.error.message);
    template = created.value;
  }
  const v = await repo.createVersion({ templateId: template.id, fiscalYear, definition });
  if (!v.ok) throw new Error(v.error.message);
  const p = await repo.publishVersion(v.value.id, {});
  if (!p.ok) throw new Error(p.error.message);
  return { templateId: template.id, versionId: v.value.id };
}

/** A multipart/form-data body with one file and text fields. */
export function multipart(
  file: { name: string; content: Uint8Array; type?: string },
  fields: Record<string, string> = {},
): { body: Buffer; contentType: string } {
  const boundary = `----jixiao${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${file.name}"\r\ncontent-type: ${file.type ?? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'}\r\n\r\n`,
    ),
  );
  parts.push(Buffer.from(file.content));
  parts.push(Buffer.from(`\r\n--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

export async function upload(
  s: Session,
  url: string,
  file: { name: string; content: Uint8Array; type?: string },
  fields: Record<string, string> = {},
) {
  const { body, contentType } = multipart(file, fields);
  return s.request('POST', url, body, { 'content-type': contentType });
}

export interface JobView {
  id: string;
  kind: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  progress: number;
  total: number | null;
  message: string | null;
  result: unknown;
  error: unknown;
}

/** Polls GET /api/v1/jobs/:id until the job has finished. */
export async function waitForJob(s: Session, id: string, timeoutMs = 30_000): Promise<JobView> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const r = await s.get(`/api/v1/jobs/${id}`);
    expect(r.statusCode, r.body).toBe(200);
    const job = r.json() as JobView;
    if (job.status === 'succeeded' || job.status === 'failed') return job;
    if (Date.now() > until) throw new Error(`job ${id} still ${job.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 40));
  }
}

/** Sets cells of a downloaded input template by subject code and input key; returns the new file. */
export async function fillWorkbook(
  content: Uint8Array,
  values: (code: string) => Record<string, string | number | null> | null,
  extraRows: readonly { code: string; name: string; values: Record<string, string | number> }[] = [],
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(content as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('评分数据')!;
  const keyRow = ws.getRow(1);
  const col = new Map<string, number>();
  keyRow.eachCell((cell, c) => col.set(String(cell.value), c));
  const codeCol = col.get('code')!;
  let last = 3;
  ws.eachRow((row, r) => {
    if (r < 4) return;
    last = Math.max(last, r);
    const code = String(row.getCell(codeCol).value ?? '');
    const v = values(code);
    if (!v) return;
    for (const [key, value] of Object.entries(v)) {
      const c = col.get(key);
      if (!c) throw new Error(`no column ${key}`);
      row.getCell(c).value = value;
    }
  });
  for (const extra of extraRows) {
    const row = ws.getRow(++last);
    row.getCell(codeCol).value = extra.code;
    row.getCell(codeCol + 1).value = extra.name;
    for (const [key, value] of Object.entries(extra.values)) row.getCell(col.get(key)!).value = value;
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

// ---------------------------------------------------------------------------------------------------------
// Access matrix: a scoring target (version, subject, finished run, evidence file) per person and division
// ---------------------------------------------------------------------------------------------------------

const MX_LEAF = (code: string): TemplateDefinition => ({
  maxScore: 100,
  nodes: [{ type: 'leaf', code, name: '完成率', weight: 100, rule: { kind: 'positive', target: 100 } }],
});

export interface ScoringTarget {
  readonly versionId: string;
  readonly subjectId: string;
  readonly division: string;
  readonly runId: string;
  readonly attachmentId: string;
  /** The input key of the target's template. */
  readonly key: string;
}

const mxVersions = new WeakMap<object, Promise<{ county: string; dept: string }>>();
const mxTargets = new WeakMap<object, Map<string, Promise<ScoringTarget>>>();

function mxVersionsOf(t: TestApi) {
  let v = mxVersions.get(t.app);
  if (!v) {
    v = (async () => ({
      county: (await publishTemplate(t, 'mx-county', 'county_fiscal', MX_LEAF('A'), 2026, '矩阵市县模板'))
        .versionId,
      dept: (await publishTemplate(t, 'mx-dept', 'department_budget', MX_LEAF('E'), 2026, '矩阵部门模板'))
        .versionId,
    }))();
    mxVersions.set(t.app, v);
  }
  return v;
}

/** A target for a division's own subject ('220122') or a department's subject ('dept-jiaoyu'). */
export function scoringTarget(t: TestApi, of: string): Promise<ScoringTarget> {
  let byKey = mxTargets.get(t.app);
  if (!byKey) {
    byKey = new Map();
    mxTargets.set(t.app, byKey);
  }
  let target = byKey.get(of);
  if (!target) {
    target = (async () => {
      const versions = await mxVersionsOf(t);
      const repo = t.app.repos.scoring;
      const isDept = !/^\d{6}$/.test(of);
      const division = isDept ? '220000' : of;
      const org = isDept ? (await t.app.repos.access.getOrganization(t.orgs[of]!))! : null;
      const wanted = isDept
        ? {
            mofDivCode: division,
            kind: 'department' as const,
            refCode: of,
            name: org!.name,
            organizationId: org!.id,
            sortOrder: 0,
          }
        : {
            mofDivCode: of,
            kind: 'division' as const,
            refCode: of,
            name: of,
            organizationId: null,
            sortOrder: 0,
          };
      await repo.insertMissingSubjects([wanted]);
      const subject = (
        await repo.listSubjects({ kind: wanted.kind, divisionCodes: [division], organizationIds: null })
      ).find((x) => x.refCode === of)!;
      const versionId = isDept ? versions.dept : versions.county;
      const key = isDept ? 'E' : 'A';
      const run = await repo.createRun({
        templateVersionId: versionId,
        fiscalYear: 2026,
        mofDivCode: division,
        name: '矩阵测试批次',
        gradeScheme: JILIN_FIVE_TIER,
        createdBy: null,
      });
      await repo.replaceResults(run.id, [
        {
          runId: run.id,
          subjectId: subject.id,
          mofDivCode: subject.mofDivCode,
          total: 80,
          grade: 'good',
          rank: 1,
          nodePoints: { [key]: 80 },
          inputs: { [`${key}.actual`]: 80 },
          missing: [],
        },
      ]);
      await repo.markRun(run.id, {
        status: 'succeeded',
        subjectCount: 1,
        finishedAt: new Date(),
        summary: {
          subjects: 1,
          ranked: 1,
          incomplete: 0,
          withNotApplicable: 0,
          maxScore: 100,
          gradeCounts: { good: 1 },
          averages: { total: 80, nodes: { [key]: 80 } },
          firstLevel: [{ code: key, name: '完成率', nameEn: null, weight: 100 }],
        },
      });
      const attachment = await repo.createAttachment({
        mofDivCode: subject.mofDivCode,
        fileName: '佐证.txt',
        contentType: 'text/plain',
        content: new TextEncoder().encode('佐证材料'),
        sha256: '0'.repeat(64),
        objectType: 'scoring_evidence',
        objectId: subject.id,
        uploadedBy: null,
      });
      return {
        versionId,
        subjectId: subject.id,
        division,
        runId: run.id,
        attachmentId: attachment.id,
        key: `${key}.actual`,
      };
    })();
    byKey.set(of, target);
  }
  return target;
}

/** A small multipart body for the matrix's upload routes. */
export function matrixUpload(fields: Record<string, string> = {}, name = '填报.xlsx') {
  const { body, contentType } = multipart(
    { name, content: new TextEncoder().encode('not really a workbook') },
    fields,
  );
  return { body, headers: { 'content-type': contentType } };
}
