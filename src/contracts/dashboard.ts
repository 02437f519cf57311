import { z } from 'zod';

/** 首页: counts, amounts, grade distribution and what needs the user's action, for one division and year. */
export const DashboardQuery = z.object({
  division: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type DashboardQuery = z.infer<typeof DashboardQuery>;

export const Dashboard = z.object({
  division: z.object({ code: z.string(), name: z.string() }),
  fiscalYear: z.number().int(),
  counts: z.object({
    projects: z.number().int(),
    departments: z.number().int(),
    templates: z.number().int(),
    scoringRuns: z.number().int(),
    selfEvaluations: z.number().int(),
    selfEvaluationsWithFindings: z.number().int(),
  }),
  amounts: z.object({
    /** 项目预算总额, fen */
    projectBudgetFen: z.number().int(),
    /** by fund class (六类资金), fen */
    byFundClass: z.array(
      z.object({
        fundClass: z.string(),
        label: z.string(),
        projects: z.number().int(),
        amountFen: z.number().int(),
      }),
    ),
  }),
  grades: z.array(
    z.object({ grade: z.string(), label: z.string(), color: z.string(), count: z.number().int() }),
  ),
  tasks: z.array(
    z.object({
      kind: z.string(),
      title: z.string(),
      titleEn: z.string(),
      count: z.number().int(),
      link: z.string(),
      dueDate: z.string().nullable(),
    }),
  ),
  updatedAt: z.string(),
});
export type Dashboard = z.infer<typeof Dashboard>;
