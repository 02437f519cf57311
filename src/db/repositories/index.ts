import type { AccessPort } from '../../core/access/ports.ts';
import type { AuditPort } from '../../core/audit/ports.ts';
import type { IndicatorPort } from '../../core/indicators/ports.ts';
import type { JobPort } from '../../core/jobs/ports.ts';
import type { ScorecardPort } from '../../core/scorecards/ports.ts';
import type { ScoringPort } from '../../core/scoring/ports.ts';
import type { SelfEvaluationPort } from '../../core/selfeval/ports.ts';
import type { StatsPort } from '../../core/dashboard/ports.ts';
import type { LedgerPort } from '../../core/ledger/ports.ts';
import type { ConsequencePort } from '../../core/consequences/ports.ts';
import { makeLedgerRepo } from './ledger-repo.ts';
import { makeConsequenceRepo } from './consequence-repo.ts';
import { makeStatsRepo } from './stats-repo.ts';
import type { Db } from '../client.ts';
import { makeAccessRepo } from './access-repo.ts';
import { makeAuditRepo } from './audit-repo.ts';
import { makeIndicatorRepo } from './indicator-repo.ts';
import { makeJobRepo } from './job-repo.ts';
import { makeDivisionRepo, type DivisionRepo } from './division-repo.ts';
import { makeReferenceRepo, type ReferenceRepo } from './reference-repo.ts';
import { makeScorecardRepo } from './scorecard-repo.ts';
import { makeScoringRepo } from './scoring-repo.ts';
import { makeSelfEvalRepo } from './selfeval-repo.ts';
import { makeSettingRepo, type SettingRepo } from './setting-repo.ts';
import { makeTemplateRepo, type TemplateRepo } from './template-repo.ts';
import type { WhatIfPort } from '../../core/whatif/ports.ts';
import { makeWhatIfRepo } from './whatif-repo.ts';

/** Every repository over one `Db` (or one transaction). Add new ones here. */
export interface Repositories {
  readonly access: AccessPort;
  readonly audit: AuditPort;
  readonly jobs: JobPort;
  readonly stats: StatsPort;
  readonly divisions: DivisionRepo;
  readonly reference: ReferenceRepo;
  readonly settings: SettingRepo;
  readonly templates: TemplateRepo;
  readonly scoring: ScoringPort;
  readonly scorecards: ScorecardPort;
  readonly indicators: IndicatorPort;
  readonly selfEvaluations: SelfEvaluationPort;
  readonly ledger: LedgerPort;
  readonly consequences: ConsequencePort;
  readonly whatif: WhatIfPort;
}

export function makeRepositories(db: Db): Repositories {
  return {
    access: makeAccessRepo(db),
    audit: makeAuditRepo(db),
    jobs: makeJobRepo(db),
    stats: makeStatsRepo(db),
    divisions: makeDivisionRepo(db),
    reference: makeReferenceRepo(db),
    settings: makeSettingRepo(db),
    templates: makeTemplateRepo(db),
    scoring: makeScoringRepo(db),
    scorecards: makeScorecardRepo(db),
    indicators: makeIndicatorRepo(db),
    selfEvaluations: makeSelfEvalRepo(db),
    ledger: makeLedgerRepo(db),
    consequences: makeConsequenceRepo(db),
    whatif: makeWhatIfRepo(db),
  };
}

export type { DivisionRepo, ReferenceRepo, SettingRepo, TemplateRepo };
