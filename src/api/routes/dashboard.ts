import { ErrorBody } from '../../contracts/common.ts';
import { Dashboard, DashboardQuery } from '../../contracts/dashboard.ts';
import type { Services } from '../../services/index.ts';
import { fail } from '../reply.ts';
import type { Api } from '../types.ts';

export function dashboardRoutes(app: Api, services: Services): void {
  app.get(
    '/api/v1/dashboard',
    {
      config: { permission: 'dashboard.read', readCache: true },
      schema: {
        tags: ['dashboard'],
        summary: '首页统计 / dashboard',
        querystring: DashboardQuery,
        response: { 200: Dashboard, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      const r = await services.dashboard.get(request.actor!, {
        ...(request.query.division ? { division: request.query.division } : {}),
        ...(request.query.year ? { year: request.query.year } : {}),
      });
      return r.ok ? r.value : fail(reply, r.error);
    },
  );
}
