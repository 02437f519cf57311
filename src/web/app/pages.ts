import type { PageDef } from '../lib/pages.ts';
import { dashboardPages } from '../features/dashboard/pages.ts';
import { divisionPages } from '../features/divisions/pages.ts';
import { jobPages } from '../features/jobs/pages.ts';
import { scoringPages } from '../features/scoring/pages.ts';
import { scorecardPages } from '../features/scorecards/pages.ts';
import { indicatorPages } from '../features/indicators/pages.ts';
import { templatePages } from '../features/templates/pages.ts';
import { selfEvalPages } from '../features/selfeval/pages.ts';
import { adminPages } from '../features/admin/pages.ts';
import { whatIfPages } from '../features/whatif/pages.ts';
import { ledgerPages } from '../features/ledger/pages.ts';
import { consequencePages } from '../features/consequences/pages.ts';

/**
 * Every page of the app. To add a feature's pages: export `xxxPages = definePages([...])` from
 * `features/<context>/pages.ts`, import it here and spread it into the list. The menu order comes from
 * the page's group (MENU_GROUPS), not from this list.
 */
export const pages: readonly PageDef[] = [
  ...dashboardPages,
  ...divisionPages,
  ...indicatorPages,
  ...templatePages,
  ...selfEvalPages,
  ...adminPages,
  ...scoringPages,
  ...scorecardPages,
  ...jobPages,
  ...ledgerPages,
  ...consequencePages,
  ...whatIfPages,
];
