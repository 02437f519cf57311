import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateClueBody,
  IssueNoticeBody,
  LedgerFile,
  LedgerItemDetail,
  LedgerItemPage,
  NoticeDetail,
  NoticePage,
  NoticeProposal,
  OwnerOption,
  ReviewItemBody,
  SubmitItemBody,
} from '../../../contracts/ledger.ts';
import type { Run } from '../../../contracts/scoring.ts';
import { api, saveFile, type Query } from '../../lib/api.ts';
import type { ApiError } from '../../lib/api-error.ts';

/** TanStack Query hooks of 整改台账 over /api/v1/ledger. */

export function useItems(query: Query) {
  return useQuery<LedgerItemPage, ApiError>({
    queryKey: ['ledger', 'items', query],
    queryFn: ({ signal }) => api.get<LedgerItemPage>('/ledger/items', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useItem(id: string) {
  return useQuery<LedgerItemDetail, ApiError>({
    queryKey: ['ledger', 'item', id],
    queryFn: ({ signal }) => api.get<LedgerItemDetail>(`/ledger/items/${id}`, { signal }),
  });
}

function useItemMutation<B>(id: string, action: 'submit' | 'review') {
  const client = useQueryClient();
  return useMutation<LedgerItemDetail, ApiError, B>({
    mutationFn: (body) => api.post<LedgerItemDetail>(`/ledger/items/${id}/${action}`, body),
    onSuccess: (d) => {
      client.setQueryData(['ledger', 'item', id], d);
      void client.invalidateQueries({ queryKey: ['ledger', 'items'] });
      void client.invalidateQueries({ queryKey: ['ledger', 'notices'] });
      void client.invalidateQueries({ queryKey: ['dashboard'] });
    },
    onError: (e) => {
      if (e.code === 'VERSION_CONFLICT') void client.invalidateQueries({ queryKey: ['ledger', 'item', id] });
    },
  });
}

export const useSubmitItem = (id: string) => useItemMutation<SubmitItemBody>(id, 'submit');
export const useReviewItem = (id: string) => useItemMutation<ReviewItemBody>(id, 'review');

/** One file as multipart/form-data (the API client sends the CSRF token). */
function uploadTo<T>(path: string, file: File): Promise<T> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api.post<T>(path, form);
}

export const uploadEvidence = (itemId: string, file: File) =>
  uploadTo<LedgerFile>(`/ledger/items/${itemId}/evidence`, file);
export const uploadClueDocument = (clueId: string, file: File) =>
  uploadTo<LedgerFile>(`/ledger/clues/${clueId}/document`, file);

export async function downloadLedgerFile(id: string, fallbackName: string): Promise<void> {
  saveFile(await api.download('GET', `/ledger/files/${id}`), fallbackName);
}

export function useNotices(query: Query) {
  return useQuery<NoticePage, ApiError>({
    queryKey: ['ledger', 'notices', query],
    queryFn: ({ signal }) => api.get<NoticePage>('/ledger/notices', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useNotice(id: string) {
  return useQuery<NoticeDetail, ApiError>({
    queryKey: ['ledger', 'notice', id],
    queryFn: ({ signal }) => api.get<NoticeDetail>(`/ledger/notices/${id}`, { signal }),
  });
}

export function useNoticeProposal(runId: string | null, query: Query) {
  return useQuery<NoticeProposal, ApiError>({
    queryKey: ['ledger', 'proposal', runId, query],
    queryFn: ({ signal }) =>
      api.get<NoticeProposal>(`/ledger/runs/${runId}/notice-proposal`, { query, signal }),
    enabled: runId !== null,
    staleTime: Infinity,
  });
}

export function useIssueNotice() {
  const client = useQueryClient();
  return useMutation<NoticeDetail, ApiError, IssueNoticeBody>({
    mutationFn: (body) => api.post<NoticeDetail>('/ledger/notices', body),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['ledger'] });
      void client.invalidateQueries({ queryKey: ['dashboard'] });
    },
  });
}

export function useCreateClue() {
  const client = useQueryClient();
  return useMutation<LedgerItemDetail, ApiError, CreateClueBody>({
    mutationFn: (body) => api.post<LedgerItemDetail>('/ledger/clues', body),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['ledger'] });
      void client.invalidateQueries({ queryKey: ['dashboard'] });
    },
  });
}

export function useOwners(division: string, enabled: boolean) {
  return useQuery<OwnerOption[], ApiError>({
    queryKey: ['ledger', 'owners', division],
    queryFn: ({ signal }) => api.get<OwnerOption[]>('/ledger/owners', { query: { division }, signal }),
    enabled,
    staleTime: 60_000,
  });
}

/** Finished scoring runs of a division and year (to notice, or to apply results of). */
export function useFinishedRuns(division: string, year: number) {
  return useQuery<Run[], ApiError>({
    queryKey: ['scoring', 'runs', 'finished', division, year],
    queryFn: async ({ signal }) => {
      const page = await api.get<{ items: Run[] }>('/scoring/runs', {
        query: { division, year, pageSize: 200 },
        signal,
      });
      return page.items.filter((r) => r.status === 'succeeded');
    },
  });
}
