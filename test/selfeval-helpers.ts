/**
 * Helpers for self-evaluation route tests: multipart bodies for uploads, the fixture tables, and projects
 * and stored self-evaluations in a person's scope (created directly through the repositories).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkSelfEvaluation } from '../src/core/selfeval/check-self-evaluation.ts';
import type { SelfEvalTable } from '../src/core/selfeval/types.ts';
import { projects } from '../src/db/schema.ts';
import { PEOPLE, type Person, type TestApi } from './api.ts';

const FIXTURES = fileURLToPath(new URL('./fixtures/selfeval/', import.meta.url));

export function fixture(name: string): Buffer {
  return readFileSync(`${FIXTURES}${name}`);
}

export interface Multipart {
  readonly body: Buffer;
  readonly headers: Record<string, string>;
}

/** A multipart/form-data body: text fields first, then the one file (field `file`). */
export function multipart(
  file: { name: string; content: Buffer | Uint8Array; type?: string },
  fields: Record<string, string | number> = {},
): Multipart {
  const boundary = `----jixiao${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  const type =
    file.type ??
    (file.name.endsWith('.json')
      ? 'application/json'
      : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  chunks.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    Buffer.from(file.content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return {
    body: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** The organization a person's projects belong to (their own department or unit, else a department). */
async function departmentFor(
  t: TestApi,
  division: string,
  org: string | null,
): Promise<{ dept: string; unit: string | null }> {
  if (org === 'dept-jiaoyu' || org === 'dept-weijian') return { dept: t.orgs[org]!, unit: null };
  if (org === 'unit-jiaoyu') return { dept: t.orgs['dept-jiaoyu']!, unit: t.orgs['unit-jiaoyu']! };
  if (division === '220000') return { dept: t.orgs['dept-jiaoyu']!, unit: null };
  const key = `selfeval-dept-${division}`;
  const existing = (await t.app.repos.access.listOrganizations([division], null)).find((o) => o.code === key);
  if (existing) return { dept: existing.id, unit: null };
  const created = await t.app.repos.access.createOrganization({
    mofDivCode: division,
    parentId: null,
    kind: 'budget_department',
    code: key,
    name: `${division}教育局`,
    shortName: null,
    sortOrder: 0,
  });
  return { dept: created.id, unit: null };
}

let seq = 0;

/** A new project in the division (and of the organization) given, or in the person's own scope. */
export async function createProject(
  t: TestApi,
  where: { division: string; org?: string | null; name?: string },
): Promise<{ id: string; name: string; proCode: string; departmentId: string }> {
  const { dept, unit } = await departmentFor(t, where.division, where.org ?? null);
  const name = where.name ?? `测试项目${++seq}`;
  const proCode = `SE${where.division}${String(++seq).padStart(5, '0')}`;
  const [row] = await t.app.db
    .insert(projects)
    .values({
      mofDivCode: where.division,
      fiscalYear: 2026,
      proCode,
      name,
      departmentId: dept,
      agencyId: unit,
      projectKind: 'continuing',
      amountFen: 1_000_000_00,
      totalAmountFen: 1_000_000_00,
      libraryStatus: 'in_library',
    })
    .returning({ id: projects.id });
  return { id: row!.id, name, proCode, departmentId: dept };
}

export function projectInScopeOf(t: TestApi, person: Person) {
  return createProject(t, { division: PEOPLE[person].division, org: PEOPLE[person].org });
}

/** A stored self-evaluation (checked from a fixture) of a new project in the place given. */
export async function createSelfEvaluation(
  t: TestApi,
  where: { division: string; org?: string | null; year?: number; fixtureName?: string },
): Promise<{ id: string; projectId: string }> {
  const project = await createProject(t, where);
  const table = JSON.parse(
    fixture(where.fixtureName ?? 'messy-values.json').toString('utf8'),
  ) as SelfEvalTable;
  const report = checkSelfEvaluation(table);
  const content = fixture(where.fixtureName ?? 'messy-values.json');
  const source = await t.app.repos.selfEvaluations.addAttachment({
    mofDivCode: where.division,
    fileName: where.fixtureName ?? 'messy-values.json',
    contentType: 'application/json',
    content,
    sha256: createHash('sha256').update(content).digest('hex'),
    objectType: 'self_evaluation',
    objectId: null,
    uploadedBy: null,
  });
  const saved = await t.app.repos.selfEvaluations.insert({
    mofDivCode: where.division,
    fiscalYear: where.year ?? 2026,
    projectId: project.id,
    proCode: project.proCode,
    projectName: project.name,
    table,
    formulaTotal: report.formulaTotal,
    printedTotal: report.printedTotal,
    grade: report.grade.label,
    findings: report.findings,
    status: 'submitted',
    sourceAttachmentId: source.id,
    submittedBy: null,
    submittedAt: null,
  });
  await t.app.repos.selfEvaluations.linkAttachment(source.id, saved.id);
  return { id: saved.id, projectId: project.id };
}

/**
 * Where a person's own self-evaluations live in the access matrix: their division and, for departments
 * and units, their organization; null for people who see no project (agencies, experts).
 */
export function selfEvalPlace(person: Person): { division: string; org: string | null } | null {
  if (person === 'jigou' || person === 'zhuanjia') return null;
  return { division: PEOPLE[person].division, org: PEOPLE[person].org };
}
