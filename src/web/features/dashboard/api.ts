import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Dashboard } from '../../../contracts/dashboard.ts';
import { api } from '../../lib/api.ts';
import type { ApiError } from '../../lib/api-error.ts';
import { scopeQuery } from '../../lib/scope-core.ts';
import { useScope } from '../../lib/scope.tsx';

/** GET /api/v1/dashboard?division=&year= for the header's division and year. */
export function useDashboard() {
  const scope = useScope();
  const query = scopeQuery(scope);
  return useQuery<Dashboard, ApiError>({
    queryKey: ['dashboard', query.division, query.year],
    queryFn: ({ signal }) => api.get<Dashboard>('/dashboard', { query, signal }),
    placeholderData: keepPreviousData,
  });
}
