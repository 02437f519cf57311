import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateIndicatorBody,
  Indicator,
  IndicatorPage,
  UpdateIndicatorBody,
} from '../../../contracts/indicators.ts';
import { api, type Query } from '../../lib/api.ts';
import type { ApiError } from '../../lib/api-error.ts';

/** GET /api/v1/indicators with the division, filters, paging and sort of the table. */
export function useIndicatorPage(query: Query) {
  return useQuery<IndicatorPage, ApiError>({
    queryKey: ['indicators', 'list', query],
    queryFn: ({ signal }) => api.get<IndicatorPage>('/indicators', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

/** One indicator, for the drawer (fresh when it opens). */
export function useIndicator(id: string | null) {
  return useQuery<Indicator, ApiError>({
    queryKey: ['indicators', 'one', id],
    queryFn: ({ signal }) => api.get<Indicator>(`/indicators/${id}`, { signal }),
    enabled: id !== null,
  });
}

export function useSaveIndicator() {
  const client = useQueryClient();
  return useMutation<
    Indicator,
    ApiError,
    { id: null; body: CreateIndicatorBody } | { id: string; body: UpdateIndicatorBody }
  >({
    mutationFn: (v) =>
      v.id === null
        ? api.post<Indicator>('/indicators', v.body)
        : api.patch<Indicator>(`/indicators/${v.id}`, v.body),
    onSuccess: (saved) => {
      client.setQueryData(['indicators', 'one', saved.id], saved);
      void client.invalidateQueries({ queryKey: ['indicators', 'list'] });
    },
  });
}

export function useRetireIndicator() {
  const client = useQueryClient();
  return useMutation<Indicator, ApiError, { id: string; version: number }>({
    mutationFn: (v) => api.post<Indicator>(`/indicators/${v.id}/retire`, { version: v.version }),
    onSuccess: (saved) => {
      client.setQueryData(['indicators', 'one', saved.id], saved);
      void client.invalidateQueries({ queryKey: ['indicators', 'list'] });
    },
  });
}
