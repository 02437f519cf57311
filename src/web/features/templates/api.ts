import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreatedTemplate,
  CreateTemplateBody,
  CreateVersionBody,
  Preview,
  PreviewBody,
  SaveDraftBody,
  TemplateVersion,
  TemplateView,
  Validation,
  VersionView,
} from '../../../contracts/templates.ts';
import type { z } from 'zod';
import type { Published, SavedDraft } from '../../../contracts/templates.ts';
import { api } from '../../lib/api.ts';
import type { ApiError } from '../../lib/api-error.ts';

/** GET /api/v1/templates: the templates a division may use (own and above), or also those below. */
export function useTemplates(query: { division: string; owners?: 'usable' | 'all'; subjectKind?: string }) {
  return useQuery<TemplateView[], ApiError>({
    queryKey: ['templates', 'list', query],
    queryFn: ({ signal }) => api.get<TemplateView[]>('/templates', { query, signal }),
  });
}

export function useTemplate(id: string | null) {
  return useQuery<TemplateView, ApiError>({
    queryKey: ['templates', 'one', id],
    queryFn: ({ signal }) => api.get<TemplateView>(`/templates/${id}`, { signal }),
    enabled: id !== null,
  });
}

export function useVersion(id: string) {
  return useQuery<VersionView, ApiError>({
    queryKey: ['templates', 'version', id],
    queryFn: ({ signal }) => api.get<VersionView>(`/template-versions/${id}`, { signal }),
  });
}

function useInvalidate() {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: ['templates'] });
}

export function useCreateTemplate() {
  const invalidate = useInvalidate();
  return useMutation<z.infer<typeof CreatedTemplate>, ApiError, CreateTemplateBody>({
    mutationFn: (body) => api.post('/templates', body),
    onSuccess: invalidate,
  });
}

export function useCreateVersion() {
  const invalidate = useInvalidate();
  return useMutation<TemplateVersion, ApiError, { templateId: string; body: CreateVersionBody }>({
    mutationFn: (v) => api.post(`/templates/${v.templateId}/versions`, v.body),
    onSuccess: invalidate,
  });
}

export function useSaveDraft() {
  const client = useQueryClient();
  return useMutation<z.infer<typeof SavedDraft>, ApiError, { id: string; body: SaveDraftBody }>({
    mutationFn: (v) => api.put(`/template-versions/${v.id}`, v.body),
    onSuccess: (saved, v) => {
      // The editor keeps its own state; the cached view follows without a refetch (which would reset it).
      client.setQueryData<VersionView>(['templates', 'version', v.id], (old) =>
        old ? { ...old, version: saved.version, issues: saved.issues } : old,
      );
      void client.invalidateQueries({ queryKey: ['templates', 'list'] });
      void client.invalidateQueries({ queryKey: ['templates', 'one'] });
    },
  });
}

export function usePublish() {
  const invalidate = useInvalidate();
  return useMutation<z.infer<typeof Published>, ApiError, { id: string; version: number }>({
    mutationFn: (v) => api.post(`/template-versions/${v.id}/publish`, { version: v.version }),
    onSuccess: invalidate,
  });
}

export function useDeleteDraft() {
  const invalidate = useInvalidate();
  return useMutation<null, ApiError, { id: string }>({
    mutationFn: (v) => api.delete(`/template-versions/${v.id}`),
    onSuccess: invalidate,
  });
}

export function useValidate() {
  return useMutation<Validation, ApiError, { id: string; definition: unknown }>({
    mutationFn: (v) => api.post(`/template-versions/${v.id}/validate`, { definition: v.definition }),
  });
}

export function usePreview() {
  return useMutation<Preview, ApiError, PreviewBody>({
    mutationFn: (body) => api.post('/templates/preview', body),
  });
}
