import { useQuery } from '@tanstack/react-query';
import type { DivisionNode } from '../../../contracts/divisions.ts';
import { api } from '../../lib/api.ts';
import type { ApiError } from '../../lib/api-error.ts';

/** GET /api/v1/divisions/tree?root=CODE: the division and everything below it. Code tables change rarely. */
export function useDivisionTree(root: string) {
  return useQuery<DivisionNode, ApiError>({
    queryKey: ['divisions', 'tree', root],
    queryFn: ({ signal }) => api.get<DivisionNode>('/divisions/tree', { query: { root }, signal }),
    staleTime: 10 * 60_000,
  });
}
