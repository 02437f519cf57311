import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Job } from '../../../contracts/admin.ts';
import type {
  Attachment,
  InputEntry,
  Portrait,
  ResultPage,
  Run,
  RunDetail,
  ScoringVersion,
  SubjectInputs,
  SubjectList,
} from '../../../contracts/scoring.ts';
import { api, type Query } from '../../lib/api.ts';
import type { ApiError } from '../../lib/api-error.ts';

type RunPage = { items: Run[]; total: number; page: number; pageSize: number };

/** Published template versions usable in a division and year. */
export function useScoringVersions(division: string, year: number) {
  return useQuery<ScoringVersion[], ApiError>({
    queryKey: ['scoring', 'versions', division, year],
    queryFn: ({ signal }) =>
      api.get<ScoringVersion[]>('/scoring/versions', { query: { division, year }, signal }),
  });
}

export function useSubjects(versionId: string | null, division: string) {
  return useQuery<SubjectList, ApiError>({
    queryKey: ['scoring', 'subjects', versionId, division],
    queryFn: ({ signal }) =>
      api.get<SubjectList>(`/scoring/versions/${versionId}/subjects`, { query: { division }, signal }),
    enabled: versionId !== null,
  });
}

export function useSubjectInputs(versionId: string, subjectId: string) {
  return useQuery<SubjectInputs, ApiError>({
    queryKey: ['scoring', 'inputs', versionId, subjectId],
    queryFn: ({ signal }) =>
      api.get<SubjectInputs>(`/scoring/versions/${versionId}/subjects/${subjectId}/inputs`, { signal }),
  });
}

export function useSaveInputs(versionId: string, subjectId: string) {
  const client = useQueryClient();
  return useMutation<SubjectInputs, ApiError, InputEntry[]>({
    mutationFn: (entries) =>
      api.put<SubjectInputs>(`/scoring/versions/${versionId}/subjects/${subjectId}/inputs`, { entries }),
    onSuccess: (saved) => {
      client.setQueryData(['scoring', 'inputs', versionId, subjectId], saved);
      void client.invalidateQueries({ queryKey: ['scoring', 'subjects', versionId] });
    },
  });
}

export function useRuns(query: Query) {
  return useQuery<RunPage, ApiError>({
    queryKey: ['scoring', 'runs', query],
    queryFn: ({ signal }) => api.get<RunPage>('/scoring/runs', { query, signal }),
    placeholderData: keepPreviousData,
    // keep the status of running runs fresh
    refetchInterval: (q) =>
      q.state.data?.items.some((r) => r.status === 'queued' || r.status === 'running') ? 2000 : false,
  });
}

export function useStartRun() {
  const client = useQueryClient();
  return useMutation<
    { run: Run; jobId: string },
    ApiError,
    { versionId: string; division: string; name: string | null }
  >({
    mutationFn: (body) => api.post('/scoring/runs', body),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['scoring', 'runs'] }),
  });
}

export function useRun(runId: string) {
  return useQuery<RunDetail, ApiError>({
    queryKey: ['scoring', 'run', runId],
    queryFn: ({ signal }) => api.get<RunDetail>(`/scoring/runs/${runId}`, { signal }),
    refetchInterval: (q) => {
      const s = q.state.data?.run.status;
      return s === 'queued' || s === 'running' ? 1500 : false;
    },
  });
}

export function useResults(runId: string, query: Query, enabled: boolean) {
  return useQuery<ResultPage, ApiError>({
    queryKey: ['scoring', 'results', runId, query],
    queryFn: ({ signal }) => api.get<ResultPage>(`/scoring/runs/${runId}/results`, { query, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function usePortrait(runId: string, subjectId: string) {
  return useQuery<Portrait, ApiError>({
    queryKey: ['scoring', 'portrait', runId, subjectId],
    queryFn: ({ signal }) => api.get<Portrait>(`/scoring/runs/${runId}/subjects/${subjectId}`, { signal }),
  });
}

/** A job's progress, polled until it has finished (the job lives in the database: reloading is fine). */
export function useJob(jobId: string | null) {
  return useQuery<Job, ApiError>({
    queryKey: ['jobs', 'one', jobId],
    queryFn: ({ signal }) => api.get<Job>(`/jobs/${jobId}`, { signal }),
    enabled: jobId !== null,
    refetchInterval: (q) => {
      const s = q.state.data?.status;
      return s === 'succeeded' || s === 'failed' ? false : 800;
    },
  });
}

/** Uploads one file as multipart/form-data with text fields (the API client sends the CSRF token). */
export function uploadFile<T>(path: string, file: File, fields: Record<string, string>): Promise<T> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', file, file.name);
  return api.post<T>(path, form);
}

export function uploadEvidence(subjectId: string, file: File): Promise<Attachment> {
  return uploadFile<Attachment>(`/scoring/subjects/${subjectId}/evidence`, file, {});
}
