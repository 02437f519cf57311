import { z } from 'zod';
import { INPUT_SOURCES } from '../core/scoring/ports.ts';
import { DivisionCode, FiscalYear, pageOf, Uuid } from './common.ts';

/** 评分运行: template versions to score, subjects and their inputs, runs, results and portraits. */

export const InputSourceEnum = z.enum(INPUT_SOURCES);
const Lang = z.enum(['zh', 'en']).optional();
const TextPair = z.object({ zh: z.string(), en: z.string() });

export const ScoringVersion = z.object({
  id: z.string(),
  templateId: z.string(),
  templateCode: z.string(),
  templateName: z.string(),
  templateNameEn: z.string().nullable(),
  subjectKind: z.string(),
  ownerDivisionCode: z.string(),
  ownerDivisionName: z.string(),
  fiscalYear: z.number().int(),
  versionNo: z.number().int(),
  status: z.string(),
  publishedAt: z.string().nullable(),
  maxScore: z.number(),
  leafCount: z.number().int(),
  inputCount: z.number().int(),
});
export type ScoringVersion = z.infer<typeof ScoringVersion>;

export const VersionListQuery = z.object({
  year: FiscalYear.optional(),
  division: DivisionCode.optional(),
});

export const SubjectStatus = z.object({
  id: z.string(),
  refCode: z.string(),
  name: z.string(),
  mofDivCode: z.string(),
  kind: z.string(),
  required: z.number().int(),
  filled: z.number().int(),
  missing: z.number().int(),
  notApplicable: z.number().int(),
  lastEnteredAt: z.string().nullable(),
});
export type SubjectStatus = z.infer<typeof SubjectStatus>;

export const SubjectList = z.object({
  version: ScoringVersion,
  division: z.string(),
  subjects: z.array(SubjectStatus),
});
export type SubjectList = z.infer<typeof SubjectList>;

export const DivisionQuery = z.object({ division: DivisionCode.optional() });

export const StoredValue = z.object({
  id: z.string(),
  value: z.number().nullable(),
  source: InputSourceEnum,
  evidenceNote: z.string().nullable(),
  attachment: z.object({ id: z.string(), fileName: z.string(), sizeBytes: z.number() }).nullable(),
  enteredAt: z.string(),
  enteredBy: z.string().nullable(),
  version: z.number().int(),
});
export type StoredValue = z.infer<typeof StoredValue>;

export const InputField = z.object({
  key: z.string(),
  leafCode: z.string(),
  leafName: z.string(),
  leafNameEn: z.string().nullable(),
  path: z.string(),
  weight: z.number(),
  category: z.string(),
  name: z.string(),
  label: z.string(),
  labelEn: z.string(),
  unit: z.string().nullable(),
  format: z.enum(['number', 'level', 'count', 'score']),
  optional: z.boolean(),
  notApplicableAllowed: z.boolean(),
  levels: z
    .array(
      z.object({
        index: z.number().int(),
        label: z.string(),
        short: z.string(),
        labelEn: z.string().nullable(),
        min: z.number(),
        max: z.number(),
      }),
    )
    .nullable(),
  rule: TextPair,
  standard: z.string().nullable(),
  stored: StoredValue.nullable(),
});
export type InputField = z.infer<typeof InputField>;

const KeyLabel = z.object({ key: z.string(), label: z.string() });

export const SubjectInputs = z.object({
  version: ScoringVersion,
  subject: SubjectStatus,
  canEdit: z.boolean(),
  fields: z.array(InputField),
  missing: z.array(KeyLabel),
});
export type SubjectInputs = z.infer<typeof SubjectInputs>;

export const InputEntry = z.union([
  z.object({
    key: z.string().min(1).max(128),
    value: z.number().finite('请输入有效的数字').nullable(),
    source: InputSourceEnum,
    evidenceNote: z.string().trim().max(2000, '佐证说明不超过2000字').nullable().default(null),
    attachmentId: Uuid.nullable().default(null),
    version: z.number().int().min(1).nullable(),
  }),
  z.object({ key: z.string().min(1).max(128), remove: z.literal(true), version: z.number().int().min(1) }),
]);
export type InputEntry = z.infer<typeof InputEntry>;

