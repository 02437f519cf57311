import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CatalogueItem, CompareView, PeersView, ScoreAllReport } from '../../../contracts/scorecards.ts';
import { api } from '../../lib/api.ts';
import type { ApiError } from '../../lib/api-error.ts';

/** The year's scorecards usable in a division, each with its latest results in the user's scope. */
export function useCatalogue(division: string, year: number) {
  return useQuery<CatalogueItem[], ApiError>({
    queryKey: ['scorecards', 'catalogue', division, year],
    queryFn: ({ signal }) => api.get<CatalogueItem[]>('/scorecards', { query: { division, year }, signal }),
  });
}

/** 一键评分: every scorecard of the year for the division, answered with the report. */
export function useScoreAll() {
  const client = useQueryClient();
  return useMutation<ScoreAllReport, ApiError, { division: string; year: number }>({
    mutationFn: (body) => api.post<ScoreAllReport>('/scorecards/score-all', body),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['scorecards'] });
      void client.invalidateQueries({ queryKey: ['scoring'] });
    },
  });
}

export function usePeers(runId: string, subjectId: string) {
  return useQuery<PeersView, ApiError>({
    queryKey: ['scorecards', 'peers', runId, subjectId],
    queryFn: ({ signal }) =>
      api.get<PeersView>(`/scorecards/runs/${runId}/subjects/${subjectId}/peers`, { signal }),
  });
}

export function useCompare(runId: string, subjectIds: readonly string[]) {
  return useQuery<CompareView, ApiError>({
    queryKey: ['scorecards', 'compare', runId, subjectIds.join(',')],
    queryFn: ({ signal }) =>
      api.get<CompareView>(`/scorecards/runs/${runId}/compare`, {
        query: { subjects: subjectIds.join(',') },
        signal,
      }),
    enabled: subjectIds.length >= 2 && subjectIds.length <= 5,
  });
}
