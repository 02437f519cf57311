import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ConsequencePage,
  ConsequenceRow,
  DecideBody,
  RulesView,
  SaveRulesBody,
} from '../../../contracts/consequences.ts';
import { api, type Query } from '../../lib/api.ts';
import type { ApiError } from '../../lib/api-error.ts';

/** TanStack Query hooks of 结果应用 over /api/v1/consequences. */

export function useConsequences(runId: string | null, query: Query) {
  return useQuery<ConsequencePage, ApiError>({
    queryKey: ['consequences', 'run', runId, query],
    queryFn: ({ signal }) => api.get<ConsequencePage>(`/consequences/runs/${runId}`, { query, signal }),
    enabled: runId !== null,
    placeholderData: keepPreviousData,
  });
}

export function usePropose(runId: string | null) {
  const client = useQueryClient();
  return useMutation<{ written: number; kept: number }, ApiError, void>({
    mutationFn: () => api.post(`/consequences/runs/${runId}/proposals`),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['consequences', 'run', runId] }),
  });
}

export function useDecide(runId: string | null) {
  const client = useQueryClient();
  return useMutation<{ decided: ConsequenceRow[] }, ApiError, DecideBody>({
    mutationFn: (body) => api.post('/consequences/decisions', body),
    onSettled: () => void client.invalidateQueries({ queryKey: ['consequences', 'run', runId] }),
  });
}

export function useRules(division: string, year: number) {
  return useQuery<RulesView, ApiError>({
    queryKey: ['consequences', 'rules', division, year],
    queryFn: ({ signal }) => api.get<RulesView>('/consequences/rules', { query: { division, year }, signal }),
  });
}

export function useSaveRules() {
  const client = useQueryClient();
  return useMutation<RulesView, ApiError, SaveRulesBody>({
    mutationFn: (body) => api.put<RulesView>('/consequences/rules', body),
    onSuccess: (v) => client.setQueryData(['consequences', 'rules', v.division, v.fiscalYear], v),
  });
}

export function useResetRules() {
  const client = useQueryClient();
  return useMutation<RulesView, ApiError, { division: string; year: number; version: number }>({
    mutationFn: (q) => api.delete<RulesView>('/consequences/rules', { query: q }),
    onSuccess: (v) => client.setQueryData(['consequences', 'rules', v.division, v.fiscalYear], v),
  });
}