export const SaveInputsBody = z.object({
  entries: z.array(InputEntry).min(1, '没有要保存的数据').max(2000),
});
export type SaveInputsBody = z.infer<typeof SaveInputsBody>;

export const Attachment = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
  createdAt: z.string(),
});
export type Attachment = z.infer<typeof Attachment>;

export const TemplateDownloadQuery = z.object({ division: DivisionCode.optional(), lang: Lang });

export const StartedJob = z.object({
  jobId: z.string(),
  kind: z.string(),
  status: z.string(),
});

/** The result (or, when refused, the error details) of an import job. */
export const ImportReport = z.object({
  outcome: z.enum(['imported', 'partly_imported', 'unchanged', 'rejected']),
  fileName: z.string(),
  versionId: z.string(),
  fiscalYear: z.number().int(),
  division: z.string(),
  rows: z.number().int(),
  goodRows: z.number().int(),
  badRows: z.number().int(),
  valuesWritten: z.number().int(),
  subjectsChanged: z.number().int(),
  errors: z.array(
    z.object({
      row: z.number().int(),
      code: z.string(),
      name: z.string(),
      problems: z.array(
        z.object({
          key: z.string().nullable(),
          column: z.string().nullable(),
          message: z.string(),
          messageEn: z.string(),
        }),
      ),
    }),
  ),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const StartRunBody = z.object({
  versionId: Uuid,
  division: DivisionCode.optional(),
  name: z.string().trim().max(100, '名称不超过100字').nullable().optional(),
});
export type StartRunBody = z.infer<typeof StartRunBody>;

export const Run = z.object({
  id: z.string(),
  name: z.string().nullable(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed']),
  fiscalYear: z.number().int(),
  mofDivCode: z.string(),
  divisionName: z.string(),
  templateId: z.string(),
  templateName: z.string(),
  templateNameEn: z.string().nullable(),
  subjectKind: z.string(),
  versionId: z.string(),
  versionNo: z.number().int(),
  subjectCount: z.number().int(),
  ranked: z.number().int().nullable(),
  incomplete: z.number().int().nullable(),
  jobId: z.string().nullable(),
  error: z.unknown(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type Run = z.infer<typeof Run>;

export const StartedRun = z.object({ run: Run, jobId: z.string() });

export const RunPage = pageOf(Run);

export const RunListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  year: FiscalYear.optional(),
  templateId: Uuid.optional(),
  versionId: Uuid.optional(),
  division: DivisionCode.optional(),
});

export const GradeBand = z.object({
  code: z.string(),
  label: z.string(),
  labelEn: z.string(),
  min: z.number(),
  color: z.string(),
});
export const GradeScheme = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  bands: z.array(GradeBand),
});
export type GradeScheme = z.infer<typeof GradeScheme>;

const FirstLevel = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  weight: z.number(),
  /** Absent in runs stored before categories were kept. */
  category: z.enum(['base', 'deduction', 'bonus']).optional(),
});

export const RunSummary = z.object({
  subjects: z.number().int(),
  ranked: z.number().int(),
  incomplete: z.number().int(),
  withNotApplicable: z.number().int(),
  maxScore: z.number(),
  gradeCounts: z.record(z.string(), z.number()),
  averages: z.object({ total: z.number().nullable(), nodes: z.record(z.string(), z.number()) }),
  firstLevel: z.array(FirstLevel),
  inputValues: z.number().int().optional(),
  timings: z.object({ loadMs: z.number(), scoreMs: z.number(), writeMs: z.number() }).optional(),
});
export type RunSummary = z.infer<typeof RunSummary>;

export const GradeCount = z.object({
  grade: z.string(),
  label: z.string(),
  labelEn: z.string(),
  color: z.string(),
  count: z.number().int(),
});
export type GradeCount = z.infer<typeof GradeCount>;

export const RunDetail = z.object({
  run: Run,
  scheme: GradeScheme,
  summary: RunSummary.nullable(),
  scopeLimited: z.boolean(),
  visible: z.number().int(),
  gradeCounts: z.array(GradeCount),
  incompleteSubjects: z.array(
    z.object({ subjectId: z.string(), refCode: z.string(), name: z.string(), missing: z.array(KeyLabel) }),
  ),
});
export type RunDetail = z.infer<typeof RunDetail>;

