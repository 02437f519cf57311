/** Dashboard figures of one division (or organization) and year. Amounts in fen. */
export interface DivisionStats {
  projects: number;
  departments: number;
  projectBudgetFen: number;
  byFundClass: Record<string, { projects: number; amountFen: number }>;
  selfEvaluations: number;
  selfEvaluationsWithFindings: number;
  /** Self-evaluation formula grades (优/良/中/低/差) → count. */
  selfEvalGrades: Record<string, number>;
  scoringRuns: number;
}

export interface StatsPort {
  /** Recomputes the figures of these divisions (their own rows only) for a year. */
  refresh(codes: readonly string[], fiscalYear: number): Promise<void>;
  /** Adds up the stored figures of these divisions. */
  sum(
    codes: readonly string[],
    fiscalYear: number,
  ): Promise<{ stats: DivisionStats; updatedAt: Date | null }>;
  /** Figures computed directly for organization-bound users (one department's or unit's projects). */
  organizationFigures(organizationIds: readonly string[], fiscalYear: number): Promise<DivisionStats>;
}

/** 六类资金 (MISSION.md M7, DOMAIN.md) with their Chinese names. */
export const FUND_CLASS_LABELS: Record<string, { zh: string; en: string }> = {
  development: { zh: '高质量发展专项资金', en: 'Development special funds' },
  major_investment: { zh: '重大项目资金', en: 'Major investment projects' },
  government_operation: { zh: '政务运行类资金', en: 'Government operations' },
  urban_operation: { zh: '城市运维类资金', en: 'Urban operation and maintenance' },
  livelihood: { zh: '民生类资金', en: "People's livelihood" },
  emergency: { zh: '应急稳定类资金', en: 'Emergency and stability' },
  unclassified: { zh: '未分类', en: 'Unclassified' },
};
