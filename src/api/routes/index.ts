import type { Services } from '../../services/index.ts';
import type { Api } from '../types.ts';
import { adminRoutes } from './admin.ts';
import { consequenceRoutes } from './consequences.ts';
import { ledgerRoutes } from './ledger.ts';
import { dashboardRoutes } from './dashboard.ts';
import { divisionRoutes } from './divisions.ts';
import { indicatorRoutes } from './indicators.ts';
import { scorecardRoutes } from './scorecards.ts';
import { scoringRoutes } from './scoring.ts';
import { selfEvalRoutes } from './selfeval.ts';
import { sessionRoutes } from './session.ts';
import { templateRoutes } from './templates.ts';
import { whatIfRoutes } from './whatif.ts';

/** Every route module; a new context adds one line here. */
export const routeModules: readonly ((app: Api, services: Services) => void)[] = [
  sessionRoutes,
  dashboardRoutes,
  divisionRoutes,
  adminRoutes,
  scoringRoutes,
  scorecardRoutes,
  indicatorRoutes,
  templateRoutes,
  selfEvalRoutes,
  ledgerRoutes,
  consequenceRoutes,
  whatIfRoutes,
];
