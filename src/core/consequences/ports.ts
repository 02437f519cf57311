/**
 * What the consequence services (结果应用) need of storage: proposals and decisions per subject of a
 * scoring run, the base amounts (transfer payments of divisions, next-year project amounts of
 * departments), and the rule setting per division and year. Implemented by
 * db/repositories/consequence-repo.ts.
 */
import type { DomainError, Result } from '../kernel/index.ts';
import type { ConsequenceAction } from './rules.ts';

export const CONSEQUENCE_STATUSES = ['proposed', 'confirmed', 'rejected'] as const;
export type ConsequenceStatus = (typeof CONSEQUENCE_STATUSES)[number];

export interface ConsequenceRecord {
  readonly id: string;
  /** The subject's division. */
  readonly mofDivCode: string;
  readonly fiscalYear: number;
  readonly targetFiscalYear: number;
  /** The run (source 'scorecard'). */
  readonly sourceId: string;
  readonly subjectId: string | null;
  readonly subjectName: string | null;
  readonly subjectRefCode: string | null;
  readonly subjectKind: string | null;
  readonly organizationId: string | null;
  /** The deciding division (the run's). */
  readonly issuerMofDivCode: string | null;
  readonly rule: unknown;
  readonly explanation: unknown;
  readonly action: ConsequenceAction;
  readonly grade: string | null;
  readonly rank: number | null;
  readonly baseAmountFen: number;
  readonly proposedFen: number;
  readonly confirmedFen: number | null;
  readonly status: ConsequenceStatus;
  readonly accountabilityReferral: boolean;
  readonly note: string | null;
  readonly confirmedBy: string | null;
  readonly confirmedByName: string | null;
  readonly confirmedAt: Date | null;
  readonly version: number;
  readonly updatedAt: Date;
}

export interface NewConsequence {
  readonly mofDivCode: string;
  readonly fiscalYear: number;
  readonly targetFiscalYear: number;
  readonly sourceId: string;
  readonly subjectId: string;
  readonly organizationId: string | null;
  readonly issuerMofDivCode: string;
  readonly rule: unknown;
  readonly explanation: unknown;
  readonly action: ConsequenceAction;
  readonly grade: string;
  readonly rank: number | null;
  readonly baseAmountFen: number;
  readonly proposedFen: number;
  readonly accountabilityReferral: boolean;
  readonly createdBy: string;
}

export const CONSEQUENCE_SORTS = ['rank', 'proposedFen', 'confirmedFen', 'baseAmountFen', 'name'] as const;
export type ConsequenceSort = (typeof CONSEQUENCE_SORTS)[number];

export interface ConsequenceFilter {
  readonly runId: string;
  readonly divisionCodes: readonly string[];
  readonly organizationIds: readonly string[] | null;
  readonly statuses?: readonly ConsequenceStatus[];
  readonly actions?: readonly ConsequenceAction[];
  readonly q?: string;
  readonly sort: ConsequenceSort;
  readonly order: 'asc' | 'desc';
  readonly offset: number;
  readonly limit: number | null;
}

export interface ConsequenceTotals {
  readonly count: number;
  readonly proposedFen: number;
  readonly confirmedFen: number;
  readonly byStatus: Readonly<Record<ConsequenceStatus, number>>;
  readonly referrals: number;
}

export interface RuleSetting {
  readonly value: unknown;
  /** The division whose row supplies the value. */
  readonly fromMofDivCode: string;
  readonly inherited: boolean;
  /** Locked by an ancestor: the division may not override it. */
  readonly locked: boolean;
  /** The division's own row's version (null: none of its own). */
  readonly ownVersion: number | null;
  readonly note: string | null;
  readonly updatedAt: Date | null;
}

export interface ConsequencePort {
  /**
   * Writes proposals for a run: new rows, and new figures for rows still proposed. Confirmed and
   * rejected rows are kept as decided. Returns how many were written and kept.
   */
  saveProposals(rows: readonly NewConsequence[]): Promise<{ written: number; kept: number }>;
  list(f: ConsequenceFilter): Promise<{ items: ConsequenceRecord[]; total: number }>;
  totals(f: Omit<ConsequenceFilter, 'sort' | 'order' | 'offset' | 'limit'>): Promise<ConsequenceTotals>;
  get(id: string): Promise<ConsequenceRecord | null>;
  /** Applies a decision when the stored version is `expectedVersion`; null when stale. */
  decide(
    id: string,
    expectedVersion: number,
    patch: {
      readonly status: ConsequenceStatus;
      readonly confirmedFen: number | null;
      readonly note: string | null;
      readonly confirmedBy: string | null;
      readonly confirmedAt: Date | null;
    },
  ): Promise<ConsequenceRecord | null>;

  /** Transfer payments (funds of type transfer_payment) of divisions in a year, by division code. */
  transferPayments(divisionCodes: readonly string[], fiscalYear: number): Promise<Map<string, number>>;
  /** Projects' amounts of departments for a budget year, by department (organization) id. */
  departmentBudgets(departmentIds: readonly string[], fiscalYear: number): Promise<Map<string, number>>;

  getRuleSetting(mofDivCode: string, fiscalYear: number): Promise<RuleSetting | null>;
  /** Writes the division's own rules for a year (expectedVersion: the own row's version read, null = none). */
  saveRuleSetting(input: {
    readonly mofDivCode: string;
    readonly fiscalYear: number;
    readonly value: unknown;
    readonly note: string | null;
    readonly updatedBy: string;
    readonly expectedVersion: number | null;
  }): Promise<Result<RuleSetting, DomainError>>;
  /** Removes the division's own rules, so the inherited ones apply again. */
  removeRuleSetting(mofDivCode: string, fiscalYear: number, expectedVersion: number): Promise<boolean>;
}
