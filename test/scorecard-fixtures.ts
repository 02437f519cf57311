/**
 * Scorecards in the test province (test/api.ts): the subjects the reference scorecards score, filled in with
 * the demo's generators (realistic values with sources and evidence), and small finished runs for the
 * access matrix (compare and peers need two subjects in one run).
 */
import type { TemplateDefinition } from '../src/core/indicators/types.ts';
import { JILIN_FIVE_TIER } from '../src/core/scoring/grades.ts';
import type { InputValueWrite, SubjectKind, SubjectRecord } from '../src/core/scoring/ports.ts';
import { SUBJECT_KIND_FOR_TEMPLATE } from '../src/core/scoring/subjects.ts';
import { Rng } from '../src/db/demo/rng.ts';
import type { SubjectContext } from '../src/db/demo/scorecard-kit.ts';
import { DEMO_SCORECARDS, drawSubjectInputs } from '../src/db/demo/scorecards.ts';
import type { TestApi } from './api.ts';
import { publishTemplate } from './scoring-fixtures.ts';

/** Subjects that are registered rather than derived: funds, asset classes and revenue items. */
export async function registerSubjects(t: TestApi): Promise<void> {
  const s = (mofDivCode: string, kind: SubjectKind, refCode: string, name: string, sortOrder: number) => ({
    mofDivCode,
    kind,
    refCode,
    name,
    organizationId: null,
    sortOrder,
  });
  await t.app.repos.scoring.insertMissingSubjects([
    s('220000', 'fund', 'JJ-CY-QC', '吉林省产业投资引导基金·汽车产业子基金', 10),
    s('220000', 'fund', 'JJ-KC-TS', '吉林省科技创新创业投资基金·天使投资子基金', 20),
    s('220100', 'fund', 'JJ-CC', '长春市产业发展投资引导基金', 30),
    s('220200', 'fund', 'JJ-JL', '吉林市产业引导基金', 40),
    ...['220000', '220100', '220200'].flatMap((d, i) => [
      s(d, 'asset_class', 'ZC-XZSY', `${d}行政事业性资产`, i * 10 + 1),
      s(d, 'asset_class', 'ZC-QY', `${d}企业国有资产`, i * 10 + 2),
      s(d, 'asset_class', 'ZC-ZRZY', `${d}自然资源资产`, i * 10 + 3),
      s(d, 'revenue_item', 'SR-ZZS', `${d}增值税`, i * 10 + 4),
      s(d, 'revenue_item', 'SR-GYZY', `${d}国有资源有偿使用收入`, i * 10 + 5),
      s(d, 'revenue_item', 'SR-TDCR', `${d}国有土地使用权出让收入`, i * 10 + 6),
    ]),
  ]);
}

function contextOf(subject: SubjectRecord, year: number): SubjectContext {
  const base = { name: subject.name, year };
  switch (subject.kind) {
    case 'division':
      return {
        ...base,
        level: subject.refCode.endsWith('00')
          ? 'prefecture'
          : subject.refCode.startsWith('2299')
            ? 'district'
            : 'county',
        noStateCapital: subject.refCode.startsWith('2299') && subject.refCode !== '229900',
      };
    case 'finance_division':
      return { ...base, level: 'finance_division' };
    case 'fund':
      return { ...base, level: 'fund' };
    case 'asset_class':
      return {
        ...base,
        level: 'asset',
        assetClass:
          subject.refCode === 'ZC-QY' ? 'enterprise' : subject.refCode === 'ZC-ZRZY' ? 'natural' : 'admin',
      };
    case 'revenue_item':
      return {
        ...base,
        level: 'revenue',
        revenueKind:
          subject.refCode === 'SR-TDCR' ? 'land' : subject.refCode === 'SR-GYZY' ? 'nontax' : 'tax',
      };
    default:
      return { ...base, level: 'department' };
  }
}

/**
 * Fills in every input of every subject of the reference scorecards of `year` with the demo's generators
 * (the subjects must exist: derived ones are created by a first score-all or a subjects listing).
 */
