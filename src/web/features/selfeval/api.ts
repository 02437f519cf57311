import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CheckResult,
  DepartmentOption,
  ProjectOption,
  SavedSelfEvaluation,
  SelfEvaluationDetail,
  SelfEvaluationPage,
} from '../../../contracts/selfeval.ts';
import { api, saveFile, type Query } from '../../lib/api.ts';
import type { ApiError } from '../../lib/api-error.ts';

const form = (file: File, fields: Record<string, string | number | undefined> = {}): FormData => {
  const f = new FormData();
  // text fields first: the server reads the fields sent before the file
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) f.append(k, String(v));
  f.append('file', file, file.name);
  return f;
};

/** POST /selfeval/check: the upload's check under the division's and year's settings. */
export function useCheckUpload() {
  return useMutation<CheckResult, ApiError, { file: File; division: string; year: number }>({
    mutationFn: (v) =>
      api.post<CheckResult>('/selfeval/check', form(v.file), {
        query: { division: v.division, year: v.year },
      }),
  });
}

/** Downloads the uploaded table annotated (公式得分, 核查意见, 核查结果 sheet). */
export async function downloadCheckedWorkbook(file: File, division: string, year: number): Promise<void> {
  const f = await api.download('POST', '/selfeval/check/workbook', {
    body: form(file),
    query: { division, year },
  });
  saveFile(f, `${file.name.replace(/\.[^.]+$/, '')}-核查.xlsx`);
}

export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  saveFile(await api.download('GET', path), fallbackName);
}

export function useSaveSelfEvaluation() {
  const client = useQueryClient();
  return useMutation<
    SavedSelfEvaluation,
    ApiError,
    { file: File; projectId: string; fiscalYear: number; version?: number }
  >({
    mutationFn: (v) =>
      api.post<SavedSelfEvaluation>(
        '/selfeval',
        form(v.file, { projectId: v.projectId, fiscalYear: v.fiscalYear, version: v.version }),
      ),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['selfeval'] }),
  });
}

export function useProjectOptions(q: string, division: string, enabled: boolean) {
  return useQuery<ProjectOption[], ApiError>({
    queryKey: ['selfeval', 'projects', division, q],
    queryFn: ({ signal }) =>
      api.get<ProjectOption[]>('/selfeval/projects', { query: { q, division }, signal }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useDepartmentOptions(division: string) {
  return useQuery<DepartmentOption[], ApiError>({
    queryKey: ['selfeval', 'departments', division],
    queryFn: ({ signal }) =>
      api.get<DepartmentOption[]>('/selfeval/departments', { query: { division }, signal }),
    staleTime: 5 * 60_000,
  });
}

export function useSelfEvaluationPage(query: Query) {
  return useQuery<SelfEvaluationPage, ApiError>({
    queryKey: ['selfeval', 'list', query],
    queryFn: ({ signal }) => api.get<SelfEvaluationPage>('/selfeval', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSelfEvaluation(id: string) {
  return useQuery<SelfEvaluationDetail, ApiError>({
    queryKey: ['selfeval', 'one', id],
    queryFn: ({ signal }) => api.get<SelfEvaluationDetail>(`/selfeval/${id}`, { signal }),
  });
}