export const ResultItem = z.object({
  subjectId: z.string(),
  refCode: z.string(),
  name: z.string(),
  mofDivCode: z.string(),
  total: z.number(),
  grade: z.string(),
  rank: z.number().int().nullable(),
  firstLevel: z.record(z.string(), z.number()),
  missingCount: z.number().int(),
});
export type ResultItem = z.infer<typeof ResultItem>;
export const ResultPage = pageOf(ResultItem);
export type ResultPage = z.infer<typeof ResultPage>;

const resultFilters = {
  sort: z
    .string()
    .max(80)
    .regex(/^(rank|total|name|code|node:[^\s]{1,64})$/u, '排序字段无效')
    .optional(),
  order: z.enum(['asc', 'desc']).optional(),
  q: z.string().trim().max(100).optional(),
  grade: z.string().max(32).optional(),
  division: DivisionCode.optional(),
};
export const ResultQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
  ...resultFilters,
});
export const ResultExportQuery = z.object({ ...resultFilters, lang: Lang });

export interface NodeExplanation {
  code: string;
  name: string;
  nameEn?: string | undefined;
  type: 'leaf' | 'group';
  kind?: string | undefined;
  category: 'base' | 'deduction' | 'bonus';
  weight: number;
  points: number;
  lost: number;
  applicable: boolean;
  inputs: { key: string; name: string; label: string; labelEn: string; value: number | null }[];
  rule: { zh: string; en: string };
  computation: { zh: string; en: string };
  reasons: { zh: string; en: string }[];
  children?: NodeExplanation[] | undefined;
}
export const NodeExplanation: z.ZodType<NodeExplanation> = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string().optional(),
  type: z.enum(['leaf', 'group']),
  kind: z.string().optional(),
  category: z.enum(['base', 'deduction', 'bonus']),
  weight: z.number(),
  points: z.number(),
  lost: z.number(),
  applicable: z.boolean(),
  inputs: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      label: z.string(),
      labelEn: z.string(),
      value: z.number().nullable(),
    }),
  ),
  rule: TextPair,
  computation: TextPair,
  reasons: z.array(TextPair),
  children: z.array(z.lazy(() => NodeExplanation)).optional(),
});

export const Portrait = z.object({
  run: Run,
  scheme: GradeScheme,
  subject: z.object({
    id: z.string(),
    refCode: z.string(),
    name: z.string(),
    mofDivCode: z.string(),
    kind: z.string(),
  }),
  total: z.number(),
  grade: z.string(),
  rank: z.number().int().nullable(),
  ranked: z.number().int(),
  averageTotal: z.number().nullable(),
  maxScore: z.number(),
  firstLevel: z.array(FirstLevel.extend({ points: z.number(), average: z.number().nullable() })),
  missing: z.array(KeyLabel),
  explanation: z.object({
    total: z.number(),
    grade: GradeBand.nullable(),
    maxScore: z.number(),
    base: z.number(),
    adjustments: z.number(),
    notApplicableWeight: z.number(),
    nodes: z.array(NodeExplanation),
    notes: z.array(TextPair),
  }),
  inputs: z.array(
    z.object({
      key: z.string(),
      leafCode: z.string(),
      label: z.string(),
      labelEn: z.string(),
      unit: z.string().nullable(),
      format: z.enum(['number', 'level', 'count', 'score']),
      scored: z.number().nullable().optional(),
      levelLabel: z.string().nullable(),
      stored: StoredValue.nullable(),
      changedSinceRun: z.boolean(),
    }),
  ),
  history: z.array(
    z.object({
      runId: z.string(),
      runName: z.string().nullable(),
      fiscalYear: z.number().int(),
      versionNo: z.number().int(),
      finishedAt: z.string().nullable(),
      total: z.number(),
      grade: z.string(),
      gradeLabel: z.string(),
      gradeLabelEn: z.string(),
      gradeColor: z.string(),
      rank: z.number().int().nullable(),
      ranked: z.number().int(),
    }),
  ),
});
export type Portrait = z.infer<typeof Portrait>;
