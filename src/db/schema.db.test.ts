import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testDbKind, useTestDatabase } from '../../test/db.ts';
import { pgErrorCode, PG_FOREIGN_KEY_VIOLATION, PG_RAISE_EXCEPTION } from './errors.ts';
import {
  attachments,
  auditEvents,
  goalIndicators,
  goalTables,
  organizations,
  projects,
  projectYearAmounts,
} from './schema.ts';

const t = useTestDatabase({ reference: true });

async function aDepartment(mofDivCode = '220100'): Promise<string> {
  const [org] = await t.db
    .insert(organizations)
    .values({ mofDivCode, kind: 'budget_department', code: `D${Math.random()}`, name: '市教育局' })
    .returning({ id: organizations.id });
  return org!.id;
}

async function failure(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected the statement to fail');
}

describe('schema on both drivers', () => {
  it('keeps audit_events append-only: UPDATE, DELETE and TRUNCATE are refused', async () => {
    const [event] = await t.db
      .insert(auditEvents)
      .values({
        action: 'template.publish',
        objectType: 'template_version',
        mofDivCode: '220000',
        hash: 'h1',
      })
      .returning();
    expect(event!.id).toBeTypeOf('number');
    const update = await failure(
      t.db.update(auditEvents).set({ action: 'forged' }).where(eq(auditEvents.id, event!.id)),
    );
    expect(pgErrorCode(update)).toBe(PG_RAISE_EXCEPTION);
    const del = await failure(t.db.delete(auditEvents).where(eq(auditEvents.id, event!.id)));
    expect(pgErrorCode(del)).toBe(PG_RAISE_EXCEPTION);
    const truncate = await failure(t.db.execute(sql`truncate audit_events`));
    expect(pgErrorCode(truncate)).toBe(PG_RAISE_EXCEPTION);
    const [row] = await t.db.select().from(auditEvents).where(eq(auditEvents.id, event!.id));
    expect(row?.action).toBe('template.publish');
  });

  it('round-trips fen above 2^31 (and up to 2^53 − 1) as JS numbers', async () => {
    const departmentId = await aDepartment();
    const amountFen = 3_000_000_000_00; // 30亿元
    const [p] = await t.db
      .insert(projects)
      .values({
        mofDivCode: '220100',
        fiscalYear: 2026,
        proCode: '22010026000001',
        name: '义务教育薄弱环节改善',
        departmentId,
        projectKind: 'new',
        amountFen,
        totalAmountFen: Number.MAX_SAFE_INTEGER,
      })
      .returning();
    await t.db
      .insert(projectYearAmounts)
      .values({ projectId: p!.id, mofDivCode: '220100', fiscalYear: 2027, amountFen: 2 ** 31 + 1 });
    const [back] = await t.db.select().from(projects).where(eq(projects.id, p!.id));
    expect(back!.amountFen).toBeTypeOf('number');
    expect(back!.amountFen).toBe(amountFen);
    expect(back!.totalAmountFen).toBe(Number.MAX_SAFE_INTEGER);
    const [year] = await t.db
      .select()
      .from(projectYearAmounts)
      .where(eq(projectYearAmounts.projectId, p!.id));
    expect(year!.amountFen).toBe(2 ** 31 + 1);
    const [sum] = await t.db
      .select({ total: sql<number>`sum(${projects.amountFen})::bigint`.mapWith(Number) })
      .from(projects);
    expect(sum!.total).toBe(amountFen);
  });

  it('needs count(*) cast to int: pg returns bigint as a string, PGlite as a number', async () => {
    const [raw] = await t.db.select({ n: sql`count(*)` }).from(organizations);
    expect(typeof raw!.n).toBe(testDbKind() === 'server' ? 'string' : 'number');
    const [cast] = await t.db.select({ n: sql<number>`count(*)::int` }).from(organizations);
    expect(cast!.n).toBeTypeOf('number');
    expect(cast!.n).toBe(Number(raw!.n));
  });

  it('round-trips bytea, jsonb, numeric scores, dates and instants', async () => {
    const content = new Uint8Array([0, 1, 2, 250, 255]);
    const sha256 = createHash('sha256').update(content).digest('hex');
    const [a] = await t.db
      .insert(attachments)
      .values({
        mofDivCode: '220122',
        fileName: '自评报告.pdf',
        contentType: 'application/pdf',
        sizeBytes: 5,
        sha256,
        content,
      })
      .returning();
    const [back] = await t.db.select().from(attachments).where(eq(attachments.id, a!.id));
    expect(back!.content).toBeInstanceOf(Uint8Array);
    expect([...back!.content]).toEqual([...content]);
    expect(back!.createdAt).toBeInstanceOf(Date);

    const departmentId = await aDepartment('220122');
    const [p] = await t.db
      .insert(projects)
      .values({
        mofDivCode: '220122',
        fiscalYear: 2026,
        proCode: 'P1',
        name: '农村公路养护',
        departmentId,
        projectKind: 'continuing',
      })
      .returning({ id: projects.id });
    const [goal] = await t.db
      .insert(goalTables)
      .values({
        mofDivCode: '220122',
        fiscalYear: 2026,
        subjectKind: 'project',
        projectId: p!.id,
        overallGoal: '完成养护里程',
      })
      .returning();
    const [ind] = await t.db
      .insert(goalIndicators)
      .values({
        mofDivCode: '220122',
        goalTableId: goal!.id,
        level1: '产出指标',
        level2: '数量指标',
        name: '养护里程',
        comparison: '>=',
        targetValue: 266.5,
        unit: '公里',
        weight: 12.35,
      })
      .returning();
    expect(ind!.weight).toBe(12.35);
    expect(ind!.targetValue).toBe(266.5);
  });

  it('keeps a child in its parent’s division (composite foreign keys)', async () => {
    const departmentId = await aDepartment('220100');
    const e = await failure(
      t.db.insert(projects).values({
        mofDivCode: '220122',
        fiscalYear: 2026,
        proCode: 'X1',
        name: 'x',
        departmentId,
        projectKind: 'new',
      }),
    );
    expect(pgErrorCode(e)).toBe(PG_FOREIGN_KEY_VIOLATION);
    const unknownDivision = await failure(
      t.db.insert(organizations).values({ mofDivCode: '999999', kind: 'other', name: 'x' }),
    );
    expect(pgErrorCode(unknownDivision)).toBe(PG_FOREIGN_KEY_VIOLATION);
  });
});
