import { z } from 'zod';
import { DivisionCode, FiscalYear, Uuid } from './common.ts';
import { GradeScheme } from './scoring.ts';

/** 综合评价与画像 across scorecards: score-all, the year's catalogue, comparisons and peers. */

const Category = z.enum(['base', 'deduction', 'bonus']);
const FirstLevelNode = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  weight: z.number(),
  category: Category,
});

export const ScoreAllBody = z.object({
  year: FiscalYear,
  division: DivisionCode.optional(),
  /** Run as a background job (answers 202 with the job) instead of answering with the report. */
  background: z.boolean().optional(),
});
export type ScoreAllBody = z.infer<typeof ScoreAllBody>;

export const ScoreAllReport = z.object({
  batchId: z.string(),
  fiscalYear: z.number().int(),
  division: z.string(),
  divisionName: z.string(),
  scheme: GradeScheme,
  runs: z.array(
    z.object({
      runId: z.string(),
      versionId: z.string(),
      versionNo: z.number().int(),
      templateId: z.string(),
      templateCode: z.string(),
      templateName: z.string(),
      templateNameEn: z.string().nullable(),
      subjectKind: z.string(),
      subjects: z.number().int(),
      ranked: z.number().int(),
      incomplete: z.number().int(),
      averageTotal: z.number().nullable(),
      gradeCounts: z.record(z.string(), z.number().int()),
    }),
  ),
  subjects: z.number().int(),
  inputValues: z.number().int(),
  timings: z.object({
    loadMs: z.number(),
    scoreMs: z.number(),
    storeMs: z.number(),
    totalMs: z.number(),
  }),
});
export type ScoreAllReport = z.infer<typeof ScoreAllReport>;

export const ScoreAllStarted = z.object({ jobId: z.string(), kind: z.string(), status: z.string() });

export const CatalogueQuery = z.object({ year: FiscalYear, division: DivisionCode.optional() });

const GradeCount = z.object({
  grade: z.string(),
  label: z.string(),
  labelEn: z.string(),
  color: z.string(),
  count: z.number().int(),
});

export const CatalogueItem = z.object({
  versionId: z.string(),
  versionNo: z.number().int(),
  versionStatus: z.string(),
  templateId: z.string(),
  templateCode: z.string(),
  templateName: z.string(),
  templateNameEn: z.string().nullable(),
  subjectKind: z.string(),
  ownerDivisionCode: z.string(),
  ownerDivisionName: z.string(),
  fiscalYear: z.number().int(),
  maxScore: z.number(),
  leafCount: z.number().int(),
  firstLevel: z.array(FirstLevelNode),
  run: z
    .object({
      id: z.string(),
      name: z.string().nullable(),
      mofDivCode: z.string(),
      divisionName: z.string(),
      finishedAt: z.string().nullable(),
      subjectCount: z.number().int(),
      ranked: z.number().int().nullable(),
      averageTotal: z.number().nullable(),
      scheme: GradeScheme,
      visible: z.number().int(),
      gradeCounts: z.array(GradeCount),
    })
    .nullable(),
});
export type CatalogueItem = z.infer<typeof CatalogueItem>;

export const RunSubjectParams = z.object({ runId: Uuid, subjectId: Uuid });

export const PeersView = z.object({
  runId: z.string(),
  version: z.object({ id: z.string(), versionNo: z.number().int(), fiscalYear: z.number().int() }),
  subject: z.object({ id: z.string(), name: z.string(), mofDivCode: z.string() }),
  basis: z.enum(['same_parent', 'same_item', 'all']),
  groupLabel: z.string(),
  peerCount: z.number().int(),
  rankAmongPeers: z.number().int().nullable(),
  peerAverageTotal: z.number().nullable(),
  provinceAverageTotal: z.number().nullable(),
  provinceCount: z.number().int(),
  total: z.number(),
  firstLevel: z.array(
    FirstLevelNode.extend({
      points: z.number(),
      peerAverage: z.number().nullable(),
      provinceAverage: z.number().nullable(),
    }),
  ),
  peers: z.array(
    z.object({
      subjectId: z.string(),
      name: z.string(),
      mofDivCode: z.string(),
      total: z.number(),
      grade: z.string(),
      self: z.boolean(),
    }),
  ),
});
export type PeersView = z.infer<typeof PeersView>;

export const CompareQuery = z.object({
  /** 2–5 subject ids, comma-separated. */
  subjects: z
    .string()
    .max(200)
    .transform((s) => s.split(',').filter((x) => x !== ''))
    .pipe(z.array(Uuid).min(1).max(10)),
});

export const CompareView = z.object({
  run: z.object({
    id: z.string(),
    name: z.string().nullable(),
    fiscalYear: z.number().int(),
    mofDivCode: z.string(),
    versionId: z.string(),
    versionNo: z.number().int(),
    templateId: z.string(),
    templateName: z.string(),
    templateNameEn: z.string().nullable(),
  }),
  scheme: GradeScheme,
  maxScore: z.number(),
  subjects: z.array(
    z.object({
      subjectId: z.string(),
      name: z.string(),
      refCode: z.string(),
      mofDivCode: z.string(),
      total: z.number(),
      grade: z.string(),
      rank: z.number().int().nullable(),
    }),
  ),
  averageTotal: z.number().nullable(),
  rows: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      nameEn: z.string().nullable(),
      depth: z.number().int(),
      type: z.enum(['leaf', 'group']),
      category: Category,
      weight: z.number(),
      unit: z.string().nullable(),
      points: z.array(z.number()),
      average: z.number().nullable(),
      inputs: z.array(
        z.object({
          key: z.string(),
          label: z.string(),
          labelEn: z.string(),
          values: z.array(z.number().nullable()),
          present: z.array(z.boolean()),
        }),
      ),
    }),
  ),
});
export type CompareView = z.infer<typeof CompareView>;
