/**
 * What the what-if service (情景模拟) takes and answers: the table query, the scenario inputs and the
 * comparison view (side by side, summary, timings). Shared by the service and its Excel export.
 */
import type { ConsequenceRuleSet } from '../../core/consequences/rules.ts';
import type { GradeScheme } from '../../core/scoring/grades.ts';
import type { ScoringVersionRecord } from '../../core/scoring/ports.ts';
import type { Comparison } from '../../core/whatif/compare.ts';

export type WhatIfSort =
  | 'baselineRank'
  | 'scenarioRank'
  | 'baselineTotal'
  | 'scenarioTotal'
  | 'totalDelta'
  | 'rankDelta'
  | 'gradeSteps'
  | 'baselineAmount'
  | 'scenarioAmount'
  | 'amountDelta';
export type WhatIfFilter = 'all' | 'changed' | 'total' | 'grade' | 'rank' | 'amount';

export interface TableInput {
  readonly page: number;
  readonly pageSize: number;
  readonly sort?: WhatIfSort | undefined;
  readonly order?: 'asc' | 'desc' | undefined;
  readonly filter: WhatIfFilter;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly q?: string | undefined;
  readonly rowDivision?: string | undefined;
}

export interface ScorecardInput extends TableInput {
  readonly versionId: string;
  readonly division?: string | undefined;
  readonly source: 'auto' | 'run' | 'inputs';
  readonly scenario: {
    readonly draftVersionId?: string | undefined;
    readonly definition?: ScoringVersionRecord['definition'] | undefined;
    readonly gradeScheme?: GradeScheme | undefined;
    readonly consequenceRules?: unknown;
  };
}

export interface SelfEvalInput extends TableInput {
  readonly division?: string | undefined;
  readonly year: number;
  readonly scenario: { readonly gradeScheme?: GradeScheme | undefined; readonly consequenceRules?: unknown };
}

export interface SideView {
  readonly total: number;
  readonly grade: string;
  readonly rank: number | null;
  readonly amountFen: number | null;
  readonly action: string | null;
}

export interface WhatIfRowView {
  readonly id: string;
  readonly code: string | null;
  readonly name: string;
  readonly mofDivCode: string;
  readonly divisionName: string;
  readonly department: string | null;
  readonly baseline: SideView;
  readonly scenario: SideView;
  readonly delta: { total: number; gradeSteps: number; rank: number; amountFen: number };
  readonly changed: { total: boolean; grade: boolean; rank: boolean; amount: boolean };
}

export interface Warning {
  readonly code: string;
  readonly message: string;
  readonly messageEn: string;
}

export interface SideInfo {
  readonly label: string;
  readonly labelEn: string;
  readonly versionId: string | null;
  readonly versionNo: number | null;
  readonly maxScore: number | null;
  readonly scheme: GradeScheme | null;
  readonly rules: ConsequenceRuleSet | null;
  readonly targetFiscalYear: number;
}

export interface WhatIfView {
  readonly kind: 'scorecard' | 'self_evaluation';
  readonly division: { code: string; name: string };
  readonly fiscalYear: number;
  readonly title: string;
  readonly titleEn: string;
  readonly source: {
    kind: 'run' | 'inputs' | 'self_evaluations';
    runId: string | null;
    runName: string | null;
    finishedAt: Date | null;
  };
  readonly baseline: SideInfo;
  readonly scenario: SideInfo & { edited: { template: boolean; scheme: boolean; rules: boolean } };
  readonly grades: readonly { code: string; label: string; labelEn: string; color: string }[];
  readonly warnings: readonly Warning[];
  readonly summary: Comparison['summary'] & { byDivision: readonly DivisionMoves[] };
  readonly rows: { items: WhatIfRowView[]; total: number; page: number; pageSize: number };
  readonly timings: { loadMs: number; scoreMs: number; compareMs: number; totalMs: number };
}

export interface DivisionMoves {
  readonly code: string;
  readonly name: string;
  readonly subjects: number;
  readonly gradeUp: number;
  readonly gradeDown: number;
  readonly baselineFen: number;
  readonly scenarioFen: number;
}
