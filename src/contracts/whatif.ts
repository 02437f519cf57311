import { z } from 'zod';
import { DivisionCode, FiscalYear, Uuid } from './common.ts';
import { GradeScheme, TemplateDefinition } from './templates.ts';

/**
 * 情景模拟 (what-if, M11): a scorecard's published version or a year's self-evaluations scored twice —
 * baseline (as published, with the grade scheme and consequence rules in force) and scenario (an edited
 * template, grade bands and/or consequence rules) — over the same subjects and stored inputs, compared
 * side by side. Nothing is stored.
 */

export const WHATIF_SORTS = [
  'baselineRank',
  'scenarioRank',
  'baselineTotal',
  'scenarioTotal',
  'totalDelta',
  'rankDelta',
  'gradeSteps',
  'baselineAmount',
  'scenarioAmount',
  'amountDelta',
] as const;
export const WhatIfSort = z.enum(WHATIF_SORTS);
export type WhatIfSort = z.infer<typeof WhatIfSort>;

/** Which rows to list: all, or those whose total, grade, rank or amount changed (any of them: changed). */
export const WHATIF_FILTERS = ['all', 'changed', 'total', 'grade', 'rank', 'amount'] as const;
export const WhatIfFilter = z.enum(WHATIF_FILTERS);
export type WhatIfFilter = z.infer<typeof WhatIfFilter>;

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

/** The table of the comparison: one page of the filtered, sorted rows (the export takes them all). */
const TableQuery = {
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(20),
  sort: WhatIfSort.optional(),
  order: z.enum(['asc', 'desc']).optional(),
  filter: WhatIfFilter.default('all'),
  /** Rows whose baseline (from) and/or scenario (to) grade is this code ('incomplete' for none). */
  from: z.preprocess(blankToUndefined, z.string().max(32).optional()),
  to: z.preprocess(blankToUndefined, z.string().max(32).optional()),
  /** Name or code contains (scorecards). */
  q: z.preprocess(blankToUndefined, z.string().max(100).optional()),
  /** Rows of this division only (self-evaluations). */
  rowDivision: z.preprocess(blankToUndefined, DivisionCode.optional()),
};

/** What a scenario changes; each part left out stays as in the baseline. */
export const ScorecardScenario = z.object({
  /** A draft version (a copy of the published one) to score instead. */
  draftVersionId: Uuid.optional(),
  /** An unsaved edited tree (it wins over the draft's stored one). */
  definition: TemplateDefinition.optional(),
  gradeScheme: GradeScheme.optional(),
  /** Consequence rules (结果应用规则), checked by the consequences core listing every problem. */
  consequenceRules: z.unknown().optional(),
});
export type ScorecardScenario = z.infer<typeof ScorecardScenario>;

export const ScorecardWhatIfBody = z.object({
  /** The published version (the baseline). */
  versionId: Uuid,
  /** The division whose subjects are simulated (default: the user's own). */
  division: DivisionCode.optional(),
  /** run: the inputs stored with the latest finished run of the version in the division; inputs: the
   * inputs as they are now; auto: the run when there is one. */
  source: z.enum(['auto', 'run', 'inputs']).default('auto'),
  scenario: ScorecardScenario.default({}),
  ...TableQuery,
});
export type ScorecardWhatIfBody = z.input<typeof ScorecardWhatIfBody>;

export const SelfEvalScenario = z.object({
  gradeScheme: GradeScheme.optional(),
  consequenceRules: z.unknown().optional(),
});

export const SelfEvalWhatIfBody = z.object({
  division: DivisionCode.optional(),
  year: FiscalYear,
  scenario: SelfEvalScenario.default({}),
  ...TableQuery,
});
export type SelfEvalWhatIfBody = z.input<typeof SelfEvalWhatIfBody>;

const Lang = z.enum(['zh', 'en']).default('zh');
export const ScorecardExportBody = ScorecardWhatIfBody.extend({ lang: Lang });
export const SelfEvalExportBody = SelfEvalWhatIfBody.extend({ lang: Lang });

export const ScorecardContextQuery = z.object({
  versionId: Uuid,
  division: z.preprocess(blankToUndefined, DivisionCode.optional()),
});
export const SelfEvalContextQuery = z.object({
  division: z.preprocess(blankToUndefined, DivisionCode.optional()),
  year: FiscalYear,
});

// ---------------------------------------------------------------------------------------------------------
// Answers
// ---------------------------------------------------------------------------------------------------------

const RankCondition = z.object({ percent: z.number().optional(), count: z.number().optional() });
/** A consequence rule set as the consequences core normalizes it. */
export const RuleSet = z.object({
  targetYearOffset: z.number().int(),
  rules: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      labelEn: z.string().optional(),
      subjectKinds: z.array(z.string()).optional(),
      when: z.object({
        grades: z.array(z.string()).optional(),
        rankTop: RankCondition.optional(),
        rankBottom: RankCondition.optional(),
      }),
      action: z.string(),
      ratio: z.number().optional(),
      base: z.string().optional(),
      accountability: z.boolean().optional(),
    }),
  ),
});
export type RuleSet = z.infer<typeof RuleSet>;

export const GradeEntry = z.object({
  code: z.string(),
  label: z.string(),
  labelEn: z.string(),
  color: z.string(),
});
export type GradeEntry = z.infer<typeof GradeEntry>;

const Side = z.object({
  total: z.number(),
  grade: z.string(),
  rank: z.number().int().nullable(),
  /** Proposed change of the budget in fen (negative = cut); null when no rules are in force. */
  amountFen: z.number().nullable(),
  action: z.string().nullable(),
});