export async function fillReferenceScorecards(t: TestApi, year: number): Promise<number> {
  const versions = await t.app.repos.scoring.listVersions({
    templateDivisionCodes: ['220000'],
    fiscalYear: year,
    statuses: ['published'],
  });
  const all = (await t.app.repos.divisions.listAll()).map((d) => d.code);
  const writes: InputValueWrite[] = [];
  for (const v of versions) {
    const card = DEMO_SCORECARDS.find((c) => c.code === v.templateCode);
    if (!card) continue;
    const subjects = await t.app.repos.scoring.listSubjects({
      kind: SUBJECT_KIND_FOR_TEMPLATE[v.subjectKind],
      divisionCodes: all,
      organizationIds: null,
    });
    const rng = Rng.of('test-scorecards').fork(v.templateCode).fork(year);
    subjects.forEach((s, i) => {
      const q = 0.05 + ((i * 37) % 91) / 100;
      for (const d of drawSubjectInputs(
        card,
        v.definition,
        contextOf(s, year),
        q,
        rng.fork(s.refCode + s.mofDivCode),
      )) {
        writes.push({
          templateVersionId: v.id,
          subjectId: s.id,
          fiscalYear: year,
          mofDivCode: s.mofDivCode,
          inputKey: d.key,
          value: d.value,
          source: d.source,
          evidenceNote: d.evidenceNote,
          attachmentId: null,
          enteredBy: null,
          enteredAt: new Date(),
        });
      }
    });
  }
  return t.app.repos.scoring.upsertInputValues(writes);
}

// ---------------------------------------------------------------------------------------------------------
// Access matrix: finished runs with two or more subjects
// ---------------------------------------------------------------------------------------------------------

const ONE_LEAF = (code: string): TemplateDefinition => ({
  maxScore: 100,
  nodes: [{ type: 'leaf', code, name: '完成率', weight: 100, rule: { kind: 'positive', target: 100 } }],
});

export interface CardsTarget {
  readonly runId: string;
  /** Subject id by division code (county run) or organization fixture key (department run). */
  readonly subjects: Readonly<Record<string, string>>;
}

const targets = new WeakMap<object, Promise<{ county: CardsTarget; dept: CardsTarget }>>();

/** A county run over 220100, 220122, 220182, 220200 and a department run over dept-jiaoyu and dept-weijian. */
export function cardsTargets(t: TestApi): Promise<{ county: CardsTarget; dept: CardsTarget }> {
  let p = targets.get(t.app);
  if (!p) {
    p = (async () => {
      const repo = t.app.repos.scoring;
      const make = async (
        code: string,
        kind: 'county_fiscal' | 'department_budget',
        subjects: {
          key: string;
          mofDivCode: string;
          kind: SubjectKind;
          name: string;
          organizationId: string | null;
        }[],
      ): Promise<CardsTarget> => {
        const { versionId } = await publishTemplate(t, code, kind, ONE_LEAF('A'), 2026, `矩阵${code}`);
        await repo.insertMissingSubjects(
          subjects.map((s, i) => ({
            mofDivCode: s.mofDivCode,
            kind: s.kind,
            refCode: s.key,
            name: s.name,
            organizationId: s.organizationId,
            sortOrder: i,
          })),
        );
        const ids: Record<string, string> = {};
        for (const s of subjects) {
          const found = (
            await repo.listSubjects({ kind: s.kind, divisionCodes: [s.mofDivCode], organizationIds: null })
          ).find((x) => x.refCode === s.key)!;
          ids[s.key] = found.id;
        }
        const run = await repo.createRun({
          templateVersionId: versionId,
          fiscalYear: 2026,
          mofDivCode: '220000',
          name: '矩阵对比批次',
          gradeScheme: JILIN_FIVE_TIER,
          createdBy: null,
        });
        await repo.replaceResults(
          run.id,
          subjects.map((s, i) => ({
            runId: run.id,
            subjectId: ids[s.key]!,
            mofDivCode: s.mofDivCode,
            total: 70 + i * 5,
            grade: 'fair',
            rank: subjects.length - i,
            nodePoints: { A: 70 + i * 5 },
            inputs: { 'A.actual': 70 + i * 5 },
            missing: [],
          })),
        );
        await repo.markRun(run.id, {
          status: 'succeeded',
          subjectCount: subjects.length,
          finishedAt: new Date(),
          summary: {
            subjects: subjects.length,
            ranked: subjects.length,
            incomplete: 0,
            withNotApplicable: 0,
            maxScore: 100,
            gradeCounts: { fair: subjects.length },
            averages: { total: 75, nodes: { A: 75 } },
            firstLevel: [{ code: 'A', name: '完成率', nameEn: null, weight: 100, category: 'base' }],
          },
        });
        return { runId: run.id, subjects: ids };
      };
      const county = await make(
        'mx-cards-county',
        'county_fiscal',
        ['220100', '220122', '220182', '220200'].map((d) => ({
          key: d,
          mofDivCode: d,
          kind: 'division' as const,
          name: d,
          organizationId: null,
        })),
      );
      const dept = await make(
        'mx-cards-dept',
        'department_budget',
        ['dept-jiaoyu', 'dept-weijian'].map((k) => ({
          key: k,
          mofDivCode: '220000',
          kind: 'department' as const,
          name: k,
          organizationId: t.orgs[k]!,
        })),
      );
      return { county, dept };
    })();
    targets.set(t.app, p);
  }
  return p;
}
