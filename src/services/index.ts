import type { AuditService } from './audit-service.ts';
import type { AuthService } from './auth-service.ts';
import type { DashboardService } from './dashboard-service.ts';
import type { DivisionService } from './division-service.ts';
import type { IndicatorService } from './indicator-service.ts';
import type { JobService } from './job-service.ts';
import type { ConsequenceService } from './consequence-service.ts';
import type { LedgerService } from './ledger-service.ts';
import type { ScorecardService } from './scorecard-service.ts';
import type { ScoringService } from './scoring-service.ts';
import type { SelfEvalService } from './selfeval-service.ts';
import type { TemplateService } from './template-service.ts';
import type { UserService } from './user-service.ts';
import type { WhatIfService } from './whatif-service.ts';

/** Every use case the API and CLI reach, built by compose.ts. */
export interface Services {
  readonly auth: AuthService;
  readonly users: UserService;
  readonly divisions: DivisionService;
  readonly dashboard: DashboardService;
  readonly audit: AuditService;
  readonly jobs: JobService;
  readonly scoring: ScoringService;
  readonly scorecards: ScorecardService;
  readonly indicators: IndicatorService;
  readonly templates: TemplateService;
  readonly selfeval: SelfEvalService;
  readonly ledger: LedgerService;
  readonly consequences: ConsequenceService;
  readonly whatif: WhatIfService;
}