export const WhatIfRow = z.object({
  id: z.string(),
  code: z.string().nullable(),
  name: z.string(),
  mofDivCode: z.string(),
  divisionName: z.string(),
  /** The project's department (self-evaluations). */
  department: z.string().nullable(),
  baseline: Side,
  scenario: Side,
  delta: z.object({
    total: z.number(),
    gradeSteps: z.number().int(),
    rank: z.number().int(),
    amountFen: z.number(),
  }),
  changed: z.object({ total: z.boolean(), grade: z.boolean(), rank: z.boolean(), amount: z.boolean() }),
});
export type WhatIfRow = z.infer<typeof WhatIfRow>;

export const WhatIfSummary = z.object({
  subjects: z.number().int(),
  graded: z.object({ baseline: z.number().int(), scenario: z.number().int() }),
  gradeUp: z.number().int(),
  gradeDown: z.number().int(),
  gradeSame: z.number().int(),
  gradedOnOneSide: z.number().int(),
  rankUp: z.number().int(),
  rankDown: z.number().int(),
  rankSame: z.number().int(),
  maxRankRise: z.number().int(),
  maxRankFall: z.number().int(),
  totalChanged: z.number().int(),
  meanTotalDelta: z.number().nullable(),
  amountChanged: z.number().int(),
  baselineFen: z.number(),
  scenarioFen: z.number(),
  byGrade: z.array(
    z.object({
      code: z.string(),
      baselineCount: z.number().int(),
      scenarioCount: z.number().int(),
      baselineFen: z.number(),
      scenarioFen: z.number(),
    }),
  ),
  transitions: z.object({ codes: z.array(z.string()), counts: z.array(z.array(z.number().int())) }),
  gradeMoves: z.array(z.object({ steps: z.number().int(), count: z.number().int() })),
  /** Self-evaluations: per division, how many moved and how the money moved (largest change first). */
  byDivision: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      subjects: z.number().int(),
      gradeUp: z.number().int(),
      gradeDown: z.number().int(),
      baselineFen: z.number(),
      scenarioFen: z.number(),
    }),
  ),
});
export type WhatIfSummary = z.infer<typeof WhatIfSummary>;

export const WhatIfWarning = z.object({
  code: z.string(),
  message: z.string(),
  messageEn: z.string(),
});
export type WhatIfWarning = z.infer<typeof WhatIfWarning>;

const SideInfo = z.object({
  /** e.g. “2026年度第1版（已发布）” */
  label: z.string(),
  labelEn: z.string(),
  versionId: z.string().nullable(),
  versionNo: z.number().int().nullable(),
  maxScore: z.number().nullable(),
  /** The one scheme of the side; null when divisions grade with different schemes (self-evaluations). */
  scheme: GradeScheme.nullable(),
  rules: RuleSet.nullable(),
  targetFiscalYear: z.number().int(),
});

export const WhatIfResult = z.object({
  kind: z.enum(['scorecard', 'self_evaluation']),
  division: z.object({ code: z.string(), name: z.string() }),
  fiscalYear: z.number().int(),
  title: z.string(),
  titleEn: z.string(),
  source: z.object({
    kind: z.enum(['run', 'inputs', 'self_evaluations']),
    runId: z.string().nullable(),
    runName: z.string().nullable(),
    finishedAt: z.string().nullable(),
  }),
  baseline: SideInfo,
  scenario: SideInfo.extend({
    edited: z.object({ template: z.boolean(), scheme: z.boolean(), rules: z.boolean() }),
  }),
  grades: z.array(GradeEntry),
  warnings: z.array(WhatIfWarning),
  summary: WhatIfSummary,
  rows: z.object({
    items: z.array(WhatIfRow),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  }),
  timings: z.object({
    loadMs: z.number(),
    scoreMs: z.number(),
    compareMs: z.number(),
    totalMs: z.number(),
  }),
});
export type WhatIfResult = z.infer<typeof WhatIfResult>;

export const ScorecardContext = z.object({
  division: z.object({ code: z.string(), name: z.string() }),
  version: z.object({
    id: z.string(),
    templateId: z.string(),
    templateName: z.string(),
    templateNameEn: z.string().nullable(),
    subjectKind: z.string(),
    ownerDivisionName: z.string(),
    fiscalYear: z.number().int(),
    versionNo: z.number().int(),
    status: z.string(),
    definition: TemplateDefinition,
  }),
  scheme: GradeScheme,
  schemeFrom: z.enum(['version', 'setting', 'default']),
  rules: RuleSet.nullable(),
  rulesFrom: z.object({ code: z.string(), name: z.string() }).nullable(),
  ruleProblems: z.array(z.object({ path: z.string(), message: z.string(), messageEn: z.string() })),
  latestRun: z
    .object({
      id: z.string(),
      name: z.string().nullable(),
      finishedAt: z.string().nullable(),
      subjects: z.number(),
    })
    .nullable(),
  drafts: z.array(
    z.object({
      id: z.string(),
      versionNo: z.number().int(),
      fiscalYear: z.number().int(),
      gradeScheme: GradeScheme.nullable(),
    }),
  ),
  presets: z.array(GradeScheme),
});
export type ScorecardContext = z.infer<typeof ScorecardContext>;

export const SelfEvalContext = z.object({
  division: z.object({ code: z.string(), name: z.string() }),
  fiscalYear: z.number().int(),
  selfEvaluations: z.number().int(),
  /** The schemes in force across the divisions, with how many divisions use each. */
  schemes: z.array(z.object({ scheme: GradeScheme, divisions: z.number().int() })),
  rules: RuleSet.nullable(),
  rulesFrom: z.object({ code: z.string(), name: z.string() }).nullable(),
  ruleProblems: z.array(z.object({ path: z.string(), message: z.string(), messageEn: z.string() })),
  presets: z.array(GradeScheme),
});
export type SelfEvalContext = z.infer<typeof SelfEvalContext>;
