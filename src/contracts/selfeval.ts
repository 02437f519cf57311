import { z } from 'zod';
import { SELF_EVALUATION_SORTS, SELF_EVALUATION_STATUSES } from '../core/selfeval/ports.ts';
import { DivisionCode, FiscalYear, pageOf, Uuid } from './common.ts';

/**
 * 绩效评价 › 自评表核查: the checker's report on an uploaded or stored 项目支出绩效自评表 (the printed score and
 * the formula score side by side on every row, findings on their rows and listed at the top), the stored
 * self-evaluations of the projects in scope, and saving a checked table as a project's self-evaluation.
 */

const FINDING_CODES = [
  'SCORE_ABOVE_FORMULA',
  'SCORE_BELOW_FORMULA',
  'SCORE_OUTSIDE_QUALITATIVE_BAND',
  'WEIGHTS_NOT_100',
  'TOTAL_MISMATCH',
  'EXECUTION_RATE_LOW',
  'VALUE_UNPARSEABLE',
  'ACTUAL_PRINTED_WITH_SYMBOL',
] as const;

/** A printed value as the checker read it. */
export const ParsedValue = z.object({
  raw: z.string(),
  comparison: z.enum(['>=', '<=', '=', 'qualitative']).nullable(),
  value: z.number().nullable(),
  unit: z.string().nullable(),
  text: z.string().optional(),
  status: z.enum(['number', 'qualitative', 'blank', 'not_applicable', 'unparseable']),
});

export const CheckFinding = z.object({
  code: z.enum(FINDING_CODES),
  scope: z.enum(['budget', 'indicator', 'table']),
  row: z.string().optional(),
  indicatorIndex: z.number().int().optional(),
  /** The checker's Chinese message, with the numbers. */
  message: z.string(),
  /** The finding's name in both languages (自评得分高于公式得分 …). */
  title: z.object({ zh: z.string(), en: z.string() }),
});
export type CheckFinding = z.infer<typeof CheckFinding>;

/** One 三级指标 row in table order: what was printed, how it was read, and its formula score. */
export const CheckedIndicator = z.object({
  index: z.number().int(),
  level1: z.string(),
  level2: z.string(),
  name: z.string(),
  /** null for a row dropped as 不适用. */
  kind: z.enum(['positive', 'reverse', 'equality', 'qualitative']).nullable(),
  target: ParsedValue,
  actual: ParsedValue,
  converted: z.object({ value: z.number(), unit: z.string() }).optional(),
  weight: z.number(),
  printedScore: z.number().nullable(),
  formulaScore: z.number().nullable(),
  level: z.enum(['achieved', 'partial', 'not_achieved']).optional(),
  /** [lo, hi] in points. */
  band: z.array(z.number()).length(2).optional(),
  reason: z.string().optional(),
  notApplicable: z.boolean(),
});
export type CheckedIndicator = z.infer<typeof CheckedIndicator>;

export const GradeView = z.object({
  code: z.string(),
  label: z.string(),
  labelEn: z.string(),
  color: z.string(),
});

export const CheckReport = z.object({
  header: z.object({
    title: z.string().nullable(),
    projectName: z.string().nullable(),
    department: z.string().nullable(),
    implementingUnit: z.string().nullable(),
    unit: z.enum(['元', '万元']).nullable(),
    goals: z.object({ expected: z.string(), actual: z.string() }).nullable(),
    printedGrade: z.string().nullable(),
  }),
  budget: z.object({
    initial: z.number().nullable(),
    planned: z.number(),
    executed: z.number(),
    /** 全年执行数 / 全年预算数 as a fraction. */
    rate: z.number(),
    weight: z.number(),
    printedScore: z.number().nullable(),
    formulaScore: z.number(),
  }),
  indicators: z.array(CheckedIndicator),
  weightSum: z.number(),
  formulaTotal: z.number(),
  printedTotal: z.number().nullable(),
  printedScoreSum: z.number().nullable(),
  grade: GradeView,
  gradeScheme: z.object({ code: z.string(), name: z.string(), nameEn: z.string() }),
  /** The minimum execution rate the check used (a fraction). */
  minExecutionRate: z.number(),
  findings: z.array(CheckFinding),
});
export type CheckReport = z.infer<typeof CheckReport>;

/** The answer to an upload: the file's name and the check. */
export const CheckResult = z.object({ fileName: z.string(), report: CheckReport });
export type CheckResult = z.infer<typeof CheckResult>;

/** Where the upload is checked: the division and year whose settings (grade scheme …) apply. */
export const CheckQuery = z.object({
  division: DivisionCode.optional(),
  year: FiscalYear.optional(),
});

export const SelfEvaluationStatusEnum = z.enum(SELF_EVALUATION_STATUSES);

export const SelfEvaluationSummary = z.object({
  id: z.string(),
  mofDivCode: z.string(),
  fiscalYear: z.number().int(),
  projectId: z.string().nullable(),
  proCode: z.string().nullable(),
  projectName: z.string(),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  formulaTotal: z.number().nullable(),
  printedTotal: z.number().nullable(),
  grade: z.string().nullable(),
  findingCount: z.number().int(),
  status: SelfEvaluationStatusEnum,
  sourceAttachmentId: z.string().nullable(),
  submittedAt: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type SelfEvaluationSummary = z.infer<typeof SelfEvaluationSummary>;

export const SelfEvaluationPage = pageOf(SelfEvaluationSummary);
export type SelfEvaluationPage = z.infer<typeof SelfEvaluationPage>;

/** A stored self-evaluation with its table checked again under its division's and year's settings. */
export const SelfEvaluationDetail = z.object({
  selfEvaluation: SelfEvaluationSummary,
  sourceFileName: z.string().nullable(),
  report: CheckReport,
});
export type SelfEvaluationDetail = z.infer<typeof SelfEvaluationDetail>;

const many = <T extends z.ZodType>(item: T) =>
  z
    .union([item, z.array(item)])
    .optional()
    .transform((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]));

export const SelfEvaluationListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  sort: z.enum(SELF_EVALUATION_SORTS).default('projectName'),
  order: z.enum(['asc', 'desc']).default('asc'),
  q: z.string().trim().max(100).optional(),
  division: DivisionCode.optional(),
  year: FiscalYear.optional(),
  department: Uuid.optional(),
  grade: many(z.string().max(16)),
  /** 1: only tables with findings; 0: only clean ones. */
  findings: z.enum(['0', '1']).optional(),
  lang: z.enum(['zh', 'en']).optional(),
});
export type SelfEvaluationListQuery = z.input<typeof SelfEvaluationListQuery>;

export const ProjectOption = z.object({
  id: z.string(),
  mofDivCode: z.string(),
  fiscalYear: z.number().int(),
  proCode: z.string(),
  name: z.string(),
  departmentId: z.string(),
  departmentName: z.string().nullable(),
});
export type ProjectOption = z.infer<typeof ProjectOption>;

export const ProjectOptionQuery = z.object({
  q: z.string().trim().max(100).optional(),
  division: DivisionCode.optional(),
});

export const DepartmentOption = z.object({ id: z.string(), mofDivCode: z.string(), name: z.string() });
export type DepartmentOption = z.infer<typeof DepartmentOption>;

/**
 * The text fields of a save (multipart, before the file): the project, the year, and — when the project
 * already has a self-evaluation for the year — the version being replaced.
 */
export const SaveSelfEvaluationFields = z.object({
  projectId: Uuid,
  fiscalYear: FiscalYear,
  version: z.coerce.number().int().min(1).optional(),
});
export type SaveSelfEvaluationFields = z.infer<typeof SaveSelfEvaluationFields>;

export const SavedSelfEvaluation = z.object({
  selfEvaluation: SelfEvaluationSummary,
  /** True when an earlier table of the project and year was replaced. */
  replaced: z.boolean(),
});
export type SavedSelfEvaluation = z.infer<typeof SavedSelfEvaluation>;
